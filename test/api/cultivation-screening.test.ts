/** 培育筛查 and the diagnostic card, on firms whose figures put them on either side of a threshold. */
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  enterpriseIp,
  enterprises,
  enterpriseYears,
  qualifications,
  screeningRuns,
} from '../../src/db/schema/index.js';
import { searchTerms } from '../../src/domain/enterprise/search-terms.js';
import { screeningJob } from '../../src/jobs/cultivation-screening.js';
import { type JobContext, JobInterrupted } from '../../src/jobs/types.js';
import { DEFAULT_CLOSE_RULE } from '../../src/server/modules/cultivation/diagnose.js';
import { type Client, createTestApp, login, ORG, type TestContext } from '../helpers/app.js';
import { TEST_PROV as prov } from '../helpers/firms.js';

let t: TestContext;
let officer: Client;
// Before 2026-04-01, when the 2026 梯度培育 rules merge 科技型 into 科技和创新型中小企业.
const ASSESSED_ON = '2026-03-01';

/** A small tech firm: 科技型中小企业 turns on tech staff ≥ 10 % (国科发政〔2017〕115号). */
async function addFirm(
  name: string,
  techStaff2025: number,
  opts: { hnteUntil?: string; assets2025?: number } = {},
) {
  const { db } = t.database;
  const [row] = await db
    .insert(enterprises)
    .values({
      orgId: ORG.yannan,
      name,
      ...searchTerms(name),
      establishedOn: '2018-03-01',
      regionCode: '320904',
      universe: 'local',
      provenance: prov,
    })
    .returning({ id: enterprises.id });
  const years = [2023, 2024, 2025].map((year, i) => ({
    enterpriseId: row.id,
    year,
    employees: 100,
    techStaff: year === 2025 ? techStaff2025 : 30,
    revenue: (30 + 5 * i) * 1e6,
    mainRevenue: (28 + 5 * i) * 1e6,
    rdExpense: 2.4e6,
    rdExpenseDomestic: 2.4e6,
    totalCost: 25e6,
    totalAssets: year === 2025 && opts.assets2025 ? opts.assets2025 : 50e6,
    totalLiabilities: 20e6,
    provenance: prov,
  }));
  await db.insert(enterpriseYears).values(years);
  // One invention patent (Class I): 30 of the 100 points, so tech staff decides.
  await db
    .insert(enterpriseIp)
    .values({ enterpriseId: row.id, kind: 'invention_patent', count: 1, provenance: prov });
  if (opts.hnteUntil)
    await db.insert(qualifications).values({
      enterpriseId: row.id,
      tier: 'hnte',
      issuedOn: '2024-11-01',
      expiresOn: opts.hnteUntil,
      provenance: prov,
    });
  return row.id;
}

