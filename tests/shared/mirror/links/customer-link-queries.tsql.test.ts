import { it } from 'vitest';
import { countIncomingLinks, countVanishedLinks, mergeStagedLinks, type StagedDatabase } from '../../../../shared/mirror/links/customer-link-queries';
import { customerLinkStage } from '../../../../shared/mirror/links/customer-link-stage';
import { linkedCustomersWithOrders } from '../../../../shared/dev-host/queries/list-linked-customers';
import { createScratchTableQuery, dropScratchTableQuery } from '../../../../shared/mirror/scratch-table';
import type { MirrorDatabase } from '../../../../shared/db/schema/mirror-tables';
import { expectTsqlSnapshot, recordingMssql } from '../../../helpers/tsql';

it('compiles the customer-link statements to T-SQL', async () => {
  const { db } = recordingMssql<StagedDatabase>();
  const now = new Date('2026-01-02T03:04:05.678Z');
  await expectTsqlSnapshot('customer-links', [
    { label: 'create stage', query: createScratchTableQuery(db, customerLinkStage, 'mssql').compile() },
    { label: 'count incoming links', query: countIncomingLinks(db).compile() },
    { label: 'count vanished links', query: countVanishedLinks(db).compile() },
    { label: 'merge staged links', query: mergeStagedLinks(db, now).compile() },
    { label: 'drop stage', query: dropScratchTableQuery(db, customerLinkStage).compile() },
    { label: 'linked customers with orders (demo logins)', query: linkedCustomersWithOrders(recordingMssql<MirrorDatabase>().db, 6).compile() },
  ]);
});
