-- single flight: begin the lock transaction
-- parameters: 0
begin transaction
GO

-- single flight: sp_getapplock owned by the lock transaction
-- parameters: 0
declare @result int;
exec @result = sp_getapplock @Resource = 'erp-portal:erp-sync', @LockMode = 'Exclusive', @LockOwner = 'Transaction', @LockTimeout = 0;
select @result as result;
GO

-- load checkpoints
-- parameters: 0
select "entity", "scan_cursor", "scan_started_at", "ct_version", "last_complete_at" from "sync_state"
GO

-- purge lines of orders that left the window
-- parameters: 1
delete from "ord_detl" where exists (select 1 from "ord_hedr" as "h" where "h"."order_no" = "ord_detl"."order_no" and ("h"."order_dt" < @1 or "h"."order_dt" is null))
GO

-- purge orders that left the window
-- parameters: 1
delete from "ord_hedr" where ("order_dt" < @1 or "order_dt" is null)
GO

-- customers: mirror hashes in (after, upTo]
-- parameters: 2
select "t"."cust_no" as "cust_no", "t"."row_hash" as "row_hash" from "customer" as "t" where (("t"."cust_no" > @1)) and (("t"."cust_no" <= @2))
GO

-- customers: mirror hashes of the open tail
-- parameters: 1
select "t"."cust_no" as "cust_no", "t"."row_hash" as "row_hash" from "customer" as "t" where (("t"."cust_no" > @1))
GO

-- customers: mirror digest of (after, upTo]
-- parameters: 2
select count(*) as "n", sum(CONVERT(bigint, CONVERT(binary(5), LEFT("t"."row_hash", 10), 2)) + 1) as "d" from "customer" as "t" where (("t"."cust_no" > @1)) and (("t"."cust_no" <= @2))
GO

-- customers: mirror digest of the open tail
-- parameters: 0
select count(*) as "n", sum(CONVERT(bigint, CONVERT(binary(5), LEFT("t"."row_hash", 10), 2)) + 1) as "d" from "customer" as "t"
GO

-- customers: create the #stage table (then request.bulk into it)
-- parameters: 0
create table "#stage_customer" ("cust_no" char(6) not null, "cust_name" char(40), "cust_addr1" char(50), "cust_city" char(30), "cust_state" char(3), "cust_zip" char(10), "cust_phone" char(20), "active" bit, "row_hash" char(16) not null, "sync_date" datetime2(3) not null, primary key ("cust_no"))
GO

-- customers: MERGE the stage
-- parameters: 0
merge into "customer" as "t"
using "#stage_customer" as "s" on "t"."cust_no" = "s"."cust_no"
when matched and "t"."row_hash" <> "s"."row_hash" then update set "cust_name" = "s"."cust_name", "cust_addr1" = "s"."cust_addr1", "cust_city" = "s"."cust_city", "cust_state" = "s"."cust_state", "cust_zip" = "s"."cust_zip", "cust_phone" = "s"."cust_phone", "active" = "s"."active", "row_hash" = "s"."row_hash", "sync_date" = "s"."sync_date"
when not matched then insert ("cust_no", "cust_name", "cust_addr1", "cust_city", "cust_state", "cust_zip", "cust_phone", "active", "row_hash", "sync_date") values ("s"."cust_no", "s"."cust_name", "s"."cust_addr1", "s"."cust_city", "s"."cust_state", "s"."cust_zip", "s"."cust_phone", "s"."active", "s"."row_hash", "s"."sync_date")
output $action as "action";
GO

-- customers: drop the #stage table
-- parameters: 0
drop table "#stage_customer"
GO

-- customers: create the #gone table (then request.bulk into it)
-- parameters: 0
create table "#gone_customer" ("cust_no" char(6) not null, primary key ("cust_no"))
GO

-- customers: deactivate gone customers still referenced
-- parameters: 4
update "customer" set "active" = @1, "row_hash" = @2, "sync_date" = @3 where "row_hash" <> @4 and exists (select 1 from "#gone_customer" as "g" where "g"."cust_no" = "customer"."cust_no") and (exists (select 1 from "ord_hedr" as "h" where "h"."cust_no" = "customer"."cust_no") or exists (select 1 from "customer_link" as "l" where "l"."cust_no" = "customer"."cust_no"))
GO

