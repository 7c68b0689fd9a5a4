import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { syncEngineSettings } from '../../shared/composition/app-sync';
import { createApp } from '../../shared/composition/create-app';
import { loadSettings } from '../../shared/config';
import type { ErpDatabase } from '../../shared/db/schema/erp-tables';
import type { MirrorDatabase } from '../../shared/db/schema/mirror-tables';
import { Random } from '../../shared/demo/random';
import type { SyncOutcome } from '../../shared/sync/sync-service';
import type { SyncRunSummary } from '../../shared/sync/sync-summary';
import { resetMirror } from '../shared/sync/sync-fixtures';
import { committedRows } from './helpers/committed-rows';
import { seedReliabilityErp, windowStartFor } from './helpers/demo-erp';
import { ChurnModel, churnErp } from './helpers/erp-churn';
import { expectedMirror, mirrorRows, type MirrorRows } from './helpers/expected-mirror';
import { OneFault, PersistentFault, TransientFaults } from './helpers/fault-plans';
import { faultyPglite, type FaultGate, type FaultPlan } from './helpers/faulty-database';
import { reportFigures } from './helpers/figures';
import { diffMirror } from './helpers/mirror-diff';
import { requestTimeout, serverError, socketReset } from './helpers/sql-server-errors';

/*
 * Faults enter beneath Kysely, around the driver of the real PortalDatabase, rather than at the sync
 * ports: the real adapters run (ERP reads, stage + MERGE + checkpoint transactions, sync_run, the
 * lock), and a fault can land between any two statements of a batch, in a bulk load, on a commit
 * whose reply is lost, or on the lock; a port wrapper could only fail whole operations. The errors
 * are built from mssql's and tedious' own classes, so the product's classifier sees their real
 * shapes. PGlite stands in for both engines.
 */
const secret = 'Sup3r$ecret!';
// The secret is a known secret value (as a Key Vault secret would be), so the app's redactor knows it.
const settings = loadSettings({ SYNC_ORDER_DAYS: '365', SYNC_BATCH_SIZE: '50', SYNC_TIME_BUDGET_SECONDS: '600', SYNC_CHANGE_TRACKING: 'auto', BC_API_TOKEN: secret });
/** ~400 customers, ~1,050 orders, ~4,700 lines: 8 + 21 + 95 batches on a first load. */
const demo = { customers: 400, days: 400, seed: 11 };
const faultRuns = 10;
const faultRate = 0.03;
const windowStart = windowStartFor(settings.SYNC_ORDER_DAYS);

type Side<DB> = Awaited<ReturnType<typeof faultyPglite<DB>>>;
let erp: Side<ErpDatabase>;
let mirror: Side<MirrorDatabase>;
const figures = { runs: 0, faultsInjected: 0, lostReplies: 0, faultKinds: '', retriesObserved: 0, failedRuns: 0, rowsCompared: 0, differences: 0 };
let retries = 0;

/** The production composition over the faulty databases; only the backoff's sleep is replaced, by a counter. */
const service = () =>
  createApp(settings, {
    erp: erp.database,
    mirror: mirror.database,
    engine: { retry: { ...syncEngineSettings(settings).retry, sleep: async () => void retries++ } },
  }).sync;

/** One run with `plans` in place on each side; returns the summary and the retries it took. */
async function runWith(plans: { erp?: FaultPlan; mirror?: FaultPlan }): Promise<{ summary: SyncRunSummary; retries: number }> {
  const before = retries;
  const gates: [FaultGate, FaultPlan | undefined][] = [[erp.gate, plans.erp], [mirror.gate, plans.mirror]];
  for (const [gate, plan] of gates) gate.plan = plan ?? null;
  let outcome: SyncOutcome;
  try {
    outcome = await service().run({ trigger: 'timer' });
  } finally {
    for (const [gate] of gates) gate.plan = null;
  }
  if (outcome.status === 'already-running') throw new Error('unexpected already-running');
  figures.runs++;
  figures.retriesObserved += retries - before;
  if (outcome.status === 'failed') figures.failedRuns++;
  return { summary: outcome, retries: retries - before };
}

async function compare(expected: MirrorRows): Promise<readonly string[]> {
  const diff = diffMirror(expected, await mirrorRows(mirror.database));
  figures.rowsCompared += diff.rowsCompared;
  figures.differences += diff.differences;
  return diff.samples;
}

const fullMirror = () => expectedMirror(erp.database, windowStart, new Map());

/** What the mirror must hold after a first load that stopped at its stored checkpoints. */
async function committedPrefix(): Promise<MirrorRows> {
  const states = await mirror.database.db.selectFrom('sync_state').select(['entity', 'scan_cursor']).execute();
  return committedRows(await fullMirror(), states);
}

beforeAll(async () => {
  const templates = inject('pgliteTemplates');
  [erp, mirror] = [await faultyPglite<ErpDatabase>(templates.erp), await faultyPglite<MirrorDatabase>(templates.mirror)];
  await seedReliabilityErp(erp.database, demo, windowStart);
});

afterAll(async () => {
  await Promise.all([erp.database.close(), mirror.database.close()]);
  reportFigures('sync-transient-faults', { ...figures });
});

