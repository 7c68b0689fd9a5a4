import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('npm run seed:demo', () => {
  it('fails with exit code 1, the reason and the usage on bad input, before opening the ERP', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/seed-demo.ts', '--customers', 'lots'], {
      cwd: join(__dirname, '..', '..'),
      encoding: 'utf8',
      // An unusable connection: reaching the database would fail differently.
      env: { ...process.env, ERP_CONNECTION: 'pglite:/dev/null/not-a-directory' },
    });
    expect(result.stderr).toContain('seed:demo failed: --customers must be an integer from 1 to 90000; got "lots"');
    expect(result.stderr).toContain('Usage: npm run seed:demo');
    expect(result.stdout).not.toContain('Opening the ERP');
    expect(result.status).toBe(1);
  });
});
