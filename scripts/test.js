// `npm test`: lint, typecheck, unit and API tests on PGlite, the API tests again on PostgreSQL when
// DATABASE_URL is set, then the browser tests against a fresh build. Ends with one summary line
// "N passed, N failed" counted from the runners' JSON reports, after the names of the tests that
// failed and of those that passed only on their retry (flaky: a race to fix, not to forget).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const only = process.argv[2]; // optional: lint | unit | api | pg | e2e
// Refused before anything runs (or the reports are cleared): a part that runs nothing used to end in
// "全部通过 all steps passed / tests: 0 passed" and exit 0, which reads as a green run.
const PARTS = ['lint', 'unit', 'api', 'pg', 'e2e'];
if (only !== undefined && !PARTS.includes(only)) {
  console.error(`未知的测试部分：${only}；可选：${PARTS.join(' ')} / unknown part "${only}"`);
  process.exit(2);
}
if (only === 'pg' && !process.env.DATABASE_URL) {
  console.error(
    'DATABASE_URL 未设置：test:pg 在 PostgreSQL 服务器上跑 API 测试，须先指定服务器，例如\n' +
      '  DATABASE_URL=postgres://user:pass@127.0.0.1:5432/kezhao_test npm run test:pg\n' +
      '(DATABASE_URL is not set: test:pg needs a PostgreSQL server; nothing was run)',
  );
  process.exit(1);
}
const reports = path.join(root, 'test-results', 'reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

let passed = 0;
let failed = 0;
let skipped = 0;
const broken = [];
/** "file › test: first line of the error", for the failed and for the flaky. */
const failedTests = [];
const flakyTests = [];
const firstLine = (msg) =>
  stripVTControlCharacters(String(msg ?? ''))
    .split('\n')
    .find((l) => l.trim()) ?? '';

function step(name, cmd, args, env = {}) {
  console.log(`\n=== ${name} ===`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  console.log(
    `--- ${name}: ${r.status === 0 ? 'ok' : `FAILED (exit ${r.status})`} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  if (r.status !== 0) broken.push(name);
  return r.status === 0;
}

function countVitest(file) {
  if (!existsSync(file)) return;
  const r = JSON.parse(readFileSync(file, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += r.numPendingTests + (r.numTodoTests ?? 0);
  for (const file of r.testResults) {
    const where = path.relative(root, file.name);
    if (file.status === 'failed' && file.assertionResults.every((a) => a.status !== 'failed'))
      failedTests.push(`${where}: ${firstLine(file.message)}`);
    for (const a of file.assertionResults) {
      const line = `${where} › ${a.fullName}: ${firstLine(a.failureMessages?.[0])}`;
      if (a.status === 'failed') failedTests.push(line);
      else if (a.status === 'passed' && a.failureMessages?.length) flakyTests.push(line);
    }
  }
}

function countPlaywright(file) {
  if (!existsSync(file)) return;
  const s = JSON.parse(readFileSync(file, 'utf8')).stats;
  passed += s.expected + (s.flaky ?? 0);
  failed += s.unexpected;
  skipped += s.skipped;
  const walk = (suite) => {
    for (const spec of suite.specs ?? [])
      for (const t of spec.tests) {
        const error = t.results.find((x) => x.error)?.error?.message;
        const line = `${spec.file}:${spec.line} › ${spec.title}: ${firstLine(error)}`;
        if (t.status === 'unexpected') failedTests.push(line);
        else if (t.status === 'flaky') flakyTests.push(line);
      }
    for (const child of suite.suites ?? []) walk(child);
  };
  for (const suite of JSON.parse(readFileSync(file, 'utf8')).suites ?? []) walk(suite);
}

const noDb = { ...process.env };
delete noDb.DATABASE_URL;

if (!only || only === 'lint') {
  step('lint (biome)', bin('biome'), ['check', '.']);
  step('typecheck (tsc)', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']);
}
if (!only || only === 'unit' || only === 'api') {
  const out = path.join(reports, 'vitest-pglite.json');
  console.log('\n=== unit + API tests on embedded PGlite ===');
  const r = spawnSync(
    bin('vitest'),
    ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`],
    {
      cwd: root,
      stdio: 'inherit',
      env: noDb,
    },
  );
  if (r.status !== 0) broken.push('unit + API (PGlite)');
  countVitest(out);
}
if ((!only || only === 'pg') && process.env.DATABASE_URL) {
  const out = path.join(reports, 'vitest-postgres.json');
  console.log('\n=== API tests on PostgreSQL (DATABASE_URL) ===');
  const r = spawnSync(
    bin('vitest'),
    ['run', '--project', 'api', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  if (r.status !== 0) broken.push('API (PostgreSQL)');
  countVitest(out);
} else if (!only) {
  console.log('\n(DATABASE_URL 未设置：跳过 PostgreSQL 服务器上的 API 测试 / skipping the PostgreSQL run)');
}
if (!only || only === 'e2e') {
  if (step('build for browser tests', process.execPath, ['scripts/build.js'])) {
    const out = path.join(reports, 'playwright.json');
    console.log('\n=== browser tests (Playwright + Debian Chromium) ===');
    // A free port unless one is given: a server someone left running on the default port would
    // otherwise fail the whole browser run with "already used".
    const port = process.env.E2E_PORT || String(await freePort());
    const r = spawnSync(bin('playwright'), ['test', '--reporter=list,json'], {
      cwd: root,
      stdio: 'inherit',
      env: { ...noDb, PLAYWRIGHT_JSON_OUTPUT_NAME: out, E2E_PORT: port },
    });
    if (r.status !== 0) broken.push('browser tests');
    countPlaywright(out);
  }
}

if (flakyTests.length)
  console.log(`\n只在重试时通过 passed only on retry (flaky):\n  ${flakyTests.join('\n  ')}`);
if (failedTests.length) console.log(`\n失败的测试 failed tests:\n  ${failedTests.join('\n  ')}`);
console.log(
  `\n${broken.length ? `失败的步骤 failed steps: ${broken.join(', ')}` : '全部通过 all steps passed'}`,
);
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(broken.length ? 1 : 0);

/** A loopback port nothing listens on (the OS picks it). */
function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}
