-- customers: first keyset batch
-- parameters: 0
select top(5000) "t"."cust_no" as "cust_no", "t"."cust_name" as "cust_name", "t"."cust_addr1" as "cust_addr1", "t"."cust_city" as "cust_city", "t"."cust_state" as "cust_state", "t"."cust_zip" as "cust_zip", "t"."cust_phone" as "cust_phone", "t"."active" as "active" from "customer" as "t" order by "t"."cust_no"
GO

-- customers: next keyset batch
-- parameters: 1
select top(5000) "t"."cust_no" as "cust_no", "t"."cust_name" as "cust_name", "t"."cust_addr1" as "cust_addr1", "t"."cust_city" as "cust_city", "t"."cust_state" as "cust_state", "t"."cust_zip" as "cust_zip", "t"."cust_phone" as "cust_phone", "t"."active" as "active" from "customer" as "t" where (("t"."cust_no" > @1)) order by "t"."cust_no"
GO

-- customers: estimate for progress
-- parameters: 0
select count(*) as "n" from "customer" as "t"
GO

-- customers: change tracking detection and versions
-- parameters: 2
select CHANGE_TRACKING_CURRENT_VERSION() as "current_version", CHANGE_TRACKING_MIN_VALID_VERSION(OBJECT_ID(@1)) as "min_valid_version" from "sys"."change_tracking_tables" as "ctt" where "ctt"."object_id" = OBJECT_ID(@2)
GO

-- customers: first CHANGETABLE batch
-- parameters: 1
select top(5000) "ct"."cust_no" as "ct_cust_no", "t"."cust_no" as "cust_no", "t"."cust_name" as "cust_name", "t"."cust_addr1" as "cust_addr1", "t"."cust_city" as "cust_city", "t"."cust_state" as "cust_state", "t"."cust_zip" as "cust_zip", "t"."cust_phone" as "cust_phone", "t"."active" as "active" from CHANGETABLE(CHANGES "dbo"."customer", @1) as "ct" left join "customer" as "t" on "t"."cust_no" = "ct"."cust_no" order by "ct"."cust_no"
GO

-- customers: next CHANGETABLE batch
-- parameters: 2
select top(5000) "ct"."cust_no" as "ct_cust_no", "t"."cust_no" as "cust_no", "t"."cust_name" as "cust_name", "t"."cust_addr1" as "cust_addr1", "t"."cust_city" as "cust_city", "t"."cust_state" as "cust_state", "t"."cust_zip" as "cust_zip", "t"."cust_phone" as "cust_phone", "t"."active" as "active" from CHANGETABLE(CHANGES "dbo"."customer", @1) as "ct" left join "customer" as "t" on "t"."cust_no" = "ct"."cust_no" where (("ct"."cust_no" > @2)) order by "ct"."cust_no"
GO

-- orders: first keyset batch
-- parameters: 1
select top(5000) "t"."order_no" as "order_no", "t"."ord_type" as "ord_type", "t"."order_dt" as "order_dt", "t"."cust_no" as "cust_no", "t"."cust_po" as "cust_po", "t"."buyer" as "buyer", "t"."ship_via" as "ship_via", "t"."ship_date" as "ship_date", "t"."inv_no" as "inv_no", "t"."inv_date" as "inv_date", "t"."status" as "status", "t"."freight" as "freight", "t"."tax_amt" as "tax_amt" from "ord_hedr" as "t" where "t"."order_dt" >= @1 order by "t"."order_no"
GO

-- orders: next keyset batch
-- parameters: 2
select top(5000) "t"."order_no" as "order_no", "t"."ord_type" as "ord_type", "t"."order_dt" as "order_dt", "t"."cust_no" as "cust_no", "t"."cust_po" as "cust_po", "t"."buyer" as "buyer", "t"."ship_via" as "ship_via", "t"."ship_date" as "ship_date", "t"."inv_no" as "inv_no", "t"."inv_date" as "inv_date", "t"."status" as "status", "t"."freight" as "freight", "t"."tax_amt" as "tax_amt" from "ord_hedr" as "t" where "t"."order_dt" >= @1 and (("t"."order_no" > @2)) order by "t"."order_no"
GO

-- orders: estimate for progress
-- parameters: 1
select count(*) as "n" from "ord_hedr" as "t" where "t"."order_dt" >= @1
GO

-- orders: change tracking detection and versions
-- parameters: 2
select CHANGE_TRACKING_CURRENT_VERSION() as "current_version", CHANGE_TRACKING_MIN_VALID_VERSION(OBJECT_ID(@1)) as "min_valid_version" from "sys"."change_tracking_tables" as "ctt" where "ctt"."object_id" = OBJECT_ID(@2)
GO

-- orders: first CHANGETABLE batch
-- parameters: 2
select top(5000) "ct"."order_no" as "ct_order_no", "t"."order_no" as "order_no", "t"."ord_type" as "ord_type", "t"."order_dt" as "order_dt", "t"."cust_no" as "cust_no", "t"."cust_po" as "cust_po", "t"."buyer" as "buyer", "t"."ship_via" as "ship_via", "t"."ship_date" as "ship_date", "t"."inv_no" as "inv_no", "t"."inv_date" as "inv_date", "t"."status" as "status", "t"."freight" as "freight", "t"."tax_amt" as "tax_amt" from CHANGETABLE(CHANGES "dbo"."ord_hedr", @1) as "ct" left join "ord_hedr" as "t" on "t"."order_no" = "ct"."order_no" and "t"."order_dt" >= @2 order by "ct"."order_no"
GO

