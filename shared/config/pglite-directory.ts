import { accessSync, constants, mkdtempSync, rmdirSync, statSync, type Stats } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const statOrUndefined = (path: string): Stats | undefined => {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
};

const reason = (error: unknown) => (error as NodeJS.ErrnoException).code ?? (error as Error).message;

/**
 * Why `pglite:<directory>` cannot hold an embedded database; undefined when it can. A directory that
 * does not exist yet is proved creatable by making and removing a scratch directory in its nearest
 * existing parent: permission bits cannot tell, since root passes every access check, yet the kernel
 * refuses any new directory under /proc or on a read-only mount.
 */
export function pgliteDirectoryProblem(directory: string): string | undefined {
  if (directory.trim() === '') {
    return 'names no directory ("pglite:" alone would put the database in the working directory); give a directory after the colon, e.g. pglite:.data/erp';
  }
  const target = resolve(directory);
  const existing = statOrUndefined(target);
  if (existing) return existing.isDirectory() ? undefined : `${target} is a file, not a directory`;
  let parent = dirname(target);
  let found = statOrUndefined(parent);
  while (!found && dirname(parent) !== parent) {
    parent = dirname(parent);
    found = statOrUndefined(parent);
  }
  if (!found?.isDirectory()) return `${target} cannot be created: ${parent} is a file, not a directory`;
  try {
    accessSync(parent, constants.W_OK);
    rmdirSync(mkdtempSync(join(parent, '.pglite-probe-')));
  } catch (error) {
    return `${target} cannot be created: ${parent} refuses new directories (${reason(error)})`;
  }
  return undefined;
}
