import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { beforeAll, describe, expect, it, inject } from 'vitest';
import { pgliteDatabase } from '../../shared/db/open-database';
import type { ErpDatabase } from '../../shared/db/schema/erp-tables';
import { seedErp } from '../shared/sync/sync-fixtures';

const root = join(__dirname, '..', '..');
const tsx = join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const cliTimeoutMs = 600_000;

function runSync(args: string[], env: Record<string, string>) {
  return spawnSync(process.execPath, [tsx, join(root, 'scripts', 'sync.ts'), ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    // Only a hang guard: a loaded machine can take minutes to start tsx and open two PGlite directories.
    timeout: cliTimeoutMs,
  });
}

describe('npm run sync (scripts/sync.ts)', { timeout: 2 * cliTimeoutMs }, () => {
  const directory = mkdtempSync(join(tmpdir(), 'sync-cli-'));
  const env = { ERP_CONNECTION: `pglite:${join(directory, 'erp')}`, MIRROR_CONNECTION: `pglite:${join(directory, 'mirror')}`, SYNC_ORDER_DAYS: '3650' };

  beforeAll(async () => {
    // A file-backed ERP cloned from the test template, then seeded: the CLI opens it like a real one.
    const template = new Blob([new Uint8Array(readFileSync(inject('pgliteTemplates').erp))]);
    const erp = pgliteDatabase<ErpDatabase>(await PGlite.create({ dataDir: join(directory, 'erp'), loadDataDir: template }));
    await seedErp(erp);
    await erp.close();
  });

  it('syncs and prints a JSON summary with --json, then a table on rerun', () => {
    const json = runSync(['--json'], env);
    expect(json.status, json.stderr).toBe(0);
    const summary = JSON.parse(json.stdout) as { status: string; entities: Array<{ entity: string; inserted: number }> };
    expect(summary.status).toBe('succeeded');
    expect(summary.entities.map((e) => e.entity)).toEqual(['customers', 'orders', 'lines']);
    expect(summary.entities[0]?.inserted).toBeGreaterThan(0);

    const table = runSync([], env);
    expect(table.status, table.stderr).toBe(0);
    expect(table.stdout).toMatch(/entity\s+mode\s+read\s+inserted\s+updated\s+deleted\s+skipped/);
    expect(table.stdout).toMatch(/sync succeeded .* 0 rows changed/);
  });

  it('prints a line per committed batch with --verbose, and only start and end lines without it', () => {
    // An empty mirror of its own: against the synced one a rerun compares whole spans by digest, one batch each.
    const small = { ...env, MIRROR_CONNECTION: `pglite:${join(directory, 'mirror-verbose')}`, SYNC_BATCH_SIZE: '2' };
    const verbose = runSync(['--full', '--verbose'], small);
    expect(verbose.status, verbose.stderr).toBe(0);
    const batches = verbose.stdout.split('\n').filter((line) => /^customers: batch \d+/.test(line));
    expect(batches.length).toBeGreaterThan(1);
    expect(verbose.stdout).toMatch(/^customers: started/m);
    expect(verbose.stdout).toMatch(/^lines: done/m);

    const quiet = runSync(['--full'], small);
    expect(quiet.status, quiet.stderr).toBe(0);
    expect(quiet.stdout).toMatch(/^customers: done/m);
    expect(quiet.stdout).not.toMatch(/: batch /);
  });

  it('exits non-zero naming every bad setting', () => {
    const result = runSync([], { ...env, SYNC_BATCH_SIZE: 'lots', SYNC_ORDER_DAYS: '-1' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('SYNC_BATCH_SIZE');
    expect(result.stderr).toContain('SYNC_ORDER_DAYS');
  });

  // Each once hung at full CPU (/proc/x), wrote a database into the working directory (empty) or
  // printed a bare EEXIST (a file).
  it.each(['pglite:', 'pglite:/etc/hostname', ...(existsSync('/proc/self') ? ['pglite:/proc/x'] : [])])(
    'exits 1 with one ConfigError naming both connections for %s',
    (target) => {
      const result = runSync([], { ERP_CONNECTION: target, MIRROR_CONNECTION: target });
      expect(result.status, `${result.stdout}${result.stderr}`).toBe(1);
      expect(result.stderr).toContain('Invalid configuration (2 problems)');
      expect(result.stderr).toMatch(/ERP_CONNECTION: .*(names no directory|is a file|cannot be created)/);
      expect(result.stderr).toMatch(/MIRROR_CONNECTION: .*(names no directory|is a file|cannot be created)/);
    },
  );

  it('exits 2, as for a run in progress, when another process (the dev host) holds the embedded mirror', () => {
    const held = join(directory, 'mirror-held');
    mkdirSync(held);
    // The lock file the dev host writes beside its data directory, naming a live process: this one.
    writeFileSync(`${held}.lock`, String(process.pid));
    try {
      const result = runSync([], { ...env, MIRROR_CONNECTION: `pglite:${held}` });
      expect(result.status, result.stderr).toBe(2);
      expect(result.stderr).toContain(`The embedded database ${held} is open in another process (pid ${process.pid})`);
      expect(result.stderr).toContain('POST /api/v1/sync/run');
    } finally {
      rmSync(`${held}.lock`, { force: true });
    }
  });
});

