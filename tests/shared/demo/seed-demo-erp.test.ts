import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PortalDatabase } from '../../../shared/db/portal-database';
import type { ErpDatabase } from '../../../shared/db/schema/erp-tables';
import { DemoErpNotEmptyError, seedDemoErp, type DemoCounts, type DemoOptions } from '../../../shared/demo';
import { createTestErp } from '../../helpers/databases';

const anchor = new Date(Date.UTC(2025, 5, 15));
const small: DemoOptions = { customers: 400, days: 400, seed: 7, anchor };
const dayMs = 86_400_000;

type Dump = Record<'customer' | 'ord_hedr' | 'ord_detl', string>;

/** Every row of every table in key order, as text: byte-for-byte comparable. */
async function dump(erp: PortalDatabase<ErpDatabase>): Promise<Dump> {
  const text = async (query: string) => JSON.stringify((await sql.raw(query).execute(erp.db)).rows);
  return {
    customer: await text('select * from customer order by cust_no'),
    ord_hedr: await text('select * from ord_hedr order by order_no'),
    ord_detl: await text('select * from ord_detl order by order_no, lin_no'),
  };
}

async function scalar(erp: PortalDatabase<ErpDatabase>, query: string): Promise<number> {
  const { rows } = await sql.raw<{ n: number | string }>(`select count(*) as n ${query}`).execute(erp.db);
  return Number(rows[0]?.n);
}

async function column(erp: PortalDatabase<ErpDatabase>, query: string): Promise<unknown[]> {
  return (await sql.raw<{ v: unknown }>(query).execute(erp.db)).rows.map((row) => row.v);
}

