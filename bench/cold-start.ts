/**
 * Cold start: how long from `npm start` (node bin/kezhao.js serve) to the first 200 from /api/health,
 * on an existing data directory, side by side with bare Node and a bare Fastify server in the same run.
 *
 *   npm run bench:cold-start
 *
 * Settings (env): BENCH_RUNS (5). The embedded database (PGlite) is always used: DATABASE_URL is
 * removed from the servers' environment.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { BENCH_DIR, envInt, machine, median, ROOT, round, table, writeResult } from './lib.js';

const RUNS = envInt('BENCH_RUNS', 5);
const POLL_MS = 20;
const START_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 20_000;
const GOAL_MEDIAN_MS = 5000;

const SERVER_OUT = path.join(ROOT, 'dist', 'server', 'cli.js');
const WEB_OUT = path.join(ROOT, 'dist', 'web', 'index.html');

type Run = {
  ms: number;
  /** Time from SIGTERM to exit; null for commands that exit by themselves. */
  stopMs: number | null;
  exitCode: number | null;
  /** The start rebuilt part of the tree first (sources changed since the last build): not a cold start. */
  rebuilt: boolean;
};

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (addr && typeof addr === 'object' ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function serverEnv(dataDir: string, port: number): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
  };
  delete env.DATABASE_URL;
  return env;
}

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

/** Spawns a server, times spawn → first 200 from /api/health, then stops it with SIGTERM. */
async function timeServer(args: string[], dataDir: string): Promise<Run> {
  const port = await freePort();
  let output = '';
  const start = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: serverEnv(dataDir, port),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d) => {
    output += d;
  });
  child.stderr?.on('data', (d) => {
    output += d;
  });
  const gone = exited(child);
  let ms = -1;
  try {
    while (performance.now() - start < START_TIMEOUT_MS) {
      if (child.exitCode !== null) throw new Error(`exited with ${child.exitCode} before answering`);
      try {
        const res = await fetch(`http://127.0.0.1:${port}/api/health`, { signal: AbortSignal.timeout(2000) });
        await res.arrayBuffer();
        if (res.status === 200) {
          ms = performance.now() - start;
          break;
        }
      } catch {
        // not listening yet
      }
      await sleep(POLL_MS);
    }
    if (ms < 0) throw new Error(`no 200 from /api/health within ${START_TIMEOUT_MS} ms`);
  } catch (err) {
    child.kill('SIGKILL');
    await gone;
    throw new Error(`${args.join(' ')}: ${(err as Error).message}\n--- output ---\n${output}`);
  }
  const stopStart = performance.now();
  child.kill('SIGTERM');
  const killer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  const exitCode = await gone;
  clearTimeout(killer);
  const stopMs = performance.now() - stopStart;
  if (exitCode !== 0)
    throw new Error(`${args.join(' ')}: exit code ${exitCode} after SIGTERM\n--- output ---\n${output}`);
  return {
    ms: round(ms, 1),
    stopMs: round(stopMs, 1),
    exitCode,
    rebuilt: /正在构建|building the/.test(output),
  };
}

/** Times spawn → exit of a command that ends by itself. */
async function timeExit(args: string[]): Promise<Run> {
  const start = performance.now();
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: 'ignore' });
  const exitCode = await exited(child);
  return { ms: round(performance.now() - start, 1), stopMs: null, exitCode, rebuilt: false };
}

function stats(runs: Run[]) {
  const ms = runs.filter((r) => !r.rebuilt).map((r) => r.ms);
  return {
    medianMs: round(median(ms), 1),
    minMs: round(Math.min(...ms), 1),
    maxMs: round(Math.max(...ms), 1),
    stopMedianMs:
      runs[0]?.stopMs === null
        ? null
        : round(median(runs.filter((r) => !r.rebuilt).map((r) => r.stopMs ?? 0)), 1),
    runs: ms.length,
  };
}

/** Builds what is missing, then lets the build script bring anything stale up to date, so the timed
 *  starts do not include a build. */
function ensureBuilt() {
  if (!existsSync(SERVER_OUT) || !existsSync(WEB_OUT)) {
    console.log('dist/ is incomplete: running node scripts/build.js …');
    const r = spawnSync(process.execPath, ['scripts/build.js'], { cwd: ROOT, stdio: 'inherit' });
    if (r.status !== 0)
      throw new Error(`node scripts/build.js failed (exit ${r.status}); cannot measure a built tree`);
  }
  const r = spawnSync(
    process.execPath,
    ['--input-type=module', '-e', "await (await import('./scripts/build.js')).ensureBuilt()"],
    {
      cwd: ROOT,
      stdio: 'inherit',
    },
  );
  if (r.status !== 0) throw new Error('bringing dist/ up to date failed');
}

