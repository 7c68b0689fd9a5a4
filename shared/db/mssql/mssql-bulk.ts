import sql from 'mssql';
import type { BulkRow, BulkTable } from '../bulk-table';
import type { ColumnType } from '../schema/column-types';

function bulkType(type: ColumnType): sql.ISqlType {
  switch (type.kind) {
    case 'char':
      return sql.Char(type.length);
    case 'varchar':
      return sql.VarChar(type.length);
    case 'text':
      return sql.VarChar(sql.MAX);
    case 'int':
      return sql.Int();
    case 'bigint':
      return sql.BigInt();
    case 'numeric':
      return sql.Decimal(type.precision, type.scale);
    case 'datetime':
      return sql.DateTime2(3);
    case 'bit':
      return sql.Bit();
  }
}

/** An mssql Table for `request.bulk`; the target (a #stage table) already exists. */
export function bulkTable(table: BulkTable, rows: readonly BulkRow[]): sql.Table {
  const target = new sql.Table(table.name);
  target.create = false;
  for (const column of table.columns) {
    target.columns.add(column.name, bulkType(column.type), { nullable: column.nullable });
  }
  for (const row of rows) target.rows.add(...row);
  return target;
}
