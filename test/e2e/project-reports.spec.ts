/** 我的工作 and 项目报表 in the browser, on projects these tests make themselves (this spec runs before
 *  projects.spec, in the same data directory, so everything here is asserted on its own names and every
 *  project it leaves behind is 落地, 线索 or 终止 — never in a column projects.spec counts). An officer's
 *  project with a follow-up due today shows under 到期跟进; the 月度跟踪 report lists the follow-up and
 *  downloads as Excel and Word; a leader opens a 双月点评, rates the project 滞后 and the rating is still
 *  there after a reload; 季度考核 ranks the officer with each term's points, and a heavier 落地项目 weight
 *  raises the score by exactly the difference; the 年度总结 shows its sentence; and a firm courted twice is
 *  resolved by keeping one project and ending the other. */
import { expect, type Page, test } from '@playwright/test';
import { makeUscc } from '../helpers/enterprise-files';
import { confirmAndWait, csrf, firmId, importCsv, login, menu, snap, uniqueName } from './helpers';

test.describe.configure({ mode: 'serial' });

const TARGET = '苏州报表测试新材料有限公司';
const LOCAL = '盐南报表测试新材料有限公司';
const TWICE = '无锡报表测试传感科技有限公司';
const CSV = `${[
  '统一社会信用代码,企业名称,成立日期,行政区划代码,所属行业,主要产品,企业类别',
  `${makeUscc(8901, '320500')},${TARGET},2015-04-01,320505,C39,柔性传感器,外地`,
  `${makeUscc(8902)},${LOCAL},2025-09-01,320904,C39,柔性传感器,本地`,
  `${makeUscc(8903, '320200')},${TWICE},2017-06-01,320205,C39,MEMS 传感器,外地`,
].join('\n')}\n`;
const PROJECT = uniqueName('柔性传感器产线');
const FOLLOW_UP = '报表测试：实地拜访，企业关注厂房交付时间';
const TODAY = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
let projectId = '';

/** Signs in as another user in the same test (the login page sends a signed-in user home). */
async function switchTo(page: Page, username: string) {
  await page.context().clearCookies();
  await login(page, username);
}

async function post(page: Page, path: string, data: Record<string, unknown>) {
  const res = await page.request.post(path, { headers: { 'x-csrf-token': await csrf(page) }, data });
  expect(res.ok(), await res.text()).toBe(true);
  return res.json();
}

async function newProject(page: Page, name: string, firm: string) {
  const enterpriseId = await firmId(page, firm);
  return post(page, '/api/v1/projects', {
    name,
    enterpriseId,
    source: '以商引商',
    type: '行业龙头',
    plannedInvestment: 3e8,
    acknowledgeDuplicates: true,
  });
}

test('my-work lists an officer’s project whose follow-up is due, and leaders set the stale rule', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await login(page, 'officer');
  await importCsv(page, '报表测试企业.csv', CSV);
  const p = await newProject(page, PROJECT, TARGET);
  projectId = p.id;
  await post(page, `/api/v1/projects/${p.id}/follow-ups`, {
    kind: 'visit',
    date: TODAY,
    content: FOLLOW_UP,
    nextStep: '对接园区厂房',
    nextDate: TODAY,
  });

  // 我的工作 and 项目报表 sit right after 招商项目 in the menu.
  const items = await menu(page).locator('.ant-menu-title-content').allInnerTexts();
  const at = items.indexOf('招商项目');
  expect(items.slice(at, at + 3)).toEqual(['招商项目', '我的工作', '项目报表']);
  await menu(page).getByText('我的工作').click();
  await expect(page).toHaveURL(/\/my-work$/);
  const row = page.getByTestId('my-work-due').getByTestId(`my-work-due-${PROJECT}`);
  await expect(row).toContainText(TARGET);
  await expect(row).toContainText(TODAY);
  await expect(row).toContainText(/今天|1 天后/);
  await expect(page.getByTestId('stale-rule')).toHaveText('超过 30 天未跟进视为停滞');
  await expect(page.getByTestId('stale-rule-edit')).toHaveCount(0);
  await snap(page, 'my-work');
  await row.getByTestId('my-work-link').click();
  await expect(page).toHaveURL(new RegExp(`/projects\\?project=${projectId}`));

  // A leader changes the rule (and puts it back for the specs after this one).
  await switchTo(page, 'leader');
  await page.goto('/my-work');
  for (const days of [45, 30]) {
    await page.getByTestId('stale-rule-edit').click();
    await page.getByTestId('stale-rule-days').fill(String(days));
    await page.getByTestId('stale-rule-save').click();
    await expect(page.getByTestId('stale-rule')).toHaveText(`超过 ${days} 天未跟进视为停滞`);
    // The board marks 待跟进 by the org's rule too (it said 30 days whatever the rule).
    await page.goto('/projects');
    await expect(page.getByTestId('project-board')).toContainText(`超过 ${days} 天未跟进`);
    await page.goto('/my-work');
  }
});

