import { describe, expect, it } from 'vitest';
import type { OrderSummaryDto, ProductDto, QuoteDetailDto } from '../../storefront/src/api-types';
import { buyAgainView } from '../../storefront/src/buy-again';
import { quoteLineRows } from '../../storefront/src/buy-again-rows';
import { defaultMessages, fill, readMessages } from '../../storefront/src/messages';
import { PortalError } from '../../storefront/src/portal-error';
import { renderAlert } from '../../storefront/src/render-alert';
import { filtersFromForm, renderFilters } from '../../storefront/src/render-filters';
import { renderQuoteDetail } from '../../storefront/src/render-detail';
import { renderListTable } from '../../storefront/src/render-table';
import { parseDetailHash, tabDefinitions, type TabDefinition } from '../../storefront/src/tab-definitions';
import { h, render, textOf, type VElement, type VNode } from '../../storefront/src/vnode';

const order = (overrides: Partial<OrderSummaryDto> = {}): OrderSummaryDto => ({
  orderId: 42,
  orderType: 'O',
  orderDate: '2025-03-01T00:00:00.000Z',
  customerId: 'C00001',
  customerPo: '<img src=x onerror=alert(1)>',
  buyer: null,
  shipVia: null,
  shipDate: null,
  invoiceNo: null,
  invoiceDate: null,
  status: 'Open',
  statusCode: 'O',
  lineCount: 1,
  subtotal: '10.00',
  freight: null,
  tax: null,
  total: '10.00',
  ...overrides,
});

const product = (): ProductDto => ({
  itemNo: 'HB-10007-ZN',
  description: 'Hex Bolt 3/8" ZN',
  timesOrdered: 3,
  totalQuantity: 1200,
  lastOrderDate: '2025-03-01T00:00:00.000Z',
  lastOrderId: 42,
  lastUnitPrice: '0.1250',
  lastQuantity: 400,
  reorder: null,
  reorderReason: 'not_in_catalog',
});

const find = (node: VNode, tag: string): VElement[] =>
  typeof node === 'string' ? [] : [...(node.tag === tag ? [node] : []), ...node.children.flatMap((c) => find(c, tag))];

/** Just enough of a Document to watch what `render` creates. */
function fakeDocument() {
  const created: string[] = [];
  const element = (tag: string) => ({
    tag,
    attributes: {} as Record<string, string>,
    children: [] as unknown[],
    setAttribute(name: string, value: string) {
      this.attributes[name] = value;
    },
    addEventListener() {},
    appendChild(child: unknown) {
      this.children.push(child);
    },
  });
  const doc = {
    createElement: (tag: string) => (created.push(`<${tag}>`), element(tag)),
    createTextNode: (text: string) => (created.push(`text:${text}`), { text }),
  };
  return { doc: doc as unknown as Document, created };
}

