/** Typing a firm's facts on its profile: an officer adds a year's figures (in 万元), a 资质 and an IP
 *  count, and the profile names the officer as their source while the imported year keeps its file. */
import { expect, type Page, test } from '@playwright/test';
import { makeUscc } from '../helpers/enterprise-files';
import { login, shot, snap } from './helpers';

const NAME = '盐南年报录入科技有限公司';
const CSV = [
  '统一社会信用代码,企业名称,行政区划代码,所属行业,年度,员工人数,营业收入(万元)',
  `${makeUscc(902)},${NAME},320904,C39,2023,120,3000`,
].join('\n');

/** The firm, imported through the API the upload page uses; its id. */
async function importFirm(page: Page, file = '年报.csv', csv = CSV): Promise<string> {
  const me = await (await page.request.get('/api/v1/me')).json();
  const started = await page.request.post('/api/v1/enterprises/imports', {
    headers: { 'x-csrf-token': me.csrfToken },
    multipart: { file: { name: file, mimeType: 'text/csv', buffer: Buffer.from(csv) } },
  });
  expect(started.ok(), await started.text()).toBe(true);
  const jobId = (await started.json()).id;
  await expect
    .poll(async () => (await (await page.request.get(`/api/v1/jobs/${jobId}`)).json()).status, {
      timeout: 30_000,
    })
    .toBe('succeeded');
  const found = await page.request.get(`/api/v1/enterprises?q=${encodeURIComponent(NAME)}`);
  return (await found.json()).items[0].id;
}

