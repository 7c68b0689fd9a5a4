import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { SyncRunSummary } from '../shared/sync/sync-summary';
import { apiDuringSync, apiUnderLoad } from './bench/api-phases';
import { apiRows, duringSyncRows } from './bench/api-rows';
import type { PhaseReport } from './bench/bench-child';
import type { FloorStep } from './bench/engine-floor-phase';
import { defaultLink, type LinkModel } from './bench/erp-link';
import { freshDirectory } from './bench/fresh-directory';
import { linkRows, type LinkSeries } from './bench/link-rows';
import type { LoopDelay } from './bench/loop-delay';
import { pdfLoad, type LiveLatency, type PdfLoadReport } from './bench/pdf-load';
import { pdfTiming } from './bench/pdf-timing';
import { pdfCost } from '../shared/http/operations';
import { count, mark, megabytes, percent, printTable, seconds, type ReportRow } from './bench/report-table';
import { root, runPhase } from './bench/run-phase';
import type { SyncLinkReport } from './bench/sync-phase';

type SampleOrder = { customer: string; orderNo: number };
type SyncReport = PhaseReport & { summary: SyncRunSummary; link: SyncLinkReport; loopDelay: LoopDelay; busiestCustomers: string[]; sampleOrders: SampleOrder[] };
type TouchReport = PhaseReport & { touched: Record<string, number> };
type FloorReport = PhaseReport & { floorMs: number; steps: FloorStep[] };
type LegacyReport = PhaseReport & { customers: number; legacyMs: number };

