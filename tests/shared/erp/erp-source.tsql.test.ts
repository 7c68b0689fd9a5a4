import { describe, it } from 'vitest';
import type { PortalDatabase } from '../../../shared/db/portal-database';
import type { ErpDatabase } from '../../../shared/db/schema/erp-tables';
import { countErpRowsQuery } from '../../../shared/erp/count-erp-rows';
import { changeTrackingQuery } from '../../../shared/erp/read-change-tracking';
import { readErpBatchQuery } from '../../../shared/erp/read-erp-batch';
import { readErpChangesQuery } from '../../../shared/erp/read-erp-changes';
import { readErpGroupDigestsQuery } from '../../../shared/erp/read-erp-group-digests';
import { readErpHashRangesQuery } from '../../../shared/erp/read-erp-hash-ranges';
import { readErpHashesQuery } from '../../../shared/erp/read-erp-hashes';
import { readErpKeysQuery } from '../../../shared/erp/read-erp-keys';
import { readErpRangeQuery } from '../../../shared/erp/read-erp-range';
import { readErpSpanDigestQuery } from '../../../shared/erp/read-erp-span-digest';
import { syncEntities } from '../../../shared/sync/sync-entities';
import { expectTsqlSnapshot, recordingMssql, type LabelledQuery } from '../../helpers/tsql';

const erp: PortalDatabase<ErpDatabase> = { dialect: 'mssql', db: recordingMssql<ErpDatabase>().db, close: async () => {} };
const window = { orderWindowStart: new Date('2024-06-15T00:00:00.000Z') };
const after = { customers: ['C00042'], orders: [1042], lines: [1042, '3'] } as const;
const upTo = { customers: ['C05000'], orders: [6000], lines: [1900, '4'] } as const;
const keys = { customers: [['C00050'], ['C00077']], orders: [[1050], [1077]], lines: [[1050, '1'], [1077, '2']] } as const;

describe('ERP source statements compiled for SQL Server', () => {
  it('match the reviewed T-SQL', async () => {
    const queries: LabelledQuery[] = [];
    for (const e of syncEntities) {
      queries.push({ label: `${e.name}: first keyset batch`, query: readErpBatchQuery(erp, e, null, 5000, window).compile() });
      queries.push({ label: `${e.name}: next keyset batch`, query: readErpBatchQuery(erp, e, after[e.name], 5000, window).compile() });
      queries.push({ label: `${e.name}: first (key, hash) batch`, query: readErpHashesQuery(erp, e, null, 5000, window).compile() });
      queries.push({ label: `${e.name}: next (key, hash) batch`, query: readErpHashesQuery(erp, e, after[e.name], 5000, window).compile() });
      queries.push({ label: `${e.name}: digest of the first span`, query: readErpSpanDigestQuery(erp, e, null, 40000, window).compile() });
      queries.push({ label: `${e.name}: digest of a later span`, query: readErpSpanDigestQuery(erp, e, after[e.name], 40000, window).compile() });
      queries.push({ label: `${e.name}: group digests of a span`, query: readErpGroupDigestsQuery(erp, e, after[e.name], upTo[e.name], 40000, window).compile(erp.db) });
      queries.push({ label: `${e.name}: group digests of the open tail`, query: readErpGroupDigestsQuery(erp, e, null, null, 40000, window).compile(erp.db) });
      const ranges = [{ after: null, before: keys[e.name][0] }, { after: keys[e.name][0], before: keys[e.name][1] }, { after: keys[e.name][1], before: null }];
      queries.push({ label: `${e.name}: (key, hash) of differing key ranges`, query: readErpHashRangesQuery(erp, e, after[e.name], upTo[e.name], ranges, window).compile() });
      queries.push({ label: `${e.name}: changed rows of the first batch's range`, query: readErpRangeQuery(erp, e, null, upTo[e.name], window).compile() });
      queries.push({ label: `${e.name}: changed rows of a later range`, query: readErpRangeQuery(erp, e, after[e.name], upTo[e.name], window).compile() });
      queries.push({ label: `${e.name}: changed rows by key`, query: readErpKeysQuery(erp, e, keys[e.name], window).compile() });
      queries.push({ label: `${e.name}: estimate for progress`, query: countErpRowsQuery(erp, e, window).compile() });
      queries.push({ label: `${e.name}: change tracking detection and versions`, query: changeTrackingQuery(erp, e).compile() });
      queries.push({ label: `${e.name}: first CHANGETABLE batch`, query: readErpChangesQuery(erp, e, '41', null, 5000, window).compile() });
      queries.push({ label: `${e.name}: next CHANGETABLE batch`, query: readErpChangesQuery(erp, e, '41', after[e.name], 5000, window).compile() });
    }
    await expectTsqlSnapshot('erp-sync-source', queries);
  });
});
