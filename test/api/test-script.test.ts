/** `npm run test:pg` and friends: a part that would run nothing must say so and fail, not read as green. */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ROOT_DIR } from '../../src/config.js';

function testScript(...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.DATABASE_URL;
  const r = spawnSync(process.execPath, ['scripts/test.js', ...args], {
    cwd: ROOT_DIR,
    env,
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('scripts/test.js', () => {
  it('refuses the PostgreSQL part without DATABASE_URL, before running or clearing anything', () => {
    const r = testScript('pg');
    expect(r.code).toBe(1);
    expect(r.err).toContain('DATABASE_URL 未设置');
    expect(r.out).not.toContain('全部通过');
  });

  it('refuses a part it does not know', () => {
    const r = testScript('pgsql');
    expect(r.code).toBe(2);
    expect(r.err).toContain('未知的测试部分：pgsql；可选：lint unit api pg e2e');
  });
});
