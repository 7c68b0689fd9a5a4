import type { ApiLoadResult } from './api-load';
import type { ApiFigures, DuringSyncFigures, SyncUnderLoad } from './api-phases';
import { count, mark, seconds, type ReportRow } from './report-table';

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const latency = (result: ApiLoadResult) => `p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms`;

/**
 * Endpoints under load as context (the retired absolute marks, p99 ≤ 50 ms and ≥ 500 req/s, are no
 * budgets: they depend on the machine), then the budgets: the HTTP stack's overhead over the same
 * queries in-process as the median of interleaved pairs, and statements per list page.
 */
export function apiRows(figures: ApiFigures, connections: number): ReportRow[] {
  const ratios = figures.pairs.map((pair) => pair.http.msPerRequest / pair.floor.msPerRequest);
  const ratio = median(ratios);
  const queries = figures.pairs.reduce((n, pair) => n + pair.floor.queries, 0);
  const requests = figures.pairs.reduce((n, pair) => n + pair.floor.requests, 0);
  const overQueried = figures.pairs.reduce((n, pair) => n + pair.floor.overQueried, 0);
  return [
    [`API under load, ${connections} connections, engine in the host's thread (context)`, '', '', ''],
    ...figures.endpoints.flatMap(([name, result]): ReportRow[] => [
      [`  ${name}`, `${count(result.requestsPerSecond)} req/s, ${latency(result)}`, '', ''],
      ['    non-2xx + errors', count(result.non2xx + result.errors), '', ''],
    ]),
    [`  orders list, HTTP ÷ in-process, ${figures.pairs.length} interleaved pairs`, ratios.map((r) => `${r.toFixed(2)}×`).join(' '), '', ''],
    [
      '  HTTP ÷ in-process, median of the pairs (ms per request)',
      `${median(figures.pairs.map((p) => p.http.msPerRequest)).toFixed(2)} / ${median(figures.pairs.map((p) => p.floor.msPerRequest)).toFixed(2)} ms, ${ratio.toFixed(2)}×`,
      'overhead ≤ 30%',
      mark(ratio <= 1.3),
    ],
    ['  queries per orders-list request', (queries / Math.max(1, requests)).toFixed(2), '1, 2 on a full page', mark(overQueried === 0)],
  ];
}

function syncRows(name: string, run: SyncUnderLoad): ReportRow[] {
  const errors = run.api.non2xx + run.api.errors;
  return [
    [`  during a ${name} (${seconds(run.sync.summary.durationMs)}, ${count(run.api.requests)} requests)`, latency(run.api), 'p99 ≤ 1 s', mark(run.api.p99Ms <= 1000 && errors === 0)],
    ['    non-2xx + errors', count(errors), '', ''],
    ['    event loop delay during the sync', `p99 ${run.sync.loopDelay.p99Ms} ms, max ${run.sync.loopDelay.maxMs} ms`, 'p99 ≤ 50 ms', mark(run.sync.loopDelay.p99Ms <= 50)],
  ];
}

/** The dev host's API during syncs, beside its idle figures (each budget from one run of the host). */
export function duringSyncRows(figures: DuringSyncFigures, linkLabel: string): ReportRow[] {
  return [
    [`Dev host (engines in worker threads, ERP over ${linkLabel}), orders list, ${figures.connections} connections`, '', '', ''],
    ['  idle', `${latency(figures.idle)}, ${count(figures.idle.requestsPerSecond)} req/s`, '', ''],
    ...syncRows('full resync, every row rewritten', figures.full),
    ...syncRows('no-change sync', figures.noChange),
  ];
}
