import type { Dialect } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import type { PortalDatabase } from '../../shared/db/portal-database';
import type { ErpDatabase } from '../../shared/db/schema/erp-tables';
import { LinkMeter, meteredDialect, rowBytes, type LinkModel } from '../../scripts/bench/erp-link';
import { createTestErp } from '../helpers/databases';

// 1 kbit/s makes the transfer time of a few bytes large enough to read in the charged delay:
// each byte takes 8 ms.
const slowLink: LinkModel = { rttMs: 30, mbit: 0.001 };

describe('bench ERP link', () => {
  let erp: PortalDatabase<ErpDatabase> | undefined;
  afterEach(async () => {
    await erp?.close();
    erp = undefined;
  });

  async function linkedErp(model: LinkModel | null): Promise<{ erp: PortalDatabase<ErpDatabase>; meter: LinkMeter; sleeps: number[] }> {
    const sleeps: number[] = [];
    const meter = new LinkMeter(model, async (ms) => {
      sleeps.push(ms);
    });
    erp = await createTestErp((dialect: Dialect) => meteredDialect(dialect, meter));
    await erp.db
      .insertInto('customer')
      .values([
        { cust_no: 'C00001', cust_name: 'Zoë', cust_phone: null },
        { cust_no: 'C00002', cust_name: 'Ann', cust_phone: '555-0100' },
      ])
      .execute();
    meter.reset();
    sleeps.length = 0;
    return { erp, meter, sleeps };
  }

  const select = (db: PortalDatabase<ErpDatabase>['db']) =>
    db.selectFrom('customer').select(['cust_no', 'cust_name', 'cust_phone']).orderBy('cust_no');

  // Per row 1 byte, per field 2 bytes plus the value's UTF-8 text; char(n) values come padded, as
  // SQL Server sends them: cust_no char(6), cust_name char(40) ("Zoë" is 41 bytes), cust_phone char(20).
  const expectedBytes = 1 + (2 + 6) + (2 + 41) + 2 + (1 + (2 + 6) + (2 + 40) + (2 + 20));

  it('counts a query as one round trip with the estimated bytes of the rows it returns', async () => {
    const { erp, meter, sleeps } = await linkedErp(null);
    const rows = await select(erp.db).execute();
    expect(rows.map((r) => r.cust_name?.trimEnd())).toEqual(['Zoë', 'Ann']);
    expect(rowBytes(rows)).toBe(expectedBytes);
    expect(meter.counts()).toEqual({ roundTrips: 1, bytes: expectedBytes, chargedMs: 0 });
    expect(sleeps).toEqual([]);
  });

  it('charges each round trip the RTT plus the bytes at the bandwidth', async () => {
    const { erp, meter, sleeps } = await linkedErp(slowLink);
    await select(erp.db).execute();
    expect(sleeps).toHaveLength(1);
    expect(sleeps[0]).toBeCloseTo(30 + expectedBytes * 8, 6);
    expect(meter.counts()).toMatchObject({ roundTrips: 1, bytes: expectedBytes });
  });

  it('charges begin and commit as round trips, and each streamed chunk', async () => {
    const { erp, meter, sleeps } = await linkedErp(slowLink);
    await erp.db.transaction().execute(async (trx) => {
      for await (const row of select(trx).stream()) expect(row.cust_no).toMatch(/^C0000[12]$/);
    });
    expect(meter.counts()).toMatchObject({ roundTrips: 3, bytes: expectedBytes });
    expect(sleeps.map((ms) => Math.round(ms))).toEqual([30, 30 + expectedBytes * 8, 30]);
  });

  it('estimates dates, numbers, binary values and nulls by their text form', () => {
    const row = { at: new Date('2026-01-02T03:04:05.000Z'), n: 12.5, big: 10n, bin: new Uint8Array(3), none: null, yes: true };
    expect(rowBytes([row])).toBe(1 + (2 + 24) + (2 + 4) + (2 + 2) + (2 + 3) + 2 + (2 + 4));
  });
});
