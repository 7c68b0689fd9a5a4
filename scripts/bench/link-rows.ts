import type { LinkModel } from './erp-link';
import type { LoopDelay } from './loop-delay';
import { count, mark, megabytes, seconds, type ReportRow } from './report-table';
import type { SyncLinkReport } from './sync-phase';

interface LinkedRun {
  readonly summary: { readonly durationMs: number };
  readonly link: SyncLinkReport;
  readonly maxRssMb: number;
  readonly loopDelay: LoopDelay;
}

/** The three sync runs of one series: full into an empty mirror, no-change rerun, 1%-changed rerun. */
export interface LinkSeries {
  readonly full: LinkedRun;
  readonly rerun: LinkedRun;
  readonly onePercent: LinkedRun;
}

const runs = (series: LinkSeries) =>
  [
    ['full', series.full],
    ['no-change', series.rerun],
    ['1%-changed', series.onePercent],
  ] as const;

const counts = ({ link }: LinkedRun) => `${count(link.erp.roundTrips)} / ${megabytes(link.erp.bytes)} / ${count(link.mirrorRoundTrips)}`;

/**
 * The link's floor for a full run, as the budget defines it: the ERP bytes at the link's bandwidth
 * plus one round trip per keyset batch (a sync that overlapped everything else with the transfer).
 */
export const linkFloorMs = (model: LinkModel, run: LinkedRun) =>
  ((run.link.erp.bytes * 8) / (model.mbit * 1e6)) * 1000 + model.rttMs * run.link.batches;

const overFloor = (model: LinkModel, run: LinkedRun) => run.summary.durationMs / Math.max(1, linkFloorMs(model, run));

/**
 * The link series runs with each engine in a worker thread, as a remote ERP and mirror would leave
 * the sync's thread to its own JavaScript. `oldFull` is the full run over the link with both engines
 * in the sync's thread, the figure this bench reported before: kept beside the new one for one release.
 */
export function linkRows(inProcess: LinkSeries, linked: LinkSeries, oldFull: LinkedRun, model: LinkModel): ReportRow[] {
  const floorMs = linkFloorMs(model, linked.full);
  const fullBytes = linked.full.link.erp.bytes;
  const share = (run: LinkedRun) => run.link.erp.bytes / Math.max(1, fullBytes);
  const shown = (run: LinkedRun) => `${(share(run) * 100).toFixed(1)}%`;
  return [
    ['ERP round trips / ERP bytes / mirror round trips, in-process', '', '', ''],
    ...runs(inProcess).map(([name, run]): ReportRow => [`  ${name}`, counts(run), '', '']),
    [`Over the ERP link (${model.rttMs} ms RTT, ${model.mbit} Mbit/s), each engine in a worker thread`, '', '', ''],
    ...runs(linked).flatMap(([name, run]): ReportRow[] => [
      [`  ${name} sync`, `${seconds(run.summary.durationMs)}, link ${seconds(run.link.erp.chargedMs)}`, '', ''],
      ['    ERP round trips / bytes / mirror round trips', counts(run), '', ''],
      // Over the link the read ahead overlaps the write most, so two batches are held at once most often.
      ...(name === 'full' ? [['    peak RSS', `${run.maxRssMb} MB`, '≤ 1,200 MB', mark(run.maxRssMb <= 1200)] as const] : []),
    ]),
    [`  link floor, full (bytes ÷ bandwidth + RTT × ${count(linked.full.link.batches)} batches)`, seconds(floorMs), '', ''],
    ['  event loop delay during the full sync', `p99 ${linked.full.loopDelay.p99Ms} ms, max ${linked.full.loopDelay.maxMs} ms`, 'p99 ≤ 50 ms', mark(linked.full.loopDelay.p99Ms <= 50)],
    ['  full sync over the link ÷ link floor', `${overFloor(model, linked.full).toFixed(2)}×`, '≤ 1.3×', mark(overFloor(model, linked.full) <= 1.3)],
    [
      '    engines in the sync’s thread, as before (context, for one release)',
      `${seconds(oldFull.summary.durationMs)}, ${overFloor(model, oldFull).toFixed(2)}×; loop delay p99 ${oldFull.loopDelay.p99Ms} ms`,
      '',
      '',
    ],
    ['  no-change ERP bytes ÷ full ERP bytes', shown(linked.rerun), '≤ 2%', mark(share(linked.rerun) <= 0.02)],
    ['  1%-changed ERP bytes ÷ full ERP bytes', shown(linked.onePercent), '≤ 5%', mark(share(linked.onePercent) <= 0.05)],
  ];
}
