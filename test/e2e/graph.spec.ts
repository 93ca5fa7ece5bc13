/** 企业图谱 in the browser: an officer of 盐南高新区 imports five firms, then a relations CSV through
 *  导入企业关系 (a person holding 60 % of a holding firm that holds 70 % of an operating firm and 90 % of
 *  another, a 外地 supplier, a 产学研 partner, and one row naming a firm not in 企业库) and reads the
 *  counts and the bad row's reason; opens the operating firm's graph from its profile, expands the
 *  holding firm to reach the person, reads the 最终控制人 (60 % × 70 % = 42 %) and the group, finds the
 *  path from the person to 东南大学 and exports the PNG. An expert sees no entry. */
import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { makeUscc } from '../helpers/enterprise-files';
import { firmId, importCsv, login, menu, pickFirm, snap } from './helpers';

test.describe.configure({ mode: 'serial' });

const HOLD = '盐南图测控股集团有限公司';
const OPER = '盐南图测新能源科技有限公司';
const SISTER = '盐南图测光电科技有限公司';
const CUSTOMER = '盐南图测储能系统有限公司';
const SUPPLIER = '无锡图测硅材料有限公司';
const PERSON = '王建国';
const SEU = '东南大学';

const FIRMS = `${[
  '统一社会信用代码,企业名称,成立日期,行政区划代码,所属行业,主要产品,企业类别,年度,营业收入(万元)',
  `${makeUscc(7401)},${HOLD},2012-04-01,320904,L72,股权投资管理,本地,2025,12000`,
  `${makeUscc(7402)},${OPER},2018-06-01,320904,C38,光伏逆变器,本地,2025,56000`,
  `${makeUscc(7403)},${SISTER},2019-09-01,320904,C39,光电传感器,本地,2025,9000`,
  `${makeUscc(7404)},${CUSTOMER},2020-03-01,320904,C38,储能变流器,本地,2025,21000`,
  `${makeUscc(7405, '320200')},${SUPPLIER},2011-01-01,320205,C30,单晶硅片,外地,2025,88000`,
].join('\n')}\n`;

/** Line 8 names a firm that is not in 企业库: rejected with its reason, the others go in. */
const RELATIONS = `${[
  '关系类型,主体,主体类型,客体,持股比例,金额(万元),日期',
  `持股,${PERSON},自然人,${HOLD},60%,,2025-06-30`,
  `持股,${HOLD},企业,${OPER},70%,,2025-06-30`,
  `持股,${HOLD},企业,${SISTER},90%,,2025-06-30`,
  `供应,${SUPPLIER},企业,${OPER},,,2025-01-01`,
  `供应,${OPER},企业,${CUSTOMER},,,2025-01-01`,
  `产学研,${OPER},企业,${SEU},,,2024-09-01`,
  `持股,${PERSON},自然人,盐南图测不存在科技有限公司,10%,,`,
].join('\n')}\n`;

const entityRow = (page: Page, name: string) => page.getByTestId(`entity-row-${name}`);

async function openEntity(page: Page, name: string) {
  await page
    .getByTestId('graph-panel-tabs')
    .getByRole('tab', { name: /图中主体/ })
    .click();
  await entityRow(page, name).getByTestId('entity-open').click();
  await expect(page.getByTestId('entity-name')).toHaveText(name);
}

