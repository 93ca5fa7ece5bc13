/** A 南通开发区 user must not read or change any 盐南高新区 row through any route. */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chainNodes,
  chainPlacements,
  cultivationTracks,
  dueDiligenceItems,
  enterprises,
  enterpriseYears,
  evaluationDecisions,
  followUps,
  jobs,
  orgs,
  policies,
  policyPushes,
  projectAttachments,
  projectRatings,
  projects,
  qualifications,
  users,
} from '../../src/db/schema/index.js';
import { searchTerms } from '../../src/domain/enterprise/search-terms.js';
import { type Client, createTestApp, login, ORG, type TestContext, USER } from '../helpers/app.js';
import { oneOfEach } from '../helpers/one-of-each.js';

let t: TestContext;
let ntOfficer: Client;
let ntAdmin: Client;
let yannanJobId: string;
let yannanFirmId: string;
let yannanQualificationId: string;
let yannanScreeningId: string;
let yannanTrackId: string;
let yannanPolicyId: string;
let yannanPushId: string;
let yannanChainId: string;
let yannanNodeId: string;
let yannanProjectId: string;
let yannanAttachmentId: string;
let yannanEvaluationId: string;
let yannanItemId: string;
let yannanReviewId: string;

/** Bodies that pass validation on routes whose schema needs more than the generic body, so the request
 *  reaches the org check instead of stopping at a 400. */
const ROUTE_BODIES: Record<string, Record<string, unknown>> = {
  'PUT /api/v1/enterprises/:id/ip': { counts: { design: 3 } },
  'POST /api/v1/enterprises/:id/qualifications': { tier: 'gazelle', issuedOn: '2025-01-01' },
  'PATCH /api/v1/cultivation/tracks/:id': { stage: 'serving' },
  'PATCH /api/v1/policy-pushes/:id': { status: 'told' },
  'PUT /api/v1/policy-pushes/:id/owner': { ownerId: USER.ntOfficer },
  'POST /api/v1/chain-nodes/:id/placements': { status: 'added' },
  'POST /api/v1/projects/:id/move': { to: 'contact', contactPerson: '越权' },
  'POST /api/v1/projects/:id/follow-ups': { kind: 'call', date: '2026-01-01', content: '越权' },
  'POST /api/v1/target-lists/:id/leads': {},
  'PATCH /api/v1/projects/:id': { plannedInvestment: 1 },
  'PUT /api/v1/project-reviews/:id/ratings': { rating: 'lagging', comment: '越权' },
  'POST /api/v1/evaluations/:id/experts': { expertIds: ['00000000-0000-4000-8000-000000000999'] },
  'POST /api/v1/evaluations/:id/reviews': {
    scores: { technology: 9, chainFit: 9, team: 9, growth: 9, scale: 9 },
    comments: '越权',
    recommendation: '支持',
  },
  'PUT /api/v1/evaluations/:id/due-diligence/:itemId': { status: 'fail', notes: '越权' },
  'POST /api/v1/evaluations/:id/decision': { outcome: 'reject' },
};
/** Query strings a GET route requires, so that it reaches its scope check instead of a 400. */
const ROUTE_QUERIES: Record<string, string> = {
  'GET /api/v1/cultivation/screenings/:id/results': '?tier=tech_sme',
  'GET /api/v1/cultivation/screenings/:id/results/export': '?tier=tech_sme',
};

beforeAll(async () => {
  t = await createTestApp();
  const sys = await login(t.app, 'sysadmin');
  // An admin inside 南通开发区, so admin-only routes are tried too.
  const created = await sys.post('/api/v1/users', {
    username: 'nt_admin',
    displayName: '南通管理员',
    password: 'ntadmin2026',
    roles: ['admin'],
    orgId: ORG.ntkfq,
  });
  expect(created.statusCode).toBe(201);
  ntOfficer = await login(t.app, 'nt_officer');
  ntAdmin = await login(t.app, 'nt_admin', 'ntadmin2026');
  ({
    jobId: yannanJobId,
    firmId: yannanFirmId,
    qualificationId: yannanQualificationId,
    screeningId: yannanScreeningId,
    trackId: yannanTrackId,
    policyId: yannanPolicyId,
    pushId: yannanPushId,
    chainId: yannanChainId,
    nodeId: yannanNodeId,
    projectId: yannanProjectId,
    attachmentId: yannanAttachmentId,
    evaluationId: yannanEvaluationId,
    itemId: yannanItemId,
    reviewId: yannanReviewId,
  } = await oneOfEach(t));
  ROUTE_BODIES['POST /api/v1/chain-nodes/:id/placements'].enterpriseId = yannanFirmId;
  ROUTE_BODIES['POST /api/v1/target-lists/:id/leads'].enterpriseId = yannanFirmId;
  ROUTE_BODIES['PUT /api/v1/project-reviews/:id/ratings'].projectId = yannanProjectId;
  ROUTE_BODIES['POST /api/v1/evaluations/:id/profile'] = { attachmentId: yannanAttachmentId };
});
afterAll(() => t.close());

