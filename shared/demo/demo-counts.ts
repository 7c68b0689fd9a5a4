import type { BulkRow } from '../db/bulk-table';

/** Rows written per table, plus how many of each edge case the demo contains. */
export interface DemoCounts {
  readonly customer: number;
  readonly ord_hedr: number;
  readonly ord_detl: number;
  readonly inactiveCustomers: number;
  /** Customers with no order header at all (orphans and headerless lines excluded). */
  readonly customersWithoutOrders: number;
  /** Headers by status code, quotes included. */
  readonly openOrders: number;
  readonly completeOrders: number;
  readonly voidOrders: number;
  /** Codes other than O, C and V (H, X, lower-case c, blank) that the API passes through. */
  readonly oddStatusOrders: number;
  readonly quotes: number;
  readonly invoicedOrders: number;
  /** Open orders with some but not all quantity shipped. */
  readonly partiallyShippedOrders: number;
  /** Lines with 0 < qty_shipd < ord_qty. */
  readonly partialLines: number;
  /** Headers dated before anchor − 365 days, outside the sync window. */
  readonly ordersOlderThan365Days: number;
  /** Headers whose cust_no names no customer. */
  readonly orphanOrders: number;
  /** Lines whose order_no has no header. */
  readonly orphanLines: number;
}

export type DemoTally = { -readonly [K in keyof DemoCounts]: DemoCounts[K] };

export function emptyTally(): DemoTally {
  return {
    customer: 0,
    ord_hedr: 0,
    ord_detl: 0,
    inactiveCustomers: 0,
    customersWithoutOrders: 0,
    openOrders: 0,
    completeOrders: 0,
    voidOrders: 0,
    oddStatusOrders: 0,
    quotes: 0,
    invoicedOrders: 0,
    partiallyShippedOrders: 0,
    partialLines: 0,
    ordersOlderThan365Days: 0,
    orphanOrders: 0,
    orphanLines: 0,
  };
}

/** Column positions in the bulk rows (the TableSpec order). */
export const headerColumn = { ordType: 1, orderDate: 2, invoiceNo: 8, status: 10 } as const;
export const lineColumn = { ordQty: 4, qtyShipped: 5 } as const;

const statusCounters: Readonly<Record<string, 'openOrders' | 'completeOrders' | 'voidOrders'>> = {
  O: 'openOrders',
  C: 'completeOrders',
  V: 'voidOrders',
};

/** Counts a header's edge cases from the row as written, so the tally cannot drift from the data. */
export function tallyHeader(tally: DemoTally, row: BulkRow, partlyShipped: boolean, windowStartMs: number): void {
  tally.ord_hedr++;
  const status = row[headerColumn.status];
  const counter = typeof status === 'string' ? statusCounters[status] : undefined;
  if (counter) tally[counter]++;
  else tally.oddStatusOrders++;
  if (status === 'O' && partlyShipped) tally.partiallyShippedOrders++;
  if (row[headerColumn.ordType] === 'Q') tally.quotes++;
  if (row[headerColumn.invoiceNo] !== null) tally.invoicedOrders++;
  const orderDate = row[headerColumn.orderDate];
  if (orderDate instanceof Date && orderDate.getTime() < windowStartMs) tally.ordersOlderThan365Days++;
}

/** Counts lines and partial lines; returns whether some quantity shipped and some is outstanding. */
export function tallyLines(tally: DemoTally, lines: readonly BulkRow[]): boolean {
  let shipped = 0;
  let outstanding = 0;
  for (const line of lines) {
    tally.ord_detl++;
    const ordered = Number(line[lineColumn.ordQty]);
    const done = Number(line[lineColumn.qtyShipped]);
    if (done > 0 && done < ordered) tally.partialLines++;
    if (done > 0) shipped++;
    if (done < ordered) outstanding++;
  }
  return shipped > 0 && outstanding > 0;
}
