const erpCustomerNumber = /^[A-Z0-9]{1,6}$/;

/** The ERP `cust_no` a buyer typed into the attribute, normalised; undefined when it cannot be one. */
export function normalizeErpCustomerNumber(raw: string): string | undefined {
  const value = raw.trim().toUpperCase();
  return erpCustomerNumber.test(value) ? value : undefined;
}
