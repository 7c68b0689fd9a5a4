import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { pgliteDatabase } from '../../shared/db/open-database';
import type { MirrorDatabase } from '../../shared/db/schema/mirror-tables';
import { FakeBigCommerce, rateLimited } from '../shared/bigcommerce/fake-bigcommerce';

const root = join(__dirname, '..', '..');
const tsx = join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const token = 'cli-token-not-a-secret';
const attributeId = 3;

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Asynchronous on purpose: the fake BigCommerce answers from this same process while the CLI runs. */
async function linkCustomers(args: string[], env: Record<string, string>): Promise<CliResult> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [tsx, join(root, 'scripts', 'link-customers.ts'), ...args], {
      cwd: root,
      env: { ...process.env, BC_STORE_HASH: '', BC_API_TOKEN: '', BC_API_BASE_URL: '', ...env },
      timeout: 120_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

describe('npm run link-customers (scripts/link-customers.ts) against a server answering the documented shapes', { timeout: 300_000 }, () => {
  const directory = mkdtempSync(join(tmpdir(), 'link-cli-'));
  const mirrorDir = join(directory, 'mirror');
  // A page size of 3 spreads the 8 values over three pages, as BigCommerce caps `limit` server-side.
  const fake = new FakeBigCommerce('cli-store', token, 3);
  let env: Record<string, string>;

  const storedLinks = async () => {
    const mirror = pgliteDatabase<MirrorDatabase>(await PGlite.create({ dataDir: mirrorDir }));
    try {
      const rows = await mirror.db.selectFrom('customer_link').select(['bc_customer_id', 'cust_no']).orderBy('bc_customer_id').execute();
      return rows.map((row) => `${row.bc_customer_id}=${row.cust_no.trim()}`);
    } finally {
      await mirror.close();
    }
  };

  beforeAll(async () => {
    // A file-backed, migrated mirror from the test template, with no ERP customers in it at all.
    const template = new Blob([new Uint8Array(readFileSync(inject('pgliteTemplates').mirror))]);
    await (await PGlite.create({ dataDir: mirrorDir, loadDataDir: template })).close();
    fake.attributes = [{ id: attributeId, name: 'erp_customer_number' }];
    fake.values = [
      ...Array.from({ length: 6 }, (_, i) => ({ attribute_id: attributeId, customer_id: 501 + i, attribute_value: `c0000${i + 1}` })),
      { attribute_id: attributeId, customer_id: 507, attribute_value: 'not an ERP number' },
      { attribute_id: attributeId, customer_id: 508, attribute_value: '' },
    ];
    env = { MIRROR_CONNECTION: `pglite:${mirrorDir}`, BC_STORE_HASH: 'cli-store', BC_API_TOKEN: token, BC_API_BASE_URL: await fake.start() };
  });
  afterAll(() => fake.stop());

  it('links every customer carrying the attribute, through paging and a 429, whether or not the ERP customer is mirrored', async () => {
    fake.answerNext('/customers/attribute-values', rateLimited(1));
    const result = await linkCustomers(['--json'], env);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      status: 'succeeded',
      read: 8,
      linked: 6,
      inserted: 6,
      updated: 0,
      removed: 0,
      invalid: 1,
      attributeId,
    });
    expect(await storedLinks()).toEqual(['501=C00001', '502=C00002', '503=C00003', '504=C00004', '505=C00005', '506=C00006']);

    fake.values = fake.values.slice(1);
    const rerun = await linkCustomers([], env);
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(rerun.stdout).toMatch(/7 values read, 5 BigCommerce customers linked \(0 inserted, 0 updated, 1 removed\), 1 invalid/);
  });

  it('exits non-zero naming what is missing when BC_STORE_HASH or BC_API_TOKEN is not set', async () => {
    const result = await linkCustomers(['--json'], { ...env, BC_STORE_HASH: '', BC_API_TOKEN: '' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('BC_STORE_HASH and BC_API_TOKEN not set');
    expect(result.stdout).toBe('');
  });

  it('exits non-zero with a clear message when BigCommerce refuses the token, changing no link', async () => {
    const before = await storedLinks();
    const result = await linkCustomers(['--json'], { ...env, BC_API_TOKEN: 'revoked-token' });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/BigCommerce refused the API token .*HTTP 401.*check BC_API_TOKEN/);
    expect(result.stderr).not.toContain('revoked-token');
    expect(await storedLinks()).toEqual(before);
  });

  it('refuses an API base URL that is neither BigCommerce nor this machine', async () => {
    const result = await linkCustomers(['--json'], { ...env, BC_API_BASE_URL: 'https://api.bigcommerce.com.example.net' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('BC_API_BASE_URL');
    expect(fake.requests.some((r) => r.headers.host?.includes('example.net'))).toBe(false);
  });
});
