-- orders page (index seek on cust_no, order_dt desc, order_no desc)
-- parameters: 4
select "order_no", "ord_type", "order_dt", "cust_no", "cust_po", "buyer", "ship_via", "ship_date", "inv_no", "inv_date", "status", "freight", "tax_amt", "totals"."line_count", "totals"."subtotal", "totals"."shipped_value", "totals"."total" from "ord_hedr" outer apply (select "vw_order_summary"."line_count", "vw_order_summary"."subtotal", "vw_order_summary"."shipped_value", "vw_order_summary"."total" from "vw_order_summary" where "vw_order_summary"."order_no" = "ord_hedr"."order_no") as "totals" where ("cust_no" = @1 and ("ord_type" is null or "ord_type" not in (@2))) order by "order_dt" desc, "order_no" desc offset @3 rows fetch next @4 rows only
GO

-- orders page, every filter
-- parameters: 8
select "order_no", "ord_type", "order_dt", "cust_no", "cust_po", "buyer", "ship_via", "ship_date", "inv_no", "inv_date", "status", "freight", "tax_amt", "totals"."line_count", "totals"."subtotal", "totals"."shipped_value", "totals"."total" from "ord_hedr" outer apply (select "vw_order_summary"."line_count", "vw_order_summary"."subtotal", "vw_order_summary"."shipped_value", "vw_order_summary"."total" from "vw_order_summary" where "vw_order_summary"."order_no" = "ord_hedr"."order_no") as "totals" where ("cust_no" = @1 and ("ord_type" is null or "ord_type" not in (@2)) and "status" = @3 and "order_dt" >= @4 and "order_dt" < @5 and upper("cust_po") like @6 escape '\') order by "order_dt" desc, "order_no" desc offset @7 rows fetch next @8 rows only
GO

-- orders count, every filter
-- parameters: 6
select cast(count(*) as int) as "total" from "ord_hedr" where ("cust_no" = @1 and ("ord_type" is null or "ord_type" not in (@2)) and "status" = @3 and "order_dt" >= @4 and "order_dt" < @5 and upper("cust_po") like @6 escape '\')
GO

-- orders page, item (EXISTS seeks ord_detl by order_no)
-- parameters: 5
select "order_no", "ord_type", "order_dt", "cust_no", "cust_po", "buyer", "ship_via", "ship_date", "inv_no", "inv_date", "status", "freight", "tax_amt", "totals"."line_count", "totals"."subtotal", "totals"."shipped_value", "totals"."total" from "ord_hedr" outer apply (select "vw_order_summary"."line_count", "vw_order_summary"."subtotal", "vw_order_summary"."shipped_value", "vw_order_summary"."total" from "vw_order_summary" where "vw_order_summary"."order_no" = "ord_hedr"."order_no") as "totals" where ("cust_no" = @1 and ("ord_type" is null or "ord_type" not in (@2)) and exists (select 1 as "found" from "ord_detl" where "ord_detl"."order_no" = "ord_hedr"."order_no" and upper(rtrim("ord_detl"."item_no")) = @3)) order by "order_dt" desc, "order_no" desc offset @4 rows fetch next @5 rows only
GO

-- orders count, item
-- parameters: 3
select cast(count(*) as int) as "total" from "ord_hedr" where ("cust_no" = @1 and ("ord_type" is null or "ord_type" not in (@2)) and exists (select 1 as "found" from "ord_detl" where "ord_detl"."order_no" = "ord_hedr"."order_no" and upper(rtrim("ord_detl"."item_no")) = @3))
GO

-- products page
-- parameters: 7
select "l"."item_no", max(case when "l"."recency" = 1 then "l"."item_desc" end) as "item_desc", cast(count(distinct "l"."order_no") as int) as "times_ordered", cast(coalesce(sum(cast("l"."ord_qty" as bigint)), 0) as bigint) as "total_quantity", max(case when "l"."recency" = 1 then "l"."order_dt" end) as "last_order_dt", max(case when "l"."recency" = 1 then "l"."order_no" end) as "last_order_no", max(case when "l"."recency" = 1 then "l"."unit_price" end) as "last_unit_price" from (select rtrim("d"."item_no") as "item_no", "d"."item_desc", "d"."ord_qty", "d"."unit_price", "h"."order_no", "h"."order_dt", row_number() over (partition by rtrim("d"."item_no") order by "h"."order_dt" desc, "h"."order_no" desc, "d"."lin_no" desc) as "recency" from "ord_detl" as "d" inner join "ord_hedr" as "h" on "h"."order_no" = "d"."order_no" where ("h"."cust_no" = @1 and rtrim("d"."item_no") <> @2 and ("h"."status" is null or "h"."status" <> @3) and ("d"."status" is null or "d"."status" <> @4) and ("h"."ord_type" is null or "h"."ord_type" not in (@5)))) as "l" group by "l"."item_no" order by "last_order_dt" desc, "last_order_no" desc, "item_no" offset @6 rows fetch next @7 rows only
GO

-- products page, q
-- parameters: 9
select "l"."item_no", max(case when "l"."recency" = 1 then "l"."item_desc" end) as "item_desc", cast(count(distinct "l"."order_no") as int) as "times_ordered", cast(coalesce(sum(cast("l"."ord_qty" as bigint)), 0) as bigint) as "total_quantity", max(case when "l"."recency" = 1 then "l"."order_dt" end) as "last_order_dt", max(case when "l"."recency" = 1 then "l"."order_no" end) as "last_order_no", max(case when "l"."recency" = 1 then "l"."unit_price" end) as "last_unit_price" from (select rtrim("d"."item_no") as "item_no", "d"."item_desc", "d"."ord_qty", "d"."unit_price", "h"."order_no", "h"."order_dt", row_number() over (partition by rtrim("d"."item_no") order by "h"."order_dt" desc, "h"."order_no" desc, "d"."lin_no" desc) as "recency" from "ord_detl" as "d" inner join "ord_hedr" as "h" on "h"."order_no" = "d"."order_no" where ("h"."cust_no" = @1 and rtrim("d"."item_no") <> @2 and ("h"."status" is null or "h"."status" <> @3) and ("d"."status" is null or "d"."status" <> @4) and ("h"."ord_type" is null or "h"."ord_type" not in (@5)))) as "l" group by "l"."item_no" having (upper("l"."item_no") like @6 escape '\' or max(case when upper("l"."item_desc") like @7 escape '\' then 1 else 0 end) = 1) order by "last_order_dt" desc, "last_order_no" desc, "item_no" offset @8 rows fetch next @9 rows only
GO

-- products count, q
-- parameters: 7
select cast(count(*) as int) as "total" from (select "l"."item_no", max(case when "l"."recency" = 1 then "l"."item_desc" end) as "item_desc", cast(count(distinct "l"."order_no") as int) as "times_ordered", cast(coalesce(sum(cast("l"."ord_qty" as bigint)), 0) as bigint) as "total_quantity", max(case when "l"."recency" = 1 then "l"."order_dt" end) as "last_order_dt", max(case when "l"."recency" = 1 then "l"."order_no" end) as "last_order_no", max(case when "l"."recency" = 1 then "l"."unit_price" end) as "last_unit_price" from (select rtrim("d"."item_no") as "item_no", "d"."item_desc", "d"."ord_qty", "d"."unit_price", "h"."order_no", "h"."order_dt", row_number() over (partition by rtrim("d"."item_no") order by "h"."order_dt" desc, "h"."order_no" desc, "d"."lin_no" desc) as "recency" from "ord_detl" as "d" inner join "ord_hedr" as "h" on "h"."order_no" = "d"."order_no" where ("h"."cust_no" = @1 and rtrim("d"."item_no") <> @2 and ("h"."status" is null or "h"."status" <> @3) and ("d"."status" is null or "d"."status" <> @4) and ("h"."ord_type" is null or "h"."ord_type" not in (@5)))) as "l" group by "l"."item_no" having (upper("l"."item_no") like @6 escape '\' or max(case when upper("l"."item_desc") like @7 escape '\' then 1 else 0 end) = 1)) as "p"
GO

-- quotes page
-- parameters: 4
select "order_no", "ord_type", "order_dt", "cust_no", "cust_po", "buyer", "ship_via", "ship_date", "inv_no", "inv_date", "status", "freight", "tax_amt", "totals"."line_count", "totals"."subtotal", "totals"."shipped_value", "totals"."total" from "ord_hedr" outer apply (select "vw_order_summary"."line_count", "vw_order_summary"."subtotal", "vw_order_summary"."shipped_value", "vw_order_summary"."total" from "vw_order_summary" where "vw_order_summary"."order_no" = "ord_hedr"."order_no") as "totals" where ("cust_no" = @1 and "ord_type" in (@2)) order by "order_dt" desc, "order_no" desc offset @3 rows fetch next @4 rows only
GO

-- shipments page
-- parameters: 4
select "order_no", "ord_type", "order_dt", "cust_no", "cust_po", "buyer", "ship_via", "ship_date", "inv_no", "inv_date", "status", "freight", "tax_amt", "totals"."line_count", "totals"."subtotal", "totals"."shipped_value", "totals"."total", "quantities"."ordered", "quantities"."shipped" from "ord_hedr" outer apply (select "vw_order_summary"."line_count", "vw_order_summary"."subtotal", "vw_order_summary"."shipped_value", "vw_order_summary"."total" from "vw_order_summary" where "vw_order_summary"."order_no" = "ord_hedr"."order_no") as "totals" outer apply (select cast(coalesce(sum("ord_detl"."ord_qty"), 0) as int) as "ordered", cast(coalesce(sum("ord_detl"."qty_shipd"), 0) as int) as "shipped" from "ord_detl" where "ord_detl"."order_no" = "ord_hedr"."order_no") as "quantities" where ("cust_no" = @1 and ("ord_type" is null or "ord_type" not in (@2)) and "ship_date" is not null) order by "ship_date" desc, "order_no" desc offset @3 rows fetch next @4 rows only
GO

-- invoices page
-- parameters: 4
select "order_no", "ord_type", "order_dt", "cust_no", "cust_po", "buyer", "ship_via", "ship_date", "inv_no", "inv_date", "status", "freight", "tax_amt", "totals"."line_count", "totals"."subtotal", "totals"."shipped_value", "totals"."total" from "ord_hedr" outer apply (select "vw_order_summary"."line_count", "vw_order_summary"."subtotal", "vw_order_summary"."shipped_value", "vw_order_summary"."total" from "vw_order_summary" where "vw_order_summary"."order_no" = "ord_hedr"."order_no") as "totals" where ("cust_no" = @1 and ("ord_type" is null or "ord_type" not in (@2)) and "inv_no" is not null) order by "inv_date" desc, "inv_no" desc, "order_no" desc offset @3 rows fetch next @4 rows only
GO

-- order summaries, largest chunk
-- parameters: 1000
select "order_no", "line_count", "subtotal", "shipped_value", "total" from "vw_order_summary" where "order_no" in (@1, @2, @3, @4, @5, @6, @7, @8, @9, @10, @11, @12, @13, @14, @15, @16, @17, @18, @19, @20, @21, @22, @23, @24, @25, @26, @27, @28, @29, @30, @31, @32, @33, @34, @35, @36, @37, @38, @39, @40, @41, @42, @43, @44, @45, @46, @47, @48, @49, @50, @51, @52, @53, @54, @55, @56, @57, @58, @59, @60, @61, @62, @63, @64, @65, @66, @67, @68, @69, @70, @71, @72, @73, @74, @75, @76, @77, @78, @79, @80, @81, @82, @83, @84, @85, @86, @87, @88, @89, @90, @91, @92, @93, @94, @95, @96, @97, @98, @99, @100, @101, @102, @103, @104, @105, @106, @107, @108, @109, @110, @111, @112, @113, @114, @115, @116, @117, @118, @119, @120, @121, @122, @123, @124, @125, @126, @127, @128, @129, @130, @131, @132, @133, @134, @135, @136, @137, @138, @139, @140, @141, @142, @143, @144, @145, @146, @147, @148, @149, @150, @151, @152, @153, @154, @155, @156, @157, @158, @159, @160, @161, @162, @163, @164, @165, @166, @167, @168, @169, @170, @171, @172, @173, @174, @175, @176, @177, @178, @179, @180, @181, @182, @183, @184, @185, @186, @187, @188, @189, @190, @191, @192, @193, @194, @195, @196, @197, @198, @199, @200, @201, @202, @203, @204, @205, @206, @207, @208, @209, @210, @211, @212, @213, @214, @215, @216, @217, @218, @219, @220, @221, @222, @223, @224, @225, @226, @227, @228, @229, @230, @231, @232, @233, @234, @235, @236, @237, @238, @239, @240, @241, @242, @243, @244, @245, @246, @247, @248, @249, @250, @251, @252, @253, @254, @255, @256, @257, @258, @259, @260, @261, @262, @263, @264, @265, @266, @267, @268, @269, @270, @271, @272, @273, @274, @275, @276, @277, @278, @279, @280, @281, @282, @283, @284, @285, @286, @287, @288, @289, @290, @291, @292, @293, @294, @295, @296, @297, @298, @299, @300, @301, @302, @303, @304, @305, @306, @307, @308, @309, @310, @311, @312, @313, @314, @315, @316, @317, @318, @319, @320, @321, @322, @323, @324, @325, @326, @327, @328, @329, @330, @331, @332, @333, @334, @335, @336, @337, @338, @339, @340, @341, @342, @343, @344, @345, @346, @347, @348, @349, @350, @351, @352, @353, @354, @355, @356, @357, @358, @359, @360, @361, @362, @363, @364, @365, @366, @367, @368, @369, @370, @371, @372, @373, @374, @375, @376, @377, @378, @379, @380, @381, @382, @383, @384, @385, @386, @387, @388, @389, @390, @391, @392, @393, @394, @395, @396, @397, @398, @399, @400, @401, @402, @403, @404, @405, @406, @407, @408, @409, @410, @411, @412, @413, @414, @415, @416, @417, @418, @419, @420, @421, @422, @423, @424, @425, @426, @427, @428, @429, @430, @431, @432, @433, @434, @435, @436, @437, @438, @439, @440, @441, @442, @443, @444, @445, @446, @447, @448, @449, @450, @451, @452, @453, @454, @455, @456, @457, @458, @459, @460, @461, @462, @463, @464, @465, @466, @467, @468, @469, @470, @471, @472, @473, @474, @475, @476, @477, @478, @479, @480, @481, @482, @483, @484, @485, @486, @487, @488, @489, @490, @491, @492, @493, @494, @495, @496, @497, @498, @499, @500, @501, @502, @503, @504, @505, @506, @507, @508, @509, @510, @511, @512, @513, @514, @515, @516, @517, @518, @519, @520, @521, @522, @523, @524, @525, @526, @527, @528, @529, @530, @531, @532, @533, @534, @535, @536, @537, @538, @539, @540, @541, @542, @543, @544, @545, @546, @547, @548, @549, @550, @551, @552, @553, @554, @555, @556, @557, @558, @559, @560, @561, @562, @563, @564, @565, @566, @567, @568, @569, @570, @571, @572, @573, @574, @575, @576, @577, @578, @579, @580, @581, @582, @583, @584, @585, @586, @587, @588, @589, @590, @591, @592, @593, @594, @595, @596, @597, @598, @599, @600, @601, @602, @603, @604, @605, @606, @607, @608, @609, @610, @611, @612, @613, @614, @615, @616, @617, @618, @619, @620, @621, @622, @623, @624, @625, @626, @627, @628, @629, @630, @631, @632, @633, @634, @635, @636, @637, @638, @639, @640, @641, @642, @643, @644, @645, @646, @647, @648, @649, @650, @651, @652, @653, @654, @655, @656, @657, @658, @659, @660, @661, @662, @663, @664, @665, @666, @667, @668, @669, @670, @671, @672, @673, @674, @675, @676, @677, @678, @679, @680, @681, @682, @683, @684, @685, @686, @687, @688, @689, @690, @691, @692, @693, @694, @695, @696, @697, @698, @699, @700, @701, @702, @703, @704, @705, @706, @707, @708, @709, @710, @711, @712, @713, @714, @715, @716, @717, @718, @719, @720, @721, @722, @723, @724, @725, @726, @727, @728, @729, @730, @731, @732, @733, @734, @735, @736, @737, @738, @739, @740, @741, @742, @743, @744, @745, @746, @747, @748, @749, @750, @751, @752, @753, @754, @755, @756, @757, @758, @759, @760, @761, @762, @763, @764, @765, @766, @767, @768, @769, @770, @771, @772, @773, @774, @775, @776, @777, @778, @779, @780, @781, @782, @783, @784, @785, @786, @787, @788, @789, @790, @791, @792, @793, @794, @795, @796, @797, @798, @799, @800, @801, @802, @803, @804, @805, @806, @807, @808, @809, @810, @811, @812, @813, @814, @815, @816, @817, @818, @819, @820, @821, @822, @823, @824, @825, @826, @827, @828, @829, @830, @831, @832, @833, @834, @835, @836, @837, @838, @839, @840, @841, @842, @843, @844, @845, @846, @847, @848, @849, @850, @851, @852, @853, @854, @855, @856, @857, @858, @859, @860, @861, @862, @863, @864, @865, @866, @867, @868, @869, @870, @871, @872, @873, @874, @875, @876, @877, @878, @879, @880, @881, @882, @883, @884, @885, @886, @887, @888, @889, @890, @891, @892, @893, @894, @895, @896, @897, @898, @899, @900, @901, @902, @903, @904, @905, @906, @907, @908, @909, @910, @911, @912, @913, @914, @915, @916, @917, @918, @919, @920, @921, @922, @923, @924, @925, @926, @927, @928, @929, @930, @931, @932, @933, @934, @935, @936, @937, @938, @939, @940, @941, @942, @943, @944, @945, @946, @947, @948, @949, @950, @951, @952, @953, @954, @955, @956, @957, @958, @959, @960, @961, @962, @963, @964, @965, @966, @967, @968, @969, @970, @971, @972, @973, @974, @975, @976, @977, @978, @979, @980, @981, @982, @983, @984, @985, @986, @987, @988, @989, @990, @991, @992, @993, @994, @995, @996, @997, @998, @999, @1000)
GO

-- order lines with reorder data, largest chunk
-- parameters: 1000
select "d"."order_no", "d"."lin_no", "d"."item_no", "d"."item_desc", "d"."ord_qty", "d"."qty_shipd", "d"."unit_price", "d"."status", "cv"."product_id" as "reorder_product_id", "cv"."variant_id" as "reorder_variant_id", "cv"."purchasable" as "reorder_purchasable" from "ord_detl" as "d" left join "catalog_variant" as "cv" on "cv"."sku" = ltrim(rtrim("d"."item_no")) collate Latin1_General_100_BIN2 where "d"."order_no" in (@1, @2, @3, @4, @5, @6, @7, @8, @9, @10, @11, @12, @13, @14, @15, @16, @17, @18, @19, @20, @21, @22, @23, @24, @25, @26, @27, @28, @29, @30, @31, @32, @33, @34, @35, @36, @37, @38, @39, @40, @41, @42, @43, @44, @45, @46, @47, @48, @49, @50, @51, @52, @53, @54, @55, @56, @57, @58, @59, @60, @61, @62, @63, @64, @65, @66, @67, @68, @69, @70, @71, @72, @73, @74, @75, @76, @77, @78, @79, @80, @81, @82, @83, @84, @85, @86, @87, @88, @89, @90, @91, @92, @93, @94, @95, @96, @97, @98, @99, @100, @101, @102, @103, @104, @105, @106, @107, @108, @109, @110, @111, @112, @113, @114, @115, @116, @117, @118, @119, @120, @121, @122, @123, @124, @125, @126, @127, @128, @129, @130, @131, @132, @133, @134, @135, @136, @137, @138, @139, @140, @141, @142, @143, @144, @145, @146, @147, @148, @149, @150, @151, @152, @153, @154, @155, @156, @157, @158, @159, @160, @161, @162, @163, @164, @165, @166, @167, @168, @169, @170, @171, @172, @173, @174, @175, @176, @177, @178, @179, @180, @181, @182, @183, @184, @185, @186, @187, @188, @189, @190, @191, @192, @193, @194, @195, @196, @197, @198, @199, @200, @201, @202, @203, @204, @205, @206, @207, @208, @209, @210, @211, @212, @213, @214, @215, @216, @217, @218, @219, @220, @221, @222, @223, @224, @225, @226, @227, @228, @229, @230, @231, @232, @233, @234, @235, @236, @237, @238, @239, @240, @241, @242, @243, @244, @245, @246, @247, @248, @249, @250, @251, @252, @253, @254, @255, @256, @257, @258, @259, @260, @261, @262, @263, @264, @265, @266, @267, @268, @269, @270, @271, @272, @273, @274, @275, @276, @277, @278, @279, @280, @281, @282, @283, @284, @285, @286, @287, @288, @289, @290, @291, @292, @293, @294, @295, @296, @297, @298, @299, @300, @301, @302, @303, @304, @305, @306, @307, @308, @309, @310, @311, @312, @313, @314, @315, @316, @317, @318, @319, @320, @321, @322, @323, @324, @325, @326, @327, @328, @329, @330, @331, @332, @333, @334, @335, @336, @337, @338, @339, @340, @341, @342, @343, @344, @345, @346, @347, @348, @349, @350, @351, @352, @353, @354, @355, @356, @357, @358, @359, @360, @361, @362, @363, @364, @365, @366, @367, @368, @369, @370, @371, @372, @373, @374, @375, @376, @377, @378, @379, @380, @381, @382, @383, @384, @385, @386, @387, @388, @389, @390, @391, @392, @393, @394, @395, @396, @397, @398, @399, @400, @401, @402, @403, @404, @405, @406, @407, @408, @409, @410, @411, @412, @413, @414, @415, @416, @417, @418, @419, @420, @421, @422, @423, @424, @425, @426, @427, @428, @429, @430, @431, @432, @433, @434, @435, @436, @437, @438, @439, @440, @441, @442, @443, @444, @445, @446, @447, @448, @449, @450, @451, @452, @453, @454, @455, @456, @457, @458, @459, @460, @461, @462, @463, @464, @465, @466, @467, @468, @469, @470, @471, @472, @473, @474, @475, @476, @477, @478, @479, @480, @481, @482, @483, @484, @485, @486, @487, @488, @489, @490, @491, @492, @493, @494, @495, @496, @497, @498, @499, @500, @501, @502, @503, @504, @505, @506, @507, @508, @509, @510, @511, @512, @513, @514, @515, @516, @517, @518, @519, @520, @521, @522, @523, @524, @525, @526, @527, @528, @529, @530, @531, @532, @533, @534, @535, @536, @537, @538, @539, @540, @541, @542, @543, @544, @545, @546, @547, @548, @549, @550, @551, @552, @553, @554, @555, @556, @557, @558, @559, @560, @561, @562, @563, @564, @565, @566, @567, @568, @569, @570, @571, @572, @573, @574, @575, @576, @577, @578, @579, @580, @581, @582, @583, @584, @585, @586, @587, @588, @589, @590, @591, @592, @593, @594, @595, @596, @597, @598, @599, @600, @601, @602, @603, @604, @605, @606, @607, @608, @609, @610, @611, @612, @613, @614, @615, @616, @617, @618, @619, @620, @621, @622, @623, @624, @625, @626, @627, @628, @629, @630, @631, @632, @633, @634, @635, @636, @637, @638, @639, @640, @641, @642, @643, @644, @645, @646, @647, @648, @649, @650, @651, @652, @653, @654, @655, @656, @657, @658, @659, @660, @661, @662, @663, @664, @665, @666, @667, @668, @669, @670, @671, @672, @673, @674, @675, @676, @677, @678, @679, @680, @681, @682, @683, @684, @685, @686, @687, @688, @689, @690, @691, @692, @693, @694, @695, @696, @697, @698, @699, @700, @701, @702, @703, @704, @705, @706, @707, @708, @709, @710, @711, @712, @713, @714, @715, @716, @717, @718, @719, @720, @721, @722, @723, @724, @725, @726, @727, @728, @729, @730, @731, @732, @733, @734, @735, @736, @737, @738, @739, @740, @741, @742, @743, @744, @745, @746, @747, @748, @749, @750, @751, @752, @753, @754, @755, @756, @757, @758, @759, @760, @761, @762, @763, @764, @765, @766, @767, @768, @769, @770, @771, @772, @773, @774, @775, @776, @777, @778, @779, @780, @781, @782, @783, @784, @785, @786, @787, @788, @789, @790, @791, @792, @793, @794, @795, @796, @797, @798, @799, @800, @801, @802, @803, @804, @805, @806, @807, @808, @809, @810, @811, @812, @813, @814, @815, @816, @817, @818, @819, @820, @821, @822, @823, @824, @825, @826, @827, @828, @829, @830, @831, @832, @833, @834, @835, @836, @837, @838, @839, @840, @841, @842, @843, @844, @845, @846, @847, @848, @849, @850, @851, @852, @853, @854, @855, @856, @857, @858, @859, @860, @861, @862, @863, @864, @865, @866, @867, @868, @869, @870, @871, @872, @873, @874, @875, @876, @877, @878, @879, @880, @881, @882, @883, @884, @885, @886, @887, @888, @889, @890, @891, @892, @893, @894, @895, @896, @897, @898, @899, @900, @901, @902, @903, @904, @905, @906, @907, @908, @909, @910, @911, @912, @913, @914, @915, @916, @917, @918, @919, @920, @921, @922, @923, @924, @925, @926, @927, @928, @929, @930, @931, @932, @933, @934, @935, @936, @937, @938, @939, @940, @941, @942, @943, @944, @945, @946, @947, @948, @949, @950, @951, @952, @953, @954, @955, @956, @957, @958, @959, @960, @961, @962, @963, @964, @965, @966, @967, @968, @969, @970, @971, @972, @973, @974, @975, @976, @977, @978, @979, @980, @981, @982, @983, @984, @985, @986, @987, @988, @989, @990, @991, @992, @993, @994, @995, @996, @997, @998, @999, @1000) order by "d"."order_no", "d"."lin_no"
GO

-- order lines, SKUs matched case-insensitively
-- parameters: 1
select "d"."order_no", "d"."lin_no", "d"."item_no", "d"."item_desc", "d"."ord_qty", "d"."qty_shipd", "d"."unit_price", "d"."status", "cv"."product_id" as "reorder_product_id", "cv"."variant_id" as "reorder_variant_id", "cv"."purchasable" as "reorder_purchasable" from "ord_detl" as "d" left join "catalog_variant" as "cv" on "cv"."sku" = translate(ltrim(rtrim("d"."item_no")), 'abcdefghijklmnopqrstuvwxyz', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') collate Latin1_General_100_BIN2 where "d"."order_no" in (@1) order by "d"."order_no", "d"."lin_no"
GO

-- order header, scoped
-- parameters: 2
select "order_no", "ord_type", "order_dt", "cust_no", "cust_po", "buyer", "ship_via", "ship_date", "inv_no", "inv_date", "status", "freight", "tax_amt" from "ord_hedr" where "order_no" = @1 and "cust_no" = @2
GO

-- invoice headers, scoped
-- parameters: 4
select "order_no", "ord_type", "order_dt", "cust_no", "cust_po", "buyer", "ship_via", "ship_date", "inv_no", "inv_date", "status", "freight", "tax_amt" from "ord_hedr" where "inv_no" = @1 and "cust_no" = @2 order by "order_no" offset @3 rows fetch next @4 rows only
GO

-- customer
-- parameters: 1
select "cust_no", "cust_name", "cust_addr1", "cust_city", "cust_state", "cust_zip", "cust_phone", "active" from "customer" where "cust_no" = @1
GO

-- linked customer
-- parameters: 1
select "cust_no" from "customer_link" where "bc_customer_id" = @1
GO

-- customer link by cust_no
-- parameters: 3
select "bc_customer_id" from "customer_link" where "cust_no" = @1 order by "bc_customer_id" offset @2 rows fetch next @3 rows only
GO

-- first customer
-- parameters: 2
select "cust_no" from "customer" order by "cust_no" offset @1 rows fetch next @2 rows only
GO

-- last successful sync
-- parameters: 3
select "finished_at" from "sync_run" where "status" = @1 and "finished_at" is not null order by "finished_at" desc offset @2 rows fetch next @3 rows only
GO

-- link demo customers
-- parameters: 0
begin transaction
GO

-- link demo customers #2
-- parameters: 0
delete from "customer_link"
GO

-- link demo customers #3
-- parameters: 0
insert into "customer_link" ("bc_customer_id", "cust_no", "updated_at") select 1000 + row_number() over (order by cust_no) as "bc_customer_id", "cust_no", current_timestamp as "updated_at" from "customer"
GO

-- link demo customers #4
-- parameters: 0
commit
GO
