import type { Kysely } from 'kysely';
import type { MirrorDatabase } from '../../db/schema/mirror-tables';
import { orderHeaderColumns } from './order-header-columns';

/** Most orders one invoice is read with; an ERP invoice normally covers one order. */
export const maxOrdersPerInvoice = 100;

/**
 * The headers one customer has billed on an invoice number. Always confined to one customer: the
 * ERP does not keep invoice numbers unique across customers.
 */
export function findInvoiceHeaders(db: Kysely<MirrorDatabase>, invoiceNo: number, custNo: string) {
  return db
    .selectFrom('ord_hedr')
    .select(orderHeaderColumns)
    .where('inv_no', '=', invoiceNo)
    .where('cust_no', '=', custNo)
    .orderBy('order_no')
    .offset(0)
    .fetch(maxOrdersPerInvoice)
    .execute();
}
