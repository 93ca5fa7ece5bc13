/** One 盐南 row of every kind a route can address by id — a firm with a year and a 资质, a job, a
 *  screening, a track, a policy and its push, a chain and a node, a project with an attachment, its
 *  evaluation with a checklist item, a 双月点评 — for tests that walk every route on real rows. */
import { enterprises, enterpriseYears, qualifications } from '../../src/db/schema/index.js';
import { searchTerms } from '../../src/domain/enterprise/search-terms.js';
import { login, ORG, type TestContext } from './app.js';

export type OneOfEach = {
  jobId: string;
  firmId: string;
  qualificationId: string;
  screeningId: string;
  trackId: string;
  policyId: string;
  pushId: string;
  chainId: string;
  nodeId: string;
  projectId: string;
  attachmentId: string;
  evaluationId: string;
  itemId: string;
  reviewId: string;
};

/** A 盐南 firm with a year and a 资质, written straight to the tables (no import needed). */
async function firmWithYearAndTitle(t: TestContext) {
  const { db } = t.database;
  const provenance = { source: { kind: 'api' as const, client: 'one-of-each' }, asOf: '2025-01-01' };
  const name = '盐南隔离测试科技有限公司';
  const [firm] = await db
    .insert(enterprises)
    .values({ orgId: ORG.yannan, name, ...searchTerms(name), provenance })
    .returning();
  await db.insert(enterpriseYears).values({ enterpriseId: firm.id, year: 2024, employees: 50, provenance });
  const [q] = await db
    .insert(qualifications)
    .values({ enterpriseId: firm.id, tier: 'hnte', issuedOn: '2024-01-01', provenance })
    .returning();
  return { firmId: firm.id, qualificationId: q.id };
}

export async function oneOfEach(t: TestContext): Promise<OneOfEach> {
  const leader = await login(t.app, 'leader');
  const admin = await login(t.app, 'admin');
  const jobId = (await leader.post('/api/v1/audit/export', {})).json().id;
  const { firmId, qualificationId } = await firmWithYearAndTitle(t);
  const screeningId = (await leader.post('/api/v1/cultivation/screenings', {})).json().runId;
  const trackId = (
    await leader.post('/api/v1/cultivation/tracks', { enterpriseId: firmId, tier: 'hnte', year: 2026 })
  ).json().id;
  // A published policy with no conditions: every 盐南 firm matches, so it has a push.
  const policyId = (
    await leader.post('/api/v1/policies', {
      title: '盐南隔离测试政策',
      issuer: '盐南高新区管委会',
      status: 'published',
    })
  ).json().id;
  await leader.post(`/api/v1/policies/${policyId}/pushes`, {});
  const pushId = (await leader.get(`/api/v1/policy-pushes?policyId=${policyId}`)).json().items[0].id;
  // A chain of 盐南's own (the platform's templates are shared on purpose) and one of its nodes.
  const chainId = (
    await admin.post('/api/v1/chains/import', {
      key: 'yn-isolation',
      name: '盐南隔离测试链',
      segments: [{ segment: 'upstream', children: [{ name: '盐南节点', keywords: ['隔离'] }] }],
    })
  ).json().id;
  const nodeId = (await admin.get(`/api/v1/chains/${chainId}`))
    .json()
    .nodes.find((n: { depth: number }) => n.depth === 1).id;
  const projectId = (
    await leader.post('/api/v1/projects', {
      name: '盐南隔离测试项目',
      enterpriseId: firmId,
      source: '其他',
      type: '其他',
    })
  ).json().id;
  const attachmentId = (
    await leader.postForm(
      `/api/v1/projects/${projectId}/attachments`,
      { category: '商业计划书' },
      { name: '计划书.txt', content: Buffer.from('盐南隔离测试计划书') },
    )
  ).json().id;
  const ev = (await leader.post(`/api/v1/projects/${projectId}/evaluation`)).json();
  const reviewId = (await leader.post('/api/v1/project-reviews', { period: '2026-11' })).json().id;
  return {
    jobId,
    firmId,
    qualificationId,
    screeningId,
    trackId,
    policyId,
    pushId,
    chainId,
    nodeId,
    projectId,
    attachmentId,
    evaluationId: ev.id,
    itemId: ev.dueDiligence[0].id,
    reviewId,
  };
}
