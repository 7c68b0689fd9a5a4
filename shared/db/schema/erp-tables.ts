import { bit, char, datetime, int, numeric, type ColumnSpec, type TableSpec } from './column-types';

const column = (name: string, type: ColumnSpec['type'], nullable = true): ColumnSpec => ({ name, type, nullable });

/** The ERP's tables exactly as the seed defines them (contract). We never alter them. */
export const customerTable: TableSpec = {
  name: 'customer',
  primaryKey: ['cust_no'],
  columns: [
    column('cust_no', char(6), false),
    column('cust_name', char(40)),
    column('cust_addr1', char(50)),
    column('cust_city', char(30)),
    column('cust_state', char(3)),
    column('cust_zip', char(10)),
    column('cust_phone', char(20)),
    column('active', bit),
  ],
};

export const orderHeaderTable: TableSpec = {
  name: 'ord_hedr',
  primaryKey: ['order_no'],
  columns: [
    column('order_no', int, false),
    column('ord_type', char(1)),
    column('order_dt', datetime),
    column('cust_no', char(6)),
    column('cust_po', char(20)),
    column('buyer', char(40)),
    column('ship_via', char(3)),
    column('ship_date', datetime),
    column('inv_no', int),
    column('inv_date', datetime),
    column('status', char(1)),
    column('freight', numeric(12, 2)),
    column('tax_amt', numeric(12, 2)),
  ],
};

export const orderLineTable: TableSpec = {
  name: 'ord_detl',
  primaryKey: ['order_no', 'lin_no'],
  columns: [
    column('order_no', int, false),
    column('lin_no', numeric(4, 0), false),
    column('item_no', char(25)),
    column('item_desc', char(30)),
    column('ord_qty', int),
    column('qty_shipd', int),
    column('unit_price', numeric(12, 4)),
    column('status', char(1)),
  ],
};

export const erpTables = [customerTable, orderHeaderTable, orderLineTable] as const;

/** Row shapes as both drivers return them: numerics as strings, datetimes as Date. */
export interface ErpCustomerRow {
  cust_no: string;
  cust_name: string | null;
  cust_addr1: string | null;
  cust_city: string | null;
  cust_state: string | null;
  cust_zip: string | null;
  cust_phone: string | null;
  active: boolean | null;
}

export interface ErpOrderHeaderRow {
  order_no: number;
  ord_type: string | null;
  order_dt: Date | null;
  cust_no: string | null;
  cust_po: string | null;
  buyer: string | null;
  ship_via: string | null;
  ship_date: Date | null;
  inv_no: number | null;
  inv_date: Date | null;
  status: string | null;
  freight: string | null;
  tax_amt: string | null;
}

export interface ErpOrderLineRow {
  order_no: number;
  lin_no: string;
  item_no: string | null;
  item_desc: string | null;
  ord_qty: number | null;
  qty_shipd: number | null;
  unit_price: string | null;
  status: string | null;
}

export interface ErpDatabase {
  customer: ErpCustomerRow;
  ord_hedr: ErpOrderHeaderRow;
  ord_detl: ErpOrderLineRow;
}
