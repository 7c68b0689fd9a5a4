import type { PortalDatabase } from '../../../shared/db/portal-database';
import type { ErpCustomerRow, ErpDatabase, ErpOrderHeaderRow, ErpOrderLineRow } from '../../../shared/db/schema/erp-tables';
import type { MirrorDatabase } from '../../../shared/db/schema/mirror-tables';

export type Erp = PortalDatabase<ErpDatabase>;
export type Mirror = PortalDatabase<MirrorDatabase>;

/** The synced tables' source columns; the mirror's own row_hash and sync_date are bookkeeping, not data. */
export interface MirrorRows {
  readonly customer: readonly ErpCustomerRow[];
  readonly ord_hedr: readonly ErpOrderHeaderRow[];
  readonly ord_detl: readonly ErpOrderLineRow[];
}

/** Customers deleted from the ERP after the mirror had them, as the mirror last held them (trimmed cust_no → row). */
export type RetiredCustomers = ReadonlyMap<string, ErpCustomerRow>;

const customerColumns = ['cust_no', 'cust_name', 'cust_addr1', 'cust_city', 'cust_state', 'cust_zip', 'cust_phone', 'active'] as const;
const headerColumns = ['order_no', 'ord_type', 'order_dt', 'cust_no', 'cust_po', 'buyer', 'ship_via', 'ship_date', 'inv_no', 'inv_date', 'status', 'freight', 'tax_amt'] as const;
const lineColumns = ['order_no', 'lin_no', 'item_no', 'item_desc', 'ord_qty', 'qty_shipd', 'unit_price', 'status'] as const;

/** CHAR values come padded; like the engines' CHAR comparison, trailing blanks do not count. */
const trimmed = (value: string | null) => (value === null ? null : value.trimEnd());

/**
 * What the mirror must hold, derived from the ERP by ARCHITECTURE.md §4 rather than by the sync's
 * code: every ERP customer; orders with order_dt inside the window whose customer the mirror has;
 * the lines of exactly those orders. A customer gone from the ERP stays, inactive and as last
 * synced, while a mirrored order still names it. Values are stored as read (CHAR padding kept);
 * only the API trims.
 */
export async function expectedMirror(erp: Erp, windowStart: Date, retired: RetiredCustomers): Promise<MirrorRows> {
  const customers = await erp.db.selectFrom('customer').select(customerColumns).execute();
  const headers = await erp.db.selectFrom('ord_hedr').select(headerColumns).execute();
  const lines = await erp.db.selectFrom('ord_detl').select(lineColumns).execute();
  const known = new Set([...customers.map((c) => trimmed(c.cust_no)), ...retired.keys()]);
  const orders = headers.filter((h) => h.order_dt !== null && h.order_dt >= windowStart && h.cust_no !== null && known.has(trimmed(h.cust_no)));
  const referenced = new Set(orders.map((h) => trimmed(h.cust_no)));
  const kept = [...retired].filter(([custNo]) => referenced.has(custNo)).map(([, row]) => ({ ...row, active: false }));
  const orderNos = new Set(orders.map((h) => h.order_no));
  return { customer: [...customers, ...kept], ord_hedr: orders, ord_detl: lines.filter((l) => orderNos.has(l.order_no)) };
}

export async function mirrorRows(mirror: Mirror): Promise<MirrorRows> {
  return {
    customer: await mirror.db.selectFrom('customer').select(customerColumns).execute(),
    ord_hedr: await mirror.db.selectFrom('ord_hedr').select(headerColumns).execute(),
    ord_detl: await mirror.db.selectFrom('ord_detl').select(lineColumns).execute(),
  };
}
