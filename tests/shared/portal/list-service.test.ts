import { describe, expect, it } from 'vitest';
import { toListFilter } from '../../../shared/portal/list-service';

describe('toListFilter', () => {
  it('turns an inclusive `to` day into the next midnight', () => {
    expect(toListFilter('C00001', { from: '2025-01-08', to: '2025-01-15' })).toEqual({
      custNo: 'C00001',
      from: new Date('2025-01-08T00:00:00.000Z'),
      until: new Date('2025-01-16T00:00:00.000Z'),
    });
  });

  it('drops bounds beyond the datetime range and clamps a `to` before it to the range edge', () => {
    expect(toListFilter('C00001', { from: '0000-01-01', to: '9999-12-31' })).toEqual({ custNo: 'C00001' });
    expect(toListFilter('C00001', { from: '0001-01-01' })).toEqual({ custNo: 'C00001' });
    expect(toListFilter('C00001', { from: '0001-01-02', to: '9999-12-30' })).toEqual({
      custNo: 'C00001',
      from: new Date('0001-01-02T00:00:00.000Z'),
      until: new Date('9999-12-31T00:00:00.000Z'),
    });
    expect(toListFilter('C00001', { to: '0000-06-01' }).until).toEqual(new Date('0001-01-01T00:00:00.000Z'));
  });
});
