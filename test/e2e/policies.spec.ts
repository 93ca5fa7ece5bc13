/** 政策找企业 in the browser: an officer opens the demo 研发费用加计扣除 policy, finds the firm that has
 *  R&D spending under 符合, generates the push list, marks the firm 已告知 in 我的推送, downloads the
 *  XLSX and sees the policy on the firm's 可申报政策 card; an expert sees neither entry nor card. */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { makeUscc } from '../helpers/enterprise-files';
import {
  confirmAndWait,
  csrf,
  FIGURES_HEADER,
  firmId,
  importCsv,
  login,
  menu,
  pickOption,
  snap,
} from './helpers';

test.describe.configure({ mode: 'serial' });

const FIRM = '盐南政策甲科技有限公司';
const POLICY = '企业研发费用税前加计扣除';
const NOTE = '已电话告知财务负责人';

/** One 盐南 firm with three years of figures (money in 万元), R&D 240 each year: it matches the
 *  demo 研发费用加计扣除 policy (a local firm with R&D spending last year). */
const CSV = `${[
  FIGURES_HEADER,
  ...[2023, 2024, 2025].map(
    (year) => `${makeUscc(7201)},${FIRM},2018-03-01,320904,I65,${year},100,30,3000,240,2500,5000,2000,1`,
  ),
].join('\n')}\n`;

test('an officer finds the firm a policy matches, pushes it, tells it and exports the list', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await login(page, 'officer');
  await importCsv(page, '政策企业名单.csv', CSV);

  await menu(page).getByText('政策找企业').click();
  await expect(page).toHaveURL(/\/policies$/);
  const table = page.getByTestId('policies-table');
  const row = table.getByRole('row').filter({ hasText: POLICY });
  await expect(row).toContainText('财政部 税务总局公告2023年第7号');
  await expect(row).toContainText('财政部 税务总局');
  await expect(row).toContainText(/剩 \d+ 天/);
  await expect(row).toContainText('税收优惠');
  await expect(row).toContainText('已发布');
  // On a 1366 px screen every column fits: 状态 was behind a horizontal scroll.
  await page.setViewportSize({ width: 1366, height: 768 });
  await expect(table.getByRole('columnheader', { name: '状态' })).toBeInViewport({ ratio: 1 });
  await expect(table.locator('.ant-table-ping-right')).toHaveCount(0);
  // 盐南's own demo policies are listed too.
  await expect(table).toContainText('盐南高新区高新技术企业认定奖励');

  await row.getByText(POLICY).click();
  const drawer = page.getByTestId('policy-drawer');
  await expect(drawer).toBeVisible();
  await expect(page).toHaveURL(/policy=/);
  await expect(drawer.getByTestId('policy-conditions')).toContainText('上年度有研发投入（研发费用 > 0）');
  await expect(drawer.getByTestId('policy-conditions')).toContainText('为本地在册企业');
  await expect(drawer.getByTestId('policy-benefits')).toContainText('加计扣除');

  // 符合 (the default tab) holds the firm, with the clauses it meets.
  const matches = drawer.getByTestId('matches-match');
  const firmRow = matches.getByRole('row').filter({ hasText: FIRM });
  await expect(firmRow).toContainText('研发');
  await expect(firmRow).toContainText('未推送');
  await expect(drawer.getByTestId('match-tab-match')).toContainText(/符合 [1-9]/);
  await drawer.getByTestId('match-tab-close').click();
  await expect(drawer.getByTestId('matches-close')).toBeVisible();
  await drawer.getByTestId('match-tab-match').click();

  // 生成推送清单 reports what it created.
  const generate = () =>
    confirmAndWait(page, drawer.getByTestId('push-generate'), page.locator('#push-generate-ok'), /\/pushes$/);
  await generate();
  await expect(drawer.getByTestId('push-result')).toContainText(/新增 [1-9]\d* 条，已存在 0 条/);
  await expect(firmRow).toContainText('待告知');
  await snap(page, 'policies-detail');
  // A second time, everyone is already on the list.
  await generate();
  await expect(drawer.getByTestId('push-result')).toContainText(/新增 0 条，已存在 [1-9]/);
  await page.locator('.ant-drawer-close').click();
  await expect(drawer).toBeHidden();
  await expect(page).not.toHaveURL(/policy=/);

  // 我的推送: the pending push, 已告知 with a note.
  await page.getByTestId('policies-tabs').getByRole('tab', { name: '我的推送' }).click();
  const pushes = page.getByTestId('pushes-table');
  const push = pushes.getByRole('row').filter({ hasText: FIRM });
  await expect(push).toContainText(POLICY);
  await expect(push).toContainText('待告知');
  await push.getByTestId('push-told').click();
  await page.getByTestId('told-note').fill(NOTE);
  await page.locator('#told-submit').click();
  await expect(page.getByText('已标记为已告知')).toBeVisible();
  await expect(pushes.getByRole('row').filter({ hasText: FIRM })).toHaveCount(0);
  await page.getByTestId('pushes-show-told').click();
  const told = pushes.getByRole('row').filter({ hasText: FIRM });
  await expect(told).toContainText('已告知');
  await expect(told).toContainText(NOTE);
  await snap(page, 'policies');

  // The export is an XLSX (a zip: "PK").
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('pushes-export').click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  expect(
    readFileSync(await download.path())
      .subarray(0, 2)
      .toString(),
  ).toBe('PK');

  // The firm's profile lists the policy under 可申报政策 with its deadline.
  await told.getByRole('link', { name: FIRM }).click();
  await expect(page.getByTestId('profile-name')).toHaveText(FIRM);
  const card = page.getByTestId('policies-card');
  await expect(card).toBeVisible();
  const claimable = card.getByTestId('firm-policies-claimable');
  await expect(claimable).toContainText(POLICY);
  await expect(claimable).toContainText(/截止 \d{4}-05-31/);
  await expect(claimable).toContainText('已告知');
  await card.scrollIntoViewIfNeeded();
  await page.waitForTimeout(300);
  await card.screenshot({
    path: 'test-results/screenshots/policies-card.png',
    style: '.ant-layout-header { position: static !important; }',
  });
});