async function snapshot() {
  const [u] = await t.database.db.select().from(users).where(eq(users.id, USER.officer));
  const [o] = await t.database.db.select().from(orgs).where(eq(orgs.id, ORG.yannan));
  const [j] = await t.database.db.select().from(jobs).where(eq(jobs.id, yannanJobId));
  const [e] = await t.database.db.select().from(enterprises).where(eq(enterprises.id, yannanFirmId));
  const y = await t.database.db
    .select()
    .from(enterpriseYears)
    .where(eq(enterpriseYears.enterpriseId, yannanFirmId));
  const q = await t.database.db
    .select()
    .from(qualifications)
    .where(eq(qualifications.enterpriseId, yannanFirmId));
  const tr = await t.database.db
    .select()
    .from(cultivationTracks)
    .where(eq(cultivationTracks.id, yannanTrackId));
  const pol = await t.database.db.select().from(policies).where(eq(policies.id, yannanPolicyId));
  const pu = await t.database.db.select().from(policyPushes).where(eq(policyPushes.id, yannanPushId));
  const ch = await t.database.db.select().from(chainNodes).where(eq(chainNodes.chainId, yannanChainId));
  const pl = await t.database.db
    .select()
    .from(chainPlacements)
    .where(eq(chainPlacements.enterpriseId, yannanFirmId));
  const pr = await t.database.db.select().from(projects).where(eq(projects.id, yannanProjectId));
  const fu = await t.database.db.select().from(followUps).where(eq(followUps.projectId, yannanProjectId));
  const at = await t.database.db
    .select({ id: projectAttachments.id })
    .from(projectAttachments)
    .where(eq(projectAttachments.projectId, yannanProjectId));
  const dd = await t.database.db
    .select()
    .from(dueDiligenceItems)
    .where(eq(dueDiligenceItems.evaluationId, yannanEvaluationId));
  const ra = await t.database.db
    .select()
    .from(projectRatings)
    .where(eq(projectRatings.projectId, yannanProjectId));
  const dec = await t.database.db
    .select()
    .from(evaluationDecisions)
    .where(eq(evaluationDecisions.evaluationId, yannanEvaluationId));
  return JSON.stringify([u, o, j, e, y, q, tr, pol, pu, ch, pl, pr, fu, at, dd, ra, dec]);
}

describe('org isolation', () => {
  it('no route with an :id gives a 南通 user a 盐南 row, or changes one', async () => {
    const before = await snapshot();
    const yannanIds = [
      USER.officer,
      USER.admin,
      ORG.yannan,
      ORG.yancheng,
      yannanJobId,
      yannanFirmId,
      yannanScreeningId,
      yannanTrackId,
      yannanPolicyId,
      yannanPushId,
      yannanChainId,
      yannanNodeId,
      yannanProjectId,
      yannanAttachmentId,
      yannanEvaluationId,
      yannanReviewId,
    ];
    const routes = t.app.routeTable.filter((r) => r.url.includes(':id') && r.method !== 'HEAD');
    expect(routes.length).toBeGreaterThan(5);
    for (const client of [ntOfficer, ntAdmin]) {
      for (const r of routes) {
        for (const id of yannanIds) {
          const url =
            r.url
              .replace(':id', id)
              .replace(':year', '2024')
              .replace(':qualificationId', yannanQualificationId)
              .replace(':attachmentId', yannanAttachmentId)
              .replace(':itemId', yannanItemId) +
            (r.method === 'DELETE' ? '?version=1' : (ROUTE_QUERIES[`${r.method} ${r.url}`] ?? ''));
          const body =
            r.method === 'GET' || r.method === 'DELETE'
              ? undefined
              : {
                  version: 1,
                  name: '越权修改',
                  displayName: '越权',
                  disabled: true,
                  password: 'hacked2026',
                  ...ROUTE_BODIES[`${r.method} ${r.url}`],
                };
          const res = await client.request(r.method as 'GET', url, body);
          expect([403, 404], `${r.method} ${url} → ${res.statusCode} ${res.body}`).toContain(res.statusCode);
          expect(res.body).not.toContain('盐南');
        }
      }
    }
    expect(await snapshot()).toBe(before);
  });

  it('lists show only the user’s own subtree', async () => {
    const orgList = (await ntOfficer.get('/api/v1/orgs')).json();
    expect(orgList.map((o: { name: string }) => o.name)).toEqual(['南通开发区']);
    const userList = (await ntAdmin.get('/api/v1/users?pageSize=200')).json();
    expect(userList.items.map((u: { username: string }) => u.username).sort()).toEqual([
      'nt_admin',
      'nt_officer',
    ]);
    const jobList = (await ntOfficer.get('/api/v1/jobs')).json();
    expect(jobList.items.find((j: { id: string }) => j.id === yannanJobId)).toBeUndefined();
    const audit = (await ntAdmin.get('/api/v1/audit?pageSize=200')).json();
    for (const a of audit.items) expect([ORG.ntkfq]).toContain(a.orgId);
  });

  it('cannot create rows under a 盐南 org, nor move a user there', async () => {
    const org = await ntAdmin.post('/api/v1/orgs', {
      code: 'evil',
      name: '越权园区',
      kind: 'park',
      parentId: ORG.yannan,
    });
    expect(org.statusCode).toBe(404);
    const user = await ntAdmin.post('/api/v1/users', {
      username: 'evil',
      displayName: '越权',
      password: 'evil20261',
      roles: ['officer'],
      orgId: ORG.yannan,
    });
    expect(user.statusCode).toBe(404);
    const me = (await ntAdmin.get('/api/v1/users?q=nt_officer')).json().items[0];
    const move = await ntAdmin.patch(`/api/v1/users/${me.id}`, { version: me.version, orgId: ORG.yannan });
    expect(move.statusCode).toBe(404);
  });

  it('a 盐南 leader reads 盐南 but not 南通; the city sees its parks', async () => {
    const leader = await login(t.app, 'leader');
    const orgsSeen = (await leader.get('/api/v1/orgs')).json().map((o: { name: string }) => o.name);
    expect(orgsSeen).toEqual(['盐南高新区']);
    const sys = await login(t.app, 'sysadmin');
    const all = (await sys.get('/api/v1/orgs')).json().map((o: { name: string }) => o.name);
    expect(all).toEqual(
      expect.arrayContaining(['盐城市', '盐南高新区', '南通市', '南通开发区', '海安市', '江阴市', '南湖区']),
    );
  });
});

