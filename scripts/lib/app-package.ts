import { spawnSync } from 'node:child_process';
import { createWriteStream, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { Zip, ZipDeflate } from 'fflate';

/** Files at the app root that the Functions host needs beside `dist/` and `node_modules/`. */
export const rootFiles = ['host.json', 'package.json', 'package-lock.json'] as const;

/** One file of the zip: where it goes in the zip (`/`-separated) and where it is read from. */
export interface PackageEntry {
  readonly name: string;
  readonly path: string;
}

function run(command: string, args: readonly string[], cwd: string): string {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, shell: process.platform === 'win32' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

/**
 * Compiles the app with the build's tsconfig into `outDir` (the working tree's dist/ is left alone).
 * `typeCheck: false` emits the same JavaScript in half the time, for callers that type-check apart.
 */
export function compileApp(appRoot: string, outDir: string, typeCheck = true): void {
  const tsc = join(appRoot, 'node_modules', 'typescript', 'bin', 'tsc');
  run(process.execPath, [tsc, '-p', join(appRoot, 'tsconfig.build.json'), '--outDir', outDir, ...(typeCheck ? [] : ['--noCheck'])], appRoot);
}

/**
 * The installed packages npm counts as production (`npm ls --omit=dev --all`): the same tree
 * `npm ci --omit=dev` would install, taken from node_modules without a second install.
 */
export function productionPackageDirectories(appRoot: string): string[] {
  const listed = run(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['ls', '--omit=dev', '--all', '--parseable'], appRoot);
  const modules = join(appRoot, 'node_modules') + sep;
  return [...new Set(listed.split(/\r?\n/).filter((line) => line.startsWith(modules)))].sort();
}

function* filesUnder(directory: string, skip: (name: string) => boolean = () => false): Generator<string> {
  for (const entry of readdirSync(directory, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (skip(entry.name)) continue;
    const path = join(directory, entry.name);
    if (entry.isDirectory()) yield* filesUnder(path, skip);
    else if (entry.isFile()) yield path;
  }
}

/**
 * Source maps of dependencies: over 100 MB unpacked, about a third of the zip, and read only by a
 * debugger or `node --enable-source-maps`; the app's own maps (dist/) stay, for its stack traces.
 */
const dependencyFileSkipped = (name: string) => name === 'node_modules' || name.endsWith('.map');

/**
 * What the deployment holds: the root files, the compiled app and each production package's own
 * files but their source maps. A package's nested node_modules is left to its own listing, so a
 * dev-only package nested under a production one never slips in.
 */
export function* packageEntries(appRoot: string, distDirectory: string): Generator<PackageEntry> {
  const zipName = (path: string) => relative(appRoot, path).split(sep).join('/');
  for (const file of rootFiles) yield { name: file, path: join(appRoot, file) };
  for (const path of filesUnder(distDirectory)) yield { name: `dist/${relative(distDirectory, path).split(sep).join('/')}`, path };
  for (const directory of productionPackageDirectories(appRoot)) {
    for (const path of filesUnder(directory, dependencyFileSkipped)) yield { name: zipName(path), path };
  }
}

/** Writes the entries into a zip (deflated, streamed to disk), as zip deployment expects it. */
export async function writeZip(entries: Iterable<PackageEntry>, zipPath: string): Promise<{ readonly files: number; readonly bytes: number }> {
  const out = createWriteStream(zipPath);
  const written = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
  });
  let failure: Error | null = null;
  const zip = new Zip((error, chunk, final) => {
    if (error) failure = error;
    else out.write(chunk);
    if (final || error) out.end();
  });
  let files = 0;
  for (const { name, path } of entries) {
    const entry = new ZipDeflate(name, { level: 6 });
    entry.mtime = statSync(path).mtime;
    zip.add(entry);
    entry.push(readFileSync(path), true);
    files += 1;
  }
  zip.end();
  await written;
  if (failure) throw failure;
  return { files, bytes: statSync(zipPath).size };
}
