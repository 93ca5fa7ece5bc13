/** 产业链图谱 in the browser: an officer of 盐南高新区 opens the map (光伏, a 主导 chain, first), imports
 *  three photovoltaic firms, re-matches them onto the chain and sees the TOPCon node fill; the node's
 *  drawer lists the local firms with the words that placed them and the firm elsewhere under 外地目标企业;
 *  the officer confirms one firm, exports the map (PNG) and the node table (XLSX). An admin edits the
 *  strength rules and sets/unsets a leading chain; an expert sees no entry. */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { makeUscc } from '../helpers/enterprise-files';
import { confirmAndWait, csrf, importCsv, login, menu, pickFirm, pickOption, snap } from './helpers';

test.describe.configure({ mode: 'serial' });

const LEADER = '盐南链测甲光伏科技有限公司';
const SMALL = '盐南链测乙新能源科技有限公司';
const TARGET = '苏州链测丙光伏科技有限公司';
const NODE = 'TOPCon电池';

/** Two local firms making TOPCon cells (one with 15 亿元 revenue: a 龙头) and one elsewhere (外地). */
const CSV = `${[
  '统一社会信用代码,企业名称,成立日期,行政区划代码,所属行业,主要产品,经营范围,企业类别,年度,营业收入(万元)',
  `${makeUscc(7301)},${LEADER},2016-05-01,320904,C38,N型TOPCon电池,太阳能电池片的研发、生产和销售,本地,2025,150000`,
  `${makeUscc(7302)},${SMALL},2020-08-01,320904,C38,TOPCon电池片,光伏发电设备研发,本地,2025,8000`,
  `${makeUscc(7303)},${TARGET},2015-03-01,320505,C38,TOPCon电池片,太阳能电池片制造,外地,2025,52000`,
].join('\n')}\n`;

test('an officer re-matches the firms, reads a node and its firms, confirms one and exports', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await login(page, 'officer');
  await importCsv(page, '产业链企业名单.csv', CSV);

  await menu(page).getByText('产业链图谱').click();
  await expect(page).toHaveURL(/\/chains$/);
  await expect(page.getByRole('heading', { name: '产业链图谱' })).toBeVisible();
  // 盐南's leading chains come first: the default is 光伏, marked 主导.
  const select = page.getByTestId('chain-select');
  await expect(select).toContainText('光伏');
  await expect(select).toContainText('主导');
  await expect(page.getByTestId('chain-map').locator('canvas')).toBeVisible();
  await expect(page.getByTestId('strength-legend')).toContainText('优势');
  await expect(page.getByTestId('strength-legend')).toContainText('缺失');

  // 重新匹配 runs the placement job; when it ends the node figures reload.
  await confirmAndWait(page, page.getByTestId('placement-start'), page.getByTestId('placement-ok'));
  await expect(page.getByText('重新匹配已开始')).toBeVisible();
  await expect(page.getByText(/匹配完成：\d+ 家企业/)).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('chain-placed-at')).toContainText('企业匹配于');

  // Let the two messages go before the screenshots.
  await expect(page.getByText(/匹配完成：|重新匹配已开始/)).toHaveCount(0, { timeout: 10_000 });

  await page.getByTestId('chain-tabs').getByRole('tab', { name: '节点表' }).click();
  const row = page.getByTestId(`node-row-${NODE}`);
  // Two local firms, one with 15 亿元: 龙头 → not 缺失 any more; 营收 15.8 亿元.
  await expect(row).toContainText('15.8 亿元');
  await expect(row.getByTestId('strength-missing')).toHaveCount(0);
  await expect(page.getByTestId('node-row-钙钛矿电池').getByTestId('strength-missing')).toBeVisible();
  await snap(page, 'chains-node-table');
  await page.getByTestId('chain-tabs').getByRole('tab', { name: '图谱' }).click();
  await expect(page.getByTestId('chain-map').locator('canvas')).toBeVisible();
  await snap(page, 'chains-map');

  // The node's drawer from its row in 节点表.
  await page.getByTestId('chain-tabs').getByRole('tab', { name: '节点表' }).click();
  await row.click();
  const drawer = page.getByTestId('node-drawer');
  await expect(drawer).toBeVisible();
  await expect(page).toHaveURL(/node=/);
  await expect(drawer).toContainText('中游 › 电池片');
  await expect(drawer.getByTestId('node-drawer-title')).toHaveText(NODE);
  await expect(drawer.getByTestId('node-figures')).toContainText('本地企业');
  const local = drawer.getByTestId('node-firms-local');
  const leaderRow = local.getByRole('row').filter({ hasText: LEADER });
  await expect(leaderRow).toContainText('主要产品：');
  await expect(leaderRow).toContainText('TOPCon');
  await expect(leaderRow).toContainText('龙头');
  await expect(leaderRow).toContainText('自动匹配');
  await expect(local.getByRole('row').filter({ hasText: SMALL })).toBeVisible();
  await expect(local).not.toContainText(TARGET);
  // The drawer covers the window: a screenshot of the window, not of the long page behind it.
  await page.waitForTimeout(300);
  await page.screenshot({ path: 'test-results/screenshots/chains-node-drawer.png' });

  // 确认 marks the placement as decided.
  await leaderRow.getByTestId('firm-confirm').click();
  await expect(leaderRow).toContainText('已确认');
  await expect(leaderRow.getByTestId('firm-confirm')).toHaveCount(0);

  // 否决 takes a firm off the node; 添加到本节点 puts it back by hand (a decision kept over re-runs).
  const smallRow = local.getByRole('row').filter({ hasText: SMALL });
  await confirmAndWait(page, smallRow.getByTestId('firm-reject'), page.getByTestId('firm-reject-ok'));
  await expect(local.getByRole('row').filter({ hasText: SMALL })).toHaveCount(0);
  await pickFirm(page, drawer.getByTestId('firm-add-select').first(), '链测乙', SMALL);
  await drawer.getByTestId('firm-add').first().click();
  await expect(page.getByText(`已添加：${SMALL}`)).toBeVisible();
  await expect(local.getByRole('row').filter({ hasText: SMALL })).toContainText('已确认');

  // 外地目标企业 lists the firm elsewhere.
  await drawer.getByRole('tab', { name: '外地目标企业' }).click();
  await expect(drawer.getByTestId('node-firms-target')).toContainText(TARGET);
  await page.locator('.ant-drawer-close').click();
  await expect(drawer).toBeHidden();
  await expect(page).not.toHaveURL(/node=/);

  // 导出节点表: an XLSX (a zip: "PK").
  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-xlsx').click()]);
  expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
  expect(
    readFileSync(await xlsx.path())
      .subarray(0, 2)
      .toString(),
  ).toBe('PK');

  // 导出 PNG from the map.
  await page.getByTestId('chain-tabs').getByRole('tab', { name: '图谱' }).click();
  const [png] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png').click()]);
  expect(png.suggestedFilename()).toBe('光伏产业链图谱.png');
  const bytes = readFileSync(await png.path());
  expect(bytes.subarray(1, 4).toString()).toBe('PNG');
  await png.saveAs('test-results/screenshots/chains-export.png');

  // Officers neither set leading chains nor edit the strength rules.
  await expect(page.getByTestId('leading-set').or(page.getByTestId('leading-unset'))).toHaveCount(0);
  await expect(page.getByTestId('thresholds-open')).toHaveCount(0);
});

