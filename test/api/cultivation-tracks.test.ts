/** 培育路径: find → serve → apply → certify, the rules of each move, and the year's statistics. */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enterprises, qualifications } from '../../src/db/schema/index.js';
import { searchTerms } from '../../src/domain/enterprise/search-terms.js';
import { type Client, createTestApp, login, ORG, type TestContext } from '../helpers/app.js';
import { TEST_PROV as prov } from '../helpers/firms.js';

let t: TestContext;
let officer: Client;
let leader: Client;

async function firm(name: string) {
  const [row] = await t.database.db
    .insert(enterprises)
    .values({ orgId: ORG.yannan, name, ...searchTerms(name), establishedOn: '2019-01-01', provenance: prov })
    .returning({ id: enterprises.id });
  return row.id;
}

beforeAll(async () => {
  t = await createTestApp({ jobs: true });
  officer = await login(t.app, 'officer');
  leader = await login(t.app, 'leader');
});
afterAll(() => t.close());

describe('培育路径', () => {
  it('walks a firm from 发现 to 认定, recording who moved it, and writes the title into the registry', async () => {
    const id = await firm('盐南培育甲科技有限公司');
    const created = await officer.post('/api/v1/cultivation/tracks', {
      enterpriseId: id,
      tier: 'hnte',
      year: 2026,
    });
    expect(created.statusCode).toBe(200);
    let track = created.json();
    expect(track).toMatchObject({ stage: 'discovered', ownerName: '张专员', tierName: '高新技术企业' });

    const move = (body: Record<string, unknown>) =>
      officer.patch(`/api/v1/cultivation/tracks/${track.id}`, { version: track.version, ...body });
    track = (await move({ stage: 'serving', note: '上门辅导研发费用归集' })).json();
    // 申报 needs its batch: the 409 names what is missing.
    const noBatch = await move({ stage: 'applied' });
    expect(noBatch.statusCode).toBe(409);
    expect(noBatch.json().message).toContain('申报批次');
    track = (await move({ stage: 'applied', batch: '第一批' })).json();
    const noDate = await move({ stage: 'certified' });
    expect(noDate.json().message).toContain('认定日期');
    // A certificate dated in the future would grant the tier today: refused.
    const future = await move({
      stage: 'certified',
      issuedOn: '2099-03-01',
      certificateNo: 'GR209932000001',
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().message).toContain('认定日期不能晚于今天');
    const backwards = await move({ stage: 'certified', issuedOn: '2026-11-20', expiresOn: '2026-01-01' });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().details[0].message).toBe('有效期至应晚于认定日期');
    track = (
      await move({
        stage: 'certified',
        issuedOn: '2026-11-20',
        expiresOn: '2029-11-19',
        certificateNo: 'GR202632000123',
      })
    ).json();
    expect(track.stage).toBe('certified');
    expect(track.history.map((h: { stage: string }) => h.stage)).toEqual([
      'discovered',
      'serving',
      'applied',
      'certified',
    ]);
    expect(track.history[1]).toMatchObject({ byName: '张专员', note: '上门辅导研发费用归集' });
    const [title] = await t.database.db
      .select()
      .from(qualifications)
      .where(eq(qualifications.enterpriseId, id));
    // The certificate's expiry goes with it, so 资质即将到期 can remind the firm to re-apply.
    expect(title).toMatchObject({
      tier: 'hnte',
      issuedOn: '2026-11-20',
      expiresOn: '2029-11-19',
      certificateNo: 'GR202632000123',
    });
    expect(title.provenance.source).toMatchObject({ kind: 'user', userName: '张专员' });
  });

  it('refuses to go backwards or past the end, and a stale version', async () => {
    const id = await firm('盐南培育乙科技有限公司');
    const track = (
      await officer.post('/api/v1/cultivation/tracks', { enterpriseId: id, tier: 'tech_sme', year: 2026 })
    ).json();
    const applied = (
      await officer.patch(`/api/v1/cultivation/tracks/${track.id}`, {
        version: 1,
        stage: 'applied',
        batch: '第二批',
      })
    ).json();
    const back = await officer.patch(`/api/v1/cultivation/tracks/${track.id}`, {
      version: applied.version,
      stage: 'serving',
    });
    expect(back.statusCode).toBe(409);
    expect(back.json().message).toContain('只能进入');
    const stale = await officer.patch(`/api/v1/cultivation/tracks/${track.id}`, {
      version: 1,
      stage: 'rejected',
      reason: 'x',
    });
    expect(stale.json().code).toBe('conflict.stale');
    const rejected = await officer.patch(`/api/v1/cultivation/tracks/${track.id}`, {
      version: applied.version,
      stage: 'rejected',
      reason: '研发费用归集不规范',
    });
    expect(rejected.json()).toMatchObject({ stage: 'rejected', reason: '研发费用归集不规范' });
    const again = await officer.post('/api/v1/cultivation/tracks', {
      enterpriseId: id,
      tier: 'tech_sme',
      year: 2026,
    });
    expect(again.json().code).toBe('track.exists');
  });

  it('counts the year per tier against the targets a leader sets, with the pass rate', async () => {
    const put = await leader.request('PUT', '/api/v1/cultivation/targets/2026', {
      targets: [{ tier: 'hnte', applications: 50, certifications: 40 }],
    });
    expect(put.statusCode).toBe(200);
    const stats = (await officer.get('/api/v1/cultivation/stats/2026')).json();
    const hnte = stats.rows.find((r: { tier: string }) => r.tier === 'hnte');
    expect(hnte).toMatchObject({
      discovered: 1,
      serving: 1,
      applied: 1,
      certified: 1,
      rejected: 0,
      passRate: 1,
    });
    expect(hnte).toMatchObject({ targetApplications: 50, targetCertifications: 40 });
    // The 认定 above counts among the holders at once, from the registry (no screening needed).
    expect(hnte).toMatchObject({ holdingBefore: 0, holdingNow: 1 });
    const sme = stats.rows.find((r: { tier: string }) => r.tier === 'tech_sme');
    expect(sme).toMatchObject({ applied: 1, certified: 0, rejected: 1, passRate: 0 });
    expect(
      (await officer.request('PUT', '/api/v1/cultivation/targets/2026', { targets: [] })).statusCode,
    ).toBe(403);
    // A tier twice (the last had silently won) and more 认定 than 申报 are refused, saying why.
    const twice = await leader.request('PUT', '/api/v1/cultivation/targets/2026', {
      targets: [
        { tier: 'hnte', applications: 50, certifications: 40 },
        { tier: 'hnte', applications: 30, certifications: 1 },
      ],
    });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().details).toEqual([{ field: 'body.targets', message: '每个梯队只能填一行目标' }]);
    const more = await leader.request('PUT', '/api/v1/cultivation/targets/2026', {
      targets: [{ tier: 'hnte', applications: 3, certifications: 5 }],
    });
    expect(more.json().details).toEqual([
      { field: 'body.targets.0.certifications', message: '认定目标不能多于申报目标' },
    ]);
    // Neither touched the saved targets.
    const kept = (await officer.get('/api/v1/cultivation/stats/2026')).json();
    expect(kept.rows.find((r: { tier: string }) => r.tier === 'hnte')).toMatchObject({
      targetApplications: 50,
      targetCertifications: 40,
    });
    // A screening needs a date its rules cover: not before 2016, not past next year.
    for (const assessedOn of ['1900-01-01', '2099-01-01']) {
      const bad = await officer.post('/api/v1/cultivation/screenings', { assessedOn });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().details[0].field).toBe('body.assessedOn');
    }
  });

  it('keeps tracks inside their org', async () => {
    const nt = await login(t.app, 'nt_officer');
    expect((await nt.get('/api/v1/cultivation/tracks?year=2026')).json().total).toBe(0);
    const mine = (await officer.get('/api/v1/cultivation/tracks?year=2026')).json();
    expect(mine.total).toBe(2);
    const id = await firm('盐南培育丙科技有限公司');
    expect(
      (await nt.post('/api/v1/cultivation/tracks', { enterpriseId: id, tier: 'hnte', year: 2026 }))
        .statusCode,
    ).toBe(404);
  });

  it('发现一批 adds a screening’s firms once; asking again adds none and leaves no audit entry', async () => {
    await firm('盐南发现一批科技有限公司');
    const started = await officer.post('/api/v1/cultivation/screenings', { assessedOn: '2026-03-01' });
    expect(started.statusCode).toBe(202);
    const { runId, job } = started.json();
    t.runner?.wake();
    for (let i = 0; i < 300; i++) {
      if ((await officer.get(`/api/v1/jobs/${job.id}`)).json().status === 'succeeded') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    // Firms without figures are 待补资料 for 科技型中小企业: the year's pool takes them all.
    const body = { runId, tier: 'tech_sme', status: 'unknown', year: 2027 };
    const audits = async () =>
      (await leader.get(`/api/v1/audit?entity=cultivation_track&entityId=${runId}`)).json().total;
    const first = await officer.post('/api/v1/cultivation/tracks/from-screening', body);
    expect(first.json().added).toBeGreaterThanOrEqual(1);
    expect(await audits()).toBe(1);
    const again = await officer.post('/api/v1/cultivation/tracks/from-screening', body);
    expect(again.json()).toEqual({ added: 0 });
    expect(await audits()).toBe(1);
  });
});
