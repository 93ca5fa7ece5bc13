/** The closed loop's reports over real moves and follow-ups: 月度跟踪 (JSON, XLSX, DOCX), 双月点评,
 *  季度考核 with an edited formula, and the year summary. Periods are the current ones in China. */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_FORMULA } from '../../src/domain/project/assessment.js';
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
async function move(client: Client, p: P, to: string, facts: Record<string, unknown> = {}): Promise<P> {
  const res = await client.post(`/api/v1/projects/${p.id}/move`, { version: p.version, to, ...facts });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** A project taken to 签约 (and on to 落地 when `land`), created by `client`. */
async function signed(client: Client, name: string, type: string, planned: number, land = false) {
  let p: P = (
    await client.post('/api/v1/projects', {
      name,
      enterpriseId: await addFirm(t.database.db, `${name}有限公司`),
      source: type === '大院大所' ? '大院大所合作' : '以商引商',
      type,
      plannedInvestment: planned,
      talents: 4,
      scientistTeams: 1,
    })
  ).json();
  p = await move(client, p, 'contact', { contactPerson: '刘总' });
  p = await move(client, p, 'visit', { visitDate: today });
  p = await move(client, p, 'evaluation');
  p = await move(client, p, 'signing', { contractDate: today, contractAmount: planned });
  if (land) {
    const patched = await client.patch(`/api/v1/projects/${p.id}`, {
      version: p.version,
      arrivedInvestment: planned / 2,
    });
    p = patched.json();
    p = await move(client, p, 'landing', {
      localEnterpriseId: await addFirm(t.database.db, `${name}（盐城）有限公司`),
      landingDate: today,
    });
  }
  return p;
}

let officerSigned: P;
beforeAll(async () => {
  t = await createTestApp();
  officer = await login(t.app, 'officer');
  leader = await login(t.app, 'leader');
  officerSigned = await signed(officer, '报表测试中科院研究所转化', '大院大所', 2e8, true);
  await signed(officer, '报表测试初创项目', '初创', 1e8);
  await signed(leader, '报表测试央企项目', '央企国企', 6e8);
  await officer.post(`/api/v1/projects/${officerSigned.id}/follow-ups`, {
    kind: 'meeting',
    date: today,
    content: '=1+1 召开项目推进会',
    outcome: '确定厂房方案',
    nextStep: '办理环评',
    nextDate: '2099-01-15',
  });
});
afterAll(() => t.close());

describe('月度跟踪', () => {
  it('groups the month’s follow-ups and moves by owner and by team, in XLSX and DOCX', async () => {
    const r = (await leader.get(`/api/v1/project-reports/monthly?month=${month}&by=owner`)).json();
    const zhang = r.groups.find((g: { name: string }) => g.name === '张专员');
    const p = zhang.projects.find((x: { name: string }) => x.name === '报表测试中科院研究所转化');
    expect(p.followUps).toEqual([
      {
        date: today,
        kindKey: 'meeting',
        kind: '会议',
        content: '=1+1 召开项目推进会',
        outcome: '确定厂房方案',
        nextStep: '办理环评',
        nextDate: '2099-01-15',
      },
    ]);
    expect(p.moves.map((m: { from: string | null; to: string }) => `${m.from}→${m.to}`)).toEqual([
      'null→线索',
      '线索→接洽',
      '接洽→考察',
      '考察→评估',
      '评估→签约',
      '签约→落地',
    ]);
    // Keys beside the Chinese names, so an English screen can name the stages in English.
    expect(p.stage).toBe('landing');
    expect(p.moves.at(-1)).toMatchObject({ fromStage: 'signing', toStage: 'landing' });
    expect(zhang.moveCount).toBe(11); // 6 moves of the landed project, 5 of the signed one
    const team = (await leader.get(`/api/v1/project-reports/monthly?month=${month}&by=team`)).json();
    expect(team.groups.map((g: { name: string }) => g.name)).toContain('盐南高新区');
    // Last year's month has none of it.
    const old = (await leader.get(`/api/v1/project-reports/monthly?month=${year - 1}-01&by=owner`)).json();
    expect(JSON.stringify(old)).not.toContain('召开项目推进会');
    expect((await leader.get('/api/v1/project-reports/monthly?month=2026-13')).statusCode).toBe(400);

    const xlsx = await leader.get(`/api/v1/project-reports/monthly.xlsx?month=${month}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const rows = wb.worksheets[0]
      .getSheetValues()
      .filter(Boolean)
      .map((v) => JSON.stringify(v));
    const row = rows.find((x) => x.includes('报表测试中科院研究所转化'));
    expect(row).toContain(`${today} 会议：=1+1 召开项目推进会（确定厂房方案）`);
    // The next step says when it is due, not only what it is.
    expect(row).toContain('办理环评（下次跟进 2099-01-15）');
    expect(wb.worksheets[0].getRow(1).values).toContain('本月跟进');
    const docx = await leader.get(`/api/v1/project-reports/monthly.docx?month=${month}&by=owner`);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    const xml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')?.async('string');
    expect(xml).toContain(`盐南高新区${year}年${Number(month.slice(5))}月招商项目月度跟踪`);
    expect(xml).toContain('报表测试中科院研究所转化');
    expect(xml).toContain('办理环评');
  });
});

describe('双月点评', () => {
  it('titles a review by its two months, naming both years across a new year', async () => {
    const dec = await leader.post('/api/v1/project-reviews', { period: '2025-12' });
    expect(dec.json().title).toBe('2025年12月—2026年1月双月点评');
    const mar = await leader.post('/api/v1/project-reviews', { period: '2025-03' });
    expect(mar.json().title).toBe('2025年3—4月双月点评');
  });

  it('lets a leader open a review, rate a project and shows the rating on the project', async () => {
    const created = await leader.post('/api/v1/project-reviews', { period: month });
    expect(created.statusCode).toBe(201);
    const review = created.json();
    expect(review.title).toMatch(/^\d{4}年\d+(—\d+月|月—\d{4}年1月)双月点评$/);
    expect(review.projects.some((p: { name: string }) => p.name === '报表测试初创项目')).toBe(true);
    // The same period again names the review that exists, so the screen can open it.
    const again = await leader.post('/api/v1/project-reviews', { period: month });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'review.exists', details: { id: review.id } });
    const start = review.projects.find((p: { name: string }) => p.name === '报表测试初创项目');
    expect(
      (
        await officer.request('PUT', `/api/v1/project-reviews/${review.id}/ratings`, {
          projectId: start.id,
          rating: 'good',
        })
      ).statusCode,
    ).toBe(403);
    const rated = await leader.request('PUT', `/api/v1/project-reviews/${review.id}/ratings`, {
      projectId: start.id,
      rating: 'lagging',
      comment: '签约后推进缓慢',
    });
    expect(rated.statusCode).toBe(200);
    expect(rated.json().rated).toBe(1);
    // Rating again replaces the leader's own rating.
    await leader.request('PUT', `/api/v1/project-reviews/${review.id}/ratings`, {
      projectId: start.id,
      rating: 'fair',
      comment: '有所改善',
    });
    const p = (await officer.get(`/api/v1/projects/${start.id}`)).json();
    expect(p.ratings).toEqual([
      expect.objectContaining({
        period: month,
        raterName: '李局长',
        rating: 'fair',
        ratingName: '一般',
        comment: '有所改善',
      }),
    ]);
    const list = (await officer.get('/api/v1/project-reviews')).json().items;
    expect(list[0]).toMatchObject({ period: month, rated: 1 });
    const nt = await login(t.app, 'nt_officer');
    expect((await nt.get(`/api/v1/project-reviews/${review.id}`)).statusCode).toBe(404);
  });
});

describe('季度考核', () => {
  it('ranks owners by the published formula with each term, follows an edited formula, exports', async () => {
    const a = (await leader.get(`/api/v1/project-reports/assessment?quarter=${quarter}&by=owner`)).json();
    const zhang = a.rows.find((r: { name: string }) => r.name === '张专员');
    const term = (metric: string) => zhang.breakdown.find((b: { metric: string }) => b.metric === metric);
    expect(term('newLeads').value).toBe(2);
    expect(term('signings')).toMatchObject({ value: 2, points: 16 });
    expect(term('landings')).toMatchObject({ value: 1, points: 12 });
    expect(term('plannedInvestment')).toMatchObject({ value: 3, points: 6 });
    expect(term('arrivedInvestment')).toMatchObject({ value: 1, points: 4 });
    expect(term('highQualityShare')).toMatchObject({ value: 0.5, points: 10 });
    expect(term('talents')).toMatchObject({ value: 4 });
    expect(zhang.score).toBe(zhang.breakdown.reduce((s: number, b: { points: number }) => s + b.points, 0));
    const li = a.rows.find((r: { name: string }) => r.name === '李局长');
    expect(li.breakdown.find((b: { metric: string }) => b.metric === 'highQualityShare').value).toBe(1);
    expect(zhang.rank).toBeLessThan(li.rank); // 2 signings and a landing beat one signing

    // A formula that only counts high-quality share puts 李局长 first.
    const rules = (await leader.get('/api/v1/pipeline-settings')).json();
    const put = await leader.request('PUT', '/api/v1/pipeline-settings', {
      version: rules.version,
      formula: { terms: [{ metric: 'highQualityShare', weight: 100, cap: null }] },
    });
    expect(put.statusCode).toBe(200);
    const b = (await leader.get(`/api/v1/project-reports/assessment?quarter=${quarter}&by=owner`)).json();
    expect(b.rows[0]).toMatchObject({ name: '李局长', score: 100, rank: 1 });
    expect(b.rows.find((r: { name: string }) => r.name === '张专员').score).toBe(50);
    const dup = await leader.request('PUT', '/api/v1/pipeline-settings', {
      version: put.json().version,
      formula: {
        terms: [
          { metric: 'landings', weight: 1, cap: null },
          { metric: 'landings', weight: 2, cap: null },
        ],
      },
    });
    expect(dup.statusCode).toBe(400);

    const team = (await leader.get(`/api/v1/project-reports/assessment?quarter=${quarter}&by=team`)).json();
    expect(team.rows.map((r: { name: string }) => r.name)).toContain('盐南高新区');
    const xlsx = await leader.get(`/api/v1/project-reports/assessment.xlsx?quarter=${quarter}&by=owner`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    // The share reads as a percentage, as on screen; the file says which table it is.
    expect(ws.getRow(2).values).toEqual([undefined, 1, '李局长', 100, '100%', 100]);
    expect(decodeURIComponent(String(xlsx.headers['content-disposition']))).toContain('季度考核-');
    expect(decodeURIComponent(String(xlsx.headers['content-disposition']))).toContain('按负责人.xlsx');
    const byTeam = await leader.get(`/api/v1/project-reports/assessment.xlsx?quarter=${quarter}&by=team`);
    expect(decodeURIComponent(String(byTeam.headers['content-disposition']))).toContain('按团队.xlsx');
    expect((await leader.get(`/api/v1/project-reports/assessment?quarter=${year}-Q5`)).statusCode).toBe(400);
  });
});

describe('年度总结', () => {
  it('counts the year in the report’s words', async () => {
    const s = (await leader.get(`/api/v1/project-reports/year?year=${year}`)).json();
    expect(s).toMatchObject({
      signed: 3,
      landed: 1,
      highQualityLanded: 1,
      highQualityShare: 1,
      talents: 4,
      scientistTeams: 1,
      plannedInvestment: 9,
      arrivedInvestment: 1,
    });
    expect(s.text).toContain(`${year}年，盐南高新区新增招商线索`);
    expect(s.text).toContain('落地项目1个、到位资金1亿元');
    expect(s.text).toContain('高质量项目1个，占落地项目的100%');
    // A year with nothing landed says so, with no share of nothing.
    const quiet = (await leader.get(`/api/v1/project-reports/year?year=${year - 5}`)).json();
    expect(quiet.text).toContain('落地项目0个');
    expect(quiet.text).not.toContain('占落地项目的');
    expect(s.bySource.find((x: { name: string }) => x.name === '大院大所合作')).toMatchObject({
      landed: 1,
      signed: 1,
    });
    expect(s.byChain).toEqual([expect.objectContaining({ name: '未关联产业链', signed: 3, landed: 1 })]);
    const xlsx = await leader.get(`/api/v1/project-reports/year.xlsx?year=${year}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([`${year}年度总结`, '按来源', '按产业链']);
    // The chain sheet in the page's order: 签约 (3) before 落地 (1).
    expect(wb.worksheets[2].getRow(1).values).toEqual([
      undefined,
      '产业链',
      '签约项目（个）',
      '落地项目（个）',
      '签约计划投资（亿元）',
    ]);
    expect(wb.worksheets[2].getRow(2).values).toEqual([undefined, '未关联产业链', 3, 1, 9]);
    const last = (await leader.get(`/api/v1/project-reports/year?year=${year - 1}`)).json();
    expect(last).toMatchObject({ signed: 0, landed: 0 });
  });
});

describe('季度考核 on unrounded figures', () => {
  it('scores the exact share and money, rounding only what it shows', async () => {
    // 李局长 signs two more: a 行业龙头 and a 初创, so two of the three signings are high-quality (2/3)
    // and the planned investment is 6 + 1 + 0.3456 = 7.3456 亿元.
    await signed(leader, '报表测试行业龙头项目', '行业龙头', 1e8);
    await signed(leader, '报表测试小额项目', '初创', 0.3456e8);
    const rules = (await leader.get('/api/v1/pipeline-settings')).json();
    const put = await leader.request('PUT', '/api/v1/pipeline-settings', {
      version: rules.version,
      formula: DEFAULT_FORMULA,
    });
    expect(put.statusCode, put.body).toBe(200);

    const a = (await leader.get(`/api/v1/project-reports/assessment?quarter=${quarter}&by=owner`)).json();
    const li = a.rows.find((r: { name: string }) => r.name === '李局长');
    const term = (metric: string) => li.breakdown.find((b: { metric: string }) => b.metric === metric);
    // 20 × 2/3 = 13.33, not 20 × 0.667 = 13.34; 2 × 7.3456 = 14.69, not 2 × 7.35 = 14.7.
    expect(term('highQualityShare').value).toBeCloseTo(2 / 3, 10);
    expect(term('highQualityShare').points).toBe(13.33);
    expect(term('plannedInvestment').value).toBeCloseTo(7.3456, 10);
    expect(term('plannedInvestment').points).toBe(14.69);
    const sum = li.breakdown.reduce((s: number, b: { points: number }) => s + b.points, 0);
    expect(li.score).toBe(Math.round(sum * 100) / 100);

    // The file shows the figures rounded as the page does, the points as scored, and says how the
    // share scores in the words of the page's formula hint (full points at 100 %).
    const xlsx = await leader.get(`/api/v1/project-reports/assessment.xlsx?quarter=${quarter}&by=owner`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const header = ws.getRow(1).values as unknown[];
    const row = ws.getRow(li.rank + 1).values as unknown[];
    const share = header.indexOf('高质量项目占比（大院大所、行业龙头、央企国企）');
    expect(header[share + 1]).toBe('得分（占比 100% 得 20 分）');
    expect(row.slice(share, share + 2)).toEqual(['66.7%', 13.33]);
    const planned = header.indexOf('签约项目计划投资（亿元）');
    expect(header[planned + 1]).toBe('得分（每单位 2 分，封顶 40）');
    expect(row.slice(planned, planned + 2)).toEqual([7.35, 14.69]);
    expect(row[3]).toBe(li.score);
  });
});
