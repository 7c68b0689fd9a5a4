import { sql, type SqlBool } from 'kysely';
import type { TableSpec } from '../../db/schema/column-types';
import type { MirrorDb } from './stage-tables';

/**
 * A retired customer's row_hash: no real row hashes to it (p = 2^-64), so the customer is rewritten
 * in full if it ever reappears in the ERP, even unchanged.
 */
export const retiredRowHash = '0000000000000000';

const customer = (column: string) => sql.ref(`customer.${column}`);
const staged = (gone: TableSpec) =>
  sql<SqlBool>`exists (select 1 from ${sql.table(gone.name)} as ${sql.id('g')} where ${sql.ref('g.cust_no')} = ${customer('cust_no')})`;
/** Mirrored orders or a BigCommerce link still point at the customer. */
const referenced = sql<SqlBool>`(exists (select 1 from ${sql.table('ord_hedr')} as ${sql.id('h')} where ${sql.ref('h.cust_no')} = ${customer('cust_no')}) or exists (select 1 from ${sql.table('customer_link')} as ${sql.id('l')} where ${sql.ref('l.cust_no')} = ${customer('cust_no')}))`;

/** Customers gone from the ERP but still referenced are kept, marked inactive (idempotent: 0 rows the second time). */
export function deactivateGoneCustomersQuery(db: MirrorDb, gone: TableSpec, syncDate: Date) {
  return db
    .updateTable('customer')
    .set({ active: false, row_hash: retiredRowHash, sync_date: syncDate })
    .where('row_hash', '<>', retiredRowHash)
    .where(staged(gone))
    .where(referenced);
}

/** Customers gone from the ERP that nothing references are removed. */
export function deleteGoneCustomersQuery(db: MirrorDb, gone: TableSpec) {
  return db.deleteFrom('customer').where(staged(gone)).where(sql<SqlBool>`not ${referenced}`);
}

export async function retireGoneCustomers(db: MirrorDb, gone: TableSpec, syncDate: Date) {
  const deactivated = await deactivateGoneCustomersQuery(db, gone, syncDate).executeTakeFirst();
  const deleted = await deleteGoneCustomersQuery(db, gone).executeTakeFirst();
  return { deactivated: Number(deactivated.numUpdatedRows), deleted: Number(deleted.numDeletedRows) };
}
