import { invoiceDocument, orderDocument, quoteDocument } from '../documents/business-document';
import { renderPdf } from '../documents/render-pdf';
import type { SellerDetails } from '../documents/seller-details';
import { findCustomer } from '../mirror/queries/find-customer';
import { getInvoice, getOrder } from './detail-service';
import { toCustomerDto } from './map-rows';
import type { PortalContext } from './portal-context';
import { getQuote } from './quote-service';
import type { RenderGate } from './render-gate';

export interface PrintedDocument {
  readonly fileName: string;
  readonly pdf: Uint8Array;
}

/**
 * The bill-to party: the mirrored customer the document was confined to. A customer the mirror
 * no longer holds still gets its document, billed to its number alone.
 */
async function billTo(context: PortalContext, custNo: string) {
  const row = await findCustomer((await context.mirror()).db, custNo);
  return row ? toCustomerDto(row) : undefined;
}

/**
 * The invoice as the detail endpoint answers it (same lookup, so the same 404 for absent and
 * foreign invoices, and the same totals), printed.
 */
export async function printInvoice(
  context: PortalContext,
  gate: RenderGate,
  invoiceNo: number,
  scope: string,
  seller: SellerDetails,
): Promise<PrintedDocument> {
  const [invoice, customer] = await Promise.all([getInvoice(context, invoiceNo, scope), billTo(context, scope)]);
  const document = invoiceDocument(invoice, customer, seller);
  return { fileName: document.fileName, pdf: await gate.run(() => renderPdf(document)) };
}

/** The order acknowledgement: the order detail, printed. */
export async function printOrder(context: PortalContext, gate: RenderGate, orderNo: number, scope: string, seller: SellerDetails): Promise<PrintedDocument> {
  const [order, customer] = await Promise.all([getOrder(context, orderNo, scope), billTo(context, scope)]);
  const document = orderDocument(order, customer, seller);
  return { fileName: document.fileName, pdf: await gate.run(() => renderPdf(document)) };
}

/** The quotation: the quote detail (same 404 for orders, foreign and absent quotes), printed. */
export async function printQuote(context: PortalContext, quoteNo: number, scope: string, seller: SellerDetails): Promise<PrintedDocument> {
  const [quote, customer] = await Promise.all([getQuote(context, quoteNo, scope), billTo(context, scope)]);
  const document = quoteDocument(quote, customer, seller);
  return { fileName: document.fileName, pdf: await renderPdf(document) };
}
