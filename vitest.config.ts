import { defineConfig } from 'vitest/config';

// One retry: on a busy two-core machine a race in a test can lose once. `npm test` names every
// test that passed only on its retry, so a flaky test is seen and fixed, not hidden.
const retry = 1;

export default defineConfig({
  test: {
    // Two cores: one PGlite per file, two files at a time.
    maxWorkers: 2,
    projects: [
      { test: { name: 'unit', include: ['src/**/*.test.ts'], exclude: ['src/server/**'], retry } },
      {
        test: {
          name: 'api',
          include: ['src/server/**/*.test.ts', 'test/api/**/*.test.ts'],
          globalSetup: ['test/helpers/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          retry,
        },
      },
    ],
  },
});
