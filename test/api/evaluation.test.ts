/** 三维评价 through the API: experts with conflicts (declared, and found two hops away in the enterprise
 *  graph), blind reviews, due diligence with a veto item, the fused recommendation, the decision that
 *  moves the project, and the evaluation rules. The three-expert minimum for approval:
 *  evaluation-decision.test.ts; scoring-model versions: scoring-model.test.ts. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, login, type TestContext } from '../helpers/app.js';
import { evaluationPanel, expertUser, type Panel } from '../helpers/evaluation-panel.js';
import { addFirm } from '../helpers/firms.js';

let t: TestContext;
let admin: Client;
let leader: Client;
let officer: Client;
let experts: Panel;
let evaluationId: string;
let projectId: string;

beforeAll(async () => {
  t = await createTestApp();
  ({ admin, leader, officer, experts, projectId } = await evaluationPanel(t));
});
afterAll(() => t.close());

describe('三维评价', () => {
  it('opens an evaluation with the org’s due-diligence checklist', async () => {
    // Reading does not open one; an analyst reads it once it exists.
    expect((await officer.get(`/api/v1/projects/${projectId}/evaluation`)).statusCode).toBe(404);
    expect((await officer.get(`/api/v1/projects/${projectId}`)).json().evaluationId).toBeNull();
    const res = await officer.post(`/api/v1/projects/${projectId}/evaluation`);
    expect(res.statusCode).toBe(200);
    const ev = res.json();
    evaluationId = ev.id;
    // The project names its evaluation, so a screen need not ask and be told 404.
    expect((await officer.get(`/api/v1/projects/${projectId}`)).json().evaluationId).toBe(evaluationId);
    expect(ev.dueDiligence.map((i: { name: string }) => i.name)).toEqual([
      '工商与股权核验',
      '涉诉与失信',
      '财务真实性',
      '核心技术核验',
      '团队背调',
      '客户与市场访谈',
      '资金与落地意愿',
    ]);
    expect(ev.dueDiligence.filter((i: { veto: boolean }) => i.veto)).toHaveLength(3);
    expect((await officer.post(`/api/v1/projects/${projectId}/evaluation`)).json().id).toBe(evaluationId);
    const analyst = await login(t.app, 'analyst');
    expect((await analyst.get(`/api/v1/projects/${projectId}/evaluation`)).json().id).toBe(evaluationId);
    expect((await analyst.post(`/api/v1/projects/${projectId}/evaluation`)).statusCode).toBe(403);
  });

  it('finds conflicts — declared and two hops away in the graph — with the path', async () => {
    const res = await admin.post(`/api/v1/evaluations/${evaluationId}/experts`, {
      expertIds: Object.values(experts).map((e) => e.id),
    });
    expect(res.statusCode).toBe(200);
    const panel = res.json();
    const by = (name: string) => panel.members.find((m: { name: string }) => m.name === name);
    expect(by('郑评审')).toMatchObject({ conflicted: true, conflict: { kind: 'declared' } });
    expect(by('钱评审')).toMatchObject({ conflicted: true, conflict: { kind: 'graph' } });
    expect(by('钱评审').conflict.reason).toContain('相距 2 步');
    expect(by('钱评审').conflict.reason).toContain('评估测试创投基金有限公司');
    expect(by('孙评审').conflicted).toBe(false);
    expect(panel).toMatchObject({ eligible: 3, enough: true, warning: null });
    expect(
      (await officer.post(`/api/v1/evaluations/${evaluationId}/experts`, { expertIds: [experts.a.id] }))
        .statusCode,
    ).toBe(403);
  });

  it('keeps reviews blind until an expert submits, and refuses a conflicted one', async () => {
    const scores = (v: number) => ({ technology: v, chainFit: v, team: v, growth: v, scale: v });
    const a = experts.a.client;
    expect(
      (
        await a.post(`/api/v1/evaluations/${evaluationId}/reviews`, {
          scores: scores(7),
          comments: '技术路线清晰',
          recommendation: '支持',
        })
      ).statusCode,
    ).toBe(200);
    const b = experts.b.client;
    const before = (await b.get(`/api/v1/evaluations/${evaluationId}`)).json();
    expect(before.panel.blind).toBe(true);
    expect(before.panel.members.find((m: { name: string }) => m.name === '孙评审')).toMatchObject({
      submitted: true,
      scores: null,
      comments: null,
    });
    expect(before.committee).toBeNull();
    expect(before.recommendation).toBeNull();
    const missing = await b.post(`/api/v1/evaluations/${evaluationId}/reviews`, {
      scores: { technology: 6 },
      comments: '缺项',
      recommendation: '支持',
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().message).toContain('尚缺：产业链契合度');
    expect(
      (
        await b.post(`/api/v1/evaluations/${evaluationId}/reviews`, {
          scores: scores(8),
          comments: '团队强',
          recommendation: '支持',
        })
      ).statusCode,
    ).toBe(200);
    const after = (await b.get(`/api/v1/evaluations/${evaluationId}`)).json();
    expect(after.panel.blind).toBe(false);
    expect(after.panel.members.find((m: { name: string }) => m.name === '孙评审').scores.technology).toBe(7);
    expect(
      (
        await b.post(`/api/v1/evaluations/${evaluationId}/reviews`, {
          scores: scores(1),
          comments: '改主意',
          recommendation: '不支持',
        })
      ).statusCode,
    ).toBe(409);
    const conflicted = await experts.d.client.post(`/api/v1/evaluations/${evaluationId}/reviews`, {
      scores: scores(9),
      comments: '好',
      recommendation: '支持',
    });
    expect(conflicted.statusCode).toBe(403);
    expect(conflicted.json().message).toContain('存在利益冲突，不能评分');
    expect(conflicted.json().message).toContain('专家本人申报');
    await experts.c.client.post(`/api/v1/evaluations/${evaluationId}/reviews`, {
      scores: scores(6),
      comments: '市场待验证',
      recommendation: '有条件支持',
    });
    // An expert not on the panel cannot even see the evaluation.
    const outsider = await expertUser(t, 'expert_x', '冯评审');
    expect((await outsider.client.get(`/api/v1/evaluations/${evaluationId}`)).statusCode).toBe(404);
    // Each expert finds the project in 我的评审, with what is left to do.
    expect((await experts.c.client.get('/api/v1/my-reviews')).json().items).toEqual([
      expect.objectContaining({
        evaluationId,
        projectName: '氢能电堆项目',
        submitted: true,
        conflicted: false,
      }),
    ]);
    expect((await experts.d.client.get('/api/v1/my-reviews')).json().items[0]).toMatchObject({
      conflicted: true,
      submitted: false,
    });
    expect((await outsider.client.get('/api/v1/my-reviews')).json().items).toEqual([]);
    const full = (await leader.get(`/api/v1/evaluations/${evaluationId}`)).json();
    expect(full.committee).toMatchObject({
      experts: 3,
      excluded: 0,
      score9: 7,
      score100: 75,
      discuss: false,
    });
  });

  it('fails a veto item, caps the recommendation, and the leader’s 不通过 ends the project', async () => {
    const ev = (await leader.get(`/api/v1/evaluations/${evaluationId}`)).json();
    const item = (name: string) => ev.dueDiligence.find((i: { name: string }) => i.name === name).id;
    // A finding carries its evidence: one of the project's attachments, never another project's.
    const file = (
      await officer.postForm(
        `/api/v1/projects/${projectId}/attachments`,
        { category: '其他' },
        { name: '征信报告.pdf', content: Buffer.from('%PDF-1.4\n征信\n') },
      )
    ).json();
    const withFile = await officer.request(
      'PUT',
      `/api/v1/evaluations/${evaluationId}/due-diligence/${item('工商与股权核验')}`,
      {
        status: 'pass',
        notes: '股权结构清晰',
        attachmentIds: [file.id],
      },
    );
    expect(withFile.json().dueDiligence[0]).toMatchObject({
      status: 'pass',
      attachmentIds: [file.id],
      updatedByName: '张专员',
    });
    const foreign = await officer.request(
      'PUT',
      `/api/v1/evaluations/${evaluationId}/due-diligence/${item('工商与股权核验')}`,
      {
        status: 'pass',
        attachmentIds: ['00000000-0000-4000-8000-00000000abcd'],
      },
    );
    expect(foreign.statusCode).toBe(404);
    for (const name of ['财务真实性', '核心技术核验']) {
      const r = await officer.request(
        'PUT',
        `/api/v1/evaluations/${evaluationId}/due-diligence/${item(name)}`,
        { status: 'pass' },
      );
      expect(r.statusCode).toBe(200);
    }
    const failed = await officer.request(
      'PUT',
      `/api/v1/evaluations/${evaluationId}/due-diligence/${item('涉诉与失信')}`,
      {
        status: 'fail',
        notes: '法定代表人被列为失信被执行人',
      },
    );
    const rec = failed.json().recommendation;
    expect(rec).toMatchObject({ outcome: 'reject', vetoed: ['涉诉与失信'] });
    expect(rec.reasons.join()).toContain('否决项未通过：涉诉与失信');
    // Signing is blocked while the evaluation has no approving decision.
    let p = (await officer.get(`/api/v1/projects/${projectId}`)).json();
    for (const [to, facts] of [
      ['contact', { contactPerson: '王总' }],
      ['visit', { visitDate: '2026-11-20' }],
      ['evaluation', {}],
    ] as const)
      p = (
        await officer.post(`/api/v1/projects/${projectId}/move`, { version: p.version, to, ...facts })
      ).json();
    const sign = await officer.post(`/api/v1/projects/${projectId}/move`, {
      version: p.version,
      to: 'signing',
      contractDate: '2026-11-30',
      contractAmount: 1e8,
    });
    expect(sign.statusCode).toBe(409);
    expect(sign.json().message).toContain('三维评价尚未作出通过的决定');
    expect(
      (await officer.post(`/api/v1/evaluations/${evaluationId}/decision`, { outcome: 'approve' })).statusCode,
    ).toBe(403);
    const decided = await leader.post(`/api/v1/evaluations/${evaluationId}/decision`, { outcome: 'reject' });
    expect(decided.statusCode).toBe(200);
    expect(decided.json().decision).toMatchObject({
      outcome: 'reject',
      outcomeName: '不通过',
      decidedByName: '李局长',
    });
    const ended = (await officer.get(`/api/v1/projects/${projectId}`)).json();
    expect(ended.stage).toBe('terminated');
    expect(ended.reason).toContain('评估结论：不通过');
    expect(
      (await leader.post(`/api/v1/evaluations/${evaluationId}/decision`, { outcome: 'approve' })).statusCode,
    ).toBe(409);
  });

  it('publishes editable rules: fusion weights, disagreement threshold and the checklist for new evaluations', async () => {
    const rules = (await leader.get('/api/v1/evaluation-settings')).json();
    expect(rules.fusion).toEqual({ ai: 0.3, committee: 0.5, dueDiligence: 0.2 });
    expect(rules.disagreement).toEqual({ maxSd: 1.5, maxRange: 4 });
    const bad = await admin.request('PUT', '/api/v1/evaluation-settings', {
      version: rules.version,
      fusion: { ai: 0.5, committee: 0.5, dueDiligence: 0.5 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('三方权重之和须为 1');
    const saved = await admin.request('PUT', '/api/v1/evaluation-settings', {
      version: rules.version,
      fusion: { ai: 0, committee: 1, dueDiligence: 0 },
      checklist: [
        { name: '工商与股权核验', veto: true },
        { name: '环保合规', veto: true },
      ],
    });
    expect(saved.statusCode).toBe(200);
    // The decided evaluation keeps its seven items; the recommendation now follows the committee only.
    const ev = (await leader.get(`/api/v1/evaluations/${evaluationId}`)).json();
    expect(ev.dueDiligence).toHaveLength(7);
    expect(ev.recommendation.fused).toBe(75);
    const firm2 = await addFirm(t.database.db, '评估测试第二家科技有限公司');
    const p2 = (
      await officer.post('/api/v1/projects', {
        name: '第二个评估项目',
        enterpriseId: firm2,
        source: '路演',
        type: '初创',
      })
    ).json();
    const ev2 = (await officer.post(`/api/v1/projects/${p2.id}/evaluation`)).json();
    expect(ev2.dueDiligence.map((i: { name: string }) => i.name)).toEqual(['工商与股权核验', '环保合规']);
    expect(
      (
        await admin.request('PUT', '/api/v1/evaluation-settings', {
          version: rules.version,
          disagreement: { maxSd: 1, maxRange: 3 },
        })
      ).statusCode,
    ).toBe(409);
    expect(
      (await leader.request('PUT', '/api/v1/evaluation-settings', { version: saved.json().version }))
        .statusCode,
    ).toBe(403);
  });
});
