import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DatabaseInUseError, lockDirectory } from '../../../../shared/db/pglite/directory-lock';

describe('lockDirectory', () => {
  const directory = () => join(mkdtempSync(join(tmpdir(), 'lock-')), 'mirror');

  it('refuses a directory held by another live process', () => {
    const dir = directory();
    writeFileSync(`${dir}.lock`, String(process.ppid));
    expect(() => lockDirectory(dir)).toThrow(DatabaseInUseError);
  });

  it('takes over a stale lock and releases it', () => {
    const dir = directory();
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    writeFileSync(`${dir}.lock`, dead);
    const release = lockDirectory(dir);
    expect(existsSync(`${dir}.lock`)).toBe(true);
    release();
    expect(existsSync(`${dir}.lock`)).toBe(false);
  });
});