async function screen(client: Client, assessedOn = ASSESSED_ON, closeRule?: object) {
  const res = await client.post('/api/v1/cultivation/screenings', { assessedOn, closeRule });
  expect(res.statusCode).toBe(202);
  const { runId, job } = res.json();
  t.runner?.wake();
  for (let i = 0; i < 300; i++) {
    const j = (await client.get(`/api/v1/jobs/${job.id}`)).json();
    if (j.status === 'succeeded') return runId as string;
    if (j.status === 'failed') throw new Error(j.error);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('screening timed out');
}

let qualifying: string;
let below: string;
let holder: string;
let runId: string;

beforeAll(async () => {
  t = await createTestApp({ jobs: true });
  officer = await login(t.app, 'officer');
  qualifying = await addFirm('盐南筛查甲科技有限公司', 10); // exactly 10 %
  below = await addFirm('盐南筛查乙科技有限公司', 9); // one person short
  // 2 tech staff in 100: 科技型中小企业's scoring route fails (第七条), its 高企 title qualifies it (第八条).
  holder = await addFirm('盐南筛查丙科技有限公司', 2, { hnteUntil: '2027-10-31' });
  runId = await screen(officer);
});
afterAll(() => t.close());

const standingOf = async (tier: string, id: string, run = runId) => {
  const res = await officer.get(`/api/v1/cultivation/screenings/${run}/results?tier=${tier}&pageSize=200`);
  expect(res.statusCode).toBe(200);
  return res.json().items.find((i: { enterpriseId: string }) => i.enterpriseId === id);
};

describe('培育筛查', () => {
  it('tech staff at exactly 10 % makes a firm eligible for 科技型中小企业; one person fewer does not', async () => {
    expect((await standingOf('tech_sme', qualifying)).status).toBe('eligible');
    const short = await standingOf('tech_sme', below);
    expect(short.status).toBe('close');
    expect(short.unmet.map((u: { criterion: string }) => u.criterion).join()).toContain('科技人员');
    expect(short.gap.join()).toMatch(/还需/);
  });

  it('keeps, for every tier, what the diagnostic card says on the same date: standing, score, rule set and text', async () => {
    // The run stores repeated texts once (its phrasebook) and firms refer to them; what comes back
    // must read exactly as the card, which computes them afresh.
    type Unmet = { criterion: string; actual: string; required: string };
    const card = (await officer.get(`/api/v1/enterprises/${below}/eligibility?date=${ASSESSED_ON}`)).json();
    const statuses = new Set<string>();
    for (const c of card.tiers) {
      const item = await standingOf(c.tier, below);
      statuses.add(c.status);
      expect(item, c.tier).toMatchObject({
        status: c.status,
        score: c.score,
        ruleset: c.ruleset,
        eligible: c.eligible,
        missing: c.status === 'holding' ? [] : c.missing,
      });
      if (c.status === 'close') {
        expect(item.unmet, c.tier).toEqual(c.unmet);
        expect(item.gap, c.tier).toEqual(c.gap);
      }
      if (c.status === 'far')
        expect(
          item.unmet.map((u: Unmet) => u.criterion),
          c.tier,
        ).toEqual(c.unmet.map((u: Unmet) => u.criterion));
    }
    // The firm is close to some tiers and far from others, so both ways of storing the text are read.
    expect(statuses).toContain('close');
    expect(statuses).toContain('far');
  });

  it('a firm holding a valid 高企 certificate is counted as holding it, with its expiry', async () => {
    const h = await standingOf('hnte', holder);
    expect(h.status).toBe('holding');
    expect(h.heldUntil).toBe('2027-10-31');
  });

  it('a firm eligible by a direct path (a valid 高企 title) says which, and is asked for nothing else', async () => {
    const path = '持有有效的高新技术企业称号（2024-11-01 至 2027-10-31）';
    // 创新型中小企业 scores it 85–100 for want of a declaration: the score is kept, but not asked for.
    for (const tier of ['tech_sme', 'innovative_sme'])
      expect(await standingOf(tier, holder), tier).toMatchObject({
        status: 'eligible',
        directPath: path,
        unmet: [],
        gap: [],
        missing: [],
      });
    expect((await standingOf('tech_sme', qualifying)).directPath).toBeNull();
  });

  it('the ladder counts every screened firm once per tier and names the rule set used', async () => {
    const ladder = (await officer.get(`/api/v1/cultivation/screenings/${runId}/ladder`)).json();
    expect(ladder.run.status).toBe('done');
    expect(ladder.run.firms).toBe(3);
    expect(ladder.run.rulesets.tech_sme).toMatchObject({
      document: '国科发政〔2017〕115号',
      provisional: false,
    });
    expect(ladder.run.rulesets.gazelle.provisional).toBe(true);
    for (const r of ladder.rungs) expect(r.holding + r.eligible + r.close + r.far + r.unknown).toBe(3);
    expect(ladder.rungs.find((r: { tier: string }) => r.tier === 'hnte').holding).toBe(1);
  });

  it('a re-run shows movement: the firm that hired one more tech person is now eligible', async () => {
    await t.database.db
      .update(enterpriseYears)
      .set({ techStaff: 10 })
      .where(eq(enterpriseYears.enterpriseId, below));
    const second = await screen(officer);
    const res = await officer.get(
      `/api/v1/cultivation/screenings/${second}/results?tier=tech_sme&status=eligible`,
    );
    const moved = res.json().items.find((i: { enterpriseId: string }) => i.enterpriseId === below);
    expect(moved).toMatchObject({ status: 'eligible', previousStatus: 'close' });
    const ladder = (await officer.get(`/api/v1/cultivation/screenings/${second}/ladder`)).json();
    const rung = ladder.rungs.find((r: { tier: string }) => r.tier === 'tech_sme');
    expect(rung.eligible - rung.previous.eligible).toBe(1);
  });

  it('exports a tier’s firms with what fails and what it would take, formula-safe', async () => {
    await t.database.db
      .update(enterprises)
      .set({ name: '=HYPERLINK("http://evil")' })
      .where(eq(enterprises.id, holder));
    const res = await officer.get(`/api/v1/cultivation/screenings/${runId}/results/export?tier=tech_sme`);
    expect(res.statusCode).toBe(200);
    expect(String(res.headers['content-disposition'])).toContain(encodeURIComponent('培育筛查'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const rows = wb.worksheets[0].getSheetValues().slice(2) as unknown[][];
    const byName = new Map(rows.map((r) => [String(r[1]), r]));
    expect(byName.get('盐南筛查甲科技有限公司')?.[3]).toBe('可申报');
    expect(String(byName.get('盐南筛查乙科技有限公司')?.[8])).toContain('还需');
    expect(byName.has(`'=HYPERLINK("http://evil")`)).toBe(true);
    // The 高企 holder's direct path, in the last column.
    expect(String(byName.get(`'=HYPERLINK("http://evil")`)?.[11])).toContain('高新技术企业称号');
  });

  it('keeps runs inside their org, and experts out', async () => {
    const nt = await login(t.app, 'nt_officer');
    expect((await nt.get(`/api/v1/cultivation/screenings/${runId}/ladder`)).statusCode).toBe(404);
    expect((await nt.get('/api/v1/cultivation/screenings')).json()).toEqual([]);
    const expert = await login(t.app, 'expert');
    expect((await expert.post('/api/v1/cultivation/screenings', {})).statusCode).toBe(403);
  });
});

describe('培育筛查 after an interruption', () => {
  it('resumes from its checkpoint with the same ladder and texts as an uninterrupted run', async () => {
    const { db } = t.database;
    const newRun = async () =>
      (
        await db
          .insert(screeningRuns)
          .values({ orgId: ORG.yannan, assessedOn: ASSESSED_ON, closeRule: DEFAULT_CLOSE_RULE })
          .returning({ id: screeningRuns.id })
      )[0].id;
    const context = (runId: string, state: unknown, progress: JobContext<unknown, unknown>['progress']) =>
      ({ params: { runId, batchSize: 1 }, state, db, dataDir: '', job: {}, progress }) as never;
    const whole = await newRun();
    await screeningJob.run(context(whole, null, async () => {}));

    // One firm a batch; the server stops after the second batch's checkpoint, then starts again.
    const resumed = await newRun();
    let saved: unknown = null;
    let calls = 0;
    await expect(
      screeningJob.run(
        context(resumed, null, async (_pct, _msg, state) => {
          saved = state;
          if (++calls === 2) throw new JobInterrupted('shutdown');
        }),
      ),
    ).rejects.toBeInstanceOf(JobInterrupted);
    expect((saved as { done: number }).done).toBe(2);
    await screeningJob.run(context(resumed, saved, async () => {}));

    // Each compared without its link to the run before it, which differs.
    const ladder = async (id: string) =>
      (await officer.get(`/api/v1/cultivation/screenings/${id}/ladder`))
        .json()
        .rungs.map(({ previous: _, ...rung }: { previous: unknown }) => rung);
    expect(await ladder(resumed)).toEqual(await ladder(whole));
    for (const tier of ['tech_sme', 'hnte', 'little_giant']) {
      const page = async (id: string) =>
        (await officer.get(`/api/v1/cultivation/screenings/${id}/results?tier=${tier}&pageSize=200`))
          .json()
          .items.map(({ previousStatus: _, ...item }: { previousStatus: unknown }) => item);
      expect(await page(resumed)).toEqual(await page(whole));
    }
  });
});

describe('培育筛查 under the 2026 rules', () => {
  it('科技型中小企业, judged with 科技和创新型中小企业, keeps the 高企 holder’s direct path and asks nothing more', async () => {
    const later = await screen(officer, '2026-06-30');
    expect(await standingOf('tech_sme', holder, later)).toMatchObject({
      status: 'eligible',
      ruleset: 'tech-innovative-sme-2026',
      directPath: '持有有效的高新技术企业称号（2024-11-01 至 2027-10-31）',
      missing: [],
    });
  });
});

describe('诊断卡', () => {
  it('gives every tier a verdict with the rule set, and the gap in the user’s terms', async () => {
    const res = await officer.get(`/api/v1/enterprises/${below}/eligibility?date=2026-03-01`);
    expect(res.statusCode).toBe(200);
    const card = res.json();
    expect(card.ok).toBe(true);
    expect(card.tiers.map((x: { tier: string }) => x.tier)).toEqual([
      'tech_sme',
      'innovative_sme',
      'hnte',
      'specialized_sme',
      'little_giant',
      'gazelle',
      'potential_unicorn',
      'unicorn',
    ]);
    const tech = card.tiers[0];
    expect(tech.document).toContain('国科发政');
    expect(tech.eligible).toBe(true); // the re-run test above gave it its tenth tech person
  });

  it('says which data is missing instead of failing when the firm has no founding date', async () => {
    const [row] = await t.database.db
      .insert(enterprises)
      .values({
        orgId: ORG.yannan,
        name: '缺少成立日期科技有限公司',
        ...searchTerms('缺少成立日期科技有限公司'),
        provenance: prov,
      })
      .returning({ id: enterprises.id });
    const card = (await officer.get(`/api/v1/enterprises/${row.id}/eligibility`)).json();
    expect(card.ok).toBe(false);
    expect(card.errors[0].field).toContain('成立日期');
  });

  it('is not shown to another org', async () => {
    const nt = await login(t.app, 'nt_officer');
    expect((await nt.get(`/api/v1/enterprises/${qualifying}/eligibility`)).statusCode).toBe(404);
  });
});

describe('接近 looks at how far a firm misses, not only how many criteria', () => {
  let slightly: string;
  let hugely: string;
  beforeAll(async () => {
    // 科技型中小企业 caps total assets at 2 亿元: one firm is 10 % over it, the other ten times over.
    slightly = await addFirm('盐南超限甲科技有限公司', 10, { assets2025: 220e6 });
    hugely = await addFirm('盐南超限乙科技有限公司', 10, { assets2025: 2000e6 });
  });

  it('one unmet criterion each, but only the firm 10 % over the cap is 接近; the run records the rule', async () => {
    const run = await screen(officer);
    const near = await standingOf('tech_sme', slightly, run);
    const far = await standingOf('tech_sme', hugely, run);
    expect(near.status).toBe('close');
    expect(far.status).toBe('far');
    expect(far.unmet.map((u: { criterion: string }) => u.criterion)).toEqual(['资产总额']);
    // The export names the far firm's criterion without an empty "：（要求 ）".
    const res = await officer.get(`/api/v1/cultivation/screenings/${run}/results/export?tier=tech_sme`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const rows = wb.worksheets[0].getSheetValues().slice(2) as unknown[][];
    const farRow = rows.find((r) => String(r[1]) === '盐南超限乙科技有限公司');
    expect(farRow?.[7]).toBe('资产总额');
    const ladder = (await officer.get(`/api/v1/cultivation/screenings/${run}/ladder`)).json();
    expect(ladder.run.closeRule).toEqual({ maxUnmet: 2, scoreMargin: 10, tolerance: 0.3 });
  });

  it('the tolerance is the user’s to set: at 5 % the firm 10 % over the cap is far too', async () => {
    const run = await screen(officer, ASSESSED_ON, { maxUnmet: 2, scoreMargin: 10, tolerance: 0.05 });
    expect((await standingOf('tech_sme', slightly, run)).status).toBe('far');
    // The firm's card, opened from this screening's list, says what the list says.
    const card = async (q: string) =>
      (await officer.get(`/api/v1/enterprises/${slightly}/eligibility?${q}`)).json();
    const fromRun = await card(`run=${run}`);
    expect(fromRun).toMatchObject({ assessedOn: ASSESSED_ON, closeRule: { tolerance: 0.05 } });
    expect(fromRun.tiers[0].status).toBe('far');
    expect((await card(`date=${ASSESSED_ON}`)).tiers[0].status).toBe('close');
    const nt = await login(t.app, 'nt_officer');
    expect((await nt.get(`/api/v1/enterprises/${slightly}/eligibility?run=${run}`)).statusCode).toBe(404);
    const bad = await officer.post('/api/v1/cultivation/screenings', {
      closeRule: { maxUnmet: 2, scoreMargin: 10, tolerance: 3 },
    });
    expect(bad.statusCode).toBe(400);
  });
});
