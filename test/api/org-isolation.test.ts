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
