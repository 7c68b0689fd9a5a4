import { EntityTally } from './entity-tally';
import { runEntityPass } from './entity-pass';
import { decideReadPlan } from './read-plan';
import { withRetry, type RetryPolicy } from './retry';
import { RunBudget } from './run-budget';
import { cascadeOf, syncEntities, type EntityName } from './sync-entities';
import type { MirrorSink, SyncSource, SyncWindow } from './sync-ports';
import type { EntitySummary, RunStatus } from './sync-summary';

export interface SyncEngineSettings {
  readonly batchSize: number;
  readonly orderDays: number;
  readonly changeTracking: 'auto' | 'off';
  readonly timeBudgetMs: number;
  readonly retry: RetryPolicy;
}

export interface SyncPorts {
  readonly source: SyncSource;
  readonly sink: MirrorSink;
}

export interface SyncProgress {
  readonly entity: EntityName;
  readonly read: number;
  /** Rows the pass is expected to read; null when unknown. */
  readonly estimate: number | null;
  readonly done: boolean;
}

export interface EngineRunOptions {
  readonly full?: boolean;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: SyncProgress) => void;
}

export interface EngineResult {
  readonly status: RunStatus;
  readonly entities: readonly EntitySummary[];
  readonly error?: unknown;
}

const dayMs = 86_400_000;

/**
 * customers → orders → lines, each resuming its own checkpoint. Rows that left their own window
 * (orders) are purged with their cascade children before their pass, so children are never judged
 * against stale parents.
 */
export async function runSyncEngine(
  ports: SyncPorts,
  settings: SyncEngineSettings,
  options: EngineRunOptions,
  now: () => Date = () => new Date(),
): Promise<EngineResult> {
  const retry = <T>(operation: () => Promise<T>) => withRetry(operation, settings.retry);
  const budget = new RunBudget(settings.timeBudgetMs, options.signal, () => now().getTime());
  const window: SyncWindow = { orderWindowStart: new Date(now().getTime() - settings.orderDays * dayMs) };
  const tallies = new Map(syncEntities.map((e) => [e.name, new EntityTally(e.name, e.parent?.skipReason)]));
  const tally = (name: EntityName) => tallies.get(name) as EntityTally;
  const summaries = () => syncEntities.map((e) => tally(e.name).summary());
  try {
    const checkpoints = await retry(() => ports.sink.loadCheckpoints());
    for (const entity of syncEntities) {
      if (budget.exhausted()) return { status: 'partial', entities: summaries() };
      const current = tally(entity.name);
      current.start(now().getTime());
      const cascade = cascadeOf(entity);
      if (entity.window?.kind === 'since') {
        const [purged, cascaded] = await retry(() => ports.sink.purgeWindow(entity, window));
        current.deleted += purged;
        if (cascade) tally(cascade.entity).deleted += cascaded;
      }
      const tracking = settings.changeTracking === 'off' ? null : await retry(() => ports.source.changeTracking(entity));
      const checkpoint = checkpoints.get(entity.name) ?? null;
      const plan = decideReadPlan({
        full: options.full ?? false,
        changeTracking: settings.changeTracking,
        tracking,
        checkpoint,
        now: now(),
      });
      current.mode = plan.pass.mode;
      const progress = options.onProgress;
      const estimate = progress && plan.pass.mode === 'scan' ? await retry(() => ports.source.estimate(entity, window)) : null;
      progress?.({ entity: entity.name, read: 0, estimate, done: false });
      const outcome = await runEntityPass(entity, plan.pass, checkpoint, current, {
        ...ports,
        window,
        batchSize: settings.batchSize,
        budget,
        retry,
        now,
        onBatch: (t) => progress?.({ entity: entity.name, read: t.read, estimate, done: false }),
      });
      if (cascade) tally(cascade.entity).deleted += outcome.cascaded;
      if (current.inserted + current.updated + current.deleted > 0) await retry(() => ports.sink.refreshStatistics(entity));
      current.complete = outcome.complete;
      current.stop(now().getTime());
      progress?.({ entity: entity.name, read: current.read, estimate, done: outcome.complete });
      if (!outcome.complete) return { status: 'partial', entities: summaries() };
    }
    return { status: 'succeeded', entities: summaries() };
  } catch (error) {
    for (const t of tallies.values()) t.stop(now().getTime());
    return { status: 'failed', entities: summaries(), error };
  }
}