-- customers: delete gone customers nothing references
-- parameters: 0
delete from "customer" where exists (select 1 from "#gone_customer" as "g" where "g"."cust_no" = "customer"."cust_no") and not (exists (select 1 from "ord_hedr" as "h" where "h"."cust_no" = "customer"."cust_no") or exists (select 1 from "customer_link" as "l" where "l"."cust_no" = "customer"."cust_no"))
GO

-- customers: drop the #gone table
-- parameters: 0
drop table "#gone_customer"
GO

-- customers: save checkpoint
-- parameters: 11
merge into "sync_state" as "t" using (select cast(@1 as varchar(32)) as "entity") as "s" on "t"."entity" = "s"."entity" when matched then update set "scan_cursor" = @2, "scan_started_at" = @3, "ct_version" = @4, "last_complete_at" = @5, "updated_at" = @6 when not matched then insert ("entity", "scan_cursor", "scan_started_at", "ct_version", "last_complete_at", "updated_at") values ("s"."entity", @7, @8, @9, @10, @11);
GO

-- orders: mirror hashes in (after, upTo]
-- parameters: 2
select "t"."order_no" as "order_no", "t"."row_hash" as "row_hash" from "ord_hedr" as "t" where (("t"."order_no" > @1)) and (("t"."order_no" <= @2))
GO

-- orders: mirror hashes of the open tail
-- parameters: 1
select "t"."order_no" as "order_no", "t"."row_hash" as "row_hash" from "ord_hedr" as "t" where (("t"."order_no" > @1))
GO

-- orders: mirror digest of (after, upTo]
-- parameters: 2
select count(*) as "n", sum(CONVERT(bigint, CONVERT(binary(5), LEFT("t"."row_hash", 10), 2)) + 1) as "d" from "ord_hedr" as "t" where (("t"."order_no" > @1)) and (("t"."order_no" <= @2))
GO

-- orders: mirror digest of the open tail
-- parameters: 0
select count(*) as "n", sum(CONVERT(bigint, CONVERT(binary(5), LEFT("t"."row_hash", 10), 2)) + 1) as "d" from "ord_hedr" as "t"
GO

-- orders: which parents of rows to write the mirror holds
-- parameters: 2
select "p"."cust_no" as "v" from "customer" as "p" where "p"."cust_no" in (@1, @2)
GO

-- orders: create the #stage table (then request.bulk into it)
-- parameters: 0
create table "#stage_ord_hedr" ("order_no" int not null, "ord_type" char(1), "order_dt" datetime2(3), "cust_no" char(6), "cust_po" char(20), "buyer" char(40), "ship_via" char(3), "ship_date" datetime2(3), "inv_no" int, "inv_date" datetime2(3), "status" char(1), "freight" numeric(12, 2), "tax_amt" numeric(12, 2), "row_hash" char(16) not null, "sync_date" datetime2(3) not null, primary key ("order_no"))
GO

-- orders: prune staged orphans
-- parameters: 0
delete from "#stage_ord_hedr" output "deleted"."order_no" where "#stage_ord_hedr"."cust_no" is null or not exists (select 1 from "customer" as "p" where "p"."cust_no" = "#stage_ord_hedr"."cust_no")
GO

-- orders: MERGE the stage
-- parameters: 0
merge into "ord_hedr" as "t"
using "#stage_ord_hedr" as "s" on "t"."order_no" = "s"."order_no"
when matched and "t"."row_hash" <> "s"."row_hash" then update set "ord_type" = "s"."ord_type", "order_dt" = "s"."order_dt", "cust_no" = "s"."cust_no", "cust_po" = "s"."cust_po", "buyer" = "s"."buyer", "ship_via" = "s"."ship_via", "ship_date" = "s"."ship_date", "inv_no" = "s"."inv_no", "inv_date" = "s"."inv_date", "status" = "s"."status", "freight" = "s"."freight", "tax_amt" = "s"."tax_amt", "row_hash" = "s"."row_hash", "sync_date" = "s"."sync_date"
when not matched then insert ("order_no", "ord_type", "order_dt", "cust_no", "cust_po", "buyer", "ship_via", "ship_date", "inv_no", "inv_date", "status", "freight", "tax_amt", "row_hash", "sync_date") values ("s"."order_no", "s"."ord_type", "s"."order_dt", "s"."cust_no", "s"."cust_po", "s"."buyer", "s"."ship_via", "s"."ship_date", "s"."inv_no", "s"."inv_date", "s"."status", "s"."freight", "s"."tax_amt", "s"."row_hash", "s"."sync_date")
output $action as "action";
GO

