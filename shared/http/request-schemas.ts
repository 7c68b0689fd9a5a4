import { z } from 'zod';
import { erpCustomerNumber } from '../erp/customer-number';

/** Query and route parameters. These schemas both validate requests and generate the OpenAPI document. */
const statusLabels: Readonly<Record<string, string>> = { OPEN: 'O', COMPLETE: 'C', VOID: 'V' };

/**
 * Text matched against ERP CHAR columns. Control characters are refused: no ERP value holds one,
 * and PostgreSQL cannot even carry NUL in a parameter.
 */
const erpText = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .regex(/^\P{Cc}*$/u, 'must not contain control characters');

const customer = erpCustomerNumber
  .optional()
  .describe('ERP customer number. Required with an API key; storefront tokens default to (and may only name) their own.');

const day = z.iso.date();

/** What every list accepts: whose and which page (and `format`, below). */
const pageFields = {
  customer,
  page: z.coerce.number().int().min(1).max(1_000_000).default(1).describe('1-based page number.'),
  pageSize: z.coerce.number().int().min(1).max(100).default(20).describe('Items per page, 1–100.'),
};

const format = z
  .enum(['json', 'csv'], { error: 'must be one of json, csv' })
  .optional()
  .describe('`csv` returns every matching row (up to 10,000) as CSV, as does `Accept: text/csv`.');

export const listQuery = z
  .object({
    ...pageFields,
    from: day.optional().describe('Earliest date (inclusive, YYYY-MM-DD) on the list’s date column.'),
    to: day.optional().describe('Latest date (inclusive, YYYY-MM-DD).'),
    format,
  })
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, {
    path: ['to'],
    message: 'must not be before from',
  });

/**
 * Only the three statuses the API names. An ERP's odd codes (H, X, …) are shown as they are, but a
 * filter on one is refused like any unknown value: an empty 200 would read as "none of those".
 */
const status = z
  .string()
  .trim()
  .transform((value) => statusLabels[value.toUpperCase()] ?? value.toUpperCase())
  .pipe(z.enum(['O', 'C', 'V'], { error: 'must be one of open, complete, void (or O, C, V)' }))
  .optional()
  .describe('Status code or label: O/open, C/complete, V/void.');

export const ordersQuery = listQuery.safeExtend({
  status,
  po: erpText(20).optional().describe('Part of the customer PO number, case-insensitive.'),
  item: erpText(25).optional().describe('Only orders with a line for this item number (exact, trimmed, case-insensitive).'),
});

export const productsQuery = z.object({
  ...pageFields,
  format,
  q: erpText(30).optional().describe('Part of the item number or description, case-insensitive.'),
});

export const quotesQuery = listQuery.safeExtend({ status });

export const scopedQuery = z.object({ customer });

export const orderParams = z.object({ orderId: z.coerce.number().int().min(1).max(2_147_483_647) });
export const quoteParams = z.object({ quoteNo: z.coerce.number().int().min(1).max(2_147_483_647) });
export const invoiceParams = z.object({ invoiceNo: z.coerce.number().int().min(1).max(2_147_483_647) });
export const customerParams = z.object({ erpId: erpCustomerNumber });

