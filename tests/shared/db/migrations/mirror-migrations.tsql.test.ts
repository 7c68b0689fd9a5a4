import { describe, it } from 'vitest';
import { mirrorMigrations } from '../../../../shared/db/migrations/mirror-migrations';
import { createErpTables } from '../../../../shared/erp/create-erp-tables';
import { expectTsqlSnapshot, recordingMssql } from '../../../helpers/tsql';

describe('mirror migrations compiled for SQL Server', () => {
  it('match the reviewed T-SQL', async () => {
    const { db, log } = recordingMssql();
    const labelled = [];
    for (const [name, migration] of Object.entries(mirrorMigrations('mssql'))) {
      const start = log.length;
      await migration.up(db);
      labelled.push(...log.slice(start).map((query, i) => ({ label: `${name} #${i + 1}`, query })));
    }
    await expectTsqlSnapshot('mirror-migrations', labelled);
  });

  it('ERP tables (contract suite and demo) match the reviewed T-SQL', async () => {
    const { db, log } = recordingMssql();
    await createErpTables(db, 'mssql');
    await expectTsqlSnapshot(
      'erp-tables',
      log.map((query, i) => ({ label: `erp table #${i + 1}`, query })),
    );
  });
});
