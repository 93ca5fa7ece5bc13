/** 靶向招商 in the browser: an officer of 盐南高新区 imports one local HJT cell maker (the node stays
 *  薄弱) and two makers elsewhere, re-matches, opens the node's 靶向招商 tab (marked 建议补链) and sees
 *  the two ranked with every factor's points and reason; saves the ranking as a 目标清单, finds it
 *  under 目标清单, opens it and downloads its XLSX. An admin changes the weights, and meets the
 *  optimistic lock when someone else saved first. */
import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { makeUscc } from '../helpers/enterprise-files';
import { confirmAndWait, csrf, importCsv, login, snap } from './helpers';

test.describe.configure({ mode: 'serial' });

const LOCAL = '盐南靶测甲光伏科技有限公司';
const FAST = '常州靶测乙光伏科技有限公司';
const SLOW = '合肥靶测丙新能源有限公司';
const NODE = '异质结(HJT)电池';
const LIST = '光伏 · 异质结(HJT)电池 目标企业';

/** The local firm is small and uncertified: 薄弱. FAST grows from 2 to 4.5 亿元 with 12 invention
 *  patents; SLOW has one year of 5,000 万元. */
const CSV = `${[
  '统一社会信用代码,企业名称,成立日期,行政区划代码,所属行业,主要产品,经营范围,企业类别,年度,营业收入(万元),研发费用(万元),发明专利',
  `${makeUscc(7501)},${LOCAL},2021-05-01,320904,C38,HJT电池片,光伏电池研发,本地,2025,3000,90,0`,
  `${makeUscc(7502, '320400')},${FAST},2015-03-01,320411,C38,异质结电池片,太阳能电池制造,外地,2023,20000,1200,12`,
  `${makeUscc(7502, '320400')},${FAST},2015-03-01,320411,C38,异质结电池片,太阳能电池制造,外地,2024,30000,1800,12`,
  `${makeUscc(7502, '320400')},${FAST},2015-03-01,320411,C38,异质结电池片,太阳能电池制造,外地,2025,45000,2700,12`,
  `${makeUscc(7503, '340100')},${SLOW},2019-07-01,340104,C38,HJT电池片,光伏设备销售,外地,2025,5000,100,0`,
].join('\n')}\n`;

async function openNode(page: Page) {
  await page.goto('/chains?tab=table');
  await page.getByTestId(`node-row-${NODE}`).click();
  const drawer = page.getByTestId('node-drawer');
  await expect(drawer.getByTestId('node-drawer-title')).toHaveText(NODE);
  return drawer;
}

test('an officer ranks the targets for a weak node, saves a target list and exports it', async ({ page }) => {
  test.setTimeout(180_000);
  await login(page, 'officer');
  await importCsv(page, '靶向招商企业.csv', CSV);

  await page.goto('/chains');
  await confirmAndWait(page, page.getByTestId('placement-start'), page.getByTestId('placement-ok'));
  await expect(page.getByText(/匹配完成：\d+ 家企业/)).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText(/匹配完成：|重新匹配已开始/)).toHaveCount(0, { timeout: 10_000 });

  const drawer = await openNode(page);
  await expect(drawer.getByTestId('strength-weak')).toBeVisible();
  // The third tab, marked because the node is weak.
  const tab = drawer.getByTestId('targets-tab');
  await expect(tab).toContainText('靶向招商');
  await expect(tab.getByTestId('targets-suggest')).toHaveText('建议补链');
  await tab.click();

  const targets = drawer.getByTestId('node-targets');
  await expect(targets.getByTestId('targets-total')).toHaveText(
    '共 2 家外地目标企业可补此环节，按本组织权重排序',
  );
  await expect(targets.getByTestId('target-weights')).toContainText('契合');
  await expect(targets.getByTestId('target-weights')).toContainText('25');
  const rows = targets.getByTestId('targets-table').locator('tr.target-row');
  await expect(rows).toHaveCount(2);
  // The growing, patented firm first; the local firm is not a target.
  await expect(rows.nth(0)).toContainText(FAST);
  await expect(rows.nth(1)).toContainText(SLOW);
  await expect(targets).not.toContainText(LOCAL);
  await expect(rows.nth(0).getByTestId('target-factor-bars')).toContainText('成长');
  // Expanded: every factor with its weight, points and reason.
  await rows.nth(0).locator('.ant-table-row-expand-icon').click();
  const factors = targets.getByTestId('target-factors');
  await expect(factors).toContainText('与节点的契合度');
  await expect(factors.getByTestId('why-fit')).toContainText('匹配置信度');
  await expect(factors.getByTestId('why-growth')).toContainText('近两年营收年均增长 50%');
  await expect(factors.getByTestId('why-innovation')).toContainText('发明专利 12 件');
  await expect(factors.getByTestId('why-funding')).toHaveText('近三年无融资记录');
  await page.waitForTimeout(300);
  await page.screenshot({ path: 'test-results/screenshots/chains-targets.png' });

  // 保存为目标清单 with the name offered.
  await targets.getByTestId('target-save').click();
  const form = page.getByTestId('target-save-form');
  await expect(form.getByLabel('清单名称')).toHaveValue(LIST);
  await page.getByTestId('target-save-ok').click();
  await expect(page.getByText(`目标清单“${LIST}”已保存`)).toBeVisible();
  // Officers do not change the weights.
  await expect(drawer.getByTestId('weights-open')).toHaveCount(0);
  await page.locator('.ant-drawer-close').click();

  // 目标清单: the list, its firms with their points, and the XLSX.
  await page.getByTestId('chain-tabs').getByRole('tab', { name: '目标清单' }).click();
  await expect(page).toHaveURL(/tab=lists/);
  const row = page.getByTestId(`target-list-row-${LIST}`);
  await expect(row).toContainText('光伏');
  await expect(row).toContainText('异质结(HJT)电池');
  await expect(row.getByRole('cell', { name: '2', exact: true })).toBeVisible();
  await snap(page, 'chains-target-lists');
  await row.getByTestId('target-list-view').click();
  const listDrawer = page.getByTestId('target-list-drawer');
  await expect(listDrawer).toContainText(LIST);
  await expect(listDrawer.getByTestId('target-list-items')).toContainText(FAST);
  await expect(listDrawer.getByTestId('target-weights')).toContainText('创新');
  const [xlsx] = await Promise.all([
    page.waitForEvent('download'),
    listDrawer.getByTestId('target-list-export').click(),
  ]);
  expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
  expect(
    readFileSync(await xlsx.path())
      .subarray(0, 2)
      .toString(),
  ).toBe('PK');
});

