import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PortalDatabase } from '../../../../shared/db/portal-database';
import type { MirrorDatabase } from '../../../../shared/db/schema/mirror-tables';
import { MirrorSyncRunStore } from '../../../../shared/mirror/sync/mirror-sync-run-store';
import type { SyncRunRecord } from '../../../../shared/sync/sync-summary';
import { createTestMirror } from '../../../helpers/databases';

let mirror: PortalDatabase<MirrorDatabase>;
beforeAll(async () => {
  mirror = await createTestMirror();
});
afterAll(() => mirror.close());

const started = (runId: string, minute: number): SyncRunRecord => ({
  runId,
  trigger: 'timer',
  status: 'running',
  startedAt: new Date(Date.UTC(2025, 5, 15, 12, minute)),
  finishedAt: null,
  entities: [],
  error: null,
});

describe('MirrorSyncRunStore (sync_run)', () => {
  it('records a start once when a retry sends it again after a lost reply', async () => {
    const store = new MirrorSyncRunStore(mirror);
    await store.start(started('retried', 0));
    await store.start(started('retried', 0));
    expect((await store.recent(10)).map((r) => [r.runId, r.status])).toEqual([['retried', 'running']]);
  });

  it('closes only the runs still running, as failed with the given error', async () => {
    const store = new MirrorSyncRunStore(mirror);
    await store.start(started('finished', 1));
    await store.finish({ runId: 'finished', trigger: 'timer', status: 'succeeded', startedAt: new Date(), finishedAt: new Date(), durationMs: 0, entities: [], rowsChanged: 0, skippedOrphans: 0, rowsPerSecond: 0 });
    expect(await store.closeInterrupted('interrupted')).toBe(1);
    const runs = await store.recent(10);
    expect(runs.map((r) => [r.runId, r.status, r.error])).toEqual([
      ['finished', 'succeeded', null],
      ['retried', 'failed', 'interrupted'],
    ]);
    expect(await store.closeInterrupted('interrupted')).toBe(0);
  });
});
