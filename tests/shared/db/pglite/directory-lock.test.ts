import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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

  it.skipIf(process.platform !== 'linux')('takes over a lock whose holder is a zombie (exited, never reaped)', async () => {
    // `sleep 0` exits at once; its parent has exec'd into `sleep 30`, which never waits for it.
    const parent = spawn('sh', ['-c', 'sleep 0 & echo $!; exec sleep 30'], { stdio: ['ignore', 'pipe', 'ignore'] });
    const [chunk] = (await once(parent.stdout, 'data')) as [Buffer];
    const zombie = Number(chunk.toString().trim());
    try {
      await expect.poll(() => readFileSync(`/proc/${zombie}/stat`, 'utf8').split(') ')[1]?.[0]).toBe('Z');
      const dir = directory();
      writeFileSync(`${dir}.lock`, String(zombie));
      lockDirectory(dir)();
    } finally {
      parent.kill('SIGKILL');
    }
  });
});
