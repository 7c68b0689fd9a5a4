import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { compileApp, packageEntries, writeZip } from './lib/app-package';

const usage = `usage: npm run package -- [--out <zip>]
  Builds the deployable zip for \`az functionapp deployment source config-zip --src <zip>\`:
  host.json, package.json, package-lock.json, dist/ (with the app's source maps) and production
  node_modules only, without the dependencies' source maps.
  --out            where to write it (default .artifacts/erp-portal.zip)
  --no-typecheck   skip type-checking (same JavaScript; for runs that type-check separately)`;

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { out: { type: 'string' }, 'no-typecheck': { type: 'boolean' }, help: { type: 'boolean' } } });
  if (values.help) {
    console.log(usage);
    return 0;
  }
  const root = resolve(__dirname, '..');
  const zipPath = resolve(values.out ?? join(root, '.artifacts', 'erp-portal.zip'));
  mkdirSync(dirname(zipPath), { recursive: true });
  const dist = mkdtempSync(join(tmpdir(), 'package-dist-'));
  try {
    compileApp(root, dist, !values['no-typecheck']);
    const { files, bytes } = await writeZip(packageEntries(root, dist), zipPath);
    console.log(`${zipPath}: ${files.toLocaleString('en-US')} files, ${(bytes / 1024 / 1024).toFixed(1)} MB`);
  } finally {
    rmSync(dist, { recursive: true, force: true });
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
