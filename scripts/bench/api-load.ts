import autocannon from 'autocannon';
import type { KyselyPlugin } from 'kysely';
import { loadSettings, type Environment } from '../../shared/config';
import { openDatabase } from '../../shared/db/open-database';
import type { MirrorDatabase } from '../../shared/db/schema/mirror-tables';
import { listWindow } from '../../shared/http/list-result';
import { operations } from '../../shared/http/operations';
import { parseParameters } from '../../shared/http/parse-request';
import { listCustomerHeaders, toListFilter } from '../../shared/portal/list-service';
import type { PortalContext } from '../../shared/portal/portal-context';
import { mark, type ReportRow } from './report-table';

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

export interface ApiFloorResult {
  readonly requests: number;
  readonly msPerRequest: number;
  readonly queries: number;
  /** Requests that sent more statements than their page needs: 1, or 2 when the page is full. */
  readonly overQueried: number;
}

/**
 * The API floor: what the orders-list requests cost the engine alone. Each path's request is parsed
 * and answered by the same service call the endpoint makes, in-process on the mirror the dev host
 * served (it must be stopped: PGlite opens a directory once), one after another as the dev host's
 * single thread does, without HTTP, authentication or JSON.
 */
export async function listFloor(env: Environment, paths: readonly string[], requests: number): Promise<ApiFloorResult> {
  const settings = loadSettings(env);
  const mirror = await openDatabase<MirrorDatabase>({ setting: 'MIRROR_CONNECTION', connection: settings.MIRROR_CONNECTION });
  let executed = 0;
  const counter: KyselyPlugin = {
    transformQuery: ({ node }) => node,
    transformResult: async ({ result }) => {
      executed += 1;
      return result;
    },
  };
  const context: PortalContext = {
    quoteTypes: settings.QUOTE_ORDER_TYPES,
    skuMatch: settings.BC_SKU_MATCH,
    mirror: async () => ({ dialect: mirror.dialect, db: mirror.db.withPlugin(counter) }),
  };
  const answer = async (path: string) => {
    const query = parseParameters(operations.ordersList.query, new URL(path, 'http://bench').searchParams);
    const window = listWindow(query, false);
    const before = executed;
    if (query.customer === undefined) throw new Error(`${path}: an API-key request names its customer`);
    const page = await listCustomerHeaders(context, 'orders', toListFilter(query.customer, query), window);
    return executed - before > (page.items.length < window.fetch ? 1 : 2);
  };
  try {
    for (const path of paths) await answer(path);
    executed = 0;
    let overQueried = 0;
    const started = performance.now();
    for (let i = 0; i < requests; i++) if (await answer(paths[i % paths.length]!)) overQueried += 1;
    const msPerRequest = (performance.now() - started) / Math.max(1, requests);
    return { requests, msPerRequest, queries: executed, overQueried };
  } finally {
    await mirror.close();
  }
}

/** The orders list over HTTP against its floor: the share the HTTP stack adds, and statements per request. */
export function floorRows(http: ApiLoadResult, floor: ApiFloorResult): ReportRow[] {
  const httpMs = 1000 / Math.max(1, http.requestsPerSecond);
  const overhead = (httpMs - floor.msPerRequest) / floor.msPerRequest;
  const perRequest = floor.queries / Math.max(1, floor.requests);
  return [
    ['API floor: orders list, no HTTP', `${floor.msPerRequest.toFixed(2)} ms/request`, '', ''],
    [
      '  HTTP ÷ floor, time per request',
      `${httpMs.toFixed(2)} / ${floor.msPerRequest.toFixed(2)} ms = ${(httpMs / floor.msPerRequest).toFixed(2)}×`,
      'overhead ≤ 30%',
      mark(overhead <= 0.3),
    ],
    ['  queries per orders-list request', perRequest.toFixed(2), '1, 2 on a full page', mark(floor.overQueried === 0)],
  ];
}
