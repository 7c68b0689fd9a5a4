import { InvocationContext, type Timer } from '@azure/functions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createErpSyncHandler } from '../../functions/erp-sync';
import type { SyncService } from '../../shared/sync/sync-service';
import { Redactor } from '../../shared/telemetry/redactor';
import { createTestErp, createTestMirror } from '../helpers/databases';
import { seedErp, type Erp, type Mirror } from '../shared/sync/sync-fixtures';
import { service } from '../shared/sync/sync-harness';

const timer = (isPastDue: boolean): Timer => ({
  isPastDue,
  schedule: { adjustForDST: true },
  scheduleStatus: { last: '', next: '', lastUpdated: '' },
});

function context() {
  const lines: string[] = [];
  const ctx = new InvocationContext({
    functionName: 'erpSync',
    logHandler: (level, ...args) => lines.push(`${level}: ${args.join(' ')}`),
  });
  return { ctx, lines };
}

const keep = (sync: SyncService, checkSyncRequestsPoison = async () => 0) => () => ({
  sync,
  redactor: new Redactor(() => []),
  checkSyncRequestsPoison,
});

let erp: Erp;
let mirror: Mirror;

beforeAll(async () => {
  [erp, mirror] = await Promise.all([createTestErp(), createTestMirror()]);
  await seedErp(erp);
});
afterAll(async () => {
  await Promise.all([erp.close(), mirror.close()]);
});

describe('erpSync timer', () => {
  it('runs a sync, logs the summary and notes a past-due tick', async () => {
    const { ctx, lines } = context();
    await createErpSyncHandler(keep(service(erp, mirror)))(timer(true), ctx);
    expect(lines[0]).toMatch(/past due/);
    expect(lines.some((l) => /^information: sync succeeded/.test(l))).toBe(true);
    expect(lines.some((l) => /orders: read \d+/.test(l))).toBe(true);
    const runs = await mirror.db.selectFrom('sync_run').select(['triggered_by', 'status']).execute();
    expect(runs).toEqual([{ triggered_by: 'timer', status: 'succeeded' }]);
  });

  it('does not throw when another run holds the lock', async () => {
    const busy: SyncService = { run: async () => ({ status: 'already-running' }), status: () => Promise.reject(new Error('unused')) };
    const { ctx, lines } = context();
    await expect(createErpSyncHandler(keep(busy))(timer(false), ctx)).resolves.toBeUndefined();
    expect(lines).toEqual([expect.stringMatching(/another sync run holds the lock/)]);
  });

  it('logs a failed run as an error without throwing', async () => {
    const failed: SyncService = {
      run: async () => ({ runId: 'r', trigger: 'timer', status: 'failed', startedAt: new Date(), finishedAt: new Date(), durationMs: 1, entities: [], rowsChanged: 0, skippedOrphans: 0, rowsPerSecond: 0, error: 'Error: down' }),
      status: () => Promise.reject(new Error('unused')),
    };
    const { ctx, lines } = context();
    await createErpSyncHandler(keep(failed))(timer(false), ctx);
    expect(lines).toEqual([expect.stringMatching(/^error: sync failed .*Error: down/)]);
  });

  it('warns of requests parked in sync-requests-poison, and a failed count never fails the tick', async () => {
    const busy: SyncService = { run: async () => ({ status: 'already-running' }), status: () => Promise.reject(new Error('unused')) };
    const parked = context();
    await createErpSyncHandler(keep(busy, async () => 2))(timer(false), parked.ctx);
    expect(parked.lines[0]).toBe('warning: erp-sync: 2 manual sync request(s) parked in sync-requests-poison');
    const unreachable = context();
    const failing = async () => Promise.reject(new Error('queue service unreachable'));
    await expect(createErpSyncHandler(keep(busy, failing))(timer(false), unreachable.ctx)).resolves.toBeUndefined();
    expect(unreachable.lines[0]).toBe('warning: erp-sync: could not count sync-requests-poison: queue service unreachable');
  });
});
