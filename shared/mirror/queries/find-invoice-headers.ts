import type { Kysely } from 'kysely';
import type { MirrorDatabase } from '../../db/schema/mirror-tables';
import { orderHeaderColumns } from './order-header-columns';

/** Most orders one invoice is read with; an ERP invoice normally covers one order. */
export const maxOrdersPerInvoice = 100;

/** The headers billed on one invoice number, confined to a customer when `custNo` is given. */
export function findInvoiceHeaders(db: Kysely<MirrorDatabase>, invoiceNo: number, custNo: string | undefined) {
  let query = db
    .selectFrom('ord_hedr')
    .select(orderHeaderColumns)
    .where('inv_no', '=', invoiceNo);
  if (custNo !== undefined) query = query.where('cust_no', '=', custNo);
  return query.orderBy('order_no').offset(0).fetch(maxOrdersPerInvoice).execute();
}