test('the monthly report lists the follow-up and downloads as Excel and Word', async ({ page }) => {
  await login(page, 'officer');
  await page.goto('/project-reports');
  const group = page.getByTestId('monthly-group-张专员');
  const row = group.getByTestId(`monthly-row-${PROJECT}`);
  await expect(row).toContainText(FOLLOW_UP);
  await expect(row).toContainText('拜访');
  await expect(row).toContainText('下一步：对接园区厂房');
  await expect(row).toContainText(`下次跟进：${TODAY}`);
  await expect(row).toContainText(TARGET);
  await snap(page, 'project-monthly');

  // 按团队: the same project under 盐南高新区.
  await page.getByTestId('report-by').getByText('按团队').click();
  await expect(
    page.getByTestId('monthly-group-盐南高新区').getByTestId(`monthly-row-${PROJECT}`),
  ).toBeVisible();

  for (const [button, ext] of [
    ['monthly-xlsx', 'xlsx'],
    ['monthly-docx', 'docx'],
  ] as const) {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(button).click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`\\.${ext}$`));
    expect(await download.failure()).toBeNull();
  }
});

test('a leader opens a bi-monthly review and rates the project 滞后; the rating stays', async ({ page }) => {
  await login(page, 'leader');
  await page.goto('/project-reports?tab=reviews');
  await page.getByTestId('review-create').click();
  await page.getByTestId('review-create-ok').click();
  const detail = page.getByTestId('review-detail');
  await expect(detail).toBeVisible();
  await expect(page).toHaveURL(/review=/);
  const row = detail.getByTestId(`review-project-${PROJECT}`);
  await expect(row).toContainText('尚未评定');
  await row.getByRole('radio', { name: '滞后' }).check();
  await row.getByTestId('review-comment').fill('厂房交付滞后，请本月内协调');
  await row.getByTestId('review-save').click();
  await expect(page.getByText(`已保存对“${PROJECT}”的评定`)).toBeVisible();

  await page.reload();
  const again = page.getByTestId('review-detail').getByTestId(`review-project-${PROJECT}`);
  await expect(again.getByRole('radio', { name: '滞后' })).toBeChecked();
  await expect(again.getByTestId('review-ratings')).toContainText('李局长');
  await expect(again.getByTestId('review-ratings')).toContainText('滞后');
  await expect(again.getByTestId('review-comment')).toHaveValue('厂房交付滞后，请本月内协调');
  await snap(page, 'project-review');

  // The same month again opens the review that exists instead of stopping at an error.
  await page.goto('/project-reports?tab=reviews');
  await page.getByTestId('review-create').click();
  await page.getByTestId('review-create-ok').click();
  await expect(page.getByText('本期点评已创建，已为您打开')).toBeVisible();
  await expect(
    page
      .getByTestId('review-detail')
      .getByTestId(`review-project-${PROJECT}`)
      .getByRole('radio', { name: '滞后' }),
  ).toBeChecked();

  // An officer reads the ratings but has no radio to change them.
  await switchTo(page, 'officer');
  await page.goto('/project-reports?tab=reviews');
  await page.getByTestId('reviews-table').locator('tbody tr').first().click();
  const read = page.getByTestId('review-detail').getByTestId(`review-project-${PROJECT}`);
  await expect(read.getByTestId('review-ratings')).toContainText('滞后');
  await expect(read.getByRole('radio')).toHaveCount(0);
});

