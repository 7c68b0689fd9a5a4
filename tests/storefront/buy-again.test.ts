import { describe, expect, it } from 'vitest';
import type { OrderLineDto, ProductDto } from '../../storefront/src/api-types';
import { buyAgainView } from '../../storefront/src/buy-again';
import { orderLineRows, productRows } from '../../storefront/src/buy-again-rows';
import { defaultMessages } from '../../storefront/src/messages';
import { textOf, type VElement, type VNode } from '../../storefront/src/vnode';

const line = (overrides: Partial<OrderLineDto>): OrderLineDto => ({
  orderId: 7,
  lineNo: 1,
  itemNo: 'BOLT-1',
  description: 'Bolt',
  quantityOrdered: 4,
  quantityShipped: 0,
  unitPrice: '1.0000',
  amount: '4.00',
  status: 'Open',
  statusCode: 'O',
  reorder: { productId: 10, variantId: 20 },
  reorderReason: null,
  ...overrides,
});

const find = (node: VNode, tag: string): VElement[] =>
  typeof node === 'string' ? [] : [...(node.tag === tag ? [node] : []), ...node.children.flatMap((c) => find(c, tag))];

describe('Buy again column', () => {
  const view = buyAgainView([], orderLineRows, defaultMessages, async () => ({ lines: [], quantity: null }));

  it('offers the ordered quantity and an Add button, labelled with the item, on a line the catalog maps', () => {
    const cell = view.column.cell(line({})) as VElement;
    const [input] = find(cell, 'input');
    expect(input?.attrs).toMatchObject({ type: 'number', min: 1, value: 4, 'aria-label': 'Quantity: BOLT-1', 'data-erp-buy-line': '7-1' });
    expect(find(cell, 'button').map((b) => b.attrs['aria-label'])).toEqual(['Add to cart: BOLT-1']);
    // A line ordered with no or a negative quantity still starts at 1.
    expect(find(view.column.cell(line({ quantityOrdered: null })) as VElement, 'input')[0]?.attrs.value).toBe(1);
  });

  it('shows the reason instead on a line that cannot be bought again', () => {
    expect(textOf(view.column.cell(line({ reorder: null, reorderReason: 'not_in_catalog' })))).toBe('Not sold online');
    expect(textOf(view.column.cell(line({ reorder: null, reorderReason: 'not_purchasable' })))).toBe('Not available for purchase');
  });

  it('puts the Buy all again button above a polite live result region', () => {
    expect(textOf(view.bar)).toBe('Buy all again');
    expect(find(view.bar, 'div').find((d) => d.attrs.class === 'erp-portal-buy-result')?.attrs).toMatchObject({ role: 'status', 'aria-live': 'polite' });
  });
});

const product = (overrides: Partial<ProductDto>): ProductDto => ({
  itemNo: 'HB-10007-ZN',
  description: 'Hex bolt',
  timesOrdered: 3,
  totalQuantity: 1200,
  lastOrderDate: '2025-03-01T00:00:00.000Z',
  lastOrderId: 42,
  lastUnitPrice: '0.1250',
  lastQuantity: 400,
  reorder: { productId: 10, variantId: 20 },
  reorderReason: null,
  ...overrides,
});

describe('Buy again on the Products tab', () => {
  const view = buyAgainView([], productRows, defaultMessages, async () => ({ lines: [], quantity: null }));

  it('offers the quantity of the latest purchase (1 when unknown), keyed and labelled by item number', () => {
    const [input] = find(view.column.cell(product({})) as VElement, 'input');
    expect(input?.attrs).toMatchObject({ type: 'number', min: 1, value: 400, 'aria-label': 'Quantity: HB-10007-ZN', 'data-erp-buy-line': 'HB-10007-ZN' });
    expect(find(view.column.cell(product({ lastQuantity: null })) as VElement, 'input')[0]?.attrs.value).toBe(1);
    expect(find(view.column.cell(product({ lastQuantity: 0 })) as VElement, 'input')[0]?.attrs.value).toBe(1);
  });

  it('shows the reason on an item that cannot be bought again', () => {
    expect(textOf(view.column.cell(product({ reorder: null, reorderReason: 'not_in_catalog' })))).toBe('Not sold online');
    expect(textOf(view.column.cell(product({ reorder: null, reorderReason: 'not_purchasable' })))).toBe('Not available for purchase');
  });

  it('has no Buy all button over a page of items, only the live result region', () => {
    expect(find(view.bar, 'button')).toEqual([]);
    expect(view.bar.children.map((d) => (typeof d === 'string' ? d : d.attrs))).toEqual([{ class: 'erp-portal-buy-result', role: 'status', 'aria-live': 'polite' }]);
  });
});
