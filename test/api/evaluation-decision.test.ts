/** The leader's decision needs a panel: no 通过 or 有条件通过 before three experts without a conflict
 *  have scored, while 不通过 needs no panel and ends the project; 有条件通过 names its conditions, and a
 *  signed decision closes the panel. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestContext } from '../helpers/app.js';
import { evaluationPanel, type Panel } from '../helpers/evaluation-panel.js';
import { addFirm } from '../helpers/firms.js';

let t: TestContext;
let admin: Client;
let leader: Client;
let officer: Client;
let experts: Panel;

beforeAll(async () => {
  t = await createTestApp();
  ({ admin, leader, officer, experts } = await evaluationPanel(t));
});
afterAll(() => t.close());

describe('三维评价 decision', () => {
  it('approves nothing on fewer than three conflict-free scores, yet lets the leader turn a project down', async () => {
    /** A fresh project on its own firm, with its evaluation opened. */
    const opened = async (firmName: string, name: string) => {
      const enterpriseId = await addFirm(t.database.db, firmName);
      const project = (
        await officer.post('/api/v1/projects', { name, enterpriseId, source: '基金', type: '初创' })
      ).json();
      const evaluation = (await officer.post(`/api/v1/projects/${project.id}/evaluation`)).json();
      return { projectId: project.id as string, evaluationId: evaluation.id as string };
    };
    const { evaluationId: eid } = await opened('评估测试储能科技有限公司', '储能电站项目');
    await admin.post(`/api/v1/evaluations/${eid}/experts`, {
      expertIds: [experts.a.id, experts.b.id, experts.c.id],
    });
    const scores = { technology: 7, chainFit: 7, team: 7, growth: 7, scale: 7 };
    const review = { scores, comments: '技术可行', recommendation: '支持' };
    const submit = (key: keyof Panel) =>
      experts[key].client.post(`/api/v1/evaluations/${eid}/reviews`, review);
    for (const key of ['a', 'b'] as const) expect((await submit(key)).statusCode).toBe(200);
    for (const outcome of ['approve', 'conditional']) {
      const early = await leader.post(`/api/v1/evaluations/${eid}/decision`, {
        outcome,
        conditions: '补充材料',
      });
      expect(early.statusCode).toBe(409);
      expect(early.json()).toMatchObject({ code: 'evaluation.committee_incomplete' });
      expect(early.json().message).toContain('目前有 2 位无利益冲突的专家提交了评分，至少需要 3 位');
    }
    expect((await officer.get(`/api/v1/evaluations/${eid}`)).json().decision).toBeNull();
    // The third score completes the panel: now it can be approved.
    expect((await submit('c')).statusCode).toBe(200);
    const approved = await leader.post(`/api/v1/evaluations/${eid}/decision`, { outcome: 'approve' });
    expect(approved.statusCode).toBe(200);
    expect(approved.json().decision).toMatchObject({ outcome: 'approve', outcomeName: '通过' });

    // Turning a project down needs no panel at all.
    const unreviewed = await opened('评估测试光伏科技有限公司', '光伏组件项目');
    const rejected = await leader.post(`/api/v1/evaluations/${unreviewed.evaluationId}/decision`, {
      outcome: 'reject',
    });
    expect(rejected.statusCode).toBe(200);
    expect((await officer.get(`/api/v1/projects/${unreviewed.projectId}`)).json().stage).toBe('terminated');
  });

  it('closes the panel once the leader has decided, and asks 有条件通过 for its conditions', async () => {
    const enterpriseId = await addFirm(t.database.db, '评估测试风电科技有限公司');
    const project = (
      await officer.post('/api/v1/projects', {
        name: '风机叶片项目',
        enterpriseId,
        source: '基金',
        type: '初创',
      })
    ).json();
    const eid = (await officer.post(`/api/v1/projects/${project.id}/evaluation`)).json().id as string;
    await admin.post(`/api/v1/evaluations/${eid}/experts`, {
      expertIds: [experts.a.id, experts.b.id, experts.c.id, experts.e.id],
    });
    const review = {
      scores: { technology: 8, chainFit: 8, team: 8, growth: 8, scale: 8 },
      comments: '可行',
      recommendation: '支持',
    };
    for (const key of ['a', 'b', 'c'] as const)
      expect((await experts[key].client.post(`/api/v1/evaluations/${eid}/reviews`, review)).statusCode).toBe(
        200,
      );
    // 有条件通过 names its conditions (the form asks for them; so does the API).
    const bare = await leader.post(`/api/v1/evaluations/${eid}/decision`, { outcome: 'conditional' });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().details).toMatchObject([
      { field: 'body.conditions', message: '有条件通过须写明条件' },
    ]);
    const blank = await leader.post(`/api/v1/evaluations/${eid}/decision`, {
      outcome: 'conditional',
      conditions: '  ',
    });
    expect(blank.statusCode).toBe(400);
    const decided = await leader.post(`/api/v1/evaluations/${eid}/decision`, {
      outcome: 'conditional',
      conditions: '三个月内完成本地注册',
    });
    expect(decided.statusCode).toBe(200);
    const before = decided.json().committee;
    // A late score would rewrite the committee's result under the signed decision.
    const late = await experts.e.client.post(`/api/v1/evaluations/${eid}/reviews`, {
      ...review,
      scores: { technology: 1, chainFit: 1, team: 1, growth: 1, scale: 1 },
    });
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ code: 'evaluation.decided' });
    const more = await admin.post(`/api/v1/evaluations/${eid}/experts`, { expertIds: [experts.e.id] });
    expect(more.statusCode).toBe(409);
    expect((await leader.get(`/api/v1/evaluations/${eid}`)).json().committee).toEqual(before);
  });
});
