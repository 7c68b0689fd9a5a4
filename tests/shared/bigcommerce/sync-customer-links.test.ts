import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadSettings } from '../../../shared/config';
import type { LinkSyncOverrides } from '../../../shared/composition/app-link-sync';
import { createApp, type PortalApp } from '../../../shared/composition/create-app';
import type { PortalDatabase } from '../../../shared/db/portal-database';
import type { MirrorDatabase } from '../../../shared/db/schema/mirror-tables';
import { createTestMirror } from '../../helpers/databases';
import { FakeBigCommerce, rateLimited } from './fake-bigcommerce';

const token = 'link-sync-token';
const attributeId = 42;

describe('customer-link sync against a local fake BigCommerce and a real mirror', () => {
  let mirror: PortalDatabase<MirrorDatabase>;
  let fake: FakeBigCommerce;
  let apiBase: string;
  const overrides: LinkSyncOverrides = { sleep: async () => {} };

  const app = (env: Record<string, string> = { BC_STORE_HASH: 'store1', BC_API_TOKEN: token }): PortalApp =>
    createApp(loadSettings({ BC_API_BASE_URL: apiBase, ...env }), { mirror, erp: () => Promise.reject(new Error('not used')), bigCommerce: overrides });
  const links = async () =>
    (await mirror.db.selectFrom('customer_link').select(['bc_customer_id', 'cust_no']).orderBy('bc_customer_id').execute()).map(
      (row) => `${row.bc_customer_id}=${row.cust_no.trim()}`,
    );
  const value = (customer_id: number, text: string) => ({ attribute_id: attributeId, customer_id, attribute_value: text });

  beforeAll(async () => {
    mirror = await createTestMirror();
    // A page size of 2 makes five values span three pages.
    fake = new FakeBigCommerce('store1', token, 2);
    apiBase = await fake.start();
  });
  afterAll(async () => {
    await fake.stop();
    await mirror.close();
  });
  beforeEach(async () => {
    await mirror.db.deleteFrom('customer_link').execute();
    fake.requests.length = 0;
    fake.scripted.clear();
    fake.attributes = [
      { id: 41, name: 'erp_customer_number_old' },
      { id: attributeId, name: 'erp_customer_number' },
    ];
    fake.values = [
      value(101, ' c00001 '),
      value(102, 'C00002'),
      { attribute_id: 41, customer_id: 103, attribute_value: 'C00009' },
      value(104, 'NOT-AN-ERP-NUMBER'),
      value(105, '   '),
      value(106, 'x7'),
    ];
  });

  it('pages through every value, normalises ERP numbers, skips and counts invalid ones', async () => {
    const outcome = await app().linkCustomers();
    expect(outcome).toEqual({
      status: 'succeeded',
      summary: { attributeId, read: 5, linked: 3, invalid: 1, inserted: 3, updated: 0, removed: 0 },
    });
    expect(await links()).toEqual(['101=C00001', '102=C00002', '106=X7']);
    const valuePages = fake.requests.filter((r) => r.path === '/customers/attribute-values');
    expect(valuePages.map((r) => r.query.get('page'))).toEqual(['1', '2', '3']);
    expect(valuePages.every((r) => r.query.get('attribute_id:in') === String(attributeId))).toBe(true);
    expect(fake.requests.every((r) => r.headers['x-auth-token'] === token)).toBe(true);
  });

  it('re-points changed links and removes links whose customer lost the attribute', async () => {
    await app().linkCustomers();
    fake.values = [value(101, 'C00001'), value(102, 'C00003')];
    const outcome = await app().linkCustomers();
    expect(outcome).toMatchObject({ summary: { inserted: 0, updated: 1, removed: 1 } });
    expect(await links()).toEqual(['101=C00001', '102=C00003']);
  });

  it('retries a 429 in the middle of paging and still completes', async () => {
    fake.answerNext('/customers/attribute-values', rateLimited(5));
    const outcome = await app().linkCustomers();
    expect(outcome).toMatchObject({ summary: { linked: 3 } });
    expect(fake.requests.filter((r) => r.path === '/customers/attribute-values')).toHaveLength(4);
  });

  it('keeps every existing link when a page fails for good', async () => {
    await app().linkCustomers();
    fake.values = [];
    fake.answerNext('/customers/attribute-values', ...Array.from({ length: 5 }, () => ({ status: 500 })));
    await expect(app().linkCustomers()).rejects.toThrow(/HTTP 500/);
    expect(await links()).toEqual(['101=C00001', '102=C00002', '106=X7']);
  });

  it('reads the documented attribute_value field: a body in the PUT shape (`value`) is refused and nothing changes', async () => {
    await app().linkCustomers();
    fake.values = [];
    const putShaped = { data: [{ id: 1, attribute_id: attributeId, customer_id: 101, value: 'C00009' }], meta: { pagination: { total: 1, count: 1, per_page: 2, current_page: 1, total_pages: 1 } } };
    fake.answerNext('/customers/attribute-values', { status: 200, body: putShaped });
    await expect(app().linkCustomers()).rejects.toThrow(
      /attribute-values page 1 has an unexpected shape \(data\.0\.attribute_value: .*\); no links changed/,
    );
    expect(await links()).toEqual(['101=C00001', '102=C00002', '106=X7']);
  });

  it('refuses a read whose pages hold fewer values than the collection total, and keeps every link', async () => {
    await app().linkCustomers();
    const short = { data: [], meta: { pagination: { total: 4, count: 0, per_page: 2, current_page: 1, total_pages: 1 } } };
    fake.answerNext('/customers/attribute-values', { status: 200, body: short });
    await expect(app().linkCustomers()).rejects.toThrow(/listed 4 values but its pages held 0/);
    expect(await links()).toEqual(['101=C00001', '102=C00002', '106=X7']);
  });

  it('follows the page size BigCommerce used when it caps the requested limit', async () => {
    await app().linkCustomers();
    const pages = fake.requests.filter((r) => r.path === '/customers/attribute-values');
    expect(pages.every((r) => r.query.get('limit') === '250')).toBe(true);
    expect(pages).toHaveLength(3);
  });

  it('accepts the attributes list with the open `meta: {}` of the documented example', async () => {
    fake.answerNext('/customers/attributes', { status: 200, body: { data: [{ id: attributeId, name: 'erp_customer_number', type: 'string' }], meta: {} } });
    await expect(app().linkCustomers()).resolves.toMatchObject({ summary: { linked: 3 } });
  });

  it('changes nothing when the attribute does not exist', async () => {
    await app().linkCustomers();
    const renamed = app({ BC_STORE_HASH: 'store1', BC_API_TOKEN: token, BC_ERP_ATTRIBUTE_NAME: 'erp_id' });
    await expect(renamed.linkCustomers()).rejects.toThrow(/no customer attribute named "erp_id"/);
    expect(await links()).toHaveLength(3);
  });

  it('is a no-op when BigCommerce is not configured', async () => {
    expect(await app({}).linkCustomers()).toEqual({
      status: 'skipped',
      reason: 'BC_STORE_HASH and BC_API_TOKEN not set (both are needed to read customer links)',
    });
    expect(fake.requests).toHaveLength(0);
  });
});