describe('rendering', () => {
  it('renders a list as a captioned table with scoped headings and labelled cells', () => {
    const table = renderListTable(tabDefinitions.orders, [order()], defaultMessages);
    expect(textOf(find(table, 'caption')[0]!)).toBe('Your orders');
    expect(find(table, 'thead')[0] && find(find(table, 'thead')[0]!, 'th').every((th) => th.attrs.scope === 'col')).toBe(true);
    const rowHeader = find(find(table, 'tbody')[0]!, 'th')[0]!;
    expect(rowHeader.attrs).toMatchObject({ scope: 'row', 'data-label': 'Order' });
    expect(find(rowHeader, 'a')[0]?.attrs.href).toBe('#order-42');
    expect(find(table, 'td').map((td) => td.attrs['data-label'])).toEqual(['Date', 'PO number', 'Status', 'Total']);
    expect(textOf(table)).toContain('$10.00');
  });

  it('renders the Products tab: item as row header, figures right-aligned, the last order linking to its detail', () => {
    const table = renderListTable(tabDefinitions.products, [product()], defaultMessages);
    expect(textOf(find(table, 'caption')[0]!)).toBe('Items you have bought');
    const rowHeader = find(find(table, 'tbody')[0]!, 'th')[0]!;
    expect(textOf(rowHeader)).toBe('HB-10007-ZN');
    expect(find(rowHeader, 'a')).toEqual([]);
    expect(find(table, 'td').map((td) => td.attrs['data-label'])).toEqual(['Description', 'Times ordered', 'Total qty', 'Last ordered', 'Last order', 'Last price']);
    expect(find(table, 'a').map((a) => a.attrs.href)).toEqual(['#order-42']);
    expect(textOf(table)).toContain('1,200');
    expect(textOf(table)).toContain('$0.125');
  });

  it('ends the Products tab with a Buy again column, the only tab with one', () => {
    const products = tabDefinitions.products as TabDefinition<ProductDto>;
    const rows: ProductDto[] = [
      { ...product(), itemNo: 'HB-1', reorder: { productId: 1, variantId: 2 }, reorderReason: null },
      { ...product(), itemNo: 'HB-2', reorder: null, reorderReason: 'not_purchasable' },
    ];
    const buyAgain = products.buyAgain?.(rows, defaultMessages);
    expect(buyAgain).toBeDefined();
    const table = renderListTable(products, rows, defaultMessages, buyAgain ? [buyAgain.column] : []);
    const cells = find(find(table, 'tbody')[0]!, 'td').filter((td) => td.attrs['data-label'] === 'Buy again');
    expect(cells).toHaveLength(2);
    expect(find(cells[0]!, 'input')[0]?.attrs).toMatchObject({ value: 400, 'data-erp-buy-line': 'HB-1' });
    expect(textOf(cells[1]!)).toBe('Not available for purchase');
    expect(textOf(find(find(table, 'thead')[0]!, 'th').at(-1)!)).toBe('Buy again');
    for (const key of ['orders', 'quotes', 'shipments', 'invoices'] as const) expect(tabDefinitions[key].buyAgain, key).toBeUndefined();
  });

  it('gives the Products tab one search box, limited to what the API accepts, and sends it trimmed as q', () => {
    const form = renderFilters(tabDefinitions.products, 'p', { q: 'bolt' }, defaultMessages, { apply: () => undefined, clear: () => undefined, download: () => undefined });
    const inputs = find(form, 'input');
    expect(inputs.map((i) => [i.attrs.name, i.attrs.type, i.attrs.maxlength, i.attrs.value])).toEqual([['q', 'search', 30, 'bolt']]);
    expect(textOf(find(form, 'label')[0]!)).toBe('Item or description');
    const data = new FormData();
    data.set('q', '  hex bolt ');
    expect(filtersFromForm(data, tabDefinitions.products.filters)).toEqual({ q: 'hex bolt' });
  });

  it('lets the Orders tab filter by item number, as the Products tab’s links ask', () => {
    const form = renderFilters(tabDefinitions.orders, 'o', { item: 'HB-1' }, defaultMessages, { apply: () => undefined, clear: () => undefined, download: () => undefined });
    expect(find(form, 'input').find((i) => i.attrs.name === 'item')?.attrs).toMatchObject({ maxlength: 25, value: 'HB-1' });
    expect((tabDefinitions.products as TabDefinition<ProductDto>).itemOrders?.(product())).toBe('HB-10007-ZN');
  });

  it('puts API text into Text nodes only, so markup in data stays inert', () => {
    const { doc, created } = fakeDocument();
    render(h('td', { 'data-label': 'PO' }, order().customerPo as string), doc);
    expect(created).toEqual(['<td>', 'text:<img src=x onerror=alert(1)>']);
  });

  it('explains each failure kind, with a sign-in link or a retry where they help', () => {
    const signedOut = renderAlert(new PortalError('signed-out', ''), defaultMessages, () => undefined, '/login.php');
    expect(textOf(signedOut)).toContain('Please sign in');
    expect(find(signedOut, 'a')[0]?.attrs.href).toBe('/login.php');
    const notLinked = renderAlert(new PortalError('not-linked', ''), defaultMessages, () => undefined, '/login.php');
    expect(textOf(notLinked)).toContain('not linked');
    expect(find(notLinked, 'button')).toHaveLength(0);
    const failed = renderAlert(new PortalError('failed', ''), defaultMessages, () => undefined, '/login.php');
    expect(failed.attrs.role).toBe('alert');
    expect(textOf(find(failed, 'button')[0]!)).toBe('Try again');
  });

  it('reads message overrides from data-msg-* and fills placeholders', () => {
    const messages = readMessages({ msgSignedOut: 'Bitte anmelden.', msgEmpty: ' ' });
    expect(messages.signedOut).toBe('Bitte anmelden.');
    expect(messages.empty).toBe(defaultMessages.empty);
    expect(fill(messages.showing, { from: 1, to: 20, total: 45 })).toBe('Showing 1–20 of 45');
  });

  it('opens a quote from the Quotes tab: #quote-N, not an order', () => {
    const table = renderListTable(tabDefinitions.quotes, [order({ orderId: 77, orderType: 'Q' })], defaultMessages);
    expect(find(find(table, 'tbody')[0]!, 'a').map((a) => a.attrs.href)).toEqual(['#quote-77']);
  });

  it('shows a quote with its quoted prices, Order this quote over every line, and says the cart’s prices may differ', () => {
    const line = { orderId: 77, lineNo: 1, itemNo: 'HB-1', description: 'Hex bolt', quantityOrdered: 40, quantityShipped: 0, unitPrice: '0.1250', amount: '5.00', status: 'Open', statusCode: 'O' };
    const quote: QuoteDetailDto = {
      quoteNo: 77, quoteDate: '2025-03-01T00:00:00.000Z', orderType: 'Q', customerId: 'C00001', customerPo: 'RFQ-1', buyer: null, shipVia: null,
      status: 'Open', statusCode: 'O', orderable: true, lineCount: 2, subtotal: '5.00', freight: null, tax: null, total: '5.00',
      lines: [
        { ...line, reorder: { productId: 1, variantId: 2 }, reorderReason: null },
        { ...line, lineNo: 2, itemNo: 'X-9', reorder: null, reorderReason: 'not_in_catalog' },
      ],
    };
    const view = () => buyAgainView(quote.lines, quoteLineRows, defaultMessages);
    const shown = renderQuoteDetail(quote, { href: '#quotes', label: 'Your quotes' }, defaultMessages, () => undefined, view());
    expect(textOf(find(shown, 'h4')[0]!)).toBe('Quote #77');
    expect(find(shown, 'button').map((b) => textOf(b))).toEqual(['Download PDF', 'Order this quote', 'Add to cart']);
    expect(textOf(shown)).toContain(defaultMessages.quotePricesMayDiffer);
    expect(find(find(shown, 'thead')[0]!, 'th').map((th) => textOf(th))).toContain('Quoted price');
    expect(textOf(shown)).toContain('$0.1250');

    const voided = renderQuoteDetail({ ...quote, status: 'Void', statusCode: 'V', orderable: false }, { href: '#quotes', label: 'Your quotes' }, defaultMessages, () => undefined, view());
    expect(find(voided, 'button').map((b) => textOf(b))).toEqual(['Download PDF']);
    expect(textOf(voided)).toContain(defaultMessages.quoteNotOrderable);
  });

  it('routes only well-formed detail hashes', () => {
    expect(parseDetailHash('#order-100045')).toEqual({ kind: 'order', id: 100045 });
    expect(parseDetailHash('#quote-77')).toEqual({ kind: 'quote', id: 77 });
    expect(parseDetailHash('#invoice-7')).toEqual({ kind: 'invoice', id: 7 });
    expect(parseDetailHash('#orders')).toBeUndefined();
    expect(parseDetailHash('#order-1;alert(1)')).toBeUndefined();
  });
});
