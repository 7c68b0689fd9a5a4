-- create stage
-- parameters: 0
create table "#customer_link_stage" ("bc_customer_id" int not null, "cust_no" char(6) not null)
GO

-- count incoming links
-- parameters: 0
select coalesce(sum(case when l.bc_customer_id is null then 1 else 0 end), 0) as "inserted", coalesce(sum(case when l.cust_no <> s.cust_no then 1 else 0 end), 0) as "updated" from "#customer_link_stage" as "s" left join "customer_link" as "l" on "l"."bc_customer_id" = "s"."bc_customer_id"
GO

-- count vanished links
-- parameters: 0
select count(*) as "removed" from "customer_link" as "l" where not exists (select "s"."bc_customer_id" from "#customer_link_stage" as "s" where "s"."bc_customer_id" = "l"."bc_customer_id")
GO

-- merge staged links
-- parameters: 2
merge into "customer_link" as "t" using "#customer_link_stage" as "s" on "t"."bc_customer_id" = "s"."bc_customer_id" when matched and "t"."cust_no" <> "s"."cust_no" then update set "cust_no" = "s"."cust_no", "updated_at" = @1 when not matched then insert ("bc_customer_id", "cust_no", "updated_at") values ("s"."bc_customer_id", "s"."cust_no", @2) when not matched by source then delete;
GO

-- drop stage
-- parameters: 0
drop table "#customer_link_stage"
GO

-- linked customers with orders (demo logins)
-- parameters: 2
select "l"."cust_no", "c"."cust_name", "l"."bc_customer_id" from "customer_link" as "l" inner join "customer" as "c" on "c"."cust_no" = "l"."cust_no" where exists (select "h"."order_no" from "ord_hedr" as "h" where "h"."cust_no" = "l"."cust_no") order by "l"."bc_customer_id" offset @1 rows fetch next @2 rows only
GO