-- orders: next CHANGETABLE batch
-- parameters: 3
select top(5000) "ct"."order_no" as "ct_order_no", "t"."order_no" as "order_no", "t"."ord_type" as "ord_type", "t"."order_dt" as "order_dt", "t"."cust_no" as "cust_no", "t"."cust_po" as "cust_po", "t"."buyer" as "buyer", "t"."ship_via" as "ship_via", "t"."ship_date" as "ship_date", "t"."inv_no" as "inv_no", "t"."inv_date" as "inv_date", "t"."status" as "status", "t"."freight" as "freight", "t"."tax_amt" as "tax_amt" from CHANGETABLE(CHANGES "dbo"."ord_hedr", @1) as "ct" left join "ord_hedr" as "t" on "t"."order_no" = "ct"."order_no" and "t"."order_dt" >= @2 where (("ct"."order_no" > @3)) order by "ct"."order_no"
GO

-- lines: first keyset batch
-- parameters: 1
select top(5000) "t"."order_no" as "order_no", "t"."lin_no" as "lin_no", "t"."item_no" as "item_no", "t"."item_desc" as "item_desc", "t"."ord_qty" as "ord_qty", "t"."qty_shipd" as "qty_shipd", "t"."unit_price" as "unit_price", "t"."status" as "status" from "ord_detl" as "t" where not exists (select 1 from "ord_hedr" as "h" where "h"."order_no" = "t"."order_no" and ("h"."order_dt" < @1 or "h"."order_dt" is null)) order by "t"."order_no", "t"."lin_no"
GO

-- lines: next keyset batch
-- parameters: 5
select top(5000) "t"."order_no" as "order_no", "t"."lin_no" as "lin_no", "t"."item_no" as "item_no", "t"."item_desc" as "item_desc", "t"."ord_qty" as "ord_qty", "t"."qty_shipd" as "qty_shipd", "t"."unit_price" as "unit_price", "t"."status" as "status" from "ord_detl" as "t" where not exists (select 1 from "ord_hedr" as "h" where "h"."order_no" = "t"."order_no" and ("h"."order_dt" < @1 or "h"."order_dt" is null)) and ("t"."order_no" >= @2 and (("t"."order_no" > @3) or ("t"."order_no" = @4 and "t"."lin_no" > @5))) order by "t"."order_no", "t"."lin_no"
GO

-- lines: estimate for progress
-- parameters: 1
select count(*) as "n" from "ord_detl" as "t" where not exists (select 1 from "ord_hedr" as "h" where "h"."order_no" = "t"."order_no" and ("h"."order_dt" < @1 or "h"."order_dt" is null))
GO

-- lines: change tracking detection and versions
-- parameters: 2
select CHANGE_TRACKING_CURRENT_VERSION() as "current_version", CHANGE_TRACKING_MIN_VALID_VERSION(OBJECT_ID(@1)) as "min_valid_version" from "sys"."change_tracking_tables" as "ctt" where "ctt"."object_id" = OBJECT_ID(@2)
GO

-- lines: first CHANGETABLE batch
-- parameters: 2
select top(5000) "ct"."order_no" as "ct_order_no", "ct"."lin_no" as "ct_lin_no", "t"."order_no" as "order_no", "t"."lin_no" as "lin_no", "t"."item_no" as "item_no", "t"."item_desc" as "item_desc", "t"."ord_qty" as "ord_qty", "t"."qty_shipd" as "qty_shipd", "t"."unit_price" as "unit_price", "t"."status" as "status" from CHANGETABLE(CHANGES "dbo"."ord_detl", @1) as "ct" left join "ord_detl" as "t" on ("t"."order_no" = "ct"."order_no" and "t"."lin_no" = "ct"."lin_no") and not exists (select 1 from "ord_hedr" as "h" where "h"."order_no" = "t"."order_no" and ("h"."order_dt" < @2 or "h"."order_dt" is null)) order by "ct"."order_no", "ct"."lin_no"
GO

-- lines: next CHANGETABLE batch
-- parameters: 6
select top(5000) "ct"."order_no" as "ct_order_no", "ct"."lin_no" as "ct_lin_no", "t"."order_no" as "order_no", "t"."lin_no" as "lin_no", "t"."item_no" as "item_no", "t"."item_desc" as "item_desc", "t"."ord_qty" as "ord_qty", "t"."qty_shipd" as "qty_shipd", "t"."unit_price" as "unit_price", "t"."status" as "status" from CHANGETABLE(CHANGES "dbo"."ord_detl", @1) as "ct" left join "ord_detl" as "t" on ("t"."order_no" = "ct"."order_no" and "t"."lin_no" = "ct"."lin_no") and not exists (select 1 from "ord_hedr" as "h" where "h"."order_no" = "t"."order_no" and ("h"."order_dt" < @2 or "h"."order_dt" is null)) where ("ct"."order_no" >= @3 and (("ct"."order_no" > @4) or ("ct"."order_no" = @5 and "ct"."lin_no" > @6))) order by "ct"."order_no", "ct"."lin_no"
GO
