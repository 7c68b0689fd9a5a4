/** Portable column types: one definition renders to both SQL Server and PGlite DDL. */
export type ColumnType =
  | { readonly kind: 'char'; readonly length: number }
  | { readonly kind: 'varchar'; readonly length: number; readonly binary?: true }
  | { readonly kind: 'text' }
  | { readonly kind: 'int' }
  | { readonly kind: 'bigint' }
  | { readonly kind: 'numeric'; readonly precision: number; readonly scale: number }
  | { readonly kind: 'datetime' }
  | { readonly kind: 'bit' };

export interface ColumnSpec {
  readonly name: string;
  readonly type: ColumnType;
  readonly nullable: boolean;
}

export interface TableSpec {
  readonly name: string;
  readonly columns: readonly ColumnSpec[];
  readonly primaryKey: readonly string[];
}

export type SqlDialectName = 'mssql' | 'pglite';

export const char = (length: number): ColumnType => ({ kind: 'char', length });
export const varchar = (length: number): ColumnType => ({ kind: 'varchar', length });
/**
 * A varchar compared byte for byte (case- and accent-sensitive) whatever the database's default
 * collation: SQL Server databases are usually case-insensitive, Postgres' default is not.
 */
export const binaryVarchar = (length: number): ColumnType => ({ kind: 'varchar', length, binary: true });

/** The collation `binaryVarchar` columns use; expressions compared with them are cast to it. */
export const binaryCollation = { mssql: 'Latin1_General_100_BIN2', pglite: '"C"' } as const satisfies Record<SqlDialectName, string>;
export const text: ColumnType = { kind: 'text' };
export const int: ColumnType = { kind: 'int' };
export const bigint: ColumnType = { kind: 'bigint' };
export const numeric = (precision: number, scale: number): ColumnType => ({ kind: 'numeric', precision, scale });
export const datetime: ColumnType = { kind: 'datetime' };

/** Instants a datetime column holds in both engines (datetime2(3) and timestamp(3)): years 1 to 9999. */
export const datetimeRange = {
  earliest: Date.parse('0001-01-01T00:00:00.000Z'),
  latest: Date.parse('9999-12-31T23:59:59.999Z'),
} as const;
export const bit: ColumnType = { kind: 'bit' };

/**
 * SQL text of a column type. SQL Server dates are datetime2(3): the ERP's DATETIME has 3.33 ms
 * precision and datetime2(3) holds every such value without the DATETIME rounding quirks.
 */
export function renderColumnType(type: ColumnType, dialect: SqlDialectName): string {
  switch (type.kind) {
    case 'char':
      return `char(${type.length})`;
    case 'varchar':
      return type.binary ? `varchar(${type.length}) collate ${binaryCollation[dialect]}` : `varchar(${type.length})`;
    case 'text':
      return dialect === 'mssql' ? 'varchar(max)' : 'text';
    case 'int':
      return dialect === 'mssql' ? 'int' : 'integer';
    case 'bigint':
      return 'bigint';
    case 'numeric':
      return `numeric(${type.precision}, ${type.scale})`;
    case 'datetime':
      return dialect === 'mssql' ? 'datetime2(3)' : 'timestamp(3)';
    case 'bit':
      return dialect === 'mssql' ? 'bit' : 'boolean';
  }
}
