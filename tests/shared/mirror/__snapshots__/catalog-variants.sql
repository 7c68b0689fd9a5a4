-- create stage
-- parameters: 0
create table "#catalog_variant_stage" ("sku" varchar(25) collate Latin1_General_100_BIN2 not null, "product_id" int not null, "variant_id" int not null, "purchasable" bit not null, primary key ("sku"))
GO

-- count incoming variants
-- parameters: 0
select coalesce(sum(case when c.sku is null then 1 else 0 end), 0) as "inserted", coalesce(sum(case when c.product_id <> s.product_id or c.variant_id <> s.variant_id or c.purchasable <> s.purchasable then 1 else 0 end), 0) as "updated" from "#catalog_variant_stage" as "s" left join "catalog_variant" as "c" on "c"."sku" = "s"."sku"
GO

-- count vanished variants
-- parameters: 0
select count(*) as "removed" from "catalog_variant" as "c" where not exists (select "s"."sku" from "#catalog_variant_stage" as "s" where "s"."sku" = "c"."sku")
GO

-- merge staged variants
-- parameters: 2
merge into "catalog_variant" as "t" using "#catalog_variant_stage" as "s" on "t"."sku" = "s"."sku" when matched and ("t"."product_id" <> "s"."product_id" or "t"."variant_id" <> "s"."variant_id" or "t"."purchasable" <> "s"."purchasable") then update set "product_id" = "s"."product_id", "variant_id" = "s"."variant_id", "purchasable" = "s"."purchasable", "updated_at" = @1 when not matched then insert ("sku", "product_id", "variant_id", "purchasable", "updated_at") values ("s"."sku", "s"."product_id", "s"."variant_id", "s"."purchasable", @2) when not matched by source then delete;
GO

-- drop stage
-- parameters: 0
drop table "#catalog_variant_stage"
GO
