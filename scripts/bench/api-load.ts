import autocannon from 'autocannon';

export interface ApiLoadResult {
  readonly requests: number;
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly non2xx: number;
  readonly errors: number;
}

export async function waitForHealth(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if ((await fetch(`${url}/api/v1/health`)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`dev host at ${url} did not become healthy`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** GETs `paths` round-robin, `connections` at a time for `seconds`. */
export async function loadPaths(
  url: string,
  apiKey: string,
  paths: readonly string[],
  connections: number,
  seconds: number,
): Promise<ApiLoadResult> {
  if (paths.length === 0) throw new Error('No paths to load');
  let next = 0;
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    headers: { 'x-api-key': apiKey },
    requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length] }) }],
  });
  return {
    requests: result.requests.total,
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}
