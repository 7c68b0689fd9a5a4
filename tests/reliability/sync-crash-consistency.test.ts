import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { createApp } from '../../shared/composition/create-app';
import { loadSettings } from '../../shared/config';
import { Random } from '../../shared/demo/random';
import { cloneTemplate, seedReliabilityErp, windowStartFor } from './helpers/demo-erp';
import { ChurnModel, churnErp } from './helpers/erp-churn';
import { expectedMirror, mirrorRows } from './helpers/expected-mirror';
import { reportFigures } from './helpers/figures';
import { diffMirror } from './helpers/mirror-diff';
import { runSyncCli, type CliKill, type CliRun, type Phase } from './helpers/sync-cli';

/** Two lanes, each with its own ERP and mirror: one lane's CLI child runs while the other lane checks. */
const lanes = 2;
const killsPerLane = 10;
/**
 * Kills are planned in the CLI's own progress (see helpers/sync-cli-watchdog.ts), so they land
 * whatever the machine's speed; a run that still finishes first is a miss, reported as a figure,
 * and the lane tries again up to this many extra times.
 */
const spareAttemptsPerLane = 6;
const orderDays = 365;
/** ~1,000 customers, ~2,600 orders, ~11,800 lines: a few seconds of sync in 7 + 18 + 80 batches. */
const demo = { customers: 1_000, days: 400 };
const batchSize = 150;
const churnRate = 0.01;

/** The kill's phase by attempt: every phase, the lines pass (the longest, with most batches) most often. */
const killPhases: readonly Phase[] = ['customers', 'orders', 'lines', 'startup', 'lines', 'orders', 'customers', 'lines'];
/** One attempt per lane starts from an empty mirror, so kills land in first loads too (in the lines, then the orders pass). */
const isFirstLoad = (attempt: number, lane: number) => attempt === 4 + lane;

/** What the last run of a kind showed: each phase's duration and each pass's batches. */
interface Shape {
  readonly durations: Partial<Record<Phase, number>>;
  readonly batches: Partial<Record<Phase, number>>;
}

/** Points in [0, 1): one per stratum, in a seeded order, so kills spread over the whole phase. */
class Spread {
  #order: number[] = [];
  constructor(
    private readonly random: Random,
    private readonly strata: number,
  ) {}

