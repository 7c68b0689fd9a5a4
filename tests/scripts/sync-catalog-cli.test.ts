import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { pgliteDatabase } from '../../shared/db/open-database';
import type { MirrorDatabase } from '../../shared/db/schema/mirror-tables';
import { FakeBigCommerce } from '../shared/bigcommerce/fake-bigcommerce';

const root = join(__dirname, '..', '..');
const tsx = join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const token = 'cli-catalog-token-not-a-secret';

/** Asynchronous on purpose: the fake BigCommerce answers from this same process while the CLI runs. */
async function syncCatalog(args: string[], env: Record<string, string>) {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [tsx, join(root, 'scripts', 'sync-catalog.ts'), ...args], {
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

describe('npm run sync-catalog (scripts/sync-catalog.ts) against a server answering the documented shapes', { timeout: 300_000 }, () => {
  const mirrorDir = join(mkdtempSync(join(tmpdir(), 'catalog-cli-')), 'mirror');
  const fake = new FakeBigCommerce('cli-store', token, 2);
  let env: Record<string, string>;

  const stored = async () => {
    const mirror = pgliteDatabase<MirrorDatabase>(await PGlite.create({ dataDir: mirrorDir }));
    try {
      return (await mirror.db.selectFrom('catalog_variant').select(['sku', 'variant_id']).orderBy('sku').execute()).map((r) => `${r.sku}=${r.variant_id}`);
    } finally {
      await mirror.close();
    }
  };

  beforeAll(async () => {
    const template = new Blob([new Uint8Array(readFileSync(inject('pgliteTemplates').mirror))]);
    await (await PGlite.create({ dataDir: mirrorDir, loadDataDir: template })).close();
    fake.variants = [
      { id: 11, productId: 1, sku: 'BOLT-1', purchasingDisabled: false },
      { id: 12, productId: 1, sku: 'BOLT-2', purchasingDisabled: true },
      { id: 13, productId: 2, sku: '', purchasingDisabled: false },
    ];
    env = { MIRROR_CONNECTION: `pglite:${mirrorDir}`, BC_STORE_HASH: 'cli-store', BC_API_TOKEN: token, BC_API_BASE_URL: await fake.start() };
  });
  afterAll(() => fake.stop());

  it('mirrors every variant with a SKU and prints the JSON summary', async () => {
    const result = await syncCatalog(['--json'], env);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      status: 'succeeded', read: 3, mapped: 2, purchasable: 1, unmatchable: 0, duplicates: 0, inserted: 2, updated: 0, removed: 0,
    });
    expect(await stored()).toEqual(['BOLT-1=11', 'BOLT-2=12']);
  });

  it('exits non-zero naming the reason when not configured or refused, changing nothing', async () => {
    const unset = await syncCatalog([], { ...env, BC_API_TOKEN: '' });
    expect(unset.code).toBe(1);
    expect(unset.stderr).toContain('BC_API_TOKEN not set');
    const refused = await syncCatalog([], { ...env, BC_API_TOKEN: 'revoked-token' });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/BigCommerce refused the API token .*HTTP 401.*Products read-only for the catalog/);
    expect(await stored()).toEqual(['BOLT-1=11', 'BOLT-2=12']);
  });
});
