-- 0001-mirror-tables #1
-- parameters: 0
create table "customer" ("cust_no" char(6) not null, "cust_name" char(40), "cust_addr1" char(50), "cust_city" char(30), "cust_state" char(3), "cust_zip" char(10), "cust_phone" char(20), "active" bit, "row_hash" char(16) not null, "sync_date" datetime2(3) not null, constraint "pk_customer" primary key ("cust_no"))
GO

-- 0001-mirror-tables #2
-- parameters: 0
create table "ord_hedr" ("order_no" int not null, "ord_type" char(1), "order_dt" datetime2(3), "cust_no" char(6), "cust_po" char(20), "buyer" char(40), "ship_via" char(3), "ship_date" datetime2(3), "inv_no" int, "inv_date" datetime2(3), "status" char(1), "freight" numeric(12, 2), "tax_amt" numeric(12, 2), "row_hash" char(16) not null, "sync_date" datetime2(3) not null, constraint "pk_ord_hedr" primary key ("order_no"))
GO

-- 0001-mirror-tables #3
-- parameters: 0
create table "ord_detl" ("order_no" int not null, "lin_no" numeric(4, 0) not null, "item_no" char(25), "item_desc" char(30), "ord_qty" int, "qty_shipd" int, "unit_price" numeric(12, 4), "status" char(1), "row_hash" char(16) not null, "sync_date" datetime2(3) not null, constraint "pk_ord_detl" primary key ("order_no", "lin_no"))
GO

-- 0001-mirror-tables #4
-- parameters: 0
create table "sync_state" ("entity" varchar(32) not null, "scan_cursor" varchar(400), "scan_started_at" datetime2(3), "ct_version" varchar(40), "last_complete_at" datetime2(3), "updated_at" datetime2(3) not null, constraint "pk_sync_state" primary key ("entity"))
GO

-- 0001-mirror-tables #5
-- parameters: 0
create table "sync_run" ("run_id" varchar(36) not null, "triggered_by" varchar(16) not null, "status" varchar(16) not null, "started_at" datetime2(3) not null, "finished_at" datetime2(3), "summary" varchar(max), "error" varchar(4000), constraint "pk_sync_run" primary key ("run_id"))
GO

-- 0001-mirror-tables #6
-- parameters: 0
create table "customer_link" ("bc_customer_id" int not null, "cust_no" char(6) not null, "updated_at" datetime2(3), constraint "pk_customer_link" primary key ("bc_customer_id"))
GO

-- 0001-mirror-tables #7
-- parameters: 0
create index "ix_ord_hedr_cust_date" on "ord_hedr" ("cust_no", "order_dt" desc, "order_no" desc)
GO

-- 0001-mirror-tables #8
-- parameters: 0
create index "ix_ord_hedr_cust_inv" on "ord_hedr" ("cust_no", "inv_no")
GO

-- 0001-mirror-tables #9
-- parameters: 0
create index "ix_ord_hedr_order_dt" on "ord_hedr" ("order_dt")
GO

-- 0001-mirror-tables #10
-- parameters: 0
create index "ix_customer_link_cust" on "customer_link" ("cust_no")
GO

-- 0001-mirror-tables #11
-- parameters: 0
create index "ix_sync_run_started" on "sync_run" ("started_at" desc)
GO

-- 0002-order-summary-view #1
-- parameters: 0
create view "vw_order_summary" as select "h"."order_no" as "order_no", cast(count(d.lin_no) as int) as "line_count", cast(round(coalesce(sum(coalesce(d.ord_qty, 0) * coalesce(d.unit_price, 0)), 0), 2) as numeric(14, 2)) as "subtotal", cast(round(coalesce(sum(coalesce(d.qty_shipd, 0) * coalesce(d.unit_price, 0)), 0), 2) as numeric(14, 2)) as "shipped_value", cast(round(coalesce(sum(coalesce(d.ord_qty, 0) * coalesce(d.unit_price, 0)), 0) + coalesce(h.freight, 0) + coalesce(h.tax_amt, 0), 2) as numeric(14, 2)) as "total" from "ord_hedr" as "h" left join "ord_detl" as "d" on "d"."order_no" = "h"."order_no" group by "h"."order_no", "h"."freight", "h"."tax_amt"
GO

-- 0003-catalog-variants #1
-- parameters: 0
create table "catalog_variant" ("sku" varchar(25) collate Latin1_General_100_BIN2 not null, "product_id" int not null, "variant_id" int not null, "purchasable" bit not null, "updated_at" datetime2(3) not null, constraint "pk_catalog_variant" primary key ("sku"))
GO

-- 0004-order-summary-line-amounts #1
-- parameters: 0
create or alter view "vw_order_summary" as select "h"."order_no" as "order_no", cast(count(d.lin_no) as int) as "line_count", cast(coalesce(sum(case when d.status = 'V' then 0 else cast(round(coalesce("d"."ord_qty", 0) * coalesce(d.unit_price, 0), 2) as numeric(16, 2)) end), 0) as numeric(14, 2)) as "subtotal", cast(coalesce(sum(case when d.status = 'V' then 0 else cast(round(coalesce("d"."qty_shipd", 0) * coalesce(d.unit_price, 0), 2) as numeric(16, 2)) end), 0) as numeric(14, 2)) as "shipped_value", cast(coalesce(sum(case when d.status = 'V' then 0 else cast(round(coalesce("d"."ord_qty", 0) * coalesce(d.unit_price, 0), 2) as numeric(16, 2)) end), 0) + coalesce(h.freight, 0) + coalesce(h.tax_amt, 0) as numeric(14, 2)) as "total" from "ord_hedr" as "h" left join "ord_detl" as "d" on "d"."order_no" = "h"."order_no" group by "h"."order_no", "h"."freight", "h"."tax_amt"
GO
