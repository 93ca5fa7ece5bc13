import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Two cores: one PGlite per file, two files at a time.
    maxWorkers: 2,
    projects: [
      { test: { name: 'unit', include: ['src/**/*.test.ts'], exclude: ['src/server/**'] } },
      {
        test: {
          name: 'api',
          include: ['src/server/**/*.test.ts', 'test/api/**/*.test.ts'],
          globalSetup: ['test/helpers/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
