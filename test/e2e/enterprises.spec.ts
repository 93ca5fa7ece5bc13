/** 企业库 in the browser: import a GBK CSV with bad rows, re-import it, find a firm by its short name,
 *  read its sourced profile, edit it, export the list, review a duplicate, and the roles' menus. */
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { makeUscc, writeCsv } from '../helpers/enterprise-files';
import { login, menu, shot } from './helpers';

test.describe.configure({ mode: 'serial' });

const dir = mkdtempSync(path.join(os.tmpdir(), 'kezhao-e2e-files-'));
const CSV = path.join(dir, '盐南企业名单.csv');
writeCsv(CSV, 'gbk');

async function importFile(page: Page, file: string) {
  await page.goto('/enterprises/import');
  await page.getByTestId('import-file').locator('input[type=file]').setInputFiles(file);
  // The preview shows how the Chinese headers were recognised before anything is written.
  const columns = page.getByTestId('import-columns');
  await expect(columns).toContainText('统一社会信用代码');
  await expect(page.getByTestId('import-file-info')).toContainText('编码：GBK');
  await page.getByTestId('import-start').click();
  const progress = page.getByTestId('import-progress');
  await expect(progress.locator('.ant-progress')).toBeVisible();
  await expect(page.getByTestId('import-result')).toBeVisible({ timeout: 30_000 });
  await expect(progress).toContainText('100%');
  return page.getByTestId('import-result');
}

const stat = (page: Page, key: string) =>
  page.getByTestId(`import-stat-${key}`).locator('.ant-statistic-content');

test('an officer imports a GBK CSV: 3 added, 3 rejected with Chinese reasons and a download', async ({
  page,
}) => {
  await login(page, 'officer');
  await menu(page).getByText('企业库').click();
  await menu(page).getByText('企业导入').click();
  await expect(page).toHaveURL(/\/enterprises\/import$/);

  await importFile(page, CSV);
  await expect(stat(page, 'inserted')).toHaveText('3');
  await expect(stat(page, 'updated')).toHaveText('0');
  await expect(stat(page, 'rejected')).toHaveText('3');
  const errors = page.getByTestId('import-errors');
  await expect(errors).toContainText('统一社会信用代码校验位错误');
  await expect(errors).toContainText('2019 年 2 月只有 28 天');
  await expect(errors).toContainText('缺少企业名称');
  await expect(errors.getByRole('row').filter({ hasText: '统一社会信用代码校验位错误' })).toContainText('6');
  await shot(page, 'enterprise-import');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('import-download-rejected').click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^被拒绝的行-.*\.xlsx$/);

  // Uploaded back, the download's own columns are named as such, not as unknown ones.
  await page.goto('/enterprises/import');
  await page
    .getByTestId('import-file')
    .locator('input[type=file]')
    .setInputFiles({
      name: '被拒绝的行.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: readFileSync(await download.path()),
    });
  const back = page.getByTestId('import-columns');
  await expect(back.getByRole('row').filter({ hasText: '错误原因' })).toContainText('错误报告列，导入时忽略');
  await expect(back.getByRole('row').filter({ hasText: '错误原因' })).not.toContainText('未识别');
});

test('importing the same file again changes nothing', async ({ page }) => {
  await login(page, 'officer');
  await importFile(page, CSV);
  await expect(stat(page, 'unchanged')).toHaveText('3');
  await expect(stat(page, 'inserted')).toHaveText('0');
  await expect(stat(page, 'updated')).toHaveText('0');
});