test('an officer writes a new policy with its benefit and conditions, publishes it and edits it', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const title = '盐南高企培育奖励（编辑器）';
  await login(page, 'officer');
  await page.goto('/policies');
  await page.getByTestId('policy-create').click();
  const editor = page.getByTestId('policy-editor');
  await editor.getByLabel('政策名称').fill(title);
  await editor.getByLabel('发文单位').fill('盐南高新区科技局');
  await editor.getByLabel('文号').fill('盐南科〔2026〕9号');
  await editor.getByLabel('适用地区').fill('3209');
  await editor.getByRole('radio', { name: '已发布' }).check();
  await editor.getByRole('button', { name: '添加兑现内容' }).click();
  await editor.getByPlaceholder('如：首次认定奖励 20 万元').fill('首次认定奖励 20 万元');
  await editor.getByPlaceholder('金额').fill('20');
  // A new policy starts with 本地企业 (a district's policy is for its own firms, not the 外地目标 it
  // courts); two more: a valid 高企 title (the default), and last year's revenue of at least 1,000 万元.
  await expect(page.getByTestId('policy-clause')).toHaveCount(1);
  await expect(page.getByTestId('policy-clause').first()).toContainText('本地企业');
  await page.getByTestId('policy-add-clause').click();
  await page.getByTestId('policy-add-clause').click();
  const second = page.getByTestId('policy-clause').nth(2);
  await pickOption(page, second.locator('.ant-select').first(), '上年度营业收入（万元）');
  await second.getByLabel('不低于').fill('abc');
  await page.getByTestId('policy-editor-save').click();
  await expect(second).toContainText('请输入数字');
  // An upper bound below the lower one would match nobody: said on the field, before saving.
  await second.getByLabel('不低于').fill('5000');
  await second.getByLabel('不高于').fill('1000');
  await page.getByTestId('policy-editor-save').click();
  await expect(second).toContainText('“不高于”不能小于“不低于”');
  await second.getByLabel('不高于').fill('');
  await second.getByLabel('不低于').fill('1000');
  await page.getByTestId('policy-editor-save').click();
  await expect(page.getByText('政策已新建')).toBeVisible();

  // The new policy opens in its drawer, its conditions said as sentences.
  const drawer = page.getByTestId('policy-drawer');
  await expect(drawer).toContainText(title);
  const conditions = drawer.getByTestId('policy-conditions');
  await expect(conditions).toContainText('为本地在册企业（不含外地目标企业）');
  await expect(conditions).toContainText('持有有效的高新技术企业资质');
  await expect(conditions).toContainText('上年度营业收入 ≥ 1000 万元');
  await expect(drawer.getByTestId('policy-benefits')).toContainText('首次认定奖励 20 万元');
  await snap(page, 'policy-editor-created');

  // Editing keeps what is not touched and says a stale version is stale.
  await drawer.getByTestId('policy-edit').click();
  await editor.getByLabel('政策名称').fill(`${title}（修订）`);
  await page.getByTestId('policy-editor-save').click();
  await expect(page.getByText('政策已保存')).toBeVisible();
  await expect(drawer).toContainText(`${title}（修订）`);
  await expect(conditions).toContainText('上年度营业收入 ≥ 1000 万元');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('policies-table')).toContainText(`${title}（修订）`);
});

