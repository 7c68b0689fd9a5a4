import { defineConfig } from 'vitest/config';

// The reliability suite: slower than unit tests, so it runs as its own command (`npm run test:reliability`).
export default defineConfig({
  test: {
    include: ['tests/reliability/**/*.test.ts'],
    globalSetup: ['tests/helpers/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    // Hang guards, not speed checks (see vitest.config.mts).
    testTimeout: 1_200_000,
    hookTimeout: 1_200_000,
  },
});
