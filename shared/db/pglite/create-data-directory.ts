import { mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

const isDirectory = (path: string): boolean | undefined => {
  try {
    return statSync(path).isDirectory();
  } catch {
    return undefined;
  }
};

/**
 * Creates a data directory one level at a time. `mkdirSync(…, { recursive: true })` never returns for
 * a path under /proc (Node 20: it retries the kernel's ENOENT forever, at full CPU), so it is not used.
 */
export function createDataDirectory(directory: string): void {
  const target = resolve(directory);
  const missing: string[] = [];
  for (let path = target; isDirectory(path) === undefined && dirname(path) !== path; path = dirname(path)) missing.unshift(path);
  for (const path of missing) {
    try {
      mkdirSync(path);
    } catch (error) {
      // Another process (a second CLI) may have made it in between.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || !isDirectory(path)) {
        throw new Error(`${target} cannot be created (${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)})`, { cause: error });
      }
    }
  }
}
