import autocannon from 'autocannon';
import type { KyselyPlugin } from 'kysely';
import type { Settings } from '../../shared/config';
import type { PortalDatabase } from '../../shared/db/portal-database';
import type { MirrorDatabase } from '../../shared/db/schema/mirror-tables';
import { listWindow } from '../../shared/http/list-result';
import { operations } from '../../shared/http/operations';
import { parseParameters } from '../../shared/http/parse-request';
import { listCustomerHeaders, toListFilter } from '../../shared/portal/list-service';
import type { PortalContext } from '../../shared/portal/portal-context';

export interface ApiLoadResult {
  readonly requests: number;
  readonly requestsPerSecond: number;
  /** Time per request at that throughput, to a tenth of a millisecond (autocannon's rate is a whole number per second). */
  readonly msPerRequest: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly non2xx: number;
  readonly errors: number;
}

/** A load running in the background: stop() ends it early, done gives its figures. */
export interface RunningLoad {
  stop(): void;
  readonly done: Promise<ApiLoadResult>;
}

/**
 * GETs `paths` round-robin, `connections` at a time, for `seconds` or until stopped. Each
 * connection waits for its answer before it sends the next request (a closed loop).
 */
export function startLoad(url: string, apiKey: string, paths: readonly string[], connections: number, seconds: number): RunningLoad {
  if (paths.length === 0) throw new Error('No paths to load');
  let next = 0;
  let instance: autocannon.Instance | undefined;
  const started = performance.now();
  const done = new Promise<ApiLoadResult>((resolve, reject) => {
    instance = autocannon(
      {
        url,
        connections,
        duration: seconds,
        headers: { 'x-api-key': apiKey },
        requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length] }) }],
      },
      (error: unknown, result: autocannon.Result) => {
        if (error) return reject(error instanceof Error ? error : new Error(String(error)));
        const elapsedMs = performance.now() - started;
        resolve({
          requests: result.requests.total,
          requestsPerSecond: Math.round(result.requests.average),
          msPerRequest: elapsedMs / Math.max(1, result.requests.total),
          p50Ms: result.latency.p50,
          p99Ms: result.latency.p99,
          non2xx: result.non2xx,
          errors: result.errors,
        });
      },
    );
  });
  return { stop: () => instance?.stop(), done };
}

export const loadPaths = (url: string, apiKey: string, paths: readonly string[], connections: number, seconds: number) =>
  startLoad(url, apiKey, paths, connections, seconds).done;

export interface ApiFloorResult {
  readonly requests: number;
  readonly msPerRequest: number;
  readonly queries: number;
  /** Requests that sent more statements than their page needs: 1, or 2 when the page is full. */
  readonly overQueried: number;
}

/**
 * The API floor: what the orders-list requests cost the engine alone. Each path's request is parsed
 * and answered by the same service call the endpoint makes, on the mirror the dev host serves (in
 * its own process, between two HTTP loads), one after another as the dev host's single thread does,
 * without HTTP, authentication or JSON.
 */
export async function listFloor(mirror: PortalDatabase<MirrorDatabase>, settings: Settings, paths: readonly string[], requests: number): Promise<ApiFloorResult> {
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
  executed = 0;
  let overQueried = 0;
  const started = performance.now();
  for (let i = 0; i < requests; i++) if (await answer(paths[i % paths.length]!)) overQueried += 1;
  const msPerRequest = (performance.now() - started) / Math.max(1, requests);
  return { requests, msPerRequest, queries: executed, overQueried };
}
