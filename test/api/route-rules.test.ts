import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../helpers/app.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('every route declares who may call it', () => {
  it('has an access rule on every registered route', () => {
    expect(t.app.routeTable.length).toBeGreaterThan(15);
    const undeclared = t.app.routeTable.filter((r) => r.access === null);
    expect(undeclared, `routes without an access rule: ${JSON.stringify(undeclared)}`).toEqual([]);
  });

  it('refuses every non-public API route to an anonymous caller with 401', async () => {
    const guarded = t.app.routeTable.filter(
      (r) => r.url.startsWith('/api/v1') && r.access !== 'public' && r.method !== 'HEAD',
    );
    expect(guarded.length).toBeGreaterThan(10);
    for (const r of guarded) {
      const url = r.url.replace(':id', '00000000-0000-4000-8000-000000000011');
      const res = await t.app.inject({
        method: r.method as 'GET',
        url,
        payload: r.method === 'GET' ? undefined : {},
      });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
      expect(res.json().code).toBe('auth.required');
    }
  });

  it('keeps admin-only routes from other roles', async () => {
    const adminOnly = t.app.routeTable.filter((r) => r.access === 'roles:admin');
    expect(adminOnly.map((r) => `${r.method} ${r.url}`)).toContain('POST /api/v1/users');
    const { login } = await import('../helpers/app.js');
    for (const role of ['leader', 'officer', 'expert', 'analyst']) {
      const c = await login(t.app, role);
      for (const r of adminOnly.filter((x) => x.method !== 'HEAD')) {
        const url = r.url.replace(':id', '00000000-0000-4000-8000-000000000103');
        const res = await c.request(r.method as 'GET', url, r.method === 'GET' ? undefined : {});
        expect(res.statusCode, `${role}: ${r.method} ${r.url}`).toBe(403);
        expect(res.json()).toMatchObject({ code: 'auth.forbidden', message: '无权执行此操作' });
      }
    }
  });
});
