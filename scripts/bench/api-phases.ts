import { freePort } from '../lib/free-port';
import { loadPaths, startLoad, type ApiFloorResult, type ApiLoadResult } from './api-load';
import { startBenchHost, type BenchHost } from './host-control';
import type { HostSyncReport } from './host-protocol';

export const benchKey = 'bench-api-key-0123456789abcdef0123456789';

/** One HTTP load of the orders list and, right after it in the same host, the same requests answered in-process. */
export interface FloorPair {
  readonly http: ApiLoadResult;
  readonly floor: ApiFloorResult;
}

export interface ApiFigures {
  readonly endpoints: Array<[string, ApiLoadResult]>;
  readonly pairs: FloorPair[];
}

export interface SyncUnderLoad {
  readonly sync: HostSyncReport;
  readonly api: ApiLoadResult;
}

export interface DuringSyncFigures {
  readonly connections: number;
  readonly idle: ApiLoadResult;
  readonly full: SyncUnderLoad;
  readonly noChange: SyncUnderLoad;
}

async function withHost<T>(env: Record<string, string>, work: (host: BenchHost) => Promise<T>): Promise<T> {
  const host = await startBenchHost({
    ...env,
    DEMO_MODE: 'off',
    // Only the bench starts syncs: no scheduled one may land in a load (yearly, on 1 January).
    SYNC_SCHEDULE: '0 0 0 1 1 *',
    PORT: String(await freePort()),
    PORTAL_API_KEYS: benchKey,
    RATE_LIMIT_PER_MINUTE: '1000000',
    RATE_LIMIT_BURST: '1000000',
  });
  try {
    return await work(host);
  } finally {
    await host.stop();
  }
}

/**
 * Each endpoint under `connections` closed-loop connections, then the HTTP ÷ floor pairs: an HTTP
 * load of the orders list and the same number of requests answered in the host's own process,
 * alternately, so both sides of each pair see the same machine load.
 */
export function apiUnderLoad(
  env: Record<string, string>,
  endpoints: ReadonlyArray<[string, string[]]>,
  options: { connections: number; warmSeconds: number; loadSeconds: number; pairs: number; pairSeconds: number },
): Promise<ApiFigures> {
  return withHost(env, async (host) => {
    const figures: ApiFigures = { endpoints: [], pairs: [] };
    for (const [name, paths] of endpoints) {
      await loadPaths(host.url, benchKey, paths, options.connections, options.warmSeconds);
      figures.endpoints.push([name, await loadPaths(host.url, benchKey, paths, options.connections, options.loadSeconds)]);
    }
    const orders = endpoints[0]![1];
    for (let i = 0; i < options.pairs; i++) {
      const http = await loadPaths(host.url, benchKey, orders, options.connections, options.pairSeconds);
      figures.pairs.push({ http, floor: await host.floor(orders, http.requests) });
    }
    return figures;
  });
}

/**
 * The API while the dev host syncs: `connections` closed-loop connections on the orders list, idle,
 * then from the start to the end of a full resync (every mirror row rewritten), then of a
 * no-change sync. `env` says where the host's engines run and whether the ERP is behind the link.
 */
export function apiDuringSync(env: Record<string, string>, paths: readonly string[], connections: number, seconds: number): Promise<DuringSyncFigures> {
  return withHost(env, async (host) => {
    const load = (duration: number) => startLoad(host.url, benchKey, paths, connections, duration);
    await load(Math.min(2, seconds)).done;
    const idle = await load(seconds).done;
    const full = await host.syncUnderLoad(true, load);
    const noChange = await host.syncUnderLoad(false, load);
    return { connections, idle, full, noChange };
  });
}
