import { sql, type Kysely, type Migration, type RawBuilder } from 'kysely';
import type { SqlDialectName } from '../schema/column-types';

const cents = (expression: RawBuilder<unknown>, precision: number) => sql`cast(${expression} as numeric(${sql.raw(String(precision))}, 2))`;

/**
 * One line's amount: round(quantity × unit price, 2), half away from zero, and 0 for a void line.
 * ROUND on an exact numeric rounds a midpoint away from zero on both engines (SQL Server's ROUND;
 * PostgreSQL's round(numeric, int), "ties are broken by rounding away from zero"), so each line is
 * rounded here exactly as the API rounds the line it shows (shared/portal/line-amount.ts).
 */
const lineAmount = (quantity: 'ord_qty' | 'qty_shipd') =>
  sql`case when d.status = 'V' then 0 else ${cents(sql`round(coalesce(${sql.ref(`d.${quantity}`)}, 0) * coalesce(d.unit_price, 0), 2)`, 16)} end`;

/**
 * vw_order_summary, redefined so its totals add up: the subtotal is the sum of the rounded line
 * amounts a buyer sees (0002 rounded the sum of unrounded products, a cent off on some orders), void
 * lines count 0, and the total is subtotal + freight + tax as the ERP records them. Replaced in
 * place (SQL Server's `create or alter`, PostgreSQL's `create or replace`), so readers never find
 * the view missing; its columns and their types are 0002's.
 */
export function orderSummaryLineAmountsMigration(dialect: SqlDialectName): Migration {
  return {
    async up(db: Kysely<any>) {
      const subtotal = sql`coalesce(sum(${lineAmount('ord_qty')}), 0)`;
      const query = db
        .selectFrom('ord_hedr as h')
        .leftJoin('ord_detl as d', 'd.order_no', 'h.order_no')
        .select([
          sql.ref('h.order_no').as('order_no'),
          sql`cast(count(d.lin_no) as int)`.as('line_count'),
          cents(subtotal, 14).as('subtotal'),
          cents(sql`coalesce(sum(${lineAmount('qty_shipd')}), 0)`, 14).as('shipped_value'),
          cents(sql`${subtotal} + coalesce(h.freight, 0) + coalesce(h.tax_amt, 0)`, 14).as('total'),
        ])
        .groupBy(['h.order_no', 'h.freight', 'h.tax_amt']);
      // Kysely spells `orReplace` the PostgreSQL way; the view's text has no parameters to carry over.
      if (dialect === 'mssql') await sql`create or alter view ${sql.table('vw_order_summary')} as ${sql.raw(query.compile().sql)}`.execute(db);
      else await db.schema.createView('vw_order_summary').orReplace().as(query).execute();
    },
  };
}
