/** 工作台 待办: an officer sees how many firms' 资质 run out soon and opens the list from the count; an
 *  expert sees only the reviews waiting for them. */
import { expect, type Page, test } from '@playwright/test';
import { makeUscc } from '../helpers/enterprise-files';
import { csrf, firmId, importCsv, login, shot } from './helpers';

const NAME = '盐南资质到期提醒科技有限公司';
const CSV = ['统一社会信用代码,企业名称,行政区划代码,所属行业', `${makeUscc(9801)},${NAME},320904,C39`].join(
  '\n',
);

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

async function expiringCount(page: Page): Promise<number> {
  const stat = page.getByTestId('todo-expiringQualifications').locator('.ant-statistic-content-value');
  await expect(stat).toBeVisible();
  return Number((await stat.innerText()).replace(/[^\d]/g, ''));
}

test('an officer opens the firms whose 资质 expires soon from the 工作台', async ({ page }) => {
  await login(page, 'officer');
  const card = page.getByTestId('todo-card');
  await expect(card).toContainText('到期跟进');
  await expect(card).toContainText('待核企业');
  await expect(card).not.toContainText('待评审');
  const before = await expiringCount(page);

  await importCsv(page, '资质提醒.csv', CSV);
  const id = await firmId(page, NAME);
  const profile = await (await page.request.get(`/api/v1/enterprises/${id}`)).json();
  const added = await page.request.post(`/api/v1/enterprises/${id}/qualifications`, {
    headers: { 'x-csrf-token': await csrf(page) },
    data: { version: profile.version, tier: 'hnte', issuedOn: inDays(-1050), expiresOn: inDays(45) },
  });
  expect(added.ok(), await added.text()).toBe(true);

  await page.reload();
  await expect.poll(() => expiringCount(page)).toBe(before + 1);
  await shot(page, 'workbench-todo');

  await page.getByTestId('todo-expiringQualifications').click();
  await expect(page).toHaveURL(/\/enterprises\?expiring=true&universe=local/);
  const filter = page.getByRole('checkbox', { name: '只看资质 90 天内到期' });
  await expect(filter).toBeChecked();
  await expect(page.getByRole('link', { name: NAME })).toBeVisible();
  // Unticking the filter shows the whole registry again.
  await filter.click();
  await expect(filter).not.toBeChecked();
  await expect(page).not.toHaveURL(/expiring=true/);
});

test('an expert’s 工作台 shows the reviews waiting for them and nothing of the registry', async ({
  page,
}) => {
  await login(page, 'expert');
  const card = page.getByTestId('todo-card');
  await expect(card).toContainText('待评审');
  await expect(card).not.toContainText('资质即将到期');
  await expect(card).not.toContainText('到期跟进');
  await page.getByTestId('todo-reviewsToDo').click();
  await expect(page).toHaveURL(/\/reviews$/);
});