test('the editor says why the server refused a condition, on its row or under the list', async ({ page }) => {
  test.setTimeout(120_000);
  await login(page, 'officer');
  await page.goto('/policies');
  await page.getByTestId('policy-create').click();
  const editor = page.getByTestId('policy-editor');
  await editor.getByLabel('政策名称').fill('盐南注册地条件（校验）');
  await editor.getByLabel('发文单位').fill('盐南高新区科技局');
  await page.getByTestId('policy-add-clause').click();
  const region = page.getByTestId('policy-clause').nth(1);
  await pickOption(page, region.locator('.ant-select').first(), '注册地');
  const prefixes = region.getByLabel('行政区划代码前缀');
  const typePrefix = async (code: string) => {
    await prefixes.press('Backspace');
    await prefixes.fill(code);
    await prefixes.press('Enter');
  };

  // A prefix of the right shape that names no region: only the server knows. It used to say a bare
  // 请求参数不合法, dropping its reason; the reason names no row, so it goes under the conditions.
  await typePrefix('3299');
  await page.getByTestId('policy-editor-save').click();
  const unknown = '注册地条件中的行政区划代码前缀“3299”不存在';
  await expect(page.locator('.ant-message')).toContainText(`请求参数不合法：${unknown}`);
  await expect(page.getByTestId('policy-clauses-errors')).toContainText(unknown);

  // A malformed prefix is named by its row: the reason shows on the row's 注册地 box.
  await typePrefix('32a');
  await page.getByTestId('policy-editor-save').click();
  await expect(region).toContainText('行政区划代码前缀应为 2、4 或 6 位数字');
  await expect(page.getByTestId('policy-clauses-errors')).not.toContainText(unknown);
  await snap(page, 'policy-editor-condition-error');

  await typePrefix('3209');
  await page.getByTestId('policy-editor-save').click();
  await expect(page.getByText('政策已新建')).toBeVisible();
  await expect(page.getByTestId('policy-drawer').getByTestId('policy-conditions')).toContainText('3209');
});