-- orders: drop the #stage table
-- parameters: 0
drop table "#stage_ord_hedr"
GO

-- orders: create the #gone table (then request.bulk into it)
-- parameters: 0
create table "#gone_ord_hedr" ("order_no" int not null, primary key ("order_no"))
GO

-- orders: delete the lines of gone orders
-- parameters: 0
delete from "ord_detl" where exists (select 1 from "#gone_ord_hedr" as "g" where "g"."order_no" = "ord_detl"."order_no")
GO

-- orders: delete gone rows
-- parameters: 0
delete from "ord_hedr" where exists (select 1 from "#gone_ord_hedr" as "g" where "g"."order_no" = "ord_hedr"."order_no")
GO

-- orders: drop the #gone table
-- parameters: 0
drop table "#gone_ord_hedr"
GO

-- orders: save checkpoint
-- parameters: 11
merge into "sync_state" as "t" using (select cast(@1 as varchar(32)) as "entity") as "s" on "t"."entity" = "s"."entity" when matched then update set "scan_cursor" = @2, "scan_started_at" = @3, "ct_version" = @4, "last_complete_at" = @5, "updated_at" = @6 when not matched then insert ("entity", "scan_cursor", "scan_started_at", "ct_version", "last_complete_at", "updated_at") values ("s"."entity", @7, @8, @9, @10, @11);
GO

-- lines: mirror hashes in (after, upTo]
-- parameters: 8
select "t"."order_no" as "order_no", "t"."lin_no" as "lin_no", "t"."row_hash" as "row_hash" from "ord_detl" as "t" where ("t"."order_no" >= @1 and (("t"."order_no" > @2) or ("t"."order_no" = @3 and "t"."lin_no" > @4))) and ("t"."order_no" <= @5 and (("t"."order_no" < @6) or ("t"."order_no" = @7 and "t"."lin_no" <= @8)))
GO

-- lines: mirror hashes of the open tail
-- parameters: 4
select "t"."order_no" as "order_no", "t"."lin_no" as "lin_no", "t"."row_hash" as "row_hash" from "ord_detl" as "t" where ("t"."order_no" >= @1 and (("t"."order_no" > @2) or ("t"."order_no" = @3 and "t"."lin_no" > @4)))
GO

-- lines: mirror digest of (after, upTo]
-- parameters: 8
select count(*) as "n", sum(CONVERT(bigint, CONVERT(binary(5), LEFT("t"."row_hash", 10), 2)) + 1) as "d" from "ord_detl" as "t" where ("t"."order_no" >= @1 and (("t"."order_no" > @2) or ("t"."order_no" = @3 and "t"."lin_no" > @4))) and ("t"."order_no" <= @5 and (("t"."order_no" < @6) or ("t"."order_no" = @7 and "t"."lin_no" <= @8)))
GO

-- lines: mirror digest of the open tail
-- parameters: 0
select count(*) as "n", sum(CONVERT(bigint, CONVERT(binary(5), LEFT("t"."row_hash", 10), 2)) + 1) as "d" from "ord_detl" as "t"
GO

-- lines: which parents of rows to write the mirror holds
-- parameters: 2
select "p"."order_no" as "v" from "ord_hedr" as "p" where "p"."order_no" in (@1, @2)
GO

-- lines: create the #stage table (then request.bulk into it)
-- parameters: 0
create table "#stage_ord_detl" ("order_no" int not null, "lin_no" numeric(4, 0) not null, "item_no" char(25), "item_desc" char(30), "ord_qty" int, "qty_shipd" int, "unit_price" numeric(12, 4), "status" char(1), "row_hash" char(16) not null, "sync_date" datetime2(3) not null, primary key ("order_no", "lin_no"))
GO

-- lines: prune staged orphans
-- parameters: 0
delete from "#stage_ord_detl" output "deleted"."order_no", "deleted"."lin_no" where not exists (select 1 from "ord_hedr" as "p" where "p"."order_no" = "#stage_ord_detl"."order_no")
GO