test('an admin changes the weights and meets the optimistic lock', async ({ page }) => {
  await login(page, 'admin');
  const drawer = await openNode(page);
  await drawer.getByTestId('targets-tab').click();
  await expect(drawer.getByTestId('targets-total')).toContainText('共 2 家');

  await drawer.getByTestId('weights-open').click();
  const form = page.getByTestId('weights-form');
  await expect(form.getByLabel('与节点的契合度')).toHaveValue('25');
  await expect(page.getByTestId('weights-sum')).toHaveText('权重合计 100');
  await form.getByLabel('成长性').fill('30');
  await expect(page.getByTestId('weights-sum')).toHaveText('权重合计 115');
  await page.getByTestId('weights-save').click();
  await expect(page.getByText('权重已保存')).toBeVisible();
  await expect(form).toBeHidden();
  await expect(drawer.getByTestId('target-weights')).toContainText('30');

  // Someone else saves while the dialog is open: the server's message, and their weights reloaded.
  await drawer.getByTestId('weights-open').click();
  await expect(form.getByLabel('成长性')).toHaveValue('30');
  const current = await (await page.request.get('/api/v1/chains/target-weights')).json();
  const put = await page.request.put('/api/v1/chains/target-weights', {
    headers: { 'x-csrf-token': await csrf(page) },
    data: { ...current, growth: 15 },
  });
  expect(put.ok(), await put.text()).toBe(true);
  await form.getByLabel('近期融资').fill('20');
  await page.getByTestId('weights-save').click();
  await expect(page.getByTestId('weights-problem')).toContainText('数据已被他人修改');
  await expect(form.getByLabel('成长性')).toHaveValue('15');
  // All zero: refused with the server's reason.
  for (const label of ['与节点的契合度', '规模', '创新能力', '成长性', '近期融资', '关系邻近（以商引商）'])
    await form.getByLabel(label).fill('0');
  await expect(page.getByTestId('weights-sum')).toHaveText('权重不能全为 0');
  await page.getByTestId('weights-save').click();
  await expect(page.getByTestId('weights-problem')).toContainText('权重不能全为 0');
  // A weight entered: the refusal was of the zeros and goes (it stayed over valid weights).
  await form.getByLabel('与节点的契合度').fill('10');
  await expect(page.getByTestId('weights-problem')).toHaveCount(0);
  await expect(page.getByTestId('weights-sum')).toHaveText('权重合计 10');
  // Only 契合 counts: 成长 (FAST grows 50% a year, value 100%) gives 0 points and shows no bar.
  await page.getByTestId('weights-save').click();
  await expect(form).toBeHidden();
  const fastRow = drawer.getByTestId('targets-table').locator('tr.target-row').filter({ hasText: FAST });
  const growth = fastRow.getByTestId('factor-growth');
  await expect(growth).toContainText('0.0');
  await expect(growth.getByTestId('factor-points')).toHaveAttribute('data-points', '0');
  expect((await growth.getByTestId('factor-points').boundingBox())?.width ?? 0).toBe(0);
  // 契合 holds all 100 points: its track is the full width, its fill its share of it.
  await expect(fastRow.getByTestId('factor-fit').getByTestId('factor-share')).toHaveAttribute(
    'style',
    /width: 100%/,
  );
  // Back to the defaults, saved with the version just read.
  await drawer.getByTestId('weights-open').click();
  await page.getByTestId('weights-defaults').click();
  await page.getByTestId('weights-save').click();
  await expect(form).toBeHidden();
  await expect(drawer.getByTestId('target-weights')).toContainText('25');
});