test('a leader hands a push list to an officer, who finds it under 我的推送; one push is handed back', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const title = '盐南研发投入奖励（交办）';
  const year = new Date().getFullYear();
  await login(page, 'leader');
  const made = await page.request.post('/api/v1/policies', {
    headers: { 'x-csrf-token': await csrf(page) },
    data: {
      title,
      issuer: '盐南高新区科技局',
      regionScope: '3209',
      applyFrom: `${year}-01-01`,
      applyTo: `${year + 1}-06-30`,
      benefits: [{ kind: 'subsidy', amount: 100_000, text: '研发投入达标企业奖励 10 万元' }],
      conditions: { all: [{ kind: 'universe_local' }, { kind: 'rd_ratio', min: 0.05 }] },
      status: 'published',
    },
  });
  expect(made.status(), await made.text()).toBe(201);
  await page.goto(`/policies?policy=${(await made.json()).id}`);
  const drawer = page.getByTestId('policy-drawer');
  await expect(drawer.getByTestId('matches-match').getByRole('row').filter({ hasText: FIRM })).toBeVisible();
  await drawer.getByTestId('push-generate').click();
  const modal = page.getByTestId('push-generate-modal');
  // The list is the leader's own unless handed on.
  await expect(modal.getByTestId('push-owner')).toContainText('李局长');
  await pickOption(page, modal.getByTestId('push-owner'), '张专员');
  await confirmAndWait(
    page,
    drawer.getByTestId('push-generate'),
    page.locator('#push-generate-ok'),
    /\/pushes$/,
  );
  await expect(drawer.getByTestId('push-result')).toContainText(/新增 [1-9]\d* 条/);
  await snap(page, 'policies-handed');

  // 审计日志 names the batch by its policy (it showed —).
  await page.goto('/audit');
  await page.getByTestId('audit-entity-filter').click();
  await page.keyboard.type('政策推送');
  await pickOption(page, page.getByTestId('audit-entity-filter'), '政策推送');
  const batch = page.getByTestId('audit-table').getByRole('row').filter({ hasText: '新建' }).first();
  await expect(batch).toContainText(title);

  const officer = await browser.newPage();
  await login(officer, 'officer');
  await officer.goto('/policies?tab=pushes');
  const push = officer.getByTestId('pushes-table').getByRole('row').filter({ hasText: title });
  await expect(push.filter({ hasText: FIRM })).toContainText('待告知');
  await expect(officer.getByTestId('pushes-everyone')).toHaveCount(0);
  await officer.close();

  // The leader who handed the list on still sees it waiting, and with whom.
  await page.goto('/policies?tab=pushes');
  const pushes = page.getByTestId('pushes-table');
  await expect(pushes.getByRole('row').filter({ hasText: title })).toHaveCount(0);
  await page.getByTestId('pushes-everyone').click();
  const handed = pushes.getByRole('row').filter({ hasText: title }).filter({ hasText: FIRM });
  await expect(handed).toContainText('张专员');
  await expect(handed).toContainText('待告知');

  // 转交 moves this one push back to the leader; the officer's other pushes stay theirs.
  await handed.getByTestId('push-hand-over').click();
  await expect(page.getByTestId('hand-over-owner')).toContainText('张专员');
  await pickOption(page, page.getByTestId('hand-over-owner'), '李局长');
  await page.locator('#hand-over-submit').click();
  await expect(page.getByText('已转交给 李局长')).toBeVisible();
  await expect(handed).toContainText('李局长');
  await page.getByTestId('pushes-everyone').click();
  await expect(pushes.getByRole('row').filter({ hasText: title }).filter({ hasText: FIRM })).toBeVisible();
  await snap(page, 'policies-handed-back');
});

test('an expert sees neither the 政策找企业 entry nor the 可申报政策 card', async ({ page }) => {
  await login(page, 'expert');
  await expect(menu(page).getByText('工作台')).toBeVisible();
  await expect(menu(page).getByText('政策找企业')).toHaveCount(0);
  await page.goto('/policies');
  await expect(page.getByTestId('page-403')).toBeVisible();
  await page.goto(`/enterprises/${await firmId(page, FIRM)}`);
  await expect(page.getByTestId('profile-name')).toHaveText(FIRM);
  await expect(page.getByTestId('policies-card')).toHaveCount(0);
});
