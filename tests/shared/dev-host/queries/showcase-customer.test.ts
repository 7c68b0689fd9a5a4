import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PortalDatabase } from '../../../../shared/db/portal-database';
import type { MirrorDatabase } from '../../../../shared/db/schema/mirror-tables';
import { showcaseCustomer } from '../../../../shared/dev-host/queries/showcase-customer';
import { createTestMirror } from '../../../helpers/databases';
import { customerRow, orderRows } from '../showcase-fixture';

let mirror: PortalDatabase<MirrorDatabase>;
beforeAll(async () => {
  mirror = await createTestMirror();
  await mirror.db
    .insertInto('customer')
    .values([customerRow('C00001', false), customerRow('C00002', true), customerRow('C00003', true), customerRow('C00004', true), customerRow('C00005', true)])
    .execute();
  await mirror.db
    .insertInto('ord_hedr')
    .values([
      ...orderRows('C00001', 1000, { orders: 9, invoiced: 9, quotes: 3 }), // the most orders, but inactive
      ...orderRows('C00002', 2000, { orders: 8, invoiced: 8, quotes: 0 }), // no quotes
      ...orderRows('C00003', 3000, { orders: 7, invoiced: 0, quotes: 2 }), // no invoices
      ...orderRows('C00004', 4000, { orders: 4, invoiced: 2, quotes: 1 }),
      ...orderRows('C00005', 5000, { orders: 4, invoiced: 1, quotes: 1 }), // ties with C00004
    ])
    .execute();
});

afterAll(async () => {
  await mirror?.close();
});

describe('showcaseCustomer', () => {
  it('picks the active customer with quotes and invoices that has the most orders, ties to the lowest number', async () => {
    await expect(showcaseCustomer(mirror.db, ['Q'])).resolves.toEqual({ custNo: 'C00004', name: 'Customer C00004' });
  });

  it('counts the configured quote types only', async () => {
    await expect(showcaseCustomer(mirror.db, ['E'])).resolves.toBeUndefined();
  });
});
