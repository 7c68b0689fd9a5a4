-- erp table #1
-- parameters: 0
create table "customer" ("cust_no" char(6) not null, "cust_name" char(40), "cust_addr1" char(50), "cust_city" char(30), "cust_state" char(3), "cust_zip" char(10), "cust_phone" char(20), "active" bit, constraint "pk_customer" primary key ("cust_no"))
GO

-- erp table #2
-- parameters: 0
create table "ord_hedr" ("order_no" int not null, "ord_type" char(1), "order_dt" datetime2(3), "cust_no" char(6), "cust_po" char(20), "buyer" char(40), "ship_via" char(3), "ship_date" datetime2(3), "inv_no" int, "inv_date" datetime2(3), "status" char(1), "freight" numeric(12, 2), "tax_amt" numeric(12, 2), constraint "pk_ord_hedr" primary key ("order_no"))
GO

-- erp table #3
-- parameters: 0
create table "ord_detl" ("order_no" int not null, "lin_no" numeric(4, 0) not null, "item_no" char(25), "item_desc" char(30), "ord_qty" int, "qty_shipd" int, "unit_price" numeric(12, 4), "status" char(1), constraint "pk_ord_detl" primary key ("order_no", "lin_no"))
GO
