/** Mirror rows for tests of which customer the dev host shows first. */
const stamp = { row_hash: '0'.repeat(16), sync_date: new Date() };

/** Orders of one customer: `orders` plain ones (the first `invoiced` of them invoiced) and `quotes` quotes. */
export function orderRows(custNo: string, first: number, shape: { orders: number; invoiced: number; quotes: number }) {
  const rows = [];
  for (let i = 0; i < shape.orders + shape.quotes; i++) {
    const quote = i >= shape.orders;
    rows.push({
      order_no: first + i,
      ord_type: quote ? 'Q' : 'O',
      order_dt: new Date(Date.UTC(2026, 0, 1 + i)),
      cust_no: custNo,
      cust_po: null,
      buyer: null,
      ship_via: null,
      ship_date: null,
      inv_no: !quote && i < shape.invoiced ? first + i + 50_000 : null,
      inv_date: null,
      status: 'O',
      freight: null,
      tax_amt: null,
      ...stamp,
    });
  }
  return rows;
}

export const customerRow = (cust_no: string, active: boolean) => ({
  cust_no,
  cust_name: `Customer ${cust_no}`.padEnd(40),
  cust_addr1: null,
  cust_city: null,
  cust_state: null,
  cust_zip: null,
  cust_phone: null,
  active,
  ...stamp,
});

