import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(__dirname, '..', '..');
const tsx = join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');

interface LockFile {
  packages: Record<string, { dev?: boolean }>;
}

/** `node_modules/a`, `node_modules/@s/b/node_modules/c`…: every package folder an entry lies in. */
function packageRoots(entry: string): string[] {
  const parts = entry.split('/');
  const roots: string[] = [];
  for (let i = 0; i < parts.length - 1; i += 1) {
    if (parts[i] !== 'node_modules') continue;
    const width = parts[i + 1]?.startsWith('@') ? 2 : 1;
    roots.push(parts.slice(0, i + 1 + width).join('/'));
  }
  return roots;
}

describe('npm run package (scripts/package.ts)', () => {
  const directory = mkdtempSync(join(tmpdir(), 'package-'));
  const zipPath = join(directory, 'app.zip');
  let entries: string[] = [];
  let output = '';

  beforeAll(() => {
    // Type-checking is its own CI step; tsc emits the same JavaScript without it, in half the time.
    const result = spawnSync(process.execPath, [tsx, join(root, 'scripts', 'package.ts'), '--out', zipPath, '--no-typecheck'], { cwd: root, encoding: 'utf8' });
    output = `${result.stdout}${result.stderr}`;
    expect(result.status, output).toBe(0);
    unzipSync(new Uint8Array(readFileSync(zipPath)), {
      filter: (file) => {
        entries.push(file.name);
        return false;
      },
    });
    entries = entries.sort();
    console.log(`deployment zip: ${(statSync(zipPath).size / 1024 / 1024).toFixed(1)} MB, ${entries.length} files`);
  }, 900_000);

  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  // Assertions compare short lists of what is missing or extra: printing 50,000 entries would take minutes.
  it('holds host.json, package.json, every compiled function and the production dependencies', () => {
    const functions = readdirSync(join(root, 'functions')).filter((f) => f.endsWith('.ts')).map((f) => `dist/functions/${f.replace(/\.ts$/, '.js')}`);
    expect(functions.length).toBeGreaterThan(0);
    const { dependencies } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const required = ['host.json', 'package.json', ...functions, ...Object.keys(dependencies).map((name) => `node_modules/${name}/package.json`)];
    const present = new Set(entries);
    expect(required.filter((entry) => !present.has(entry))).toEqual([]);
    expect(output).toMatch(/app\.zip: [\d,]+ files, [\d.]+ MB/);
  });

  it('holds nothing else at the top level: no sources, tests, local data or local settings', () => {
    const top = new Set(entries.map((e) => e.split('/')[0]));
    expect([...top].sort()).toEqual(['dist', 'host.json', 'node_modules', 'package-lock.json', 'package.json']);
    expect(entries.filter((e) => e.includes('.data/') || /(^|\/)local\.settings\.json$/.test(e))).toEqual([]);
    expect(entries.filter((e) => !e.startsWith('node_modules/') && e.endsWith('.ts'))).toEqual([]);
    expect(entries.filter((e) => /^dist\/(tests|scripts)\//.test(e))).toEqual([]);
  });

  it("holds the app's source maps but none of its dependencies'", () => {
    expect(entries).toContain('dist/functions/orders-list.js.map');
    expect(entries.filter((e) => e.startsWith('node_modules/') && e.endsWith('.map')).slice(0, 5)).toEqual([]);
  });

  it('holds no package the lock file marks as a devDependency', () => {
    const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as LockFile;
    const devOnly = new Set(Object.entries(lock.packages).filter(([, p]) => p.dev).map(([path]) => path));
    expect(devOnly).toContain('node_modules/vitest');
    const shipped = new Set(entries.flatMap(packageRoots));
    expect([...shipped].filter((path) => devOnly.has(path))).toEqual([]);
    expect(shipped).toContain('node_modules/@azure/functions');
  });
});
