import sql from 'mssql';
import { describe, expect, it } from 'vitest';
import { normalizeDecimals, parameterType } from '../../../../shared/db/mssql/mssql-parameters';

const typeName = (value: unknown) => {
  const type = parameterType(value);
  return (typeof type === 'function' ? type() : type).type;
};

describe('mssql parameter typing', () => {
  it('sends strings as varchar so char-column seeks stay sargable', () => {
    expect(typeName('C00001')).toBe(sql.VarChar);
  });

  it('sends dates as datetime2 and integers as int or bigint', () => {
    expect(typeName(new Date())).toBe(sql.DateTime2);
    expect(typeName(7)).toBe(sql.Int);
    expect(typeName(2 ** 40)).toBe(sql.BigInt);
  });

  it('returns decimal columns as fixed-scale strings', () => {
    const recordset = Object.assign([{ total: 12.5, qty: 3 }], {
      columns: {
        total: { name: 'total', type: sql.Decimal, scale: 2 },
        qty: { name: 'qty', type: sql.Int },
      },
    }) as unknown as sql.IRecordSet<{ total: unknown; qty: unknown }>;
    expect(normalizeDecimals(recordset)).toEqual([{ total: '12.50', qty: 3 }]);
  });
});
