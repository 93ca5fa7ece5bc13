import { count, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, chains, pipelineSettings, policies, users } from '../../src/db/schema/index.js';
import { BLOCKER_LABELS, blockerTables } from '../../src/server/modules/orgs/blockers.js';
import { type Client, createTestApp, login, ORG, type TestContext, USER } from '../helpers/app.js';

let t: TestContext;
let admin: Client;
beforeAll(async () => {
  t = await createTestApp();
  admin = await login(t.app, 'admin');
});
afterAll(() => t.close());

const auditCount = async () => (await t.database.db.select({ n: count() }).from(auditLog))[0].n;

describe('audit log', () => {
  it('records who, when, what and the before/after values of an update, without secrets', async () => {
    const before = (await admin.get(`/api/v1/users/${USER.officer}`)).json();
    const res = await admin.patch(`/api/v1/users/${USER.officer}`, {
      version: before.version,
      displayName: '张专员（招商一部）',
      roles: ['officer', 'analyst'],
    });
    expect(res.statusCode).toBe(200);
    const leader = await login(t.app, 'leader');
    const list = (await leader.get(`/api/v1/audit?entity=user&entityId=${USER.officer}`)).json();
    const entry = list.items[0];
    expect(entry).toMatchObject({
      action: 'update',
      entity: 'user',
      actorName: '王管理',
      actorId: USER.admin,
    });
    expect(entry.before).toMatchObject({ displayName: '张专员', roles: ['officer'] });
    expect(entry.after).toMatchObject({ displayName: '张专员（招商一部）', roles: ['officer', 'analyst'] });
    expect(Date.now() - new Date(entry.at).getTime()).toBeLessThan(60_000);
    expect(JSON.stringify(list)).not.toMatch(/argon2/);
  });

  it('records a password reset without the password or its hash', async () => {
    const u = (await admin.get(`/api/v1/users/${USER.officer}`)).json();
    await admin.post(`/api/v1/users/${USER.officer}/reset-password`, {
      version: u.version,
      password: 'reset2026x',
    });
    const [row] = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, USER.officer))
      .orderBy(auditLog.id)
      .limit(1)
      .offset(2);
    expect(JSON.stringify(row)).not.toMatch(/reset2026x|argon2/);
  });

  it('writes nothing when the change fails: audit and change share one transaction', async () => {
    const n = await auditCount();
    const dup = await admin.post('/api/v1/users', {
      username: 'officer',
      displayName: '重复',
      password: 'abc12345',
      roles: ['officer'],
      orgId: ORG.yannan,
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: 'user.username_taken', message: '用户名已被使用' });
    expect(await auditCount()).toBe(n);
  });

  it('is for admins and leaders only', async () => {
    const officer = await login(t.app, 'analyst');
    expect((await officer.get('/api/v1/audit')).statusCode).toBe(403);
  });
});

