import type { CatalogVariantTable } from './catalog-tables';
import { char, datetime, type ColumnSpec, type TableSpec } from './column-types';
import {
  customerTable,
  orderHeaderTable,
  orderLineTable,
  type ErpCustomerRow,
  type ErpOrderHeaderRow,
  type ErpOrderLineRow,
} from './erp-tables';

/** Hex of a 64-bit digest of the source columns; lets the sync skip unchanged rows. */
export const rowHashColumn: ColumnSpec = { name: 'row_hash', type: char(16), nullable: false };
export const syncDateColumn: ColumnSpec = { name: 'sync_date', type: datetime, nullable: false };

const mirrorOf = (erp: TableSpec): TableSpec => ({
  ...erp,
  columns: [...erp.columns, rowHashColumn, syncDateColumn],
});

/** Mirror copies of the ERP tables, same names and types plus sync bookkeeping. */
export const mirrorCustomerTable = mirrorOf(customerTable);
export const mirrorOrderHeaderTable = mirrorOf(orderHeaderTable);
export const mirrorOrderLineTable = mirrorOf(orderLineTable);
export const mirroredTables = [mirrorCustomerTable, mirrorOrderHeaderTable, mirrorOrderLineTable] as const;

interface SyncColumns {
  row_hash: string;
  sync_date: Date;
}

export interface OrderSummaryView {
  order_no: number;
  line_count: number;
  subtotal: string;
  shipped_value: string;
  total: string;
}

export interface SyncStateTable {
  entity: string;
  /** Last primary key committed in the current scan, JSON-encoded; null when no scan is in progress. */
  scan_cursor: string | null;
  scan_started_at: Date | null;
  /** Change Tracking version the current or last scan is consistent with. */
  ct_version: string | null;
  last_complete_at: Date | null;
  updated_at: Date;
}

export interface SyncRunTable {
  run_id: string;
  triggered_by: string;
  status: string;
  started_at: Date;
  finished_at: Date | null;
  /** Per-entity counts and skip reasons, JSON. */
  summary: string | null;
  error: string | null;
}

export interface CustomerLinkTable {
  bc_customer_id: number;
  cust_no: string;
  updated_at: Date | null;
}

export interface MirrorDatabase {
  customer: ErpCustomerRow & SyncColumns;
  ord_hedr: ErpOrderHeaderRow & SyncColumns;
  ord_detl: ErpOrderLineRow & SyncColumns;
  vw_order_summary: OrderSummaryView;
  sync_state: SyncStateTable;
  sync_run: SyncRunTable;
  customer_link: CustomerLinkTable;
  catalog_variant: CatalogVariantTable;
}
