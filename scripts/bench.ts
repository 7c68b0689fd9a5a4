import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { SyncRunSummary } from '../shared/sync/sync-summary';
import { loadOrdersList, waitForHealth, type ApiLoadResult } from './bench/api-load';
import type { PhaseReport } from './bench/bench-child';
import { root, runPhase, startProcess } from './bench/run-phase';
import { freePort } from './lib/free-port';

type SyncReport = PhaseReport & { summary: SyncRunSummary; busiestCustomers: string[] };
type LegacyReport = PhaseReport & { customers: number; legacyMs: number };

const work = join(root, '.data', 'bench');
const erp = `pglite:${join(work, 'erp')}`;
const mirror = `pglite:${join(work, 'mirror')}`;
const benchKey = 'bench-api-key-0123456789';

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');
const customersMs = (summary: SyncRunSummary) => summary.entities.find((e) => e.entity === 'customers')?.durationMs ?? 0;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { reseed: { type: 'boolean' }, seconds: { type: 'string', default: '10' }, connections: { type: 'string', default: '32' } },
  });
  const loadSeconds = Number(values.seconds);
  const connections = Number(values.connections);
  mkdirSync(work, { recursive: true });

  if (values.reseed || !existsSync(join(work, 'erp', 'PG_VERSION'))) {
    rmSync(join(work, 'erp'), { recursive: true, force: true });
    console.log('Seeding the demo ERP at seed scale…');
    await runPhase('bench/seed-phase.ts', { ERP_CONNECTION: erp }, false);
  }
  rmSync(join(work, 'mirror'), { recursive: true, force: true });
  rmSync(join(work, 'legacy'), { recursive: true, force: true });

  console.log('Full sync into an empty mirror…');
  const full = await runPhase<SyncReport>('bench/sync-phase.ts', { ERP_CONNECTION: erp, MIRROR_CONNECTION: mirror }, false);
  console.log('No-change rerun…');
  const rerun = await runPhase<SyncReport>('bench/sync-phase.ts', { ERP_CONNECTION: erp, MIRROR_CONNECTION: mirror }, false);
  console.log('Original method (delete all, insert row by row in batches of 1,000) on the same engine…');
  const legacy = await runPhase<LegacyReport>(
    'bench/legacy-customers-phase.ts',
    { ERP_CONNECTION: erp, MIRROR_CONNECTION: `pglite:${join(work, 'legacy')}` },
    false,
  );

  const port = await freePort();
  console.log(`Orders list under load: ${connections} connections for ${loadSeconds} s against the dev host…`);
  const stop = startProcess('dev-host.ts', {
    ERP_CONNECTION: erp,
    MIRROR_CONNECTION: mirror,
    DEMO_MODE: 'off',
    PORT: String(port),
    PORTAL_API_KEYS: benchKey,
    RATE_LIMIT_PER_MINUTE: '1000000',
    RATE_LIMIT_BURST: '1000000',
  });
  let api: ApiLoadResult;
  try {
    const url = `http://127.0.0.1:${port}`;
    await waitForHealth(url, 120_000);
    await loadOrdersList(url, benchKey, full.busiestCustomers, connections, 2);
    api = await loadOrdersList(url, benchKey, full.busiestCustomers, connections, loadSeconds);
  } finally {
    await stop();
  }

  const rerunWrites = rerun.summary.rowsChanged;
  const ratio = legacy.legacyMs / Math.max(1, customersMs(full.summary));
  const rerunRatio = legacy.legacyMs / Math.max(1, customersMs(rerun.summary));
  const rows: Array<[string, string, string, string]> = [
    ['Full sync into an empty mirror', seconds(full.summary.durationMs), '≤ 30 s', verdict(full.summary.durationMs <= 30_000)],
    ['  rows read / rows/s', `${full.summary.entities.reduce((s, e) => s + e.read, 0).toLocaleString('en-US')} / ${full.summary.rowsPerSecond.toLocaleString('en-US')}`, '', ''],
    ['No-change rerun', seconds(rerun.summary.durationMs), '≤ 25% of full', verdict(rerun.summary.durationMs <= full.summary.durationMs * 0.25)],
    ['  rows written by the rerun', String(rerunWrites), '0', verdict(rerunWrites === 0)],
    ['Customers: original method', seconds(legacy.legacyMs), '', ''],
    ['Customers: full sync pass', seconds(customersMs(full.summary)), '', ''],
    ['  speed-up, full pass', `${ratio.toFixed(1)}×`, '≥ 100×', verdict(ratio >= 100)],
    ['  speed-up, no-change pass', `${rerunRatio.toFixed(1)}×`, '≥ 100×', verdict(rerunRatio >= 100)],
    ['Orders list p99', `${api.p99Ms} ms`, '≤ 50 ms', verdict(api.p99Ms <= 50)],
    ['Orders list throughput', `${api.requestsPerSecond} req/s`, '≥ 500 req/s', verdict(api.requestsPerSecond >= 500)],
    ['  p50, non-2xx, errors', `${api.p50Ms} ms, ${api.non2xx}, ${api.errors}`, '', ''],
    ['Sync peak RSS (full / rerun)', `${full.maxRssMb} / ${rerun.maxRssMb} MB`, '≤ 1,200 MB', verdict(Math.max(full.maxRssMb, rerun.maxRssMb) <= 1200)],
  ];
  const width = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i]!.length)));
  console.log('');
  for (const row of rows) console.log(`${row[0].padEnd(width[0]!)}  ${row[1].padStart(width[1]!)}  ${row[2].padEnd(width[2]!)}  ${row[3]}`);
  writeFileSync(join(work, 'report.json'), JSON.stringify({ full, rerun, legacy, api }, null, 2));
  console.log(`\nDetails: ${join(work, 'report.json')}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