test('"中交慧运" finds the firm and its profile shows sourced figures', async ({ page }) => {
  await login(page, 'officer');
  await page.goto('/enterprises');
  const box = page.getByPlaceholder('名称、简称、拼音首字母或统一社会信用代码');
  await box.fill('中交慧运');
  await box.press('Enter');
  await expect(page).toHaveURL(/q=/);
  const table = page.getByTestId('enterprises-table');
  const row = table.getByRole('row').filter({ hasText: '中交慧运（盐城）科技有限公司' });
  await expect(row).toBeVisible();
  await expect(row).toContainText('91320900000000001H');
  await shot(page, 'enterprise-search');
  // On a 1440 px office screen the last column, 资质, is not cut off at the right edge.
  await page.setViewportSize({ width: 1440, height: 900 });
  const tiers = table.getByRole('columnheader', { name: '资质' });
  await expect(tiers).toBeInViewport({ ratio: 1 });
  const edge = async (l: typeof table) => {
    const b = await l.boundingBox();
    return (b?.x ?? 0) + (b?.width ?? 0);
  };
  expect(await edge(tiers)).toBeLessThanOrEqual((await edge(table)) + 1);
  await expect(table.locator('.ant-table-ping-right')).toHaveCount(0);

  await row.getByText('中交慧运（盐城）科技有限公司').click();
  await expect(page.getByTestId('profile-name')).toHaveText('中交慧运（盐城）科技有限公司');
  await expect(page.getByTestId('profile-aliases')).toContainText('中交慧运');
  await expect(page.getByTestId('fact-revenue')).toContainText('1.2 亿元');
  await page.getByTestId('fact-revenue-source').hover();
  await expect(page.getByRole('tooltip')).toContainText('来源：导入文件 盐南企业名单.csv 第 3 行');
  await expect(page.getByRole('tooltip')).toContainText('截至');
  await expect(page.getByTestId('chart-revenue').locator('canvas')).toBeVisible();
  await shot(page, 'enterprise-profile');
  // The profile is long: scrolled to its end, the menu is still there to leave by.
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(200);
  await expect(menu(page).getByText('企业库')).toBeInViewport();
});

test('an officer edits the legal representative; the source and history name them', async ({ page }) => {
  await login(page, 'officer');
  await page.goto('/enterprises?q=中交慧运');
  await page.getByTestId('enterprises-table').getByText('中交慧运（盐城）科技有限公司').click();
  await page.getByTestId('enterprise-edit').click();
  const form = page.getByTestId('enterprise-form');
  // A wrong check character is caught with the expected character named.
  await form.getByLabel('统一社会信用代码').fill('91320900000000001J');
  await form.getByLabel('法定代表人').fill('王慧运');
  await page.getByTestId('enterprise-edit-save').click();
  await expect(form).toContainText('第 18 位应为 "H"');
  await form.getByLabel('统一社会信用代码').fill('91320900000000001H');
  await page.screenshot({ path: 'test-results/screenshots/enterprise-edit.png' });
  await page.getByTestId('enterprise-edit-save').click();
  await expect(page.getByText('企业信息已保存')).toBeVisible();
  await expect(page.getByTestId('fact-legalRep')).toContainText('王慧运');
  await page.getByTestId('fact-legalRep-source').hover();
  await expect(page.getByRole('tooltip')).toContainText('来源：用户 张专员录入');
  await expect(page.getByTestId('history-card')).toContainText('张专员 修改了企业');
  await expect(page.getByTestId('history-card')).toContainText('王慧运');
});

test('a stale edit keeps what was typed, takes the other change, and saves both', async ({ page }) => {
  await login(page, 'officer');
  await page.goto('/enterprises?q=中交慧运');
  await page.getByTestId('enterprises-table').getByText('中交慧运（盐城）科技有限公司').click();
  await expect(page.getByTestId('fact-legalRep')).toContainText('王慧运');
  await page.getByTestId('enterprise-edit').click();

  // Meanwhile someone else changes the address through the API, with the same session.
  const id = page.url().split('/').pop() as string;
  const me = await (await page.request.get('/api/v1/me')).json();
  const current = await (await page.request.get(`/api/v1/enterprises/${id}`)).json();
  const res = await page.request.patch(`/api/v1/enterprises/${id}`, {
    headers: { 'x-csrf-token': me.csrfToken },
    data: { version: current.version, address: '盐城市亭湖区新洋港路 88 号' },
  });
  expect(res.ok()).toBe(true);

  const form = page.getByTestId('enterprise-form');
  await form.getByLabel('主要产品').fill('智慧港口调度系统');
  await page.getByTestId('enterprise-edit-save').click();
  // The dialog stays: the typed 主要产品 is kept, the other side's address is taken in.
  await expect(page.getByTestId('enterprise-edit-conflict')).toContainText('该企业已被他人修改');
  await expect(form.getByLabel('主要产品')).toHaveValue('智慧港口调度系统');
  await expect(form.getByLabel('地址', { exact: true })).toHaveValue('盐城市亭湖区新洋港路 88 号');
  await expect(page.getByTestId('fact-address')).toContainText('新洋港路 88 号');
  // Saving again keeps both changes.
  await page.getByTestId('enterprise-edit-save').click();
  await expect(page.getByText('企业信息已保存')).toBeVisible();
  await expect(page.getByTestId('fact-mainProducts')).toContainText('智慧港口调度系统');
  await expect(page.getByTestId('fact-address')).toContainText('新洋港路 88 号');
  await expect(page.getByTestId('fact-legalRep')).toContainText('王慧运');
});