describe('ids given in a body must be ones the caller may see', () => {
  const userId = async (username: string) =>
    (await t.database.db.select({ id: users.id }).from(users).where(eq(users.username, username)))[0].id;

  it('an expert record links only this org’s expert logins and firms', async () => {
    const base = { name: '借用专家' };
    const other = await ntAdmin.post('/api/v1/experts', { ...base, userId: await userId('expert2') });
    expect(other.statusCode).toBe(400);
    expect(other.json()).toMatchObject({
      code: 'expert.bad_user',
      message: expect.stringContaining('专家账户'),
    });
    for (const refs of [{ employerId: yannanFirmId }, { declaredFirmIds: [yannanFirmId] }])
      expect((await ntAdmin.post('/api/v1/experts', { ...base, ...refs })).json().code).toBe(
        'expert.bad_firm',
      );
    expect((await ntAdmin.post('/api/v1/experts', { ...base, partyId: yannanFirmId })).json().code).toBe(
      'expert.bad_party',
    );
    // 盐南's admin may link 盐南's expert, but not a login that is no expert.
    const admin = await login(t.app, 'admin');
    expect(
      (await admin.post('/api/v1/experts', { ...base, userId: await userId('expert2') })).statusCode,
    ).toBe(201);
    expect((await admin.post('/api/v1/experts', { ...base, userId: USER.officer })).json().code).toBe(
      'expert.bad_user',
    );
  });

  it('a project links only chain nodes its org sees', async () => {
    const name = '南通隔离测试科技有限公司';
    const [firm] = await t.database.db
      .insert(enterprises)
      .values({
        orgId: ORG.ntkfq,
        name,
        ...searchTerms(name),
        provenance: { source: { kind: 'api', client: 'test' }, asOf: '2026-01-01' },
      })
      .returning({ id: enterprises.id });
    const body = {
      name: '越权链节点',
      enterpriseId: firm.id,
      source: '路演',
      type: '初创',
      acknowledgeDuplicates: true,
    };
    const res = await ntOfficer.post('/api/v1/projects', { ...body, chainNodeIds: [yannanNodeId] });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'project.bad_chain_node' });
    expect((await ntOfficer.post('/api/v1/projects', body)).statusCode).toBe(201);
  });

  it('work is given only to an active officer, leader or admin of the org tree', async () => {
    const officer = await login(t.app, 'officer');
    const track = { enterpriseId: yannanFirmId, tier: 'gazelle', year: 2027 };
    for (const ownerId of [USER.ntOfficer, await userId('expert')]) {
      const res = await officer.post('/api/v1/cultivation/tracks', { ...track, ownerId });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({
        code: 'assignee.invalid',
        message: expect.stringContaining('招商专员'),
      });
    }
    expect(
      (await officer.post('/api/v1/cultivation/tracks', { ...track, ownerId: USER.leader })).statusCode,
    ).toBe(200);
    const [p] = await t.database.db.select().from(projects).where(eq(projects.id, yannanProjectId));
    const toExpert = await officer.patch(`/api/v1/projects/${p.id}`, {
      version: p.version,
      ownerId: await userId('expert'),
    });
    expect(toExpert.json().code).toBe('project.bad_owner');
  });

  it('a job is cancelled by who started it, or an admin or leader — not by an analyst', async () => {
    const [job] = await t.database.db
      .insert(jobs)
      .values({ kind: 'test.slow', orgId: ORG.yannan, params: {}, createdBy: USER.officer })
      .returning();
    const analyst = await login(t.app, 'analyst');
    const refused = await analyst.post(`/api/v1/jobs/${job.id}/cancel`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'job.not_yours' });
    const officer = await login(t.app, 'officer');
    expect((await officer.post(`/api/v1/jobs/${job.id}/cancel`)).json().status).toBe('cancelled');
  });
});