describe('optimistic locking', () => {
  it('answers a stale write with 409 and a Chinese message, and keeps the newer value', async () => {
    const u = (await admin.get(`/api/v1/users/${USER.leader}`)).json();
    const first = await admin.patch(`/api/v1/users/${USER.leader}`, {
      version: u.version,
      displayName: '李局长（新）',
    });
    expect(first.statusCode).toBe(200);
    expect(first.json().version).toBe(u.version + 1);
    const stale = await admin.patch(`/api/v1/users/${USER.leader}`, {
      version: u.version,
      displayName: '被覆盖',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'conflict.stale', message: '数据已被他人修改，请刷新后重试' });
    const [row] = await t.database.db.select().from(users).where(eq(users.id, USER.leader));
    expect(row.displayName).toBe('李局长（新）');
  });

  it('does the same for orgs, and moves a subtree with its paths', async () => {
    const org = (
      await admin.post('/api/v1/orgs', {
        code: 'ynkc',
        name: '盐南科创园',
        kind: 'park',
        parentId: ORG.yannan,
      })
    ).json();
    const child = (
      await admin.post('/api/v1/orgs', { code: 'ynkc-a', name: '科创园A区', kind: 'park', parentId: org.id })
    ).json();
    expect(child.path).toBe(`${org.path}${child.id}/`);
    // Nothing higher than a 园区 goes under one, neither created there nor turned into one.
    const province = await admin.post('/api/v1/orgs', {
      code: 'ynkc-p',
      name: '园区下的省',
      kind: 'province',
      parentId: org.id,
    });
    expect(province.statusCode).toBe(400);
    expect(province.json()).toMatchObject({ code: 'org.kind_level' });
    expect(province.json().message).toContain('下级组织的类型须低于上级');
    const raised = await admin.patch(`/api/v1/orgs/${child.id}`, { version: child.version, kind: 'city' });
    expect(raised.json()).toMatchObject({ code: 'org.kind_level' });
    const renamed = await admin.patch(`/api/v1/orgs/${org.id}`, {
      version: org.version,
      name: '盐南科创园（一期）',
    });
    expect(renamed.statusCode).toBe(200);
    expect(
      (await admin.patch(`/api/v1/orgs/${org.id}`, { version: org.version, name: '旧版本' })).statusCode,
    ).toBe(409);
    const cycle = await admin.patch(`/api/v1/orgs/${org.id}`, {
      version: renamed.json().version,
      parentId: child.id,
    });
    expect(cycle.json().code).toBe('org.cycle');
    const notEmpty = await admin.del(`/api/v1/orgs/${org.id}?version=${renamed.json().version}`);
    expect(notEmpty.json()).toMatchObject({ code: 'org.not_empty' });
    expect((await admin.del(`/api/v1/orgs/${child.id}?version=${child.version}`)).statusCode).toBe(204);
  });

  it('deleting an org says what it still holds; its own settings go with it', async () => {
    const made = await admin.post('/api/v1/orgs', {
      code: 'qapark',
      name: '删除测试园区',
      kind: 'park',
      parentId: ORG.yannan,
    });
    const org = made.json();
    const { db } = t.database;
    await db.insert(pipelineSettings).values({ orgId: org.id, staleDays: 45 });
    const [chain] = await db.insert(chains).values({ orgId: org.id, key: 'qa', name: '测试链' }).returning();
    const blocked = await admin.del(`/api/v1/orgs/${org.id}?version=${org.version}`);
    expect(blocked.statusCode).toBe(409);
    // Only what it holds: no talk of 下级组织或用户 for an org that has neither.
    expect(blocked.json()).toMatchObject({
      code: 'org.not_empty',
      message: '组织不为空，无法删除：该组织下仍有产业链 1 条，请先移走或删除后再删除组织',
    });
    const url = `/api/v1/orgs/${org.id}?version=${org.version}`;
    const en = await admin.request('DELETE', url, undefined, { 'accept-language': 'en' });
    expect(en.json().message).toBe(
      'The organisation is not empty and cannot be deleted: it still holds 1 industry chain; move or delete it first',
    );
    // In English too each kind has its name and its plural, never the table's.
    const made2 = await db
      .insert(policies)
      .values(
        ['一', '二'].map((n) => ({
          orgId: org.id,
          title: `测试政策${n}`,
          issuer: '科技局',
          conditions: { all: [] },
        })),
      )
      .returning({ id: policies.id });
    const both = await admin.request('DELETE', url, undefined, { 'accept-language': 'en' });
    expect(both.json().message).toBe(
      'The organisation is not empty and cannot be deleted: it still holds 1 industry chain and 2 policies; move or delete them first',
    );
    expect((await admin.del(url)).json().message).toContain('产业链 1 条、政策 2 条');
    await db.delete(policies).where(
      inArray(
        policies.id,
        made2.map((p) => p.id),
      ),
    );
    await db.delete(chains).where(eq(chains.id, chain.id));
    expect((await admin.del(`/api/v1/orgs/${org.id}?version=${org.version}`)).statusCode).toBe(204);
  });

  it('has a Chinese and an English name for every kind of row that keeps an org from being deleted', async () => {
    // A table added later is counted under its table name until it gets a label: this says so first.
    const unnamed = (await blockerTables(t.database.db)).filter((tbl) => !BLOCKER_LABELS[tbl]);
    expect(unnamed).toEqual([]);
  });

  it('will not let an admin lock themselves out', async () => {
    const me = (await admin.get(`/api/v1/users/${USER.admin}`)).json();
    const res = await admin.patch(`/api/v1/users/${USER.admin}`, { version: me.version, disabled: true });
    expect(res.json().code).toBe('user.self_lockout');
    // Nor move into a park of their own org, where they would no longer see the org.
    const park = await admin.post('/api/v1/orgs', {
      code: 'selfpark',
      name: '自调园区',
      kind: 'park',
      parentId: ORG.yannan,
    });
    const moved = await admin.patch(`/api/v1/users/${USER.admin}`, {
      version: me.version,
      orgId: park.json().id,
    });
    expect(moved.json().code).toBe('user.self_lockout');
  });

  it('saving a user’s name keeps their sessions; a real role change ends them', async () => {
    // The officer's password was reset above.
    const officer = await login(t.app, 'officer', 'reset2026x');
    const me = (await admin.get(`/api/v1/users/${USER.officer}`)).json();
    // The edit form sends roles and org with every save.
    const renamed = await admin.patch(`/api/v1/users/${USER.officer}`, {
      version: me.version,
      displayName: '张专员（改名）',
      roles: [...me.roles].reverse(),
      orgId: me.orgId,
    });
    expect(renamed.statusCode).toBe(200);
    expect((await officer.get('/api/v1/me')).statusCode).toBe(200);
    const demoted = await admin.patch(`/api/v1/users/${USER.officer}`, {
      version: renamed.json().version,
      roles: ['analyst'],
    });
    expect(demoted.statusCode).toBe(200);
    expect((await officer.get('/api/v1/me')).statusCode).toBe(401);
  });
});
