import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { SyncRunSummary } from '../shared/sync/sync-summary';
import { floorRows, listFloor, loadPaths, waitForHealth, type ApiLoadResult } from './bench/api-load';
import type { PhaseReport } from './bench/bench-child';
import type { FloorStep } from './bench/engine-floor-phase';
import { defaultLink, type LinkModel } from './bench/erp-link';
import { freshDirectory } from './bench/fresh-directory';
import { linkRows, type LinkSeries } from './bench/link-rows';
import { pdfLoad, type LiveLatency, type PdfLoadReport } from './bench/pdf-load';
import { pdfTiming } from './bench/pdf-timing';
import { pdfCost } from '../shared/http/operations';
import { count, mark, megabytes, percent, printTable, seconds, type ReportRow } from './bench/report-table';
import { root, runPhase, startProcess } from './bench/run-phase';
import type { SyncLinkReport } from './bench/sync-phase';
import { freePort } from './lib/free-port';

type SampleOrder = { customer: string; orderNo: number };
type SyncReport = PhaseReport & { summary: SyncRunSummary; link: SyncLinkReport; busiestCustomers: string[]; sampleOrders: SampleOrder[] };
type TouchReport = PhaseReport & { touched: Record<string, number> };
type FloorReport = PhaseReport & { floorMs: number; steps: FloorStep[] };
type LegacyReport = PhaseReport & { customers: number; legacyMs: number };

