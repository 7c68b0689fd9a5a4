import { CompiledQuery } from 'kysely';
import { describe, it } from 'vitest';
import type { MirrorDatabase } from '../../../../shared/db/schema/mirror-tables';
import { createScratchTableQuery, dropScratchTableQuery } from '../../../../shared/mirror/scratch-table';
import { getAppLockQuery } from '../../../../shared/mirror/sync/app-lock-queries';
import { deleteStagedKeysQuery } from '../../../../shared/mirror/sync/delete-staged-keys';
import { loadCheckpointsQuery } from '../../../../shared/mirror/sync/load-checkpoints';
import { mergeStageQuery } from '../../../../shared/mirror/sync/merge-stage';
import { pruneOrphansQuery } from '../../../../shared/mirror/sync/prune-orphans';
import { purgeWindowChildrenQuery, purgeWindowRowsQuery } from '../../../../shared/mirror/sync/purge-window';
import { readMirrorDigestQuery } from '../../../../shared/mirror/sync/read-mirror-digest';
import { readMirrorHashesQuery } from '../../../../shared/mirror/sync/read-mirror-hashes';
import { readPresentParentsQuery } from '../../../../shared/mirror/sync/read-present-parents';
import { deactivateGoneCustomersQuery, deleteGoneCustomersQuery } from '../../../../shared/mirror/sync/retire-gone-customers';
import { saveCheckpointQuery } from '../../../../shared/mirror/sync/save-checkpoint';
import { goneSpec, stageSpec } from '../../../../shared/mirror/sync/stage-tables';
import { abandonSyncRunQuery, closeInterruptedSyncRunsQuery, enqueueSyncRunQuery, finishSyncRunQuery, startSyncRunQuery, lastSuccessQuery, queuedRequestQuery, recentSyncRunsQuery, requestStateQuery } from '../../../../shared/mirror/sync/sync-run-queries';
import { syncEntities } from '../../../../shared/sync/sync-entities';
import { expectTsqlSnapshot, recordingMssql, type LabelledQuery } from '../../../helpers/tsql';

const { db } = recordingMssql<MirrorDatabase>();
const at = new Date('2025-06-15T12:00:00.000Z');
const window = { orderWindowStart: new Date('2024-06-15T00:00:00.000Z') };
const bounds = { customers: [['C00001'], ['C05000']], orders: [[1001], [6000]], lines: [[1001, '2'], [1900, '4']] } as const;

describe('mirror sink statements compiled for SQL Server', () => {
  it('match the reviewed T-SQL', async () => {
    const q: LabelledQuery[] = [];
    const add = (label: string, query: CompiledQuery) => q.push({ label, query });
    add('single flight: begin the lock transaction', CompiledQuery.raw('begin transaction'));
    add('single flight: sp_getapplock owned by the lock transaction', getAppLockQuery(db));
    add('load checkpoints', loadCheckpointsQuery(db).compile());
    const orders = syncEntities[1]!;
    const purgeLines = purgeWindowChildrenQuery(db, orders, window);
    if (purgeLines) add('purge lines of orders that left the window', purgeLines);
    add('purge orders that left the window', purgeWindowRowsQuery(db, orders, window));
    for (const e of syncEntities) {
      const [from, to] = bounds[e.name];
      const stage = stageSpec(e, 'mssql');
      const gone = goneSpec(e, 'mssql');
      add(`${e.name}: mirror hashes in (after, upTo]`, readMirrorHashesQuery(db, e, from, to).compile());
      add(`${e.name}: mirror hashes of the open tail`, readMirrorHashesQuery(db, e, from, null).compile());
      add(`${e.name}: mirror digest of (after, upTo]`, readMirrorDigestQuery(db, 'mssql', e, from, to).compile());
      add(`${e.name}: mirror digest of the open tail`, readMirrorDigestQuery(db, 'mssql', e, null, null).compile());
      if (e.parent) add(`${e.name}: which parents of rows to write the mirror holds`, readPresentParentsQuery(db, e, [from[0], to[0]]).compile());
      add(`${e.name}: create the #stage table (then request.bulk into it)`, createScratchTableQuery(db, stage, 'mssql').compile());
      const prune = pruneOrphansQuery(db, e, stage, 'mssql');
      if (prune) add(`${e.name}: prune staged orphans`, prune);
      add(`${e.name}: MERGE the stage`, mergeStageQuery(db, e, stage, 'mssql'));
      add(`${e.name}: drop the #stage table`, dropScratchTableQuery(db, stage).compile());
      add(`${e.name}: create the #gone table (then request.bulk into it)`, createScratchTableQuery(db, gone, 'mssql').compile());
      if (e.name === 'customers') {
        add('customers: deactivate gone customers still referenced', deactivateGoneCustomersQuery(db, gone, at).compile());
        add('customers: delete gone customers nothing references', deleteGoneCustomersQuery(db, gone).compile());
      } else {
        if (e.name === 'orders') add('orders: delete the lines of gone orders', deleteStagedKeysQuery(db, 'ord_detl', gone, ['order_no']));
        add(`${e.name}: delete gone rows`, deleteStagedKeysQuery(db, e.table, gone, e.key));
      }
      add(`${e.name}: drop the #gone table`, dropScratchTableQuery(db, gone).compile());
      const pass = { mode: 'scan' as const, after: to, since: null, target: '42', startedAt: at };
      add(`${e.name}: save checkpoint`, saveCheckpointQuery(db, e.name, { pass, ctVersion: '40', lastCompleteAt: at }, at).compile());
    }
    add('sync_run: close runs a dead process left running', closeInterruptedSyncRunsQuery(db, 'interrupted').compile());
    add('sync_run: start', startSyncRunQuery(db, { runId: '00000000-0000-0000-0000-000000000001', trigger: 'timer', status: 'running', startedAt: at, finishedAt: null, entities: [], error: null }).compile());
    add(
      'sync_run: finish',
      finishSyncRunQuery(db, { runId: '00000000-0000-0000-0000-000000000001', trigger: 'timer', status: 'succeeded', startedAt: at, finishedAt: at, durationMs: 0, entities: [], rowsChanged: 0, skippedOrphans: 0, rowsPerSecond: 0 }).compile(),
    );
    add('sync_run: recent runs', recentSyncRunsQuery(db, 'mssql', 20).compile());
    add('sync_run: last success', lastSuccessQuery(db).compile());
    add('sync_run: queue a manual request', enqueueSyncRunQuery(db, { runId: '00000000-0000-0000-0000-000000000002', trigger: 'api', requestedAt: at }).compile());
    add('sync_run: the oldest queued request', queuedRequestQuery(db, 'mssql').compile());
    add('sync_run: state of a request', requestStateQuery(db, '00000000-0000-0000-0000-000000000002').compile());
    add('sync_run: abandon a request', abandonSyncRunQuery(db, '00000000-0000-0000-0000-000000000002', 'gave up', at).compile());
    add('single flight: commit releases the applock', CompiledQuery.raw('commit'));
    await expectTsqlSnapshot('mirror-sync', q);
  });
});
