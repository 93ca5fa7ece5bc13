/** 培育路径 and 年度统计 in the browser, in 南通开发区 (so the 盐南 screening test keeps its own counts):
 *  the officer screens the park's firms on 2026-03-01, puts the 可申报 firms of 科技型中小企业 into this
 *  year's pool, moves one firm 发现 → 服务 → 申报 (refused without a batch, with the server's Chinese
 *  message) → 认定 and reads its history; a leader of the park sets the year's targets and reads the
 *  progress against them. */
import { expect, type Page, test } from '@playwright/test';
import { csrf, importCsv, ladderFirmsCsv, login, menu, pickOption, snap } from './helpers';

test.describe.configure({ mode: 'serial' });

const QUALIFIES = '南通路径甲科技有限公司';
const CLOSE = '南通路径乙科技有限公司';
const NO_FIGURES = '南通路径丙科技有限公司';
const DATE = '2026-03-01';
const LEADER = 'nt_leader_tracks';
const PASSWORD = 'kezhao2026';

async function screen(page: Page) {
  await page.getByTestId('screening-start').click();
  const form = page.getByTestId('screening-form');
  await form.getByLabel('评估日期').fill(DATE);
  await form.getByLabel('评估日期').press('Enter');
  await page.getByTestId('screening-submit').click();
  await expect(page.getByText('筛查已开始')).toBeVisible();
  await expect(page.getByTestId('ladder')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('screening-progress')).toHaveCount(0);
  await expect(page.getByTestId('run-date')).toHaveText(DATE);
}

/** 推进 on the firm's row: picks the stage, lets `fill` complete the form, submits. */
async function advance(
  page: Page,
  stage: string,
  fill?: (dialog: ReturnType<Page['getByRole']>) => Promise<void>,
) {
  const row = page.getByTestId('tracks-table').getByRole('row').filter({ hasText: QUALIFIES });
  await row.getByTestId('track-move').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(`推进：${QUALIFIES}`);
  await dialog.getByTestId('move-stage').getByText(stage, { exact: true }).click();
  if (fill) await fill(dialog);
  await dialog.getByRole('button', { name: /确\s*定/ }).click();
  await expect(page.getByText(`已推进到“${stage}”`)).toBeVisible();
  await expect(dialog).toBeHidden();
  await expect(row.getByTestId('track-stage')).toHaveText(stage);
}

test('an officer pools the 可申报 firms and moves one to 认定', async ({ page }) => {
  test.setTimeout(180_000);
  await login(page, 'nt_officer');
  await importCsv(page, '南通培育名单.csv', ladderFirmsCsv([QUALIFIES, CLOSE, NO_FIGURES], 7201));
  await menu(page).getByText('梯度培育').click();
  await screen(page);
  await expect(page.getByTestId('rung-tech_sme-eligible')).toHaveText('1');

  // 发现一批: the 可申报 list of 科技型中小企业 into this year's pool.
  await page.getByTestId('rung-tech_sme').click();
  const results = page.getByTestId('tier-results');
  await expect(results.locator('.ant-segmented-item-selected')).toContainText('可申报');
  await expect(page.getByTestId('results-table')).toContainText(QUALIFIES);
  await results.getByTestId('pool-add').click();
  await expect(page.getByText('已纳入 1 家')).toBeVisible();
  // Again: already in the pool, skipped.
  await results.getByTestId('pool-add').click();
  await expect(page.getByText('已纳入 0 家')).toBeVisible();

  // 培育路径: the firm is 发现, in charge of the officer who pooled it.
  await page.getByTestId('cultivation-tabs').getByRole('tab', { name: '培育路径' }).click();
  const table = page.getByTestId('tracks-table');
  const row = table.getByRole('row').filter({ hasText: QUALIFIES });
  await expect(row).toContainText('科技型中小企业');
  await expect(row.getByTestId('track-stage')).toHaveText('发现');
  await expect(row).toContainText('周专员');
  await expect(table).not.toContainText(CLOSE);
  await page.getByTestId('tracks-mine').click();
  await expect(row).toBeVisible();

  await advance(page, '服务', async (dialog) => {
    await dialog.getByLabel('备注').fill('上门辅导研发费用归集');
  });

  // 申报 without a batch: the server's message shows in the dialog.
  await row.getByTestId('track-move').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('move-stage')).toContainText('申报');
  await expect(dialog.getByTestId('move-stage')).not.toContainText('认定');
  await dialog.getByRole('button', { name: /确\s*定/ }).click();
  await expect(dialog.getByTestId('move-error')).toContainText('缺少：申报批次');
  await dialog.getByLabel('申报批次').fill('第一批');
  await dialog.getByRole('button', { name: /确\s*定/ }).click();
  await expect(page.getByText('已推进到“申报”')).toBeVisible();
  await expect(row.getByTestId('track-stage')).toHaveText('申报');
  await expect(row).toContainText('第一批');

  // 认定 needs its date; then the track ends.
  await advance(page, '认定', async (d) => {
    await expect(d.getByTestId('move-stage')).toContainText('未通过');
    await d.getByLabel('认定日期').fill('2026-06-30');
    await d.getByLabel('认定日期').press('Enter');
    await d.getByLabel('有效期至').fill('2027-06-29');
    await d.getByLabel('有效期至').press('Enter');
    await d.getByLabel('证书编号').fill('202632000001');
  });
  await expect(row.getByTestId('track-move')).toHaveCount(0);
  await expect(row).toContainText('已结束');

  // The history, oldest first.
  await row.locator('.ant-table-row-expand-icon').click();
  const history = page.getByTestId('track-history');
  await expect(history).toBeVisible();
  const items = history.locator('.ant-timeline-item');
  await expect(items).toHaveCount(4);
  await expect(items.nth(0)).toContainText('发现');
  await expect(items.nth(1)).toContainText('服务');
  await expect(items.nth(1)).toContainText('上门辅导研发费用归集');
  await expect(items.nth(2)).toContainText('申报');
  await expect(items.nth(3)).toContainText('认定');
  await expect(history).toContainText('周专员');
  await snap(page, 'cultivation-tracks');

  // The certificate is now the firm's title, with its expiry.
  await row.getByTestId('track-firm').click();
  await expect(page.getByTestId('profile-name')).toHaveText(QUALIFIES);
  await expect(page.getByTestId('qualifications-card')).toContainText('2027-06-29');
});

