import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncSource } from '../../../shared/sync/sync-ports';
import { createTestErp, createTestMirror } from '../../helpers/databases';
import { expectMirrorEqualsErp, resetMirror, seedErp, type Erp, type Mirror } from './sync-fixtures';
import { crashingSink, service, wrappedService } from './sync-harness';

let erp: Erp;
let mirror: Mirror;

beforeAll(async () => {
  [erp, mirror] = await Promise.all([createTestErp(), createTestMirror()]);
  await seedErp(erp);
});
afterAll(async () => {
  await Promise.all([erp.close(), mirror.close()]);
});

function crashingSource(k: number) {
  let calls = 0;
  const crash = () => {
    if (++calls === k) throw new Error('ERP connection lost for good');
  };
  return (source: SyncSource): SyncSource => ({
    changeTracking: (...args) => source.changeTracking(...args),
    estimate: (...args) => source.estimate(...args),
    readChanges: (...args) => source.readChanges(...args),
    readBatch: async (...args) => (crash(), source.readBatch(...args)),
    readHashes: async (...args) => (crash(), source.readHashes(...args)),
    readSpanDigest: async (...args) => (crash(), source.readSpanDigest(...args)),
    readGroupDigests: async (...args) => (crash(), source.readGroupDigests(...args)),
    readHashRanges: async (...args) => (crash(), source.readHashRanges(...args)),
    readRange: async (...args) => (crash(), source.readRange(...args)),
    readKeys: async (...args) => (crash(), source.readKeys(...args)),
  });
}

describe('a run killed at batch k', () => {
  it('resumes from the checkpoint and ends equal to the ERP, for every k', async () => {
    await resetMirror(mirror);
    const clean = await service(erp, mirror, 3).run({ trigger: 'manual' });
    const batches = clean.status === 'succeeded' ? clean.entities.reduce((n, e) => n + Math.ceil((e.read + 1) / 3), 0) : 0;
    expect(batches).toBeGreaterThan(12);
    for (let k = 1; k <= batches; k++) {
      await resetMirror(mirror);
      const when = k % 2 === 0 ? 'after' : 'before';
      const killed = await wrappedService(erp, mirror, { sink: crashingSink(k, when) }, 3).run({ trigger: 'manual' });
      expect(killed.status, `k=${k} ${when}`).toBe('failed');
      const resumed = await service(erp, mirror, 3).run({ trigger: 'manual' });
      expect(resumed.status, `k=${k}`).toBe('succeeded');
      await expectMirrorEqualsErp(mirror, erp);
      const runs = await mirror.db.selectFrom('sync_run').select(['status', 'error']).orderBy('started_at').execute();
      expect(runs).toEqual([
        { status: 'failed', error: 'Error: killed' },
        { status: 'succeeded', error: null },
      ]);
    }
  });

  it('also when the source read fails', async () => {
    for (const k of [1, 4, 9]) {
      await resetMirror(mirror);
      const killed = await wrappedService(erp, mirror, { source: crashingSource(k) }, 3).run({ trigger: 'manual' });
      expect(killed.status).toBe('failed');
      expect((await service(erp, mirror, 3).run({ trigger: 'manual' })).status).toBe('succeeded');
      await expectMirrorEqualsErp(mirror, erp);
    }
  });
});

describe('transient faults', () => {
  it('retries a deadlock victim and succeeds', async () => {
    await resetMirror(mirror);
    const deadlock = () => Object.assign(new Error('Transaction was deadlocked'), { number: 1205 });
    const run = await wrappedService(erp, mirror, { sink: crashingSink(2, 'before', deadlock) }).run({ trigger: 'timer' });
    expect(run.status).toBe('succeeded');
    await expectMirrorEqualsErp(mirror, erp);
  });

  it('records a persistent failure with sanitized error text', async () => {
    await resetMirror(mirror);
    const failing = async (): Promise<never> => {
      throw Object.assign(new Error('Failed to connect to Server=erp.corp;Password=hunter2'), { code: 'ESOCKET' });
    };
    const down = (s: SyncSource): SyncSource => ({ changeTracking: (e) => s.changeTracking(e), estimate: (e, w) => s.estimate(e, w), readChanges: (...a) => s.readChanges(...a), readBatch: failing, readHashes: failing, readSpanDigest: failing, readGroupDigests: failing, readHashRanges: failing, readRange: failing, readKeys: failing });
    const run = await wrappedService(erp, mirror, { source: down }).run({ trigger: 'timer' });
    expect(run.status).toBe('failed');
    const row = await mirror.db.selectFrom('sync_run').select(['status', 'error']).executeTakeFirstOrThrow();
    expect(row.status).toBe('failed');
    expect(row.error).toContain('Failed to connect');
    expect(row.error).not.toContain('hunter2');
    // The one redactor masks credentials and keeps the server, which an operator needs to diagnose.
    expect(row.error).toBe('Error: Failed to connect to Server=erp.corp;Password=[REDACTED]');
  });
});