const ms = (n: number | null) => (n === null ? '' : Math.round(n));

type Command = { name: string; args: string[]; kind: 'server' | 'exit' };

async function main() {
  ensureBuilt();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'kezhao-bench-cold-'));
  const loadBefore = os.loadavg();
  try {
    console.log(
      `KeZhao cold-start benchmark — ${RUNS} runs per command, polling /api/health every ${POLL_MS} ms\n`,
    );
    // The first start on an empty data dir: PGlite initdb, migrations and the demo seed. If it had to
    // rebuild first, it is repeated on a new empty data dir.
    let first = await timeServer(['bin/kezhao.js', 'serve'], dataDir);
    for (let attempt = 0; first.rebuilt && attempt < 2; attempt++) {
      console.log(
        `  first start (empty data dir)              ${Math.round(first.ms)} ms  (rebuilt: not counted)`,
      );
      rmSync(dataDir, { recursive: true, force: true });
      first = await timeServer(['bin/kezhao.js', 'serve'], dataDir);
    }
    console.log(
      `  first start (empty data dir)              ${Math.round(first.ms)} ms${first.rebuilt ? '  (included a rebuild)' : ''}`,
    );

    const commands: Command[] = [
      { name: 'npm start: node bin/kezhao.js serve', args: ['bin/kezhao.js', 'serve'], kind: 'server' },
      { name: 'node dist/server/cli.js serve', args: ['dist/server/cli.js', 'serve'], kind: 'server' },
      {
        name: 'baseline: bare Fastify (bench/hello-server.js)',
        args: [path.join(BENCH_DIR, 'hello-server.js')],
        kind: 'server',
      },
      { name: 'baseline: node -e "0" (spawn to exit)', args: ['-e', '0'], kind: 'exit' },
    ];
    const runs = new Map<string, Run[]>(commands.map((c) => [c.name, []]));
    // Interleaved, so a noisy stretch of the machine does not land on one command only. A start that
    // had to rebuild (someone changed src/ meanwhile) is not a cold start: it is kept in the JSON
    // but left out of the statistics, and run again.
    for (let i = 0; i < RUNS; i++) {
      for (const c of commands) {
        const list = runs.get(c.name) ?? [];
        for (let attempt = 0; attempt < 3; attempt++) {
          const r = c.kind === 'server' ? await timeServer(c.args, dataDir) : await timeExit(c.args);
          list.push(r);
          console.log(
            `  run ${i + 1}/${RUNS}  ${c.name.padEnd(48)} ${String(Math.round(r.ms)).padStart(6)} ms${r.rebuilt ? '  (rebuilt: not counted)' : ''}`,
          );
          if (!r.rebuilt) break;
        }
      }
    }

    const summary = Object.fromEntries(commands.map((c) => [c.name, stats(runs.get(c.name) ?? [])]));
    const npmStart = summary[commands[0].name];
    const pass = npmStart.medianMs < GOAL_MEDIAN_MS;

    console.log(
      `\nSpawn → first 200 from /api/health (ms), ${RUNS} runs each on a migrated, seeded data dir:\n`,
    );
    console.log(
      table(
        ['command', 'median', 'min', 'max', 'stop (SIGTERM→exit)', 'goal'],
        [
          [
            'first start: node bin/kezhao.js serve, empty data dir',
            ms(first.ms),
            '',
            '',
            ms(first.stopMs),
            '(reported only)',
          ],
          ...commands.map((c, i) => {
            const s = summary[c.name];
            return [
              c.name,
              ms(s.medianMs),
              ms(s.minMs),
              ms(s.maxMs),
              ms(s.stopMedianMs),
              i === 0 ? `median < ${GOAL_MEDIAN_MS}: ${pass ? 'pass' : 'FAIL'}` : '',
            ];
          }),
        ],
      ),
    );

    const file = writeResult('cold-start.json', {
      benchmark: 'cold-start',
      ...machine(),
      loadAverageBefore: loadBefore.map((n) => round(n, 2)),
      settings: { runs: RUNS, pollMs: POLL_MS, engine: 'pglite', logLevel: 'warn' },
      goal: {
        medianBelowMs: GOAL_MEDIAN_MS,
        command: commands[0].name,
        actualMedianMs: npmStart.medianMs,
        pass,
      },
      firstStart: first,
      summary,
      runs: Object.fromEntries(runs),
    });
    console.log(`\nWrote ${file}`);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
