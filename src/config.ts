/** Runtime configuration, read once from the environment (documented in README.md). */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`package.json not found above ${fileURLToPath(import.meta.url)}`);
    dir = up;
  }
  return dir;
}

export const ROOT_DIR = findRoot();

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  sessionTtlHours: number;
  cookieSecure: boolean;
  seedDemo: boolean;
  logLevel: string;
  bodyLimitBytes: number;
  loginMaxFailures: number;
  loginLockMinutes: number;
  jobPollMs: number;
  jobLeaseSeconds: number;
  importMaxBytes: number;
  /** Seconds a session's actor may be served from memory; 0 turns the cache off. */
  sessionCacheSeconds: number;
  /** Generated demo firms seeded on first start (with a third as many target-universe firms). */
  seedEnterprises: number;
  /** OpenAI-compatible endpoint for the optional 研判 reading (e.g. https://api.deepseek.com); unset turns it off. */
  llmBaseUrl: string | undefined;
  llmApiKey: string | undefined;
  llmModel: string;
  llmTimeoutMs: number;
  /** Language-model requests in flight at once, per process. */
  llmConcurrency: number;
};

function int(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`环境变量 ${name} 应为非负整数，实际为 "${raw}"`);
  return n;
}

function bool(name: string, fallback: boolean): boolean {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  return ['1', 'true', 'yes', 'on'].includes(raw.toLowerCase());
}

export function loadConfig(overrides: Partial<Config> = {}): Config {
  return {
    port: int('PORT', 3000),
    host: process.env.HOST || '127.0.0.1',
    dataDir: path.resolve(process.env.DATA_DIR || path.join(ROOT_DIR, 'data')),
    databaseUrl: process.env.DATABASE_URL || undefined,
    sessionTtlHours: int('SESSION_TTL_HOURS', 12),
    cookieSecure: bool('COOKIE_SECURE', false),
    seedDemo: bool('SEED_DEMO', true),
    logLevel: process.env.LOG_LEVEL || 'info',
    bodyLimitBytes: int('BODY_LIMIT_BYTES', 1024 * 1024),
    loginMaxFailures: int('LOGIN_MAX_FAILURES', 5),
    loginLockMinutes: int('LOGIN_LOCK_MINUTES', 15),
    jobPollMs: int('JOB_POLL_MS', 1000),
    jobLeaseSeconds: int('JOB_LEASE_SECONDS', 60),
    importMaxBytes: int('IMPORT_MAX_BYTES', 200 * 1024 * 1024),
    seedEnterprises: int('SEED_ENTERPRISES', 3000),
    sessionCacheSeconds: int('SESSION_CACHE_SECONDS', process.env.DATABASE_URL ? 0 : 30),
    llmBaseUrl: process.env.LLM_BASE_URL || undefined,
    llmApiKey: process.env.LLM_API_KEY || undefined,
    llmModel: process.env.LLM_MODEL || 'deepseek-chat',
    llmTimeoutMs: int('LLM_TIMEOUT_MS', 60_000),
    llmConcurrency: Math.max(1, int('LLM_CONCURRENCY', 2)),
    ...overrides,
  };
}
