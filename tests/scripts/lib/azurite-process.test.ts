import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startAzurite } from '../../../scripts/lib/azurite-process';
import { freePort } from '../../../scripts/lib/free-port';

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('startAzurite (npm run start:func helper)', () => {
  it('starts Azurite listening on all three services and stops its whole process group', async () => {
    const ports = { blob: await freePort(), queue: await freePort(), table: await freePort() };
    const azurite = await startAzurite(join(__dirname, '..', '..', '..'), mkdtempSync(join(tmpdir(), 'azurite-')), ports);
    try {
      const response = await fetch(`http://127.0.0.1:${ports.blob}/devstoreaccount1?comp=list`);
      expect(response.headers.get('x-ms-request-id')).toBeTruthy();
      expect(groupAlive(azurite.pid)).toBe(true);
    } finally {
      await azurite.stop();
    }
    expect(groupAlive(azurite.pid)).toBe(false);
    await expect(fetch(`http://127.0.0.1:${ports.blob}/`)).rejects.toThrow();
  });
});
