import { describe, expect, it } from 'vitest';
import { listHash, parseListHash } from '../../storefront/src/list-location';

describe('a list’s filters and page in the URL hash', () => {
  it('writes only what is set, page 1 left out', () => {
    expect(listHash('orders', { filters: {}, page: 1 })).toBe('#orders');
    expect(listHash('orders', { filters: { status: 'O', po: 'PO 7&8' }, page: 3 })).toBe('#orders?status=O&po=PO+7%268&page=3');
  });

  it('reads back what it wrote', () => {
    const state = { filters: { from: '2025-01-01', to: '2025-02-01' }, page: 2 };
    expect(parseListHash(listHash('invoices', state), ['from', 'to'])).toEqual(state);
  });

  it('takes only the tab’s own filters and a whole page number ≥ 1', () => {
    expect(parseListHash('#invoices?status=O&from=2025-01-01&page=2.5', ['from', 'to'])).toEqual({ filters: { from: '2025-01-01' }, page: 1 });
    expect(parseListHash('#orders?page=-1&po=%20', ['po'])).toEqual({ filters: {}, page: 1 });
    expect(parseListHash('#order-12', ['po'])).toEqual({ filters: {}, page: 1 });
    expect(parseListHash('', ['po'])).toEqual({ filters: {}, page: 1 });
  });
});