test('an officer imports relations, reads a firm’s graph, its controller and a path', async ({ page }) => {
  test.setTimeout(180_000);
  await login(page, 'officer');
  await importCsv(page, '图谱企业名单.csv', FIRMS);

  // The menu entry sits right after 产业链图谱; with no firm picked the page explains itself.
  await menu(page).getByText('企业图谱').click();
  await expect(page).toHaveURL(/\/graph$/);
  await expect(page.getByRole('heading', { name: '企业图谱' })).toBeVisible();
  await expect(page.getByTestId('graph-empty')).toContainText('选择一家企业');
  await snap(page, 'graph-empty');

  // 导入企业关系: the columns explained, then the upload answered with counts and the bad row's reason.
  await page.getByTestId('relations-import-open').first().click();
  const modal = page.getByTestId('relations-import');
  await expect(page.getByTestId('relations-columns')).toContainText('持股比例');
  await expect(modal).toContainText('UTF-8 或 GBK');
  await page
    .getByTestId('relations-file')
    .locator('input[type=file]')
    .setInputFiles({ name: '企业关系.csv', mimeType: 'text/csv', buffer: Buffer.from(RELATIONS) });
  await expect(page.getByTestId('count-inserted')).toContainText('6');
  await expect(page.getByTestId('count-updated')).toContainText('0');
  await expect(page.getByTestId('count-unchanged')).toContainText('0');
  await expect(page.getByTestId('count-rejected')).toContainText('1');
  const bad = page.getByTestId('relation-errors').getByRole('row').filter({ hasText: '不存在科技' });
  await expect(bad.getByRole('cell').first()).toHaveText('8');
  await expect(bad).toContainText('客体');
  await expect(bad).toContainText('不在本组织的企业库中，请先导入该企业');
  await snap(page, 'graph-import');
  await page.getByTestId('relations-close').click();
  await expect(modal).toBeHidden();

  // From the operating firm's profile to its graph, one hop out.
  const oper = await firmId(page, OPER);
  await page.goto(`/enterprises/${oper}`);
  await page.getByTestId('enterprise-graph').click();
  await expect(page).toHaveURL(new RegExp(`/graph\\?id=${oper}`));
  await expect(page.getByTestId('graph-firm')).toContainText(OPER);
  await page.getByTestId('graph-hops').getByText('1 跳').click();
  await expect(page).toHaveURL(/hops=1/);
  await expect(page.getByTestId('graph-canvas').locator('canvas')).toBeVisible();
  const legend = page.getByTestId('graph-legend');
  for (const word of ['本地企业', '外地目标企业', '自然人', '持股', '供应', '产学研', '同一实际控制人'])
    await expect(legend).toContainText(word);
  await expect(page.getByTestId('graph-stats')).toContainText('主体 5 个 · 关系 4 条');
  // With every relation kind unticked the graph says so and shows none of the relations it had.
  const kinds = page.getByTestId('graph-kinds');
  for (const kind of ['持股', '投资', '供应', '产学研', '同一实际控制人'])
    await kinds.getByText(kind).click();
  await expect(page.getByText('请至少勾选一种关系类型')).toBeVisible();
  await expect(page.getByTestId('graph-stats')).toContainText('关系 0 条');
  for (const kind of ['持股', '投资', '供应', '产学研', '同一实际控制人'])
    await kinds.getByText(kind).click();
  await expect(page.getByTestId('graph-stats')).toContainText('主体 5 个 · 关系 4 条');
  await page
    .getByTestId('graph-panel-tabs')
    .getByRole('tab', { name: /图中主体/ })
    .click();
  for (const name of [OPER, HOLD, SUPPLIER, CUSTOMER, SEU]) await expect(entityRow(page, name)).toBeVisible();
  await expect(entityRow(page, PERSON)).toHaveCount(0);
  await expect(entityRow(page, SUPPLIER)).toContainText('外地目标企业');
  await expect(entityRow(page, SEU)).toContainText('高校院所');

  // Expanding the holding firm brings in its holder and its other firm.
  await openEntity(page, HOLD);
  await expect(page.getByTestId('entity-relations')).toContainText('持股 70%');
  await page.getByTestId('entity-expand').click();
  await expect(page.getByTestId('entity-expand')).toContainText('已展开');
  await expect(page.getByTestId('graph-stats')).toContainText('主体 7 个 · 关系 6 条');
  await page
    .getByTestId('graph-panel-tabs')
    .getByRole('tab', { name: /图中主体/ })
    .click();
  await expect(entityRow(page, PERSON)).toContainText('自然人');
  await expect(entityRow(page, SISTER)).toBeVisible();

  // The operating firm: controlled by the person through the holding firm, 60 % × 70 % = 42 %.
  await openEntity(page, OPER);
  const controller = page.getByTestId('controller');
  await expect(controller.getByTestId('controller-path')).toContainText(PERSON);
  await expect(controller.getByTestId('controller-path')).toContainText(HOLD);
  await expect(controller.getByTestId('controller-path')).toContainText('60%');
  await expect(page.getByTestId('controller-product')).toHaveText('42%');
  // The group: what the person controls through holdings above half — the holding firm (60 %), its
  // 90 % firm (54 % of the shares) and the operating firm (70 % of it: 42 % of the shares, yet control).
  const group = page.getByTestId('group');
  await expect(group).toContainText(HOLD);
  await expect(group).toContainText(SISTER);
  await expect(group).toContainText('54%');
  await expect(group).toContainText(OPER);
  await expect(group).toContainText('42%');
  await snap(page, 'graph-controller');

  // 路径查询: from the person to 东南大学 — person → holding → operating firm → 东南大学.
  await openEntity(page, PERSON);
  await expect(page.getByTestId('controller')).toHaveCount(0);
  await page.getByTestId('entity-from').click();
  await openEntity(page, SEU);
  await page.getByTestId('entity-to').click();
  await expect(page.getByTestId('path-from')).toHaveText(PERSON);
  await expect(page.getByTestId('path-to')).toHaveText(SEU);
  const result = page.getByTestId('path-result');
  await expect(result).toContainText('最短路径 3 跳');
  const text = page.getByTestId('path-text');
  await expect(text).toContainText(`${PERSON}—持股 60%→${HOLD}—持股 70%→${OPER}—产学研→${SEU}`);
  await snap(page, 'graph-view');
  // Centring on another firm keeps the ends: a path can join firms that are not in one graph.
  await openEntity(page, HOLD);
  await page.getByTestId('entity-center').click();
  await expect(page.getByTestId('graph-firm')).toContainText(HOLD);
  await expect(page.getByTestId('path-from')).toHaveText(PERSON);
  await expect(page.getByTestId('path-to')).toHaveText(SEU);
  await expect(result).toContainText('最短路径 3 跳');
  await openEntity(page, OPER);
  await page.getByTestId('entity-center').click();
  await expect(page.getByTestId('graph-firm')).toContainText(OPER);

  // 导出 PNG of the chart.
  const [png] = await Promise.all([page.waitForEvent('download'), page.getByTestId('graph-png').click()]);
  expect(png.suggestedFilename()).toBe(`${OPER}企业图谱.png`);
  expect(
    readFileSync(await png.path())
      .subarray(1, 4)
      .toString(),
  ).toBe('PNG');

  // Re-importing the same file changes nothing.
  await page.getByTestId('relations-import-open').click();
  await page
    .getByTestId('relations-file')
    .locator('input[type=file]')
    .setInputFiles({ name: '企业关系.csv', mimeType: 'text/csv', buffer: Buffer.from(RELATIONS) });
  await expect(page.getByTestId('count-unchanged')).toContainText('6');
  await expect(page.getByTestId('count-inserted')).toContainText('0');
  await expect(page.getByTestId('relation-warnings')).toHaveCount(0);
  await page.getByTestId('relations-close').click();

  // A second holder of 20 % beside the recorded 90 %: imported, with a warning to check the shareholders.
  await page.getByTestId('relations-import-open').click();
  await page
    .getByTestId('relations-file')
    .locator('input[type=file]')
    .setInputFiles({
      name: '新增股东.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`关系类型,主体,主体类型,客体,持股比例\n持股,孙图测,自然人,${SISTER},20%\n`),
    });
  await expect(page.getByTestId('count-inserted')).toContainText('1');
  await expect(page.getByTestId('relation-warnings')).toContainText(
    `${SISTER}：已登记的 2 个股东持股合计 110%，超过 100%`,
  );
  await page.getByTestId('relations-close').click();
});

test('a leader picks a firm and reads its graph but may not import', async ({ page }) => {
  await login(page, 'leader');
  await menu(page).getByText('企业图谱').click();
  await expect(page.getByTestId('graph-empty')).toBeVisible();
  await expect(page.getByTestId('relations-import-open')).toHaveCount(0);
  // Picking a firm with the search box.
  await pickFirm(page, page.getByTestId('graph-firm'), '图测新能源', OPER);
  await expect(page).toHaveURL(/\/graph\?id=/);
  await expect(page.getByTestId('graph-canvas').locator('canvas')).toBeVisible();
  await expect(page.getByTestId('entity-name')).toHaveText(OPER);
});

test('an expert has no 企业图谱', async ({ page }) => {
  await login(page, 'expert');
  await expect(menu(page).getByText('企业图谱')).toHaveCount(0);
  await page.goto('/graph');
  await expect(page.getByTestId('page-403')).toBeVisible();
});
