import { describe, it } from 'vitest';
import type { ErpDatabase } from '../../../shared/db/schema/erp-tables';
import { countRows, erpTableNames, truncateTable } from '../../../shared/demo/erp-statements';
import { expectTsqlSnapshot, recordingMssql } from '../../helpers/tsql';

describe('demo seeder statements compiled for SQL Server', () => {
  it('match the reviewed T-SQL', async () => {
    const { db } = recordingMssql<ErpDatabase>();
    await expectTsqlSnapshot(
      'demo-erp',
      erpTableNames.flatMap((table) => [
        { label: `count ${table}`, query: countRows(db, table).compile() },
        { label: `truncate ${table}`, query: truncateTable(table).compile(db) },
      ]),
    );
  });
});