test("a leader of the park sets the year's targets and reads the progress", async ({ page, browser }) => {
  // The park has no leader among the demo accounts: the platform administrator adds one.
  await login(page, 'nt_officer');
  const orgId = (await (await page.request.get('/api/v1/me')).json()).org.id;
  const admin = await browser.newPage();
  await login(admin, 'sysadmin');
  const created = await admin.request.post('/api/v1/users', {
    headers: { 'x-csrf-token': await csrf(admin) },
    data: { username: LEADER, displayName: '钱主任', password: PASSWORD, roles: ['leader'], orgId },
  });
  expect(created.ok(), await created.text()).toBe(true);
  await admin.close();
  await page.context().clearCookies();

  await login(page, LEADER);
  await menu(page).getByText('梯度培育').click();
  await page.getByTestId('cultivation-tabs').getByRole('tab', { name: '年度统计' }).click();
  const stats = page.getByTestId('stats-panel');
  await expect(stats.getByTestId('stats-chart').locator('canvas')).toBeVisible();
  await expect(stats.getByTestId('stats-tech_sme-applied')).toHaveText('1');
  await expect(stats.getByTestId('stats-tech_sme-certified')).toHaveText('1');
  await expect(stats.getByTestId('stats-tech_sme')).toContainText('100%');

  await stats.getByTestId('targets-edit').click();
  const dialog = page.getByRole('dialog');
  // A target typed as 1.5 or -5 is explained, not rounded to 2 or clamped to 0 behind the leader's back.
  await dialog.getByTestId('target-tech_sme-applications').fill('1.5');
  await dialog.getByTestId('target-tech_sme-certifications').fill('-5');
  await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
  await expect(dialog).toContainText('应为整数');
  await expect(dialog).toContainText('不能为负数');
  await expect(dialog.getByTestId('target-tech_sme-applications')).toHaveValue('1.5');
  await dialog.getByTestId('target-tech_sme-applications').fill('3');
  await dialog.getByTestId('target-tech_sme-certifications').fill('2');
  await dialog.getByTestId('target-hnte-applications').fill('2');
  await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
  await expect(page.getByText('年度目标已保存')).toBeVisible();
  await expect(dialog).toBeHidden();
  await expect(stats.getByTestId('stats-tech_sme-applied')).toHaveText('1/3');
  await expect(stats.getByTestId('stats-tech_sme-certified')).toHaveText('1/2');
  await expect(stats.getByTestId('stats-hnte-applied')).toHaveText('0/2');
  await snap(page, 'cultivation-stats');

  // The leader reads the pathways but the officer in charge moves them; the certified one has ended.
  await page.getByTestId('cultivation-tabs').getByRole('tab', { name: '培育路径' }).click();
  const row = page.getByTestId('tracks-table').getByRole('row').filter({ hasText: QUALIFIES });
  await expect(row.getByTestId('track-stage')).toHaveText('认定');

  // The audit log names the fields and stages of a pathway's move, not their codes.
  await menu(page).getByText('审计日志').click();
  // Some 35 kinds of object: the filter is searched, not scrolled.
  await page.getByTestId('audit-entity-filter').click();
  await page.keyboard.type('培育跟踪');
  await pickOption(page, page.getByTestId('audit-entity-filter'), '培育跟踪');
  await page.getByRole('row').filter({ hasText: '修改' }).filter({ hasText: QUALIFIES }).first().click();
  const diff = page.getByTestId('audit-diff').first();
  await expect(diff.getByRole('row').filter({ hasText: '阶段' })).toContainText('认定');
  await expect(diff.getByRole('row').filter({ hasText: '资质/梯队' })).toContainText('科技型中小企业');

  // The year's targets, stored as a list, read one row per tier (they showed as an empty diff).
  await page.getByTestId('audit-entity-filter').click();
  await page.keyboard.type('培育年度目标');
  await pickOption(page, page.getByTestId('audit-entity-filter'), '培育年度目标');
  await page.getByRole('row').filter({ hasText: '钱主任' }).first().click();
  const targets = page.getByTestId('audit-diff').first();
  await expect(targets.getByRole('row').filter({ hasText: '科技型中小企业' })).toContainText(
    '"applications":3',
  );
});
