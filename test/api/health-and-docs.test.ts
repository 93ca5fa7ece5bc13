import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../helpers/app.js';
import { ENGINE } from '../helpers/db.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('health and API documentation', () => {
  it('reports liveness and readiness: database reachable and migrations current', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', database: 'ok', migrations: 'current', engine: ENGINE });
  });

  it('reports not ready (503) when a migration is missing', async () => {
    await t.database.db.execute('delete from drizzle.__drizzle_migrations');
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ status: 'degraded', migrations: 'pending' });
  });

  it('publishes an OpenAPI 3 document that describes the routes', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/me', '/api/v1/users', '/api/v1/users/{id}', '/api/v1/jobs/{id}']),
    );
    expect(
      doc.paths['/api/v1/users'].post.requestBody.content['application/json'].schema.properties.username,
    ).toBeDefined();
  });

  it('serves interactive docs without a CDN', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('swagger');
    expect(res.body).not.toMatch(/https?:\/\/(cdn|unpkg|cdnjs)/);
    // Served over plain http on an intranet address, the page must not send its assets to https.
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('upgrade-insecure-requests');
  });

  it('answers an unknown API path with JSON, not the web app', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v2/anything',
      headers: { accept: 'text/html' },
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('route.not_found');
  });
});

describe.runIf(ENGINE === 'postgres')('a PostgreSQL server that drops idle connections', () => {
  it('does not bring the process down; the next queries open new connections', async () => {
    // Warm the pool so that it holds several idle connections.
    await Promise.all(Array.from({ length: 4 }, () => t.database.db.execute('select pg_sleep(0.05)')));
    const killed = (await t.database.db.execute(
      `select pg_terminate_backend(pid) as ok from pg_stat_activity
        where datname = current_database() and pid <> pg_backend_pid()`,
    )) as unknown as { rows: unknown[] };
    expect(killed.rows.length).toBeGreaterThan(0);
    // The pool hears of each dropped connection as an 'error' event; unhandled, that is fatal.
    await new Promise((r) => setTimeout(r, 300));
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.json()).toMatchObject({ database: 'ok' });
  });
});