describe('sync under SQL Server faults injected beneath Kysely (real adapters, PGlite engines)', () => {
  it('(a) completes every run through random transient faults on both sides, and the mirror equals the ERP', async () => {
    await resetMirror(mirror.database);
    const random = Random.stream(demo.seed, 'transient-faults');
    const model = new ChurnModel();
    const plans = { erp: new TransientFaults(Random.stream(demo.seed, 'erp-faults'), faultRate, 4), mirror: new TransientFaults(Random.stream(demo.seed, 'mirror-faults'), faultRate, 4) };
    const outcomes: string[] = [];
    const samples: string[] = [];
    let faultRetries = 0;
    for (let run = 0; run < faultRuns; run++) {
      if (run > 0) await churnErp(erp.database, random, model, windowStart, 0.02);
      const { summary, retries: taken } = await runWith(plans);
      outcomes.push(summary.status === 'failed' ? `failed: ${summary.error}` : summary.status);
      faultRetries += taken;
      samples.push(...(await compare(await expectedMirror(erp.database, windowStart, model.retired))));
    }
    const injected = plans.erp.injected + plans.mirror.injected;
    const kinds = new Map<string, number>();
    for (const plan of [plans.erp, plans.mirror]) for (const [kind, n] of plan.byKind) kinds.set(kind, (kinds.get(kind) ?? 0) + n);
    figures.faultsInjected += injected;
    figures.lostReplies += plans.erp.lostReplies + plans.mirror.lostReplies;
    figures.faultKinds = [...kinds].map(([kind, n]) => `${kind} ${n}`).join('; ');
    expect(outcomes).toEqual(Array.from({ length: faultRuns }, () => 'succeeded'));
    expect(samples).toEqual([]);
    expect(kinds.size).toBe(9);
    // Every fault met exactly one retry (none swallowed, none fatal), except on the lock's release,
    // which a finished run ignores by design.
    const releases = plans.mirror.faulted.filter((s) => s.sql.includes('pg_advisory_unlock')).length;
    expect(faultRetries).toBe(injected - releases);
  });

  it('(a) survives a lost reply on each of the run\'s own sync_run writes (they ran; the retry must be harmless)', async () => {
    await resetMirror(mirror.database);
    const outcomes: string[] = [];
    for (const write of [1, 2, 3]) {
      const plan = new OneFault((s) => !s.inTransaction && /^(insert into|merge into|update) "sync_run"/.test(s.sql), write, socketReset, true);
      const { summary, retries: taken } = await runWith({ mirror: plan });
      figures.faultsInjected++;
      outcomes.push(`${summary.status} ${taken} ${summary.error ?? ''}`.trim());
      const rows = await mirror.database.db.selectFrom('sync_run').select('status').where('run_id', '=', summary.runId).execute();
      expect(rows).toEqual([{ status: summary.status }]);
    }
    expect(outcomes).toEqual(['succeeded 1', 'succeeded 1', 'succeeded 1']);
    expect(await compare(await fullMirror())).toEqual([]);
  });

  it('(b) a mirror whose commits keep failing from batch k on: the run fails and says so, exactly the committed batches remain, the next run completes', async () => {
    await resetMirror(mirror.database);
    const busy = new PersistentFault((s) => s.kind === 'commit', 60, () => serverError(40501, 'The service is currently busy. Retry the request after 10 seconds. Incident ID: 2. Code: 4.'));
    const { summary, retries: taken } = await runWith({ mirror: busy });
    figures.faultsInjected += busy.injected;
    expect(summary.status).toBe('failed');
    expect(taken).toBe(4);
    const row = await mirror.database.db.selectFrom('sync_run').select(['status', 'error']).where('run_id', '=', summary.runId).executeTakeFirstOrThrow();
    expect(row.status).toBe('failed');
    expect(row.error).toContain('The service is currently busy');
    expect(await mirror.database.db.selectFrom('sync_state').select('entity').where('scan_cursor', 'is not', null).execute()).toEqual([{ entity: 'lines' }]);
    expect(await compare(await committedPrefix())).toEqual([]);
    expect((await runWith({})).summary.status).toBe('succeeded');
    expect(await compare(await fullMirror())).toEqual([]);
  });

  it('(b) an ERP that keeps timing out from read k on: the run fails with a redacted error, exactly the committed batches remain, the next run completes', async () => {
    await resetMirror(mirror.database);
    const timeouts = new PersistentFault(() => true, 40, () => requestTimeout(` (Server=tcp:erp-sql01,1433;Database=epds01;User Id=portal_sync;Password=${secret})`));
    const { summary, retries: taken } = await runWith({ erp: timeouts });
    figures.faultsInjected += timeouts.injected;
    expect(summary.status).toBe('failed');
    expect(taken).toBe(4);
    const row = await mirror.database.db.selectFrom('sync_run').select(['status', 'error']).where('run_id', '=', summary.runId).executeTakeFirstOrThrow();
    expect(row.status).toBe('failed');
    expect(row.error).toContain('Timeout: Request failed to complete');
    expect(row.error).not.toContain(secret);
    expect(await compare(await committedPrefix())).toEqual([]);
    expect((await runWith({})).summary.status).toBe('succeeded');
    expect(await compare(await fullMirror())).toEqual([]);
  });

  it('(c) does not retry a non-transient error, on either side', async () => {
    await resetMirror(mirror.database);
    const denied = new OneFault(() => true, 25, () => serverError(229, "The SELECT permission was denied on the object 'ord_hedr', database 'epds01', schema 'dbo'."));
    const truncated = new OneFault((s) => s.kind === 'bulk load', 20, () => serverError(8152, 'String or binary data would be truncated.'));
    for (const [plans, fault, text] of [[{ erp: denied }, denied, 'SELECT permission was denied'], [{ mirror: truncated }, truncated, 'would be truncated']] as const) {
      const { summary, retries: taken } = await runWith(plans);
      figures.faultsInjected++;
      expect(summary.status).toBe('failed');
      expect(summary.error).toContain(text);
      expect(taken).toBe(0);
      expect(fault.repeats).toBe(0);
    }
    expect((await runWith({})).summary.status).toBe('succeeded');
    expect(await compare(await fullMirror())).toEqual([]);
  });
});