const written = (summary: SyncRunSummary) => summary.entities.reduce((s, e) => s + e.inserted + e.updated + e.deleted, 0);
const customersMs = (summary: SyncRunSummary) => summary.entities.find((e) => e.entity === 'customers')?.durationMs ?? 0;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean' },
      only: { type: 'string' },
      reseed: { type: 'boolean' },
      seconds: { type: 'string' },
      connections: { type: 'string', default: '32' },
      'sync-connections': { type: 'string', default: '8' },
      'erp-rtt': { type: 'string', default: String(defaultLink.rttMs) },
      'erp-mbit': { type: 'string', default: String(defaultLink.mbit) },
    },
  });
  if (values.only === 'pdf-load') return printPdfLoad();
  if (values.only !== undefined) throw new Error('--only takes pdf-load');
  const link: LinkModel = { rttMs: Number(values['erp-rtt']), mbit: Number(values['erp-mbit']) };
  if (!(link.rttMs >= 0) || !(link.mbit > 0)) throw new Error('--erp-rtt must be ≥ 0 ms and --erp-mbit > 0 Mbit/s');
  const quick = values.quick === true;
  const loadSeconds = Number(values.seconds ?? (quick ? 2 : 10));
  const connections = Number(values.connections);
  const work = join(root, '.data', quick ? 'bench-quick' : 'bench');
  const dir = (name: string) => join(work, name);
  const env = (mirror: string) => ({ ERP_CONNECTION: `pglite:${dir('erp')}`, MIRROR_CONNECTION: `pglite:${dir(mirror)}` });
  mkdirSync(work, { recursive: true });

  if (values.reseed || !existsSync(join(dir('erp'), 'PG_VERSION'))) {
    rmSync(dir('erp'), { recursive: true, force: true });
    console.log(quick ? 'Seeding a small demo ERP (--quick)…' : 'Seeding the demo ERP at seed scale…');
    await freshDirectory(work, dir('erp'));
    await runPhase('bench/seed-phase.ts', { ...env('mirror'), ...(quick ? { BENCH_CUSTOMERS: '1500' } : {}) }, false);
  }
  for (const name of ['mirror', 'floor', 'legacy', 'mirror-link', 'mirror-link-old']) await freshDirectory(work, dir(name));

  console.log('Full sync into an empty mirror…');
  const full = await runPhase<SyncReport>('bench/sync-phase.ts', env('mirror'), false);
  console.log('No-change rerun…');
  const rerun = await runPhase<SyncReport>('bench/sync-phase.ts', env('mirror'), false);
  console.log('Changing ~1% of the ERP rows, then rerunning…');
  const touch = await runPhase<TouchReport>('bench/touch-phase.ts', env('mirror'), false);
  const onePercent = await runPhase<SyncReport>('bench/sync-phase.ts', env('mirror'), false);
  console.log('Engine floor: COPY out, COPY in and MERGE of the same rows, without the sync engine…');
  const floor = await runPhase<FloorReport>('bench/engine-floor-phase.ts', env('floor'), false);
  console.log('Original method (delete all, insert row by row in batches of 1,000) on the same engine…');
  const legacy = await runPhase<LegacyReport>('bench/legacy-customers-phase.ts', env('legacy'), false);

  const sample = onePercent.sampleOrders;
  const byCustomer = (customer: string) => `customer=${encodeURIComponent(customer)}`;
  const endpoints: Array<[string, string[]]> = [
    ['Orders list', onePercent.busiestCustomers.map((c) => `/api/v1/orders?${byCustomer(c)}&pageSize=20`)],
    ['Order detail', sample.map((o) => `/api/v1/orders/${o.orderNo}?${byCustomer(o.customer)}`)],
    ['Invoices list', onePercent.busiestCustomers.map((c) => `/api/v1/invoices?${byCustomer(c)}&pageSize=20`)],
  ];
  console.log(`API under load: ${connections} connections, ${loadSeconds} s per endpoint, then HTTP and in-process pairs…`);
  const api = await apiUnderLoad(env('mirror'), endpoints, {
    connections,
    warmSeconds: quick ? 1 : 2,
    loadSeconds,
    pairs: 5,
    pairSeconds: Math.max(1, Math.round(loadSeconds / 2)),
  });
  const syncConnections = Number(values['sync-connections']);
  const workerEnv = { BENCH_PGLITE_THREAD: 'worker', BENCH_ERP_LINK: `${link.rttMs},${link.mbit}` };
  console.log(`The dev host's API during syncs: ${syncConnections} connections, engines in worker threads, the ERP over the link…`);
  const during = await apiDuringSync({ ...env('mirror'), ...workerEnv }, endpoints[0]![1], syncConnections, loadSeconds);
  console.log('Invoice PDF: rendering a 300-line invoice…');
  const pdf = await pdfTiming(300);
  console.log('PDF load: /health/live while one buyer asks for 60 PDFs at once…');
  const load = await pdfLoad();

  console.log(`The three sync runs again, the ERP over a link of ${link.rttMs} ms RTT and ${link.mbit} Mbit/s, each engine in a worker thread…`);
  const linkEnv = { ...env('mirror-link'), ...workerEnv };
  const linkedFull = await runPhase<SyncReport>('bench/sync-phase.ts', linkEnv, false);
  const linkedRerun = await runPhase<SyncReport>('bench/sync-phase.ts', linkEnv, false);
  const linkedTouch = await runPhase<TouchReport>('bench/touch-phase.ts', linkEnv, false);
  const linkedOnePercent = await runPhase<SyncReport>('bench/sync-phase.ts', linkEnv, false);
  const linked: LinkSeries & { touch: TouchReport } = { full: linkedFull, rerun: linkedRerun, touch: linkedTouch, onePercent: linkedOnePercent };
  console.log('The full sync over the link once more, both engines in the sync’s own thread as before…');
  const oldLinkedFull = await runPhase<SyncReport>('bench/sync-phase.ts', { ...env('mirror-link-old'), BENCH_ERP_LINK: workerEnv.BENCH_ERP_LINK }, false);

  const fullMs = full.summary.durationMs;
  const ratio = legacy.legacyMs / Math.max(1, customersMs(full.summary));
  const rerunRatio = legacy.legacyMs / Math.max(1, customersMs(rerun.summary));
  const rows: ReportRow[] = [
    ['Full sync into an empty mirror (context; the retired mark was ≤ 30 s)', seconds(fullMs), '', ''],
    ...full.summary.entities.map((e): ReportRow => [`  ${e.entity}: rows read, rows/s`, `${count(e.read)}, ${count(e.rowsPerSecond)}/s`, '', '']),
    ['  peak RSS', `${full.maxRssMb} MB`, '≤ 1,200 MB', mark(full.maxRssMb <= 1200)],
    ['  event loop delay, engines in the sync’s thread (context)', `p99 ${full.loopDelay.p99Ms} ms, max ${full.loopDelay.maxMs} ms`, '', ''],
    ['Engine floor (COPY + MERGE, no engine)', seconds(floor.floorMs), '', ''],
    ['  our speed as a share of the floor’s (floor time ÷ ours)', percent(floor.floorMs, fullMs), '≥ 60%', mark(floor.floorMs >= fullMs * 0.6)],
    ['No-change rerun', `${seconds(rerun.summary.durationMs)} = ${percent(rerun.summary.durationMs, fullMs)}`, '≤ 10% of full', mark(rerun.summary.durationMs <= fullMs * 0.1)],
    ['  rows written', count(written(rerun.summary)), '0', mark(written(rerun.summary) === 0)],
    ['  peak RSS', `${rerun.maxRssMb} MB`, '≤ 1,200 MB', mark(rerun.maxRssMb <= 1200)],
    ['1%-changed rerun', `${seconds(onePercent.summary.durationMs)} = ${percent(onePercent.summary.durationMs, fullMs)}`, '', ''],
    ['  ERP rows changed / mirror rows written', `${count(Object.values(touch.touched).reduce((a, b) => a + b, 0))} / ${count(written(onePercent.summary))}`, '', ''],
    [`Customers, original method (${count(legacy.customers)})`, seconds(legacy.legacyMs), '', ''],
    ['  ours, full pass / no-change pass', `${seconds(customersMs(full.summary))} / ${seconds(customersMs(rerun.summary))}`, '', ''],
    ['  speed-up, full / no-change pass (context; the retired mark was ≥ 100×)', `${ratio.toFixed(1)}× / ${rerunRatio.toFixed(1)}×`, '', ''],
    ...apiRows(api, connections),
    ...duringSyncRows(during, `the link (${link.rttMs} ms, ${link.mbit} Mbit/s)`),
    [`Invoice PDF, ${pdf.lines} lines: median of ${pdf.runs} (first), CPU`, `${pdf.medianMs.toFixed(0)} ms (${pdf.firstMs.toFixed(0)} ms), ${pdf.cpuMs.toFixed(0)} ms`, '', ''],
    ['  pages, size', `${pdf.pages}, ${megabytes(pdf.bytes)}`, '', ''],
    ...pdfLoadRows(load),
    ...linkRows({ full, rerun, onePercent }, linked, oldLinkedFull, link),
  ];
  console.log('');
  printTable(rows);
  const report = join(work, 'report.json');
  writeFileSync(report, JSON.stringify({ quick, full, rerun, touch, onePercent, floor, legacy, api, during, pdf, load, link, linked, oldLinkedFull }, null, 2));
  console.log(`\nDetails: ${report}`);
}

function pdfLoadRows(load: PdfLoadReport): ReportRow[] {
  const row = (name: string, figure: LiveLatency): ReportRow => [
    `  ${name}: /health/live max (p50), PDFs refused`,
    `${figure.maxMs.toFixed(0)} ms (${figure.p50Ms.toFixed(0)} ms), ${figure.refused}`,
    '',
    '',
  ];
  return [[`${load.concurrentPdfs} one-page PDFs at once from one buyer`, '', '', ''], row('before (cost 1, no gate)', load.before), row(`after (cost ${pdfCost}, render gate)`, load.after)];
}

/** `--only pdf-load`: just the PDF load figure, in a few seconds. */
async function printPdfLoad(): Promise<void> {
  printTable(pdfLoadRows(await pdfLoad()));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