const benchKey = 'bench-api-key-0123456789abcdef0123456789';
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
  for (const name of ['mirror', 'floor', 'legacy', 'mirror-link']) await freshDirectory(work, dir(name));

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
  const port = await freePort();
  console.log(`API under load: ${connections} connections, ${loadSeconds} s per endpoint, against the dev host…`);
  const stop = startProcess('dev-host.ts', {
    ...env('mirror'),
    DEMO_MODE: 'off',
    // The host's start-up sync has run; no scheduled one may land in the load (yearly, on 1 January).
    SYNC_SCHEDULE: '0 0 0 1 1 *',
    PORT: String(port),
    PORTAL_API_KEYS: benchKey,
    RATE_LIMIT_PER_MINUTE: '1000000',
    RATE_LIMIT_BURST: '1000000',
  });
  const api: Array<[string, ApiLoadResult]> = [];
  try {
    const url = `http://127.0.0.1:${port}`;
    await waitForHealth(url, 120_000);
    for (const [name, paths] of endpoints) {
      await loadPaths(url, benchKey, paths, connections, quick ? 1 : 2);
      api.push([name, await loadPaths(url, benchKey, paths, connections, loadSeconds)]);
    }
  } finally {
    await stop();
  }
  const ordersPaths = endpoints.find(([name]) => name === 'Orders list')![1];
  const ordersHttp = api.find(([name]) => name === 'Orders list')![1];
  console.log('API floor: the same orders-list requests answered in-process, without HTTP…');
  const apiFloor = await listFloor(env('mirror'), ordersPaths, ordersHttp.requests);
  console.log('Invoice PDF: rendering a 300-line invoice…');
  const pdf = await pdfTiming(300);
  console.log('PDF load: /health/live while one buyer asks for 60 PDFs at once…');
  const load = await pdfLoad();

  console.log(`The three sync runs again, the ERP over a link of ${link.rttMs} ms RTT and ${link.mbit} Mbit/s…`);
  const linkEnv = { ...env('mirror-link'), BENCH_ERP_LINK: `${link.rttMs},${link.mbit}` };
  const linkedFull = await runPhase<SyncReport>('bench/sync-phase.ts', linkEnv, false);
  const linkedRerun = await runPhase<SyncReport>('bench/sync-phase.ts', linkEnv, false);
  const linkedTouch = await runPhase<TouchReport>('bench/touch-phase.ts', linkEnv, false);
  const linkedOnePercent = await runPhase<SyncReport>('bench/sync-phase.ts', linkEnv, false);
  const linked: LinkSeries & { touch: TouchReport } = { full: linkedFull, rerun: linkedRerun, touch: linkedTouch, onePercent: linkedOnePercent };

  const fullMs = full.summary.durationMs;
  const ratio = legacy.legacyMs / Math.max(1, customersMs(full.summary));
  const rerunRatio = legacy.legacyMs / Math.max(1, customersMs(rerun.summary));
  const rows: ReportRow[] = [
    ['Full sync into an empty mirror', seconds(fullMs), '≤ 30 s', mark(fullMs <= 30_000)],
    ...full.summary.entities.map((e): ReportRow => [`  ${e.entity}: rows read, rows/s`, `${count(e.read)}, ${count(e.rowsPerSecond)}/s`, '', '']),
    ['  peak RSS', `${full.maxRssMb} MB`, '≤ 1,200 MB', mark(full.maxRssMb <= 1200)],
    ['Engine floor (COPY + MERGE, no engine)', seconds(floor.floorMs), '', ''],
    ['  our speed as a share of the floor’s (floor time ÷ ours)', percent(floor.floorMs, fullMs), '≥ 60%', mark(floor.floorMs >= fullMs * 0.6)],
    ['No-change rerun', `${seconds(rerun.summary.durationMs)} = ${percent(rerun.summary.durationMs, fullMs)}`, '≤ 10% of full', mark(rerun.summary.durationMs <= fullMs * 0.1)],
    ['  rows written', count(written(rerun.summary)), '0', mark(written(rerun.summary) === 0)],
    ['  peak RSS', `${rerun.maxRssMb} MB`, '≤ 1,200 MB', mark(rerun.maxRssMb <= 1200)],
    ['1%-changed rerun', `${seconds(onePercent.summary.durationMs)} = ${percent(onePercent.summary.durationMs, fullMs)}`, '', ''],
    ['  ERP rows changed / mirror rows written', `${count(Object.values(touch.touched).reduce((a, b) => a + b, 0))} / ${count(written(onePercent.summary))}`, '', ''],
    [`Customers, original method (${count(legacy.customers)})`, seconds(legacy.legacyMs), '', ''],
    ['  ours, full pass / no-change pass', `${seconds(customersMs(full.summary))} / ${seconds(customersMs(rerun.summary))}`, '', ''],
    ['  speed-up, full pass', `${ratio.toFixed(1)}×`, '≥ 100×', mark(ratio >= 100)],
    ['  speed-up, no-change pass', `${rerunRatio.toFixed(1)}×`, '≥ 100×', mark(rerunRatio >= 100)],
    ...api.flatMap(([name, result]): ReportRow[] => [
      [`${name}: p99 (p50)`, `${result.p99Ms} ms (${result.p50Ms} ms)`, name === 'Orders list' ? '≤ 50 ms' : '', name === 'Orders list' ? mark(result.p99Ms <= 50) : ''],
      ['  throughput', `${count(result.requestsPerSecond)} req/s`, name === 'Orders list' ? '≥ 500 req/s' : '', name === 'Orders list' ? mark(result.requestsPerSecond >= 500) : ''],
      ['  non-2xx + errors', count(result.non2xx + result.errors), '0', mark(result.non2xx + result.errors === 0)],
    ]),
    ...floorRows(ordersHttp, apiFloor),
    [`Invoice PDF, ${pdf.lines} lines: median of ${pdf.runs} (first), CPU`, `${pdf.medianMs.toFixed(0)} ms (${pdf.firstMs.toFixed(0)} ms), ${pdf.cpuMs.toFixed(0)} ms`, '', ''],
    ['  pages, size', `${pdf.pages}, ${megabytes(pdf.bytes)}`, '', ''],
    ...pdfLoadRows(load),
    ...linkRows({ full, rerun, onePercent }, linked, link),
  ];
  console.log('');
  printTable(rows);
  const report = join(work, 'report.json');
  writeFileSync(report, JSON.stringify({ quick, full, rerun, touch, onePercent, floor, legacy, api: Object.fromEntries(api), apiFloor, pdf, load, link, linked }, null, 2));
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
