import { sql, type Kysely, type Migration } from 'kysely';

const money = (expression: ReturnType<typeof sql>) => sql`cast(round(${expression}, 2) as numeric(14, 2))`;

/**
 * Per-order line count and money totals. Totals round to cents once, here, so every reader (API,
 * CSV, storefront) shows the same figures; a header without lines has a subtotal of 0.
 */
export const orderSummaryViewMigration: Migration = {
  async up(db: Kysely<any>) {
    const lineValue = sql`coalesce(d.ord_qty, 0) * coalesce(d.unit_price, 0)`;
    const shippedValue = sql`coalesce(d.qty_shipd, 0) * coalesce(d.unit_price, 0)`;
    const subtotal = sql`coalesce(sum(${lineValue}), 0)`;
    await db.schema
      .createView('vw_order_summary')
      .as(
        db
          .selectFrom('ord_hedr as h')
          .leftJoin('ord_detl as d', 'd.order_no', 'h.order_no')
          .select([
            sql.ref('h.order_no').as('order_no'),
            sql`cast(count(d.lin_no) as int)`.as('line_count'),
            money(subtotal).as('subtotal'),
            money(sql`coalesce(sum(${shippedValue}), 0)`).as('shipped_value'),
            money(sql`${subtotal} + coalesce(h.freight, 0) + coalesce(h.tax_amt, 0)`).as('total'),
          ])
          .groupBy(['h.order_no', 'h.freight', 'h.tax_amt']),
      )
      .execute();
  },
};
