import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { MirrorDatabase } from '../../db/schema/mirror-tables';
import { asciiUpper, asciiUpperSql } from './ascii-fold';

/** Which slice of a customer's ord_hedr rows a list reads. */
export type OrderListKind = 'orders' | 'quotes' | 'shipments' | 'invoices';

export interface OrderFilter {
  readonly custNo: string;
  readonly kind: OrderListKind;
  /** ord_type codes that make a header a quote (QUOTE_ORDER_TYPES). */
  readonly quoteTypes: readonly string[];
  readonly status?: string;
  /** Inclusive lower and exclusive upper bound on the list's date column. */
  readonly from?: Date;
  readonly until?: Date;
  /** Substring of the customer PO, case-insensitive. */
  readonly po?: string;
  /** Item number one of the header's lines carries (trimmed, case-insensitive). */
  readonly item?: string;
}

type Builder = ExpressionBuilder<MirrorDatabase, 'ord_hedr'>;

/** The date a list filters on: what the list is about. */
export const dateColumnOf = (kind: OrderListKind) =>
  kind === 'shipments' ? 'ship_date' : kind === 'invoices' ? 'inv_date' : 'order_dt';

/** LIKE pattern matching `text` literally: %, _ and [ (a T-SQL wildcard) are escaped with `\`. */
export const containsPattern = (text: string) => `%${asciiUpper(text).replace(/[\\%_[]/g, (c) => `\\${c}`)}%`;

/**
 * The header's lines with the item: a seek on ord_detl's primary key (order_no, lin_no) per header
 * the customer's index range yields. No index on item_no is needed, since the customer bounds the headers.
 */
const linesWithItem = (eb: Builder, item: string) =>
  eb
    .selectFrom('ord_detl')
    .select(sql.lit(1).as('found'))
    .whereRef('ord_detl.order_no', '=', 'ord_hedr.order_no')
    .where(sql<SqlBool>`${asciiUpperSql(sql`rtrim(${sql.ref('ord_detl.item_no')})`)} = ${asciiUpper(item.trim())}`);

/** The where clause of every order-header list, shared by the page and the count. */
export function orderFilterExpression(eb: Builder, filter: OrderFilter): Expression<SqlBool> {
  const conditions: Expression<SqlBool>[] = [eb('cust_no', '=', filter.custNo)];
  if (filter.kind === 'quotes') {
    conditions.push(filter.quoteTypes.length > 0 ? eb('ord_type', 'in', filter.quoteTypes) : sql<SqlBool>`1 = 0`);
  } else if (filter.quoteTypes.length > 0) {
    // A header with no type is an order; quotes never show up as orders, shipments or invoices.
    conditions.push(eb.or([eb('ord_type', 'is', null), eb('ord_type', 'not in', filter.quoteTypes)]));
  }
  if (filter.kind === 'shipments') conditions.push(eb('ship_date', 'is not', null));
  if (filter.kind === 'invoices') conditions.push(eb('inv_no', 'is not', null));
  if (filter.status !== undefined) conditions.push(eb('status', '=', filter.status));
  const dateColumn = dateColumnOf(filter.kind);
  if (filter.from !== undefined) conditions.push(eb(dateColumn, '>=', filter.from));
  if (filter.until !== undefined) conditions.push(eb(dateColumn, '<', filter.until));
  if (filter.po !== undefined) {
    conditions.push(sql<SqlBool>`${asciiUpperSql(eb.ref('cust_po'))} like ${containsPattern(filter.po)} escape '\\'`);
  }
  if (filter.item !== undefined) conditions.push(eb.exists(linesWithItem(eb, filter.item)));
  return eb.and(conditions);
}