describe('seedDemoErp on PGlite', () => {
  let erp: PortalDatabase<ErpDatabase>;
  let counts: DemoCounts;
  let first: Dump;
  let twin: Dump;
  let otherSeed: Dump;

  beforeAll(async () => {
    erp = await createTestErp();
    counts = await seedDemoErp(erp, small);
    first = await dump(erp);
    const other = await createTestErp();
    await seedDemoErp(other, small);
    twin = await dump(other);
    await seedDemoErp(other, { ...small, seed: 8, replace: true });
    otherSeed = await dump(other);
    await other.close();
  });
  afterAll(() => erp.close());

  it('is deterministic: the same seed, options and anchor give identical tables', () => {
    expect(first.customer.length).toBeGreaterThan(10_000);
    expect(twin).toEqual(first);
  });

  it('differs for a different seed, in every table', () => {
    expect(otherSeed.customer).not.toEqual(first.customer);
    expect(otherSeed.ord_hedr).not.toEqual(first.ord_hedr);
    expect(otherSeed.ord_detl).not.toEqual(first.ord_detl);
  });

  it('returns counts that match the tables', async () => {
    const old = new Date(anchor.getTime() - 365 * dayMs).toISOString();
    const actual: DemoCounts = {
      customer: await scalar(erp, 'from customer'),
      ord_hedr: await scalar(erp, 'from ord_hedr'),
      ord_detl: await scalar(erp, 'from ord_detl'),
      inactiveCustomers: await scalar(erp, 'from customer where not active'),
      customersWithoutOrders: await scalar(erp, 'from customer c where not exists (select 1 from ord_hedr h where h.cust_no = c.cust_no)'),
      openOrders: await scalar(erp, "from ord_hedr where status = 'O'"),
      completeOrders: await scalar(erp, "from ord_hedr where status = 'C'"),
      voidOrders: await scalar(erp, "from ord_hedr where status = 'V'"),
      oddStatusOrders: await scalar(erp, "from ord_hedr where status is null or status not in ('O', 'C', 'V')"),
      quotes: await scalar(erp, "from ord_hedr where ord_type = 'Q'"),
      invoicedOrders: await scalar(erp, 'from ord_hedr where inv_no is not null'),
      partiallyShippedOrders: await scalar(
        erp,
        `from ord_hedr h where status = 'O'
           and exists (select 1 from ord_detl d where d.order_no = h.order_no and d.qty_shipd > 0)
           and exists (select 1 from ord_detl d where d.order_no = h.order_no and d.qty_shipd < d.ord_qty)`,
      ),
      partialLines: await scalar(erp, 'from ord_detl where qty_shipd > 0 and qty_shipd < ord_qty'),
      ordersOlderThan365Days: await scalar(erp, `from ord_hedr where order_dt < '${old}'`),
      orphanOrders: await scalar(erp, 'from ord_hedr h where not exists (select 1 from customer c where c.cust_no = h.cust_no)'),
      orphanLines: await scalar(erp, 'from ord_detl d where not exists (select 1 from ord_hedr h where h.order_no = d.order_no)'),
    };
    expect(counts).toEqual(actual);
  });

  it('contains every edge case the portal must handle, even at small scale', () => {
    for (const [name, value] of Object.entries(counts)) expect(value, name).toBeGreaterThan(0);
  });

  it('uses every status code, including the odd ones, and blank comes back as a padded blank', async () => {
    expect(await column(erp, 'select distinct status as v from ord_hedr order by 1')).toEqual(
      expect.arrayContaining(['O', 'C', 'V', 'H', 'X', 'c', ' ']),
    );
    expect(await column(erp, 'select distinct ord_type as v from ord_hedr order by 1')).toEqual(['O', 'Q']);
  });

  it('has NULLs in non-key columns', async () => {
    const nullable = [
      'customer where cust_name is null', 'customer where cust_addr1 is null', 'customer where cust_phone is null',
      'ord_hedr where cust_po is null', 'ord_hedr where buyer is null', 'ord_hedr where ship_via is null',
      'ord_hedr where freight is null', 'ord_hedr where tax_amt is null', 'ord_detl where item_desc is null',
      'ord_detl where item_no is null', 'ord_detl where unit_price is null', 'ord_detl where status is null',
    ];
    for (const where of nullable) expect(await scalar(erp, `from ${where}`), where).toBeGreaterThan(0);
  });

  it('has padded CHARs, C-numbered customers, apostrophes and Latin-1 accents only', async () => {
    const names = (await column(erp, 'select cust_name as v from customer where cust_name is not null')) as string[];
    expect(names.every((name) => name.length === 40)).toBe(true);
    expect(names.some((name) => name.includes("'"))).toBe(true);
    expect(names.some((name) => /[À-ÿ]/.test(name))).toBe(true);
    const custNos = (await column(erp, 'select cust_no as v from customer')) as string[];
    expect(custNos.every((no) => /^C\d{5}$/.test(no))).toBe(true);
    const text = first.customer + first.ord_hedr + first.ord_detl;
    expect([...text].filter((ch) => ch.charCodeAt(0) > 0xff)).toEqual([]);
  });

  it('ships consistently: complete orders in full, partial lines only on shipped open orders, quotes never', async () => {
    expect(await scalar(erp, "from ord_hedr h join ord_detl d using (order_no) where h.status = 'C' and h.ord_type = 'O' and d.qty_shipd <> d.ord_qty")).toBe(0);
    expect(await scalar(erp, "from ord_hedr where status = 'C' and ord_type = 'O' and ship_date is null")).toBe(0);
    expect(
      await scalar(erp, 'from ord_hedr h join ord_detl d using (order_no) where d.qty_shipd > 0 and d.qty_shipd < d.ord_qty and (h.status <> \'O\' or h.ship_date is null)'),
    ).toBe(0);
    expect(await scalar(erp, "from ord_hedr where ord_type = 'Q' and (ship_date is not null or inv_no is not null)")).toBe(0);
    expect(await scalar(erp, 'from ord_hedr where inv_no is not null and (ship_date is null or inv_date < ship_date)')).toBe(0);
    expect(await scalar(erp, `from ord_hedr where order_dt < '${new Date(anchor.getTime() - 400 * dayMs).toISOString()}' or order_dt >= '${anchor.toISOString()}' or ship_date >= '${anchor.toISOString()}'`)).toBe(0);
  });

  it('numbers lines 1..n (at most 15) with money at the right scale', async () => {
    expect(await scalar(erp, 'from (select order_no from ord_detl group by order_no having max(lin_no) <> count(*) or min(lin_no) <> 1 or count(*) > 15) g')).toBe(0);
    const average = Number((await column(erp, 'select avg(n) as v from (select count(*) as n from ord_detl group by order_no) g'))[0]);
    expect(average).toBeGreaterThan(3.8);
    expect(average).toBeLessThan(5.2);
    const money = await column(erp, 'select freight::text || \'|\' || unit_price::text as v from ord_hedr join ord_detl using (order_no) where freight is not null and unit_price is not null limit 50');
    for (const value of money) expect(value).toMatch(/^\d+\.\d{2}\|\d+\.\d{4}$/);
  });

  it('skews orders per customer: a big buyer, many small ones, some with none', async () => {
    const perCustomer = (await column(erp, 'select count(*)::int as v from ord_hedr group by cust_no order by 1 desc')) as number[];
    expect(perCustomer[0]).toBeGreaterThanOrEqual(50);
    expect(perCustomer[Math.floor(perCustomer.length / 2)]).toBeLessThanOrEqual(5);
    expect(counts.customersWithoutOrders).toBeLessThan(counts.customer / 3);
  });

  it('refuses a non-empty ERP and leaves it untouched', async () => {
    await expect(seedDemoErp(erp, { ...small, seed: 9 })).rejects.toThrow(DemoErpNotEmptyError);
    expect(await dump(erp)).toEqual(first);
  });

  it('replaces a demo ERP only when asked, keeping the primary keys', async () => {
    const replaced = await seedDemoErp(erp, { ...small, seed: 8, replace: true });
    expect(await dump(erp)).toEqual(otherSeed);
    expect(replaced.customer).toBe(400);
    const keys = await column(
      erp,
      "select conname as v from pg_constraint where contype = 'p' and conrelid in ('customer'::regclass, 'ord_hedr'::regclass, 'ord_detl'::regclass) order by 1",
    );
    expect(keys).toEqual(['pk_customer', 'pk_ord_detl', 'pk_ord_hedr']);
    await expect(sql.raw("insert into ord_detl (order_no, lin_no) select order_no, lin_no from ord_detl limit 1").execute(erp.db)).rejects.toThrow(/duplicate key/);
  });

  it('rejects invalid options before touching the database', async () => {
    await expect(seedDemoErp(erp, { customers: 0 })).rejects.toThrow(RangeError);
    await expect(seedDemoErp(erp, { days: 1.5 })).rejects.toThrow(RangeError);
    await expect(seedDemoErp(erp, { seed: -1 })).rejects.toThrow(RangeError);
  });
});
