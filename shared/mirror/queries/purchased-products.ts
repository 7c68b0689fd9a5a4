import { sql, type Kysely, type SqlBool } from 'kysely';
import type { MirrorDatabase } from '../../db/schema/mirror-tables';
import { asciiUpperSql } from './ascii-fold';
import { containsPattern } from './order-filter';

/** Which of a customer's purchased items a products list reads. */
export interface ProductFilter {
  readonly custNo: string;
  /** ord_type codes that make a header a quote (QUOTE_ORDER_TYPES): a quote is not a purchase. */
  readonly quoteTypes: readonly string[];
  /** Substring of the item number or of a description it was bought under, case-insensitive. */
  readonly q?: string;
}

/** Header and line status of a voided order or line: nothing was bought. */
const voidStatus = 'V';

/**
 * The customer's purchase lines, item number trimmed, each ranked within its item from the most
 * recent (order date, then order number, then line number, so ties resolve the same way every time).
 * A purchase is a line with an item number, on a header of the customer that is not a quote, where
 * neither header nor line is void. The customer's headers come from the ix_ord_hedr_cust_date
 * range and their lines from ord_detl's primary key, so no index on item_no is needed. Item numbers
 * group as the database compares them: exact in Postgres, under SQL Server's default
 * case-insensitive collation `ab-1` and `AB-1` are one item (ERP item numbers are upper case).
 */
function purchaseLines(db: Kysely<MirrorDatabase>, filter: ProductFilter) {
  return db
    .selectFrom('ord_detl as d')
    .innerJoin('ord_hedr as h', 'h.order_no', 'd.order_no')
    .select([
      sql<string>`rtrim(${sql.ref('d.item_no')})`.as('item_no'),
      'd.item_desc',
      'd.ord_qty',
      'd.unit_price',
      'h.order_no',
      'h.order_dt',
      sql<number>`row_number() over (partition by rtrim(${sql.ref('d.item_no')}) order by ${sql.ref('h.order_dt')} desc, ${sql.ref('h.order_no')} desc, ${sql.ref('d.lin_no')} desc)`.as('recency'),
    ])
    .where((eb) => {
      const conditions = [
        eb('h.cust_no', '=', filter.custNo),
        // rtrim(null) is null, so this also drops lines without an item number.
        eb(sql<string>`rtrim(${sql.ref('d.item_no')})`, '<>', ''),
        eb.or([eb('h.status', 'is', null), eb('h.status', '<>', voidStatus)]),
        eb.or([eb('d.status', 'is', null), eb('d.status', '<>', voidStatus)]),
      ];
      if (filter.quoteTypes.length > 0) conditions.push(eb.or([eb('h.ord_type', 'is', null), eb('h.ord_type', 'not in', filter.quoteTypes)]));
      return eb.and(conditions);
    });
}

/** The value on an item's most recent line. */
const latest = (column: string) => sql`max(case when ${sql.ref('l.recency')} = 1 then ${sql.ref(column)} end)`;

/**
 * One row per purchased item: how often and how much, and the most recent purchase's order, date,
 * unit price, quantity and description. `q` is matched after grouping, so the figures always cover every
 * purchase of a matching item.
 */
export function purchasedProducts(db: Kysely<MirrorDatabase>, filter: ProductFilter) {
  const pattern = filter.q === undefined ? undefined : containsPattern(filter.q.trim());
  return db
    .selectFrom(purchaseLines(db, filter).as('l'))
    .select([
      'l.item_no',
      latest('l.item_desc').$castTo<string | null>().as('item_desc'),
      sql<number>`cast(count(distinct ${sql.ref('l.order_no')}) as int)`.as('times_ordered'),
      sql<string | number>`cast(coalesce(sum(cast(${sql.ref('l.ord_qty')} as bigint)), 0) as bigint)`.as('total_quantity'),
      latest('l.order_dt').$castTo<Date | null>().as('last_order_dt'),
      latest('l.order_no').$castTo<number>().as('last_order_no'),
      latest('l.unit_price').$castTo<string | null>().as('last_unit_price'),
      latest('l.ord_qty').$castTo<number | null>().as('last_quantity'),
    ])
    .groupBy('l.item_no')
    .$if(pattern !== undefined, (q) =>
      q.having(
        (eb) =>
          sql<SqlBool>`(${asciiUpperSql(eb.ref('l.item_no'))} like ${pattern} escape '\\' or max(case when ${asciiUpperSql(eb.ref('l.item_desc'))} like ${pattern} escape '\\' then 1 else 0 end) = 1)`,
      ),
    );
}

export type PurchasedProductRow = Awaited<ReturnType<ReturnType<typeof purchasedProducts>['execute']>>[number];
