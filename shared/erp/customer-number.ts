import { z } from 'zod';

/**
 * The one rule for ERP customer numbers (`cust_no char(6)`): trimmed, 1–6 printable ASCII
 * characters, letters folded to upper case in ASCII only. Unicode case mapping is not used: it
 * would turn look-alikes such as the dotless `ı` into `I`, and a case-sensitive mirror would then
 * read a customer the caller never named.
 */
export const erpCustomerNumber = z
  .string()
  .trim()
  .regex(/^[\x20-\x7E]{1,6}$/, 'must be an ERP customer number: 1–6 ASCII letters, digits or symbols')
  .transform((value) => value.replace(/[a-z]+/g, (letters) => letters.toUpperCase()));

/** The canonical form of a customer number, or undefined when the ERP key cannot hold the value. */
export function normalizeErpCustomerNumber(raw: string): string | undefined {
  const parsed = erpCustomerNumber.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}