test('the quarterly assessment ranks with a breakdown, and a heavier landing weight raises the score', async ({
  page,
}) => {
  test.setTimeout(120_000);
  // The officer lands the project this quarter.
  await login(page, 'officer');
  const local = await firmId(page, LOCAL);
  let p = await (await page.request.get(`/api/v1/projects/${projectId}`)).json();
  for (const move of [
    { to: 'contact', contactPerson: '周总' },
    { to: 'visit', visitDate: TODAY },
    { to: 'evaluation' },
    { to: 'signing', contractDate: TODAY, contractAmount: 3e8 },
    { to: 'landing', localEnterpriseId: local, landingDate: TODAY },
  ]) {
    p = await post(page, `/api/v1/projects/${projectId}/move`, { version: p.version, ...move });
  }

  await switchTo(page, 'leader');
  await page.goto('/project-reports?tab=assessment');
  const row = page.getByTestId('assessment-row-张专员');
  await expect(row.getByTestId('assessment-rank')).toBeVisible();
  const before = Number((await row.getByTestId('assessment-score').innerText()).replace(/,/g, ''));
  await row.click();
  const landings = page.getByTestId('assessment-breakdown').first().getByTestId('breakdown-landings');
  await expect(landings).toContainText('落地项目（个）');
  const cells = await landings.locator('td').allInnerTexts();
  const landed = Number(cells[1]);
  expect(landed).toBeGreaterThanOrEqual(1);
  await expect(landings.getByTestId('breakdown-points')).toHaveText(String(12 * landed));
  // The share reads in per cent, as in 年度总结 (it showed "1" for 100%).
  const share = page.getByTestId('assessment-breakdown').first().getByTestId('breakdown-highQualityShare');
  await expect(share.locator('td').nth(1)).toHaveText(/^\d+(\.\d)?%$/);
  await snap(page, 'project-assessment');

  // 落地项目 from 12 to 30 points each: the score rises by 18 per landing.
  await page.getByTestId('formula-open').click();
  const modal = page.getByTestId('formula-modal');
  // A negative number is marked and blocks saving (it used to become 0 silently).
  await modal.getByTestId('formula-landings').getByTestId('formula-weight').fill('-5');
  await expect(modal.getByTestId('formula-invalid')).toContainText('每单位分值应在 0 到 1000 之间');
  await expect(modal.getByTestId('formula-save')).toBeDisabled();
  await modal.getByTestId('formula-landings').getByTestId('formula-weight').fill('30');
  await expect(modal.getByTestId('formula-invalid')).toHaveCount(0);
  await modal.getByTestId('formula-save').click();
  await expect(page.getByText('考核公式已保存')).toBeVisible();
  const after = before + 18 * landed;
  await expect(row.getByTestId('assessment-score')).toHaveText(after.toLocaleString('zh-CN'));

  // 恢复默认 puts the published formula back.
  await page.getByTestId('formula-open').click();
  await expect(modal.getByTestId('formula-landings').getByTestId('formula-weight')).toHaveValue('30');
  await modal.getByTestId('formula-reset').click();
  await expect(modal.getByTestId('formula-landings').getByTestId('formula-weight')).toHaveValue('12');
  await modal.getByTestId('formula-save').click();
  await expect(row.getByTestId('assessment-score')).toHaveText(before.toLocaleString('zh-CN'));
});

test('the year summary shows its sentence and figures', async ({ page }) => {
  await login(page, 'analyst');
  await page.goto('/project-reports?tab=year');
  const text = page.getByTestId('year-text');
  await expect(text).toContainText(String(new Date().getFullYear()));
  await expect(text).toContainText('落地');
  await expect(page.getByTestId('year-figures')).toContainText('落地项目');
  await expect(page.getByTestId('year-by-source')).toContainText('以商引商');
  // Money in one unit, 亿元, as the sentence gives it: never 万元 beside 亿元.
  await expect(page.getByTestId('year-figures')).toContainText('亿元');
  await expect(page.getByTestId('year-figures')).not.toContainText('万元');
  await expect(page.getByTestId('year-by-source')).not.toContainText('万元');
  await snap(page, 'project-year');
  // Analysts read the reports; 重复项目协调 is the leaders'.
  await expect(page.getByRole('tab', { name: '重复项目协调' })).toHaveCount(0);
});

test('a leader resolves a firm courted twice by keeping one project and ending the other', async ({
  page,
}) => {
  await login(page, 'officer');
  const first = await newProject(page, uniqueName('MEMS 传感器甲'), TWICE);
  const second = await newProject(page, uniqueName('MEMS 传感器乙'), TWICE);

  await switchTo(page, 'leader');
  await page.goto('/project-reports?tab=overlaps');
  const card = page.getByTestId(`overlap-${TWICE}`);
  await expect(card).toContainText(first.name);
  await expect(card).toContainText(second.name);
  await card.getByTestId(`overlap-project-${second.name}`).getByRole('radio').check();
  await card.getByTestId('overlap-note').fill('由张专员牵头统一对接');
  await snap(page, 'project-overlaps');
  await confirmAndWait(page, card.getByTestId('overlap-terminate'), page.getByTestId('overlap-terminate-ok'));
  await expect(page.getByText(`已保留“${second.name}”，终止其他 1 个项目`)).toBeVisible();
  await expect(card).toHaveCount(0);
  const ended = await (await page.request.get(`/api/v1/projects/${first.id}`)).json();
  expect(ended.stage).toBe('terminated');
  expect(ended.reason).toContain(second.name);
  const kept = await (await page.request.get(`/api/v1/projects/${second.id}`)).json();
  expect(kept.stage).toBe('lead');
});
