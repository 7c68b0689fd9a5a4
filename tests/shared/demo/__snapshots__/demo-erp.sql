-- count customer
-- parameters: 0
select count(*) as "rows" from "customer"
GO

-- truncate customer
-- parameters: 0
truncate table "customer"
GO

-- count ord_hedr
-- parameters: 0
select count(*) as "rows" from "ord_hedr"
GO

-- truncate ord_hedr
-- parameters: 0
truncate table "ord_hedr"
GO

-- count ord_detl
-- parameters: 0
select count(*) as "rows" from "ord_detl"
GO

-- truncate ord_detl
-- parameters: 0
truncate table "ord_detl"
GO
