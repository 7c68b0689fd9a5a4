import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadSettings } from '../../../shared/config';
import { pgliteDirectoryProblem } from '../../../shared/config/pglite-directory';

const scratch = () => mkdtempSync(join(tmpdir(), 'pglite-target-'));

describe('pgliteDirectoryProblem', () => {
  it('accepts an existing directory and one that can be created, leaving nothing behind', () => {
    const parent = scratch();
    expect(pgliteDirectoryProblem(parent)).toBeUndefined();
    expect(pgliteDirectoryProblem(join(parent, 'a', 'mirror'))).toBeUndefined();
    expect(readdirSync(parent)).toEqual([]);
  });

  it('refuses an empty path, which would put a database in the working directory', () => {
    expect(pgliteDirectoryProblem('')).toMatch(/names no directory/);
    expect(pgliteDirectoryProblem('  ')).toMatch(/names no directory/);
  });

  it('refuses a file, and a path beneath a file', () => {
    const file = join(scratch(), 'hostname');
    writeFileSync(file, 'x');
    expect(pgliteDirectoryProblem(file)).toBe(`${file} is a file, not a directory`);
    expect(pgliteDirectoryProblem(join(file, 'mirror'))).toBe(`${join(file, 'mirror')} cannot be created: ${file} is a file, not a directory`);
  });

  it.runIf(existsSync('/proc/self'))('refuses a directory the kernel will not create (/proc), even for root', () => {
    expect(pgliteDirectoryProblem('/proc/x')).toBe('/proc/x cannot be created: /proc refuses new directories (ENOENT)');
  });
});

describe('loadSettings with a bad pglite: target', () => {
  const problems = (value: string) => {
    try {
      loadSettings({ ERP_CONNECTION: value, MIRROR_CONNECTION: value });
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      return (error as ConfigError).problems;
    }
    throw new Error('expected a ConfigError');
  };

  it.each(['pglite:', 'pglite:/etc/hostname', ...(existsSync('/proc/self') ? ['pglite:/proc/x'] : [])])(
    '%s: one ConfigError naming both settings and the reason',
    (value) => {
      const found = problems(value);
      expect(found.map((p) => p.setting)).toEqual(['ERP_CONNECTION', 'MIRROR_CONNECTION']);
      for (const problem of found) expect(problem.message).toMatch(/names no directory|is a file|cannot be created/);
    },
  );
});
