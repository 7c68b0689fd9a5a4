import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { erpSyncSource } from '../../../shared/erp/erp-sync-source';
import { mirrorSyncSink } from '../../../shared/mirror/sync/mirror-sync-sink';
import type { PassState } from '../../../shared/sync/checkpoint';
import { runEntityPass } from '../../../shared/sync/entity-pass';
import { EntityTally } from '../../../shared/sync/entity-tally';
import { withRetry } from '../../../shared/sync/retry';
import { RunBudget } from '../../../shared/sync/run-budget';
import { keyOf, keyText, syncEntities, type KeyValues } from '../../../shared/sync/sync-entities';
import type { MirrorSink, SyncSource } from '../../../shared/sync/sync-ports';
import { createTestErp, createTestMirror } from '../../helpers/databases';
import { daysAgo, expectMirrorEqualsErp, now, orderDays, resetMirror, seedErp, type Erp, type Mirror } from './sync-fixtures';
import { clock, fastRetry, service, wrappedService } from './sync-harness';

let erp: Erp;
let mirror: Mirror;

beforeAll(async () => {
  [erp, mirror] = await Promise.all([createTestErp(), createTestMirror()]);
  await seedErp(erp);
});
afterAll(async () => {
  await Promise.all([erp.close(), mirror.close()]);
});
beforeEach(() => resetMirror(mirror));

/** Some methods replaced, every other call forwarded: the ports may grow methods these tests do not watch. */
function replacing<T extends object>(inner: T, replaced: Partial<T>): T {
  return new Proxy(inner, {
    get: (target, name, receiver) => (name in replaced ? replaced[name as keyof T] : Reflect.get(target, name, receiver)),
  });
}

type Event = { kind: 'read' | 'read-end' | 'mirror-read' | 'apply' | 'apply-end'; entity: string; key: string; rows?: string[] };
const endOfTable = 'end';

/**
 * Records, in order, each scan step's first ERP read and its mirror read (by the key they read
 * after) and each batch write (by the key its checkpoint moves to). Hooks run inside the calls,
 * before the real work.
 */
class Trace {
  readonly events: Event[] = [];
  readsInFlight = 0;
  maxReadsInFlight = 0;
  onRead: (read: number, entity: string) => Promise<void> | void = () => {};
  onApply: (apply: number) => Promise<void> | void = () => {};

  readonly source = (inner: SyncSource): SyncSource => {
    const read = async <R>(entity: string, after: KeyValues | null, work: () => Promise<R>): Promise<R> => {
      this.readsInFlight++;
      this.maxReadsInFlight = Math.max(this.maxReadsInFlight, this.readsInFlight);
      this.events.push({ kind: 'read', entity, key: keyText(after ?? []) });
      try {
        await this.onRead(this.count('read'), entity);
        return await work();
      } finally {
        this.readsInFlight--;
        this.events.push({ kind: 'read-end', entity, key: keyText(after ?? []) });
      }
    };
    return replacing(inner, {
      readBatch: (entity, after, ...rest) => read(entity.name, after, () => inner.readBatch(entity, after, ...rest)),
      readHashes: (entity, after, ...rest) => read(entity.name, after, () => inner.readHashes(entity, after, ...rest)),
    });
  };

  readonly sink = (inner: MirrorSink): MirrorSink =>
    replacing(inner, {
      readHashes: (entity, after, upTo) => {
        this.events.push({ kind: 'mirror-read', entity: entity.name, key: keyText(after ?? []) });
        return inner.readHashes(entity, after, upTo);
      },
      applyBatch: async (entity, batch) => {
        const key = batch.checkpoint.pass ? keyText(batch.checkpoint.pass.after ?? []) : endOfTable;
        const rows = batch.upserts.map((u) => keyText(keyOf(entity, u.row)));
        this.events.push({ kind: 'apply', entity: entity.name, key, rows });
        try {
          await this.onApply(this.count('apply'));
          return await inner.applyBatch(entity, batch);
        } finally {
          this.events.push({ kind: 'apply-end', entity: entity.name, key });
        }
      },
    });

  count(kind: Event['kind']): number {
    return this.events.filter((e) => e.kind === kind).length;
  }

  index(kind: Event['kind'], entity: string, key: string): number {
    return this.events.findIndex((e) => e.kind === kind && e.entity === entity && e.key === key);
  }
}

const customers = syncEntities.find((e) => e.name === 'customers')!;
const firstPass: PassState = { mode: 'scan', after: null, since: null, target: null, startedAt: now };

