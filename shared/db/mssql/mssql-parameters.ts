import sql from 'mssql';

const int32Min = -2_147_483_648;
const int32Max = 2_147_483_647;

/**
 * SQL type for a Kysely parameter. Strings go as varchar so comparisons against the ERP's char
 * columns stay sargable (nvarchar forces an implicit conversion and a scan); dates as datetime2.
 */
export function parameterType(value: unknown): sql.ISqlType | (() => sql.ISqlType) {
  if (typeof value === 'string') return value.length <= 8000 ? sql.VarChar(8000) : sql.VarChar(sql.MAX);
  if (value instanceof Date) return sql.DateTime2(3);
  if (typeof value === 'boolean') return sql.Bit;
  if (typeof value === 'bigint') return sql.BigInt;
  if (typeof value === 'number') {
    if (Number.isInteger(value)) return value >= int32Min && value <= int32Max ? sql.Int : sql.BigInt;
    return sql.Float;
  }
  if (Buffer.isBuffer(value)) return sql.VarBinary(sql.MAX);
  return sql.VarChar(8000);
}

export function bindParameters(request: sql.Request, parameters: readonly unknown[]): void {
  parameters.forEach((value, index) => {
    const bound = typeof value === 'bigint' ? value.toString() : value;
    request.input(String(index + 1), parameterType(value), bound ?? null);
  });
}

/** Decimal columns as fixed-scale strings, as PGlite returns them: money never passes through float math. */
export function normalizeDecimals<R>(recordset: sql.IRecordSet<R> | undefined): R[] {
  if (!recordset) return [];
  const decimals = Object.values(recordset.columns).filter((c) => c.type === sql.Decimal || c.type === sql.Numeric);
  if (decimals.length === 0) return [...recordset];
  return recordset.map((row) => {
    const copy = { ...row } as Record<string, unknown>;
    for (const column of decimals) {
      const value = copy[column.name];
      if (typeof value === 'number') copy[column.name] = value.toFixed(column.scale ?? 0);
    }
    return copy as R;
  });
}