test('the export button downloads the filtered list as XLSX', async ({ page }) => {
  await login(page, 'officer');
  await page.goto('/enterprises?q=中交慧运');
  const link = page.getByTestId('enterprise-export');
  await expect(link).toHaveAttribute('href', /\/api\/v1\/enterprises\/export\?q=/);
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
});

test('a link to a page past the end lands on the last page that has firms', async ({ page }) => {
  await login(page, 'officer');
  await page.goto('/enterprises?page=999');
  await expect.poll(() => new URL(page.url()).searchParams.get('page')).not.toBe('999');
  await expect(page.getByTestId('enterprises-table').locator('tr.ant-table-row').first()).toBeVisible();
});

test('a near-identical name shows as a duplicate pair and can be merged', async ({ page }) => {
  const file = path.join(dir, '补充名单.csv');
  writeCsv(file, 'gbk', [
    [makeUscc(7), '中交慧运（盐城）科技股份有限公司', '2019-05-01', '1000', 'I65', '10', '100', '5', 1, null],
  ]);
  await login(page, 'admin');
  await importFile(page, file);
  await expect(stat(page, 'inserted')).toHaveText('1');

  await menu(page).getByText('疑似重复').click();
  const pair = page.getByTestId('duplicate-pair').filter({ hasText: '中交慧运（盐城）科技股份有限公司' });
  await expect(pair).toContainText('名称相近');
  await expect(pair).toContainText('中交慧运（盐城）科技有限公司');
  await shot(page, 'enterprise-duplicates');
  // Each record's card ends inside the pair's card, not over the next pair.
  const outer = await pair.boundingBox();
  for (const inner of await pair.locator('.ant-card .ant-card').all()) {
    const b = await inner.boundingBox();
    expect((b?.y ?? 0) + (b?.height ?? 0)).toBeLessThanOrEqual((outer?.y ?? 0) + (outer?.height ?? 0));
  }
  await expect(pair).toContainText('软件和信息技术服务业（I65）');
  const goneHref = await pair
    .getByRole('link', { name: '中交慧运（盐城）科技股份有限公司' })
    .getAttribute('href');
  // Keep the record the office has used all along; the newcomer is folded into it.
  await pair
    .locator('.ant-col')
    .filter({ hasText: '中交慧运（盐城）科技有限公司' })
    .getByRole('radio')
    .check();
  await pair.getByTestId('duplicate-merge').click();
  await page
    .locator('.ant-popconfirm')
    .getByRole('button', { name: /确\s*定/ })
    .click();
  await expect(page.getByText('已合并')).toBeVisible();
  await expect(
    page.getByTestId('duplicate-pair').filter({ hasText: '中交慧运（盐城）科技股份有限公司' }),
  ).toHaveCount(0);
  // The old link still opens, says where the firm went, and offers no edits that nobody would see.
  await page.goto(goneHref ?? '');
  await expect(page.getByTestId('profile-merged')).toContainText('中交慧运（盐城）科技有限公司');
  await expect(page.getByTestId('enterprise-edit')).toHaveCount(0);
  await page.getByTestId('merged-into-link').click();
  await expect(page.getByTestId('profile-name')).toHaveText('中交慧运（盐城）科技有限公司');
  await expect(page.getByTestId('profile-merged')).toHaveCount(0);
});

test('a leader reads the registry but cannot import', async ({ page }) => {
  await login(page, 'leader');
  await menu(page).getByText('企业库').click();
  await expect(menu(page).getByText('企业查询')).toBeVisible();
  await expect(menu(page).getByText('企业导入')).toHaveCount(0);
  await expect(menu(page).getByText('疑似重复')).toHaveCount(0);
  await menu(page).getByText('企业查询').click();
  const box = page.getByPlaceholder('名称、简称、拼音首字母或统一社会信用代码');
  await box.fill('中交慧运');
  await box.press('Enter');
  await expect(page.getByTestId('enterprises-table')).toContainText('中交慧运（盐城）科技有限公司');
  await expect(page.getByRole('button', { name: /企业导入/ })).toHaveCount(0);
  await page.getByTestId('enterprises-table').getByText('中交慧运（盐城）科技有限公司').click();
  await expect(page.getByTestId('fact-legalRep')).toContainText('王慧运');
  await expect(page.getByTestId('enterprise-edit')).toHaveCount(0);
  await page.goto('/enterprises/import');
  await expect(page.getByTestId('page-403')).toBeVisible();
});