test('an admin edits the strength rules and sets a leading chain', async ({ page }) => {
  await login(page, 'admin');
  await page.goto('/chains');
  await expect(page.getByTestId('chain-map').locator('canvas')).toBeVisible();

  await page.getByTestId('thresholds-open').click();
  const form = page.getByTestId('thresholds-form');
  await expect(form.getByLabel('龙头：营收不低于')).toHaveValue('10');
  await form.getByLabel('优势：企业数不低于').fill('12');
  await page.getByTestId('thresholds-save').click();
  await expect(page.getByText('强弱标准已保存')).toBeVisible();
  await expect(form).toBeHidden();

  // Someone else saves while the dialog is open: the server's message shows (409) with their values.
  await page.getByTestId('thresholds-open').click();
  await expect(form.getByLabel('优势：企业数不低于')).toHaveValue('12');
  const current = await (await page.request.get('/api/v1/chains/thresholds')).json();
  const put = await page.request.put('/api/v1/chains/thresholds', {
    headers: { 'x-csrf-token': await csrf(page) },
    data: { ...current, strongFirms: 15 },
  });
  expect(put.ok(), await put.text()).toBe(true);
  await form.getByLabel('一般：企业数不低于').fill('4');
  await page.getByTestId('thresholds-save').click();
  await expect(page.getByTestId('thresholds-conflict')).toContainText('数据已被他人修改');
  await expect(form.getByLabel('优势：企业数不低于')).toHaveValue('15');
  // Saving again goes through with the version just read.
  await page.getByTestId('thresholds-save').click();
  await expect(form).toBeHidden();

  // 生物医药 is not one of 盐南's leading chains: make it one, then take it off again.
  await pickOption(page, page.getByTestId('chain-select'), '生物医药');
  // The trees reload slowly after each change, as on a busy machine: the star swaps at once
  // and the click on its opposite must still count (it was swallowed while the trees reloaded).
  await page.route(/\/api\/v1\/chains\/[0-9a-f-]{36}$/, async (route) => {
    await new Promise((r) => setTimeout(r, 1500));
    await route.continue();
  });
  await expect(page.getByTestId('chain-select')).not.toContainText('主导');
  await page.getByTestId('leading-set').click();
  await expect(page.getByTestId('chain-select')).toContainText('主导');
  await page.getByTestId('leading-unset').click();
  await page.getByRole('button', { name: /确\s*定|OK/ }).click();
  await expect(page.getByTestId('leading-set')).toBeVisible();
  await expect(page.getByTestId('chain-select')).not.toContainText('主导');
});

test('an expert does not see 产业链图谱', async ({ page }) => {
  await login(page, 'expert');
  await expect(menu(page).getByText('工作台')).toBeVisible();
  await expect(menu(page).getByText('产业链图谱')).toHaveCount(0);
  await page.goto('/chains');
  await expect(page.getByTestId('page-403')).toBeVisible();
});