-- lines: MERGE the stage
-- parameters: 0
merge into "ord_detl" as "t"
using "#stage_ord_detl" as "s" on "t"."order_no" = "s"."order_no" and "t"."lin_no" = "s"."lin_no"
when matched and "t"."row_hash" <> "s"."row_hash" then update set "item_no" = "s"."item_no", "item_desc" = "s"."item_desc", "ord_qty" = "s"."ord_qty", "qty_shipd" = "s"."qty_shipd", "unit_price" = "s"."unit_price", "status" = "s"."status", "row_hash" = "s"."row_hash", "sync_date" = "s"."sync_date"
when not matched then insert ("order_no", "lin_no", "item_no", "item_desc", "ord_qty", "qty_shipd", "unit_price", "status", "row_hash", "sync_date") values ("s"."order_no", "s"."lin_no", "s"."item_no", "s"."item_desc", "s"."ord_qty", "s"."qty_shipd", "s"."unit_price", "s"."status", "s"."row_hash", "s"."sync_date")
output $action as "action";
GO

-- lines: drop the #stage table
-- parameters: 0
drop table "#stage_ord_detl"
GO

-- lines: create the #gone table (then request.bulk into it)
-- parameters: 0
create table "#gone_ord_detl" ("order_no" int not null, "lin_no" numeric(4, 0) not null, primary key ("order_no", "lin_no"))
GO

-- lines: delete gone rows
-- parameters: 0
delete from "ord_detl" where exists (select 1 from "#gone_ord_detl" as "g" where "g"."order_no" = "ord_detl"."order_no" and "g"."lin_no" = "ord_detl"."lin_no")
GO

-- lines: drop the #gone table
-- parameters: 0
drop table "#gone_ord_detl"
GO

-- lines: save checkpoint
-- parameters: 11
merge into "sync_state" as "t" using (select cast(@1 as varchar(32)) as "entity") as "s" on "t"."entity" = "s"."entity" when matched then update set "scan_cursor" = @2, "scan_started_at" = @3, "ct_version" = @4, "last_complete_at" = @5, "updated_at" = @6 when not matched then insert ("entity", "scan_cursor", "scan_started_at", "ct_version", "last_complete_at", "updated_at") values ("s"."entity", @7, @8, @9, @10, @11);
GO

-- sync_run: close runs a dead process left running
-- parameters: 3
update "sync_run" set "status" = @1, "error" = @2 where "status" = @3
GO

-- sync_run: start
-- parameters: 12
merge into "sync_run" as "t" using (select cast(@1 as varchar(36)) as "run_id") as "s" on "t"."run_id" = "s"."run_id" when matched then update set "status" = @2, "started_at" = @3, "finished_at" = @4, "summary" = @5, "error" = @6 when not matched then insert ("run_id", "triggered_by", "status", "started_at", "finished_at", "summary", "error") values ("s"."run_id", @7, @8, @9, @10, @11, @12);
GO

-- sync_run: finish
-- parameters: 5
update "sync_run" set "status" = @1, "finished_at" = @2, "summary" = @3, "error" = @4 where "run_id" = @5
GO

-- sync_run: recent runs
-- parameters: 0
select top(20) "run_id", "triggered_by", "status", "started_at", "finished_at", "summary", "error" from "sync_run" order by "started_at" desc
GO

-- sync_run: last success
-- parameters: 1
select max("finished_at") as "last_success" from "sync_run" where "status" = @1
GO

-- sync_run: queue a manual request
-- parameters: 7
insert into "sync_run" ("run_id", "triggered_by", "status", "started_at", "finished_at", "summary", "error") values (@1, @2, @3, @4, @5, @6, @7)
GO

-- sync_run: the oldest queued request
-- parameters: 1
select top(1) "run_id" from "sync_run" where "status" = @1 order by "started_at"
GO

-- sync_run: state of a request
-- parameters: 1
select "status" from "sync_run" where "run_id" = @1
GO

-- sync_run: abandon a request
-- parameters: 6
update "sync_run" set "status" = @1, "finished_at" = @2, "error" = @3 where "run_id" = @4 and "status" in (@5, @6)
GO

-- single flight: commit releases the applock
-- parameters: 0
commit
GO