test('an officer adds a year and a 资质 on the profile; both name the officer as their source', async ({
  page,
}) => {
  await login(page, 'officer');
  const id = await importFirm(page);
  await page.goto(`/enterprises/${id}`);
  await expect(page.getByTestId('profile-name')).toHaveText(NAME);

  // A new year, money in 万元; a part larger than its whole is refused on its field.
  await page.getByTestId('years-edit').click();
  const form = page.getByTestId('year-form');
  await form.getByLabel('年度', { exact: true }).fill('2024');
  await form.getByLabel('员工人数', { exact: true }).fill('150');
  await form.getByLabel('科技人员数', { exact: true }).fill('200');
  await form.getByLabel('营业收入', { exact: true }).fill('5200');
  await form.getByLabel('研发费用', { exact: true }).fill('410.5');
  await page.getByTestId('year-save').click();
  await expect(form).toContainText('科技人员数（200 人）不能大于员工人数（150 人）');
  await page.screenshot({ path: 'test-results/screenshots/enterprise-facts-year.png' });
  await form.getByLabel('科技人员数', { exact: true }).fill('40');
  await page.getByTestId('year-save').click();
  await expect(page.getByText('2024 年度数据已保存')).toBeVisible();

  const years = page.getByTestId('years-card');
  await expect(page.getByTestId('year-2024-revenue')).toHaveText('5,200 万元');
  await expect(page.getByTestId('year-2024-rdExpense')).toHaveText('410.5 万元');
  await expect(page.getByTestId('year-2024-techStaff')).toHaveText('40');
  await page.getByTestId('year-2024-revenue-source').hover();
  await expect(page.getByRole('tooltip')).toContainText('来源：用户 张专员录入');
  // The imported year still answers to its file.
  await page.getByTestId('year-2023-revenue-source').hover();
  await expect(page.getByRole('tooltip').filter({ hasText: '年报.csv' })).toContainText(
    '来源：导入文件 年报.csv 第 2 行',
  );
  await expect(years.getByRole('row')).toHaveCount(3);

  // A 资质 with its certificate and dates.
  await page.getByTestId('qualification-add').click();
  const qForm = page.getByTestId('qualification-form');
  // On a loaded machine a re-render can swallow the pick (the profile refetches around the modal):
  // pick until the select shows it.
  await expect(async () => {
    await qForm.getByLabel('资质类型').click();
    await page
      .locator('.ant-select-item-option')
      .filter({ hasText: /^高新技术企业$/ })
      .click({ timeout: 2000 });
    await expect(qForm.locator('.ant-select').first()).toContainText('高新技术企业', { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await qForm.getByLabel('证书编号').fill('GR202432009876');
  await qForm.getByLabel('认定日期').fill('2024-11-19');
  await qForm.getByLabel('认定日期').press('Enter');
  await qForm.getByLabel('有效期至').fill('2027-11-18');
  await qForm.getByLabel('有效期至').press('Enter');
  await page.getByTestId('qualification-save').click();
  await expect(page.getByText('资质已添加')).toBeVisible();
  const card = page.getByTestId('qualifications-card');
  await expect(card).toContainText('高新技术企业');
  await expect(card).toContainText('GR202432009876');
  await expect(card).toContainText('2027-11-18');
  await card.getByTestId('source-tip').hover();
  await expect(page.getByRole('tooltip').filter({ hasText: '张专员' })).toContainText(
    '来源：用户 张专员录入',
  );

  // IP counts: one number per class.
  await page.getByTestId('ip-edit').click();
  await page.getByTestId('ip-form').getByLabel('发明专利').fill('7');
  await page.getByTestId('ip-save').click();
  await expect(page.getByText('知识产权数量已保存')).toBeVisible();
  await expect(page.getByTestId('ip-invention_patent')).toHaveText('7');
  await page.getByTestId('ip-invention_patent-source').hover();
  await expect(page.getByRole('tooltip').filter({ hasText: '张专员' })).toContainText(
    '来源：用户 张专员录入',
  );

  await expect(page.getByTestId('history-card')).toContainText('2024 年度数据');
  await page.mouse.move(0, 0);
  await shot(page, 'enterprise-facts');
});

test('figures are read as officers write them; text that is not a number is refused, never erased', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await login(page, 'officer');
  const id = await importFirm(page);
  const stored = async () =>
    (await (await page.request.get(`/api/v1/enterprises/${id}`)).json()) as {
      registeredCapital: number | null;
      aliases: unknown[];
      years: { year: number; revenue: number | null; employees: number | null }[];
    };
  await page.goto(`/enterprises/${id}`);
  await expect(page.getByTestId('profile-name')).toHaveText(NAME);

  // 注册资本: letters are refused on the field (the modal stays, nothing is saved); "1.2亿" is 12,000 万元.
  await page.getByTestId('enterprise-edit').click();
  const edit = page.getByTestId('enterprise-form');
  await page.getByTestId('enterprise-capital').fill('abc');
  await page.getByTestId('enterprise-edit-save').click();
  await expect(edit).toContainText('请输入数字，如 1200.5、1.2亿、300万');
  await expect(page.getByTestId('enterprise-capital')).toHaveValue('abc');
  // A number too large is named as such, not as "not a number".
  await page.getByTestId('enterprise-capital').fill('99999999999999');
  await page.getByTestId('enterprise-edit-save').click();
  await expect(edit).toContainText('数值过大，请检查单位');
  // An empty alias row says what it needs instead of a field path.
  await edit.getByRole('button', { name: '添加简称/曾用名' }).click();
  await page.getByTestId('enterprise-capital').fill('1.2亿');
  await page.getByTestId('enterprise-edit-save').click();
  await expect(edit).toContainText('请填写简称或曾用名，不用的行请删除');
  await snap(page, 'enterprise-facts-refused');
  await edit.getByPlaceholder('名称').fill('年报录入');
  await page.getByTestId('enterprise-edit-save').click();
  await expect(edit).toBeHidden();
  await expect.poll(async () => (await stored()).registeredCapital).toBe(120_000_000);

  // A year typed with a Chinese input method (full-width digits) and a negative staff count.
  await page.getByTestId('years-edit').click();
  const year = page.getByTestId('year-form');
  await year.getByLabel('年度', { exact: true }).fill('2025');
  await year.getByLabel('员工人数', { exact: true }).fill('-5');
  await year.getByLabel('营业收入', { exact: true }).fill('８０００');
  await page.getByTestId('year-save').click();
  await expect(year).toContainText('不能为负数');
  await year.getByLabel('员工人数', { exact: true }).fill('2.5');
  await page.getByTestId('year-save').click();
  await expect(year).toContainText('应为整数');
  await year.getByLabel('员工人数', { exact: true }).fill('160人');
  await page.getByTestId('year-save').click();
  await expect(page.getByText('2025 年度数据已保存')).toBeVisible();
  await expect(page.getByTestId('year-2025-revenue')).toHaveText('8,000 万元');
  const y2025 = (await stored()).years.find((y) => y.year === 2025);
  expect(y2025).toMatchObject({ revenue: 80_000_000, employees: 160 });
  // The basic facts state the latest year's head count with its unit.
  await expect(page.getByTestId('fact-employees')).toContainText('160 人');

  // An IP count: a negative number no longer becomes 0 (which would delete the class).
  await page.getByTestId('ip-edit').click();
  await page.getByTestId('ip-form').getByLabel('实用新型').fill('-3');
  await page.getByTestId('ip-save').click();
  await expect(page.getByTestId('ip-form')).toContainText('不能为负数');
  await page.getByRole('button', { name: /取\s*消/ }).click();

  // Saving an empty 资质 form shows what is missing, with no script error behind it.
  await page.getByTestId('qualification-add').click();
  await page.getByTestId('qualification-save').click();
  await expect(
    page.getByTestId('qualification-form').locator('.ant-form-item-explain-error').first(),
  ).toBeVisible();
  expect(errors).toEqual([]);
});

test('a later file that changes a year keeps the old figure in the history, with the file and row', async ({
  page,
}) => {
  await login(page, 'officer');
  await importFirm(page);
  const id = await importFirm(page, '年报（更正）.csv', CSV.replace(',120,3000', ',120,3200'));
  await page.goto(`/enterprises/${id}`);
  const entry = page
    .getByTestId('history-card')
    .locator('.ant-timeline-item')
    .filter({ hasText: '2023 年度' })
    .filter({ hasText: '年报（更正）.csv' })
    .first();
  await expect(entry).toContainText('来源：导入文件 年报（更正）.csv 第 2 行');
  await expect(entry).toContainText('3,000 万元 → 3,200 万元');
  await expect(entry).not.toContainText('{');
});