  next(): number {
    if (this.#order.length === 0) {
      this.#order = Array.from({ length: this.strata }, (_, k) => k);
      for (let i = this.strata - 1; i > 0; i--) {
        const j = this.random.int(0, i);
        [this.#order[i], this.#order[j]] = [this.#order[j] as number, this.#order[i] as number];
      }
    }
    return ((this.#order.pop() ?? 0) + this.random.next()) / this.strata;
  }
}

/**
 * Where to kill: at a point of the phase chosen by `at`. Startup has no batches, so it is a delay
 * into the spawn. A pass arms at its "started" line or after one of its committed batches, never
 * the last one (the run must still have work ahead), then waits part of one batch's time so kills
 * fall inside transactions as well as between them.
 */
function planKill(phase: Phase, at: number, shape: Shape, random: Random): CliKill {
  const duration = shape.durations[phase] ?? 0;
  if (phase === 'startup') return { phase, batch: 0, afterMs: 0.9 * at * duration };
  const batches = shape.batches[phase] ?? 1;
  const batch = Math.min(batches - 1, Math.floor(at * batches));
  return { phase, batch, afterMs: 0.9 * random.next() * (duration / Math.max(1, batches)) };
}

interface Trial {
  readonly run: CliRun;
  /** Entity passes the kill left mid-table (a scan cursor in sync_state). */
  readonly cutPasses: number;
  /** sync_run rows the kill left 'running', which the rerun must close. */
  readonly runningRows: number;
  readonly rowsCompared: number;
  readonly differences: number;
  readonly samples: readonly string[];
  readonly erpRowsChanged: number;
}

async function runLane(lane: number, windowStart: Date): Promise<Trial[]> {
  const templates = inject('pgliteTemplates');
  const directory = mkdtempSync(join(tmpdir(), `crash-consistency-${lane}-`));
  const [erpDir, mirrorDir, emptyMirror] = ['erp', 'mirror', 'mirror-empty'].map((name) => join(directory, name)) as [string, string, string];
  const env = { ERP_CONNECTION: `pglite:${erpDir}`, MIRROR_CONNECTION: `pglite:${mirrorDir}`, SYNC_BATCH_SIZE: String(batchSize), SYNC_ORDER_DAYS: String(orderDays) };
  const settings = loadSettings(env);
  const random = Random.stream(lane + 1, 'crash-consistency');
  const model = new ChurnModel();

  /** Opens both directories as the CLI does, reruns to completion, compares, then edits the ERP for the next attempt. */
  async function settle(run: CliRun): Promise<Trial> {
    const runtime = createApp(settings);
    try {
      const [erp, mirror] = [await runtime.erp(), await runtime.mirror()];
      const cutPasses = (await mirror.db.selectFrom('sync_state').select('entity').where('scan_cursor', 'is not', null).execute()).length;
      const running = () => mirror.db.selectFrom('sync_run').select('run_id').where('status', '=', 'running').execute();
      const runningRows = (await running()).length;
      const rerun = await runtime.sync.run({ trigger: 'cli' });
      expect(rerun.status, JSON.stringify(rerun)).toBe('succeeded');
      expect(await running(), 'sync_run rows still running after a complete rerun').toEqual([]);
      const diff = diffMirror(await expectedMirror(erp, windowStart, model.retired), await mirrorRows(mirror));
      const counts = await churnErp(erp, random, model, windowStart, churnRate);
      const erpRowsChanged = counts.updated + counts.inserted + counts.deleted;
      return { run, cutPasses, runningRows, rowsCompared: diff.rowsCompared, differences: diff.differences, samples: diff.samples, erpRowsChanged };
    } finally {
      await runtime.close();
    }
  }

  try {
    await cloneTemplate(templates.erp, erpDir, (erp) => seedReliabilityErp(erp, { ...demo, seed: lane + 1 }, windowStart));
    await cloneTemplate(templates.mirror, emptyMirror);
    cpSync(emptyMirror, mirrorDir, { recursive: true });
    // Calibration: a whole first load, then a whole update run after a churn, show every phase's
    // duration and batches; each later run's shape replaces these.
    const calibrate = async (): Promise<Shape> => {
      const run = await runSyncCli(env);
      expect(run.code, run.stderr).toBe(0);
      expect((await settle(run)).samples).toEqual([]);
      return { durations: { ...run.durations }, batches: { ...run.batches } };
    };
    const shapes: Record<'update' | 'first load', Shape> = { 'first load': await calibrate(), update: await calibrate() };
    const spread = new Map(killPhases.map((phase) => [phase, new Spread(random, 3)]));
    const trials: Trial[] = [];
    const landed = () => trials.filter((t) => t.run.killed).length;
    for (let attempt = 0; attempt < killsPerLane + spareAttemptsPerLane && landed() < killsPerLane; attempt++) {
      const kind = isFirstLoad(attempt, lane) ? 'first load' : 'update';
      const phase = killPhases[attempt % killPhases.length] as Phase;
      if (kind === 'first load') {
        rmSync(mirrorDir, { recursive: true });
        cpSync(emptyMirror, mirrorDir, { recursive: true });
        model.forgetMirror();
      }
      const run = await runSyncCli(env, planKill(phase, spread.get(phase)?.next() ?? 0, shapes[kind], random));
      // Only finished phases: a killed pass printed fewer batches than it has.
      for (const done of Object.keys(run.durations) as Phase[]) {
        shapes[kind].durations[done] = run.durations[done];
        shapes[kind].batches[done] = run.batches[done];
      }
      trials.push(await settle(run));
    }
    return trials;
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

describe('sync crash consistency: npm run sync killed at random points, then rerun', () => {
  // CPU-bound, ~13 CPU-seconds a trial (mostly the CLI's start-up and opening both PGlite directories
  // on each side): 3 to 4 minutes on an idle 2-core machine, several times that on a busy one, which
  // the suite's hang guard allows for.
  it('leaves the mirror equal to the ERP, row by row, after every kill and rerun', async () => {
    const windowStart = windowStartFor(orderDays);
    const trials = (await Promise.all(Array.from({ length: lanes }, (_, lane) => runLane(lane, windowStart)))).flat();
    const killed = trials.filter((t) => t.run.killed);
    const phases = new Map<string, number>();
    for (const t of killed) phases.set(t.run.lastProgress, (phases.get(t.run.lastProgress) ?? 0) + 1);
    const sum = (pick: (t: Trial) => number) => trials.reduce((total, t) => total + pick(t), 0);
    reportFigures('sync-crash-consistency', {
      trials: trials.length,
      kills: killed.length,
      killsMissed: trials.length - killed.length,
      killPoints: [...phases].map(([phase, n]) => `${phase} ${n}`).join('; '),
      passesCutMidway: sum((t) => t.cutPasses),
      runningRowsClosed: sum((t) => t.runningRows),
      erpRowsChanged: sum((t) => t.erpRowsChanged),
      rowsCompared: sum((t) => t.rowsCompared),
      differences: sum((t) => t.differences),
    });
    expect(trials.flatMap((t) => t.samples)).toEqual([]);
    expect(killed.length).toBeGreaterThanOrEqual(lanes * killsPerLane);
    expect(sum((t) => t.cutPasses)).toBeGreaterThan(0);
  });
});
