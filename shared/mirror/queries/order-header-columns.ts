/** Header columns the API reads (everything but sync bookkeeping). */
export const orderHeaderColumns = [
  'order_no',
  'ord_type',
  'order_dt',
  'cust_no',
  'cust_po',
  'buyer',
  'ship_via',
  'ship_date',
  'inv_no',
  'inv_date',
  'status',
  'freight',
  'tax_amt',
] as const;
