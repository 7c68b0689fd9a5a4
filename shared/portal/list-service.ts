import { datetimeRange } from '../db/schema/column-types';
import type { ErpOrderHeaderRow } from '../db/schema/erp-tables';
import { countOrderHeaders } from '../mirror/queries/count-order-headers';
import { listOrderHeaders } from '../mirror/queries/list-order-headers';
import type { OrderFilter, OrderListKind } from '../mirror/queries/order-filter';
import type { InvoiceDto, OrderSummaryDto, ShipmentDto } from './dto-schemas';
import { appliedSummary, toInvoiceDto, toOrderSummaryDto } from './map-rows';
import { isoDate, statusLabel, trimmed } from './map-values';
import { invalidRequest } from './portal-error';
import type { PortalContext } from './portal-context';
import type { RowWindow } from './row-window';

export type ListFilter = Omit<OrderFilter, 'kind' | 'quoteTypes'>;

export interface ListQueryFilters {
  readonly status?: string | undefined;
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly po?: string | undefined;
  readonly item?: string | undefined;
}

const dayMs = 86_400_000;
const midnight = (day: string | undefined) => (day === undefined ? undefined : Date.parse(`${day}T00:00:00.000Z`));

/**
 * Request filters as a query filter: `to` is an inclusive day, so the bound is the next midnight.
 * A bound outside what a datetime column can hold (from=0000-01-01, to=9999-12-31) is no bound at
 * all, or the range's edge, rather than a value the database would reject.
 */
export function toListFilter(custNo: string, query: ListQueryFilters): ListFilter {
  const from = midnight(query.from);
  const to = midnight(query.to);
  const until = to === undefined ? undefined : to + dayMs;
  return {
    custNo,
    ...(query.status !== undefined ? { status: query.status } : {}),
    ...(query.po !== undefined ? { po: query.po } : {}),
    ...(query.item !== undefined ? { item: query.item } : {}),
    ...(from !== undefined && from > datetimeRange.earliest ? { from: new Date(from) } : {}),
    ...(until !== undefined && until <= datetimeRange.latest ? { until: new Date(Math.max(until, datetimeRange.earliest)) } : {}),
  };
}

/** Rows to read: one page, or for an export every row, refused when more than `exportLimit` match. */
export interface ListWindow extends RowWindow {
  readonly exportLimit?: number;
}

export interface ListPage<T> {
  readonly items: T[];
  readonly total: number;
}

/** An export's count, taken before any row is read; an over-limit export is refused. Undefined for a page. */
export async function countExport(window: ListWindow, count: () => Promise<number>, narrowing: string): Promise<number | undefined> {
  if (window.exportLimit === undefined) return undefined;
  const counted = await count();
  if (counted > window.exportLimit) {
    throw invalidRequest(`format: CSV exports are limited to ${window.exportLimit} rows (${counted} match); ${narrowing}.`);
  }
  return counted;
}

/** A partial page ends the list, so its total is known without counting (most customers fit on one page). */
export const pageTotal = async (rows: number, window: RowWindow, count: () => Promise<number>): Promise<number> =>
  rows < window.fetch && (rows > 0 || window.offset === 0) ? window.offset + rows : count();

interface ItemsByKind {
  orders: OrderSummaryDto;
  quotes: OrderSummaryDto;
  shipments: ShipmentDto;
  invoices: InvoiceDto;
}

/**
 * A page of one of the customer's header lists plus the total. The page statement carries each row's
 * totals, so a page that is not full is one query; only a full page (or a page past the end) also
 * counts, reading only index keys. An export counts first and refuses an over-limit result before
 * reading a single row.
 */
export async function listCustomerHeaders<K extends OrderListKind>(
  context: PortalContext,
  kind: K,
  filter: ListFilter,
  window: ListWindow,
): Promise<ListPage<ItemsByKind[K]>> {
  const { db, dialect } = await context.mirror();
  const full: OrderFilter = { ...filter, kind, quoteTypes: context.quoteTypes };
  const count = () => countOrderHeaders(db, full);
  const counted = await countExport(window, count, 'narrow from/to');
  const rows = await listOrderHeaders(db, full, window, dialect);
  const total = counted ?? (await pageTotal(rows.length, window, count));
  if (kind === 'shipments') {
    const items = rows.map((row) => toShipment(row, appliedSummary(row).shipped_value));
    return { items: items as ItemsByKind[K][], total };
  }
  const toItem = kind === 'invoices' ? toInvoiceDto : toOrderSummaryDto;
  return { items: rows.map((row) => toItem(row, appliedSummary(row))) as ItemsByKind[K][], total };
}

function toShipment(
  row: ErpOrderHeaderRow & { readonly ordered?: number | null; readonly shipped?: number | null },
  shippedValue: string,
): ShipmentDto {
  const ordered = row.ordered ?? 0;
  const shipped = row.shipped ?? 0;
  return {
    orderId: row.order_no,
    orderDate: isoDate(row.order_dt),
    shipDate: isoDate(row.ship_date),
    shipVia: trimmed(row.ship_via),
    customerPo: trimmed(row.cust_po),
    status: statusLabel(row.status),
    statusCode: trimmed(row.status),
    quantityOrdered: ordered,
    quantityShipped: shipped,
    shippedValue,
    complete: shipped >= ordered,
  };
}
