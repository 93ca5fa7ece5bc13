/** An XLSX from the 统计科 in the browser: a title row above the headers and a column the importer does
 *  not know. The officer maps it by hand, saves the mapping, imports; next month's file reuses the
 *  saved mapping, and both months' R&D spending lands in 万元 as the header says. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { makeUscc } from '../helpers/enterprise-files';
import { firmId, login, pickFirm, pickOption, snap } from './helpers';

test.describe.configure({ mode: 'serial' });

const dir = mkdtempSync(path.join(os.tmpdir(), 'kezhao-e2e-xlsx-'));
const UNKNOWN = '本年科研投入(万元)';
const MAPPING = '统计科月报';

/** Two firms per month; R&D (the unknown column) 120 and 130 万元. */
async function writeMonth(file: string, month: number) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('企业名单');
  ws.addRow([`盐南高新区重点企业月报（${month} 月）`]);
  ws.mergeCells('A1:D1');
  ws.addRow(['统一社会信用代码', '企业名称', '营业收入(万元)', UNKNOWN]);
  for (const i of [0, 1])
    ws.addRow([makeUscc(7300 + month * 10 + i), firmName(month, i), 2000 + i * 100, 120 + i * 10]);
  await wb.xlsx.writeFile(file);
}
const firmName = (month: number, i: number) => `盐南报表${'甲乙丙丁'[month - 1]}${'一二'[i]}科技有限公司`;

async function upload(page: Page, file: string) {
  await page.goto('/enterprises/import');
  await page.getByTestId('import-file').locator('input[type=file]').setInputFiles(file);
  await expect(page.getByTestId('import-columns')).toContainText(UNKNOWN);
  // Every money column states its unit: nothing to warn of.
  await expect(page.getByTestId('import-bare-yuan')).toHaveCount(0);
}

async function importAndCheck(page: Page, month: number) {
  await page.getByTestId('import-start').click();
  await expect(page.getByTestId('import-result')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('import-stat-inserted').locator('.ant-statistic-content')).toHaveText('2');
  await expect(page.getByTestId('import-stat-rejected').locator('.ant-statistic-content')).toHaveText('0');
  for (const i of [0, 1]) {
    const firm = await (
      await page.request.get(`/api/v1/enterprises/${await firmId(page, firmName(month, i))}`)
    ).json();
    expect(firm.years[0]).toMatchObject({
      revenue: (2000 + i * 100) * 10_000,
      rdExpense: (120 + i * 10) * 10_000,
    });
  }
}

test('an officer maps an unknown XLSX column by hand, saves the mapping and imports', async ({ page }) => {
  await login(page, 'officer');
  const file = path.join(dir, '月报-1.xlsx');
  await writeMonth(file, 1);
  await upload(page, file);
  const row = page.getByTestId('import-columns').getByRole('row').filter({ hasText: UNKNOWN });
  await expect(row).toContainText('未识别');
  // The field list is long: type to find it, as an officer would.
  await pickFirm(page, page.getByTestId(`map-${UNKNOWN}`), '研发费用', /^研发费用$/);
  // The unit column: what the header declares, applied to the hand-mapped field too.
  await expect(row.getByRole('cell').nth(2)).toHaveText('万元');

  await page.getByRole('button', { name: /另存为/ }).click();
  await page.getByTestId('mapping-name').fill(MAPPING);
  await page
    .locator('.ant-popover:visible')
    .getByRole('button', { name: /保\s*存/ })
    .click();
  await expect(page.getByText('已保存对应方案')).toBeVisible();
  await snap(page, 'import-mapping');
  await importAndCheck(page, 1);
});

test('next month’s file reuses the saved mapping', async ({ page }) => {
  await login(page, 'officer');
  const file = path.join(dir, '月报-2.xlsx');
  await writeMonth(file, 2);
  await upload(page, file);
  await pickOption(page, page.getByTestId('saved-mappings').locator('.ant-select'), MAPPING);
  await expect(page.getByText(`已应用对应方案“${MAPPING}”`)).toBeVisible();
  await expect(page.getByTestId(`map-${UNKNOWN}`)).toContainText('研发费用');
  await importAndCheck(page, 2);
});

test('a money column without a unit is flagged before anything is imported', async ({ page }) => {
  await login(page, 'officer');
  const file = path.join(dir, '注册资本无单位.csv');
  writeFileSync(
    file,
    `统一社会信用代码,企业名称,注册资本\n${makeUscc(7399)},盐南无单位科技有限公司,"2,000"\n`,
  );
  await page.goto('/enterprises/import');
  await page.getByTestId('import-file').locator('input[type=file]').setInputFiles(file);
  const warning = page.getByTestId('import-bare-yuan');
  await expect(warning).toContainText('注册资本 的列名没有注明单位');
  await expect(warning).toContainText('按“元”导入');
  const unit = page.getByTestId('unit-注册资本');
  await expect(unit).toContainText('元');
  // The office keeps it in 万元: choosing the unit clears the warning, and 2,000 goes in as 2,000 万元.
  await pickOption(page, unit, '万元');
  await expect(warning).toHaveCount(0);
  await page.getByTestId('import-start').click();
  await expect(page.getByTestId('import-stat-inserted').locator('.ant-statistic-content')).toHaveText('1', {
    timeout: 30_000,
  });
  const firm = await (
    await page.request.get(`/api/v1/enterprises/${await firmId(page, '盐南无单位科技有限公司')}`)
  ).json();
  expect(firm.registeredCapital).toBe(20_000_000);
});
