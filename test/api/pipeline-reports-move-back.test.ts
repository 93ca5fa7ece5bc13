/** A move that was taken back does not count: a project moved 签约 → 落地 and back to 签约 (a correction)
 *  is no landing in the year summary, the quarterly assessment or the monthly report, its talents and
 *  money are not counted as landed, and its drawer no longer shows the landing's facts. */

import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, login, type TestContext } from '../helpers/app.js';
import { today } from '../helpers/dates.js';
import { addFirm } from '../helpers/firms.js';

let t: TestContext;
let officer: Client;
let leader: Client;
const month = today.slice(0, 7);
const year = Number(today.slice(0, 4));
const quarter = `${year}-Q${Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1}`;

type P = { id: string; version: number };
async function move(p: P, to: string, facts: Record<string, unknown> = {}): Promise<P> {
  const res = await officer.post(`/api/v1/projects/${p.id}/move`, { version: p.version, to, ...facts });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** A project taken to 签约, with 4 talents, a scientist team and half its plan arrived. */
async function signed(name: string, type: string, planned: number) {
  let p: P = (
    await officer.post('/api/v1/projects', {
      name,
      enterpriseId: await addFirm(t.database.db, `${name}有限公司`),
      source: type === '大院大所' ? '大院大所合作' : '以商引商',
      type,
      plannedInvestment: planned,
      talents: 4,
      scientistTeams: 1,
    })
  ).json();
  p = await move(p, 'contact', { contactPerson: '刘总' });
  p = await move(p, 'visit', { visitDate: today });
  p = await move(p, 'evaluation');
  p = await move(p, 'signing', { contractDate: today, contractAmount: planned });
  // 到位资金 is edited on the project, not given at creation.
  const patched = await officer.patch(`/api/v1/projects/${p.id}`, {
    version: p.version,
    arrivedInvestment: planned / 2,
  });
  expect(patched.statusCode, patched.body).toBe(200);
  return patched.json() as P;
}

const year$ = async (y = year) => (await leader.get(`/api/v1/project-reports/year?year=${y}`)).json();
const zhang = async () => {
  const a = (await leader.get(`/api/v1/project-reports/assessment?quarter=${quarter}&by=owner`)).json();
  const row = a.rows.find((r: { name: string }) => r.name === '张专员');
  const term = (metric: string) => row.breakdown.find((b: { metric: string }) => b.metric === metric);
  return { row, term };
};
const monthlyMoves = async (name: string) => {
  const r = (await leader.get(`/api/v1/project-reports/monthly?month=${month}&by=owner`)).json();
  const p = r.groups
    .flatMap((g: { projects: unknown[] }) => g.projects)
    .find((x: { name: string }) => x.name === name);
  return {
    stage: p.stage as string,
    moves: p.moves.map(
      (m: { from: string | null; to: string; undone: boolean }) =>
        `${m.from}→${m.to}${m.undone ? '（已退回）' : ''}`,
    ),
  };
};

let landed: P; // 签约 → 落地 → back to 签约
let unsigned: P; // 评估 → 签约 → back to 评估
let landingFirm: string;
beforeAll(async () => {
  t = await createTestApp();
  officer = await login(t.app, 'officer');
  leader = await login(t.app, 'leader');
  landed = await signed('退回测试中科院转化', '大院大所', 2e8);
  landingFirm = await addFirm(t.database.db, '退回测试中科院转化（盐城）有限公司');
  landed = await move(landed, 'landing', { localEnterpriseId: landingFirm, landingDate: today });
  landed = await move(landed, 'signing', { note: '落地登记有误，退回签约' });
  unsigned = await signed('退回测试初创项目', '初创', 1e8);
  unsigned = await move(unsigned, 'evaluation', { note: '合同未生效' });
});
afterAll(() => t.close());

describe('a move taken back', () => {
  it('clears the undone stage’s facts from the project and keeps them in the move’s note', async () => {
    const p = (await officer.get(`/api/v1/projects/${landed.id}`)).json();
    expect(p).toMatchObject({
      stage: 'signing',
      localEnterpriseId: null,
      landingDate: null,
      contractDate: today,
      contractAmount: 2e8,
    });
    expect(p.events.at(-1)).toMatchObject({
      fromStage: 'landing',
      toStage: 'signing',
      note: `落地登记有误，退回签约；已清除：落地注册企业 退回测试中科院转化（盐城）有限公司、落地日期 ${today}`,
    });
    const u = (await officer.get(`/api/v1/projects/${unsigned.id}`)).json();
    expect(u).toMatchObject({ stage: 'evaluation', contractDate: null, contractAmount: null });
    expect(u.events.at(-1).note).toBe(`合同未生效；已清除：签约日期 ${today}、签约金额 10000万元`);
    // The audit log keeps the values too: the move's before holds the landing.
    const audit = await t.database.db.execute(sql`
      select before->>'landingDate' as landing from audit_log
       where entity = 'project' and entity_id = ${landed.id} and after->>'stage' = 'signing'
         and before->>'stage' = 'landing'`);
    expect((audit as unknown as { rows: { landing: string }[] }).rows).toEqual([{ landing: today }]);
  });

  it('is no landing (nor signing) in the year summary, with no landed talents or money', async () => {
    const s = await year$();
    expect(s).toMatchObject({
      signed: 1,
      landed: 0,
      highQualityLanded: 0,
      talents: 0,
      scientistTeams: 0,
      plannedInvestment: 2,
      arrivedInvestment: 0,
    });
    expect(s.text).toContain('落地项目0个');
    expect(s.bySource).toEqual([{ name: '大院大所合作', landed: 0, signed: 1, plannedInvestment: 2 }]);
    expect(s.byChain).toEqual([expect.objectContaining({ name: '未关联产业链', signed: 1, landed: 0 })]);
  });

  it('is no landing in the quarterly assessment, and scores none', async () => {
    const { row, term } = await zhang();
    expect(term('newLeads').value).toBe(2);
    expect(term('signings')).toMatchObject({ value: 1, points: 8 });
    expect(term('landings')).toMatchObject({ value: 0, points: 0 });
    expect(term('plannedInvestment')).toMatchObject({ value: 2, points: 4 });
    expect(term('arrivedInvestment')).toMatchObject({ value: 0, points: 0 });
    expect(term('talents')).toMatchObject({ value: 0, points: 0 });
    expect(term('scientistTeams')).toMatchObject({ value: 0, points: 0 });
    expect(term('highQualityShare')).toMatchObject({ value: 1, points: 20 });
    expect(row.score).toBe(2 + 8 + 4 + 20);
  });

  it('shows the project at 签约 in the monthly report, its landing marked as taken back', async () => {
    expect(await monthlyMoves('退回测试中科院转化')).toEqual({
      stage: 'signing',
      moves: [
        'null→线索',
        '线索→接洽',
        '接洽→考察',
        '考察→评估',
        '评估→签约',
        '签约→落地（已退回）',
        '落地→签约',
      ],
    });
    expect((await monthlyMoves('退回测试初创项目')).moves.slice(-2)).toEqual([
      '评估→签约（已退回）',
      '签约→评估',
    ]);
    const xlsx = await leader.get(`/api/v1/project-reports/monthly.xlsx?month=${month}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const row = wb.worksheets[0]
      .getSheetValues()
      .filter(Boolean)
      .map((v) => JSON.stringify(v))
      .find((x) => x.includes('退回测试中科院转化'));
    expect(row).toContain('签约→落地（张专员）（已退回）');
  });

  it('counts the landing again once the project lands again, and a step back from 投产 keeps it', async () => {
    landed = await move(landed, 'landing', { localEnterpriseId: landingFirm, landingDate: today });
    const again = { landed: 1, highQualityLanded: 1, talents: 4, scientistTeams: 1, arrivedInvestment: 1 };
    expect(await year$()).toMatchObject(again);
    expect((await zhang()).term('landings')).toMatchObject({ value: 1, points: 12 });
    expect((await monthlyMoves('退回测试中科院转化')).moves.slice(-3)).toEqual([
      '签约→落地（已退回）',
      '落地→签约',
      '签约→落地',
    ]);

    // 投产 taken back to 落地 undoes only the production: the landing stands, once.
    landed = await move(landed, 'production', { productionDate: today });
    landed = await move(landed, 'landing', { note: '投产日期录错' });
    const p = (await officer.get(`/api/v1/projects/${landed.id}`)).json();
    expect(p).toMatchObject({ stage: 'landing', productionDate: null, landingDate: today });
    expect(p.localEnterpriseId).toBe(landingFirm);
    expect(await year$()).toMatchObject(again);
    expect((await zhang()).term('landings').value).toBe(1);

    // A pause and a resume is not a second landing either.
    landed = await move(landed, 'paused', { reason: '等待土地指标' });
    landed = await move(landed, 'landing');
    expect(await year$()).toMatchObject(again);
  });

  it('takes back a landing of an earlier year when the correction comes later', async () => {
    let p = await signed('退回测试去年落地', '行业龙头', 4e8);
    p = await move(p, 'landing', {
      localEnterpriseId: await addFirm(t.database.db, '退回测试去年落地（盐城）有限公司'),
      landingDate: today,
    });
    // Its moves happened a year ago; the year summary of that year counts the landing …
    await t.database.db.execute(
      sql`update project_events set at = at - interval '1 year' where project_id = ${p.id}`,
    );
    expect(await year$(year - 1)).toMatchObject({ signed: 1, landed: 1, talents: 4, arrivedInvestment: 2 });
    // … until it is corrected back to 签约 this year: then it is no landing in either year.
    await move(p, 'signing', { note: '落地登记有误，退回签约' });
    expect(await year$(year - 1)).toMatchObject({ signed: 1, landed: 0, talents: 0, arrivedInvestment: 0 });
    expect(await year$()).toMatchObject({ landed: 1, signed: 1 });
  });
});
