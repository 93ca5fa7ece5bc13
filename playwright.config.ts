/** Browser tests against the built product: one fresh data directory per run, Debian's Chromium. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT || 3210);
// Playwright loads this file again in each worker; the env var makes them all agree on one directory.
process.env.KEZHAO_E2E_DATA_DIR ||= fs.mkdtempSync(path.join(os.tmpdir(), 'kezhao-e2e-'));
const dataDir = process.env.KEZHAO_E2E_DATA_DIR;

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results/',
  workers: 1,
  fullyParallel: false,
  // One retry, as for the API tests: `npm test` names each test that passed only on its retry.
  retries: 1,
  reporter: 'list',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1440, height: 900 },
    // A click or a page load that never completes fails here, naming itself, instead of holding the
    // test until its own timeout (CI once spent 180 s in one chains-edit step with no clue which).
    actionTimeout: 20_000,
    navigationTimeout: 30_000,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: 'node dist/server/cli.js serve',
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      // Always the embedded PGlite in the temp dir, never a developer's PostgreSQL.
      DATABASE_URL: '',
      SEED_DEMO: 'true',
      // Demo accounts only: the tests import their own firms and assert on exactly those.
      SEED_ENTERPRISES: '0',
      LOG_LEVEL: 'warn',
    },
  },
});
