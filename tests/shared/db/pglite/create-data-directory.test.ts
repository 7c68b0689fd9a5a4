import { existsSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../../shared/config';
import { openDatabase } from '../../../../shared/db/open-database';
import { createDataDirectory } from '../../../../shared/db/pglite/create-data-directory';

describe('createDataDirectory', () => {
  it('creates every missing level, and accepts one that exists', () => {
    const target = join(mkdtempSync(join(tmpdir(), 'data-dir-')), 'a', 'b', 'mirror');
    createDataDirectory(target);
    expect(statSync(target).isDirectory()).toBe(true);
    createDataDirectory(target);
  });

  it('names the level the file system refused', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'data-dir-')), 'file');
    writeFileSync(file, 'x');
    expect(() => createDataDirectory(join(file, 'mirror'))).toThrow(`${join(file, 'mirror')} cannot be created (${join(file, 'mirror')}: ENOTDIR)`);
  });

  // Node's recursive mkdir spins forever here; this returns at once.
  it.runIf(existsSync('/proc/self'))('fails under /proc instead of hanging', () => {
    expect(() => createDataDirectory('/proc/x/mirror')).toThrow('/proc/x/mirror cannot be created (/proc/x: ENOENT)');
  });
});

describe('openDatabase with a bad pglite: target (a value read from Key Vault skips start-up validation)', () => {
  it('throws the ConfigError naming the setting', async () => {
    const open = openDatabase({ setting: 'ERP_CONNECTION', connection: 'pglite:/etc/hostname' });
    await expect(open).rejects.toThrow(ConfigError);
    await expect(open).rejects.toThrow('ERP_CONNECTION: /etc/hostname is a file, not a directory');
  });
});
