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

/** The orders list, first pages of the busiest customers, `connections` at a time for `seconds`. */
export async function loadOrdersList(
  url: string,
  apiKey: string,
  customers: readonly string[],
  connections: number,
  seconds: number,
): Promise<ApiLoadResult> {
  let next = 0;
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    headers: { 'x-api-key': apiKey },
    requests: [
      {
        method: 'GET',
        setupRequest: (request) => ({
          ...request,
          path: `/api/v1/orders?customer=${encodeURIComponent(customers[next++ % customers.length] ?? '')}&pageSize=20`,
        }),
      },
    ],
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
