import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/reliability/**', '**/node_modules/**'],
    globalSetup: ['tests/helpers/global-setup.ts'],
    // PGlite instances cost ~300 MB each; two workers fit the 2-core CI machine.
    pool: 'forks',
    maxWorkers: 2,
    // Hang guards, not speed checks: a 2-core machine shared with other work runs a test several
    // times slower than an idle one, and a test must not fail for it.
    testTimeout: 300_000,
    hookTimeout: 600_000,
  },
});