/** One customers pass through the real adapters, 2 rows a batch, stopping when `signal` aborts. */
function customersPass(trace: Trace, signal?: AbortSignal) {
  return runEntityPass(customers, firstPass, null, new EntityTally('customers', undefined), {
    source: trace.source(erpSyncSource(async () => erp)),
    sink: trace.sink(mirrorSyncSink(mirror)),
    window: { orderWindowStart: daysAgo(orderDays) },
    batchSize: 2,
    budget: new RunBudget(600_000, signal),
    retry: (operation) => withRetry(operation, fastRetry),
    now: clock,
    onBatch: () => {},
  });
}

const savedCustomersKey = async () => {
  const checkpoint = (await mirrorSyncSink(mirror).loadCheckpoints()).get('customers');
  return checkpoint?.pass ? keyText(checkpoint.pass.after ?? []) : endOfTable;
};
const nextTick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('pipelined batches', () => {
  it('read batch k+1 while batch k is written, one read ahead at most, each checkpoint with its own rows', async () => {
    const trace = new Trace();
    const run = await wrappedService(erp, mirror, { source: trace.source, sink: trace.sink }, 3).run({ trigger: 'manual' });
    expect(run.status).toBe('succeeded');
    await expectMirrorEqualsErp(mirror, erp);
    expect(trace.maxReadsInFlight).toBe(1);
    for (const entity of syncEntities.map((e) => e.name)) {
      const applies = trace.events.filter((e) => e.kind === 'apply' && e.entity === entity);
      expect(applies.length, entity).toBeGreaterThan(2);
      const reads = [...new Set(trace.events.filter((e) => e.kind === 'read' && e.entity === entity).map((e) => e.key))];
      applies.forEach((apply, k) => {
        // The checkpoint is a row of this batch, not of the one read ahead.
        if (apply.key !== endOfTable) expect(apply.rows, `${entity} batch ${k}`).toContain(apply.key);
        expect(applies.slice(k + 1).some((later) => later.rows?.includes(apply.key)), `${entity} batch ${k}`).toBe(false);
        // Batch k+1's ERP read starts before batch k's write ends; its mirror read, after.
        if (apply.key !== endOfTable) {
          expect(trace.index('read', entity, apply.key), `${entity} batch ${k}`).toBeLessThan(trace.index('apply-end', entity, apply.key));
          expect(trace.index('mirror-read', entity, apply.key), `${entity} batch ${k}`).toBeGreaterThan(trace.index('apply-end', entity, apply.key));
        }
      });
      // Batch k+1's read starts only after batch k-1's write ended.
      for (let k = 2; k < reads.length; k++) {
        expect(trace.index('apply-end', entity, reads[k - 1]!), `${entity} read ${k}`).toBeLessThan(trace.index('read', entity, reads[k]!));
      }
    }
  });

  it('drops a failed read ahead when its batch write failed: the write error, no unhandled rejection, no read left running', async () => {
    const unhandled: unknown[] = [];
    const listener = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', listener);
    try {
      const trace = new Trace();
      let mirrorDown = false;
      trace.onRead = async () => {
        await nextTick();
        if (mirrorDown) throw new Error('ERP gone too');
      };
      trace.onApply = (apply) => {
        if (apply !== 2) return;
        mirrorDown = true;
        throw new Error('mirror gone');
      };
      await expect(customersPass(trace)).rejects.toThrow('mirror gone');
      expect(trace.readsInFlight).toBe(0);
      expect(trace.count('read')).toBe(3);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', listener);
    }
    expect(await savedCustomersKey()).toBe(keyText(['C0002']));
  });

  it('starts no read once the budget is spent', async () => {
    const trace = new Trace();
    const stop = new AbortController();
    trace.onRead = () => stop.abort();
    expect(await customersPass(trace, stop.signal)).toEqual({ complete: false, cascaded: 0 });
    expect([trace.count('read'), trace.count('apply')]).toEqual([1, 1]);
    expect(await savedCustomersKey()).toBe(keyText(['C0002']));
  });

  it('drops the read ahead when the budget runs out during a write: it never reaches the mirror, and is waited for', async () => {
    const trace = new Trace();
    const stop = new AbortController();
    let release = () => {};
    trace.onApply = (apply) => {
      if (apply === 2) stop.abort();
    };
    // Batch 3's read ends only a turn after the pass could have returned without waiting for it.
    trace.onRead = (read) => (read === 3 ? new Promise<void>((resolve) => (release = () => setImmediate(resolve))) : undefined);
    const pass = customersPass(trace, stop.signal);
    while (trace.count('apply-end') < 2) await nextTick();
    release();
    expect(await pass).toEqual({ complete: false, cascaded: 0 });
    expect(trace.readsInFlight).toBe(0);
    expect([trace.count('read'), trace.count('mirror-read'), trace.count('apply')]).toEqual([3, 2, 2]);
    expect(await savedCustomersKey()).toBe(keyText(['C0004']));
    expect((await service(erp, mirror).run({ trigger: 'manual' })).status).toBe('succeeded');
    await expectMirrorEqualsErp(mirror, erp);
  });
});
