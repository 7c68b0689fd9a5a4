import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { freePort } from '../../scripts/lib/free-port';
import { pgliteDatabase } from '../../shared/db/open-database';
import type { ErpDatabase } from '../../shared/db/schema/erp-tables';
import { seedErp } from '../shared/sync/sync-fixtures';

const root = join(__dirname, '..', '..');
const tsx = join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const devHost = join(root, 'scripts', 'dev-host.ts');
/** A copied production setting: a BigCommerce app secret, with the embedded connections left at their defaults. */
const copiedSecret = { BC_CLIENT_ID: 'real-client', BC_CLIENT_SECRET: 'r'.repeat(40), BC_STORE_HASH: 'realstore' };

/** The environment without anything this machine's shell may carry into the settings. */
function cleanEnvironment(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, ...extra };
  return env;
}

describe('npm start (scripts/dev-host.ts) beside real credentials', () => {
  // The embedded defaults are relative (pglite:.data/erp), so the script runs in a scratch directory.
  const directory = mkdtempSync(join(tmpdir(), 'dev-host-cli-'));
  let child: ChildProcess | undefined;

  beforeAll(async () => {
    mkdirSync(join(directory, '.data'));
    const template = new Blob([new Uint8Array(readFileSync(inject('pgliteTemplates').erp))]);
    const erp = pgliteDatabase<ErpDatabase>(await PGlite.create({ dataDir: join(directory, '.data', 'erp'), loadDataDir: template }));
    await seedErp(erp);
    await erp.close();
  });

  afterAll(() => {
    if (child?.pid !== undefined && child.exitCode === null) child.kill('SIGTERM');
    rmSync(directory, { recursive: true, force: true });
  });

  it('DEMO_MODE=on refuses to start, naming the settings', () => {
    const run = spawnSync(process.execPath, [tsx, devHost], {
      cwd: directory,
      env: cleanEnvironment({ ...copiedSecret, DEMO_MODE: 'on' }),
      encoding: 'utf8',
      timeout: 590_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('DEMO_MODE=on is refused: BC_CLIENT_SECRET is set');
    expect(`${run.stdout}${run.stderr}`).not.toContain('r'.repeat(40));
  }, 600_000);

  it('auto mode starts without demo mode and says why', async () => {
    const port = await freePort();
    const started = spawn(process.execPath, [tsx, devHost], { cwd: directory, env: cleanEnvironment({ ...copiedSecret, PORT: String(port) }) });
    child = started;
    let output = '';
    const ready = new Promise<void>((resolve, reject) => {
      started.stdout.setEncoding('utf8');
      started.stderr.setEncoding('utf8');
      const collect = (chunk: string) => {
        output += chunk;
        if (output.includes('Customer portal API on')) resolve();
      };
      started.stdout.on('data', collect);
      started.stderr.on('data', collect);
      started.once('exit', (code) => reject(new Error(`dev host exited with ${code}:\n${output}`)));
    });
    await ready;
    expect(output).toContain('Demo mode is off: BC_CLIENT_SECRET is set (demo mode never runs beside real credentials).');
    expect(output).toContain('(configured)');
    expect(output).not.toContain('Storefront token:');
    const jwt = await fetch(`http://127.0.0.1:${port}/customer/current.jwt?app_client_id=real-client&erp=C00001`);
    expect(jwt.status).toBe(404);
    const exited = new Promise((resolve) => started.once('exit', resolve));
    started.kill('SIGTERM');
    await exited;
  }, 600_000);
});

describe('npm start (scripts/dev-host.ts) with a bad pglite: target', () => {
  it.each(['pglite:', 'pglite:/etc/hostname', ...(existsSync('/proc/self') ? ['pglite:/proc/x'] : [])])(
    'stops at once with one ConfigError naming both connections for %s, writing nothing',
    (target) => {
      const directory = mkdtempSync(join(tmpdir(), 'dev-host-target-'));
      const run = spawnSync(process.execPath, [tsx, devHost], {
        cwd: directory,
        env: cleanEnvironment({ ERP_CONNECTION: target, MIRROR_CONNECTION: target }),
        encoding: 'utf8',
        // A hang guard: /proc/x once kept the dev host at full CPU with no message.
        timeout: 590_000,
      });
      expect(run.status, `${run.stdout}${run.stderr}`).toBe(1);
      expect(run.stderr).toContain('Invalid configuration (2 problems)');
      expect(run.stderr).toMatch(/ERP_CONNECTION: .*(names no directory|is a file|cannot be created)/);
      expect(run.stderr).toMatch(/MIRROR_CONNECTION: .*(names no directory|is a file|cannot be created)/);
      expect(readdirSync(directory)).toEqual([]);
      rmSync(directory, { recursive: true, force: true });
    },
    600_000,
  );
});

describe('npm start (scripts/dev-host.ts) on a port in use', () => {
  it('stops before seeding, naming PORT', async () => {
    const held = createServer();
    await new Promise<void>((resolve) => held.listen(0, '127.0.0.1', resolve));
    const port = (held.address() as { port: number }).port;
    const directory = mkdtempSync(join(tmpdir(), 'dev-host-port-'));
    try {
      // spawn, not spawnSync: this process must keep serving the held port's event loop.
      const child = spawn(process.execPath, [tsx, devHost], { cwd: directory, env: cleanEnvironment({ PORT: String(port) }) });
      let output = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
      const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
      expect(code, output).toBe(1);
      expect(output).toContain(`PORT: ${port} is already in use on 127.0.0.1`);
      expect(output).not.toContain('Seeding');
      expect(readdirSync(directory)).toEqual([]);
    } finally {
      held.close();
      rmSync(directory, { recursive: true, force: true });
    }
  }, 600_000);
});

