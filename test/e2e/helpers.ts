/** Shared steps of the browser tests: sign in through the real form, and keep screenshots. */
import { expect, type Locator, type Page, type Response } from '@playwright/test';
import { makeUscc } from '../helpers/enterprise-files';

export const PASSWORD = 'kezhao2026';

/** Signs in through the login form and waits for the 工作台 to show the user's name. */
export async function login(page: Page, username: string, password = PASSWORD) {
  await page.goto('/login');
  await page.getByPlaceholder('用户名').fill(username);
  await page.getByPlaceholder('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page.getByTestId('welcome-card')).toBeVisible();
}

export async function shot(page: Page, name: string) {
  // Let antd's motion settle so screenshots do not catch half-drawn popups.
  await page.waitForTimeout(300);
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
}

/** The side menu, for checking which modules a role sees. */
export function menu(page: Page) {
  return page.getByTestId('main-menu');
}

export function uniqueName(prefix: string): string {
  return `${prefix}${Date.now().toString(36)}`;
}

/** A full-page screenshot with the sticky header left at the top instead of over the middle. */
export async function snap(page: Page, name: string) {
  await page.waitForTimeout(300);
  await page.screenshot({
    path: `test-results/screenshots/${name}.png`,
    fullPage: true,
    style: '.ant-layout-header { position: static !important; } .ant-message { display: none; }',
  });
}

export async function csrf(page: Page): Promise<string> {
  return (await (await page.request.get('/api/v1/me')).json()).csrfToken;
}

/** Imports a CSV through the API the upload page uses, as the signed-in user, and waits for the job. */
export async function importCsv(page: Page, fileName: string, csv: string) {
  const started = await page.request.post('/api/v1/enterprises/imports', {
    headers: { 'x-csrf-token': await csrf(page) },
    multipart: { file: { name: fileName, mimeType: 'text/csv', buffer: Buffer.from(csv) } },
  });
  expect(started.ok(), await started.text()).toBe(true);
  const jobId = (await started.json()).id;
  await expect
    .poll(async () => (await (await page.request.get(`/api/v1/jobs/${jobId}`)).json()).status, {
      timeout: 30_000,
    })
    .toBe('succeeded');
}

export async function firmId(page: Page, name: string): Promise<string> {
  const found = await page.request.get(`/api/v1/enterprises?q=${encodeURIComponent(name)}`);
  return (await found.json()).items[0].id;
}

export const FIGURES_HEADER =
  '统一社会信用代码,企业名称,成立日期,行政区划代码,所属行业,年度,员工人数,科技人员数,营业收入(万元),研发费用(万元),成本费用总额(万元),资产总额(万元),负债总额(万元),发明专利';

/** Three firms for the cultivation tests, three years of figures each (money in 万元). The first: 100
 *  staff, 30 in tech, revenue 3,000 rising, R&D 240, assets 5,000, one invention patent — eligible for
 *  科技型中小企业 under the 2017 rules. The second: the same with 9 in tech in 2025, under the 10 % the
 *  rules require — close. The third: no figures at all — data missing. */
export function ladderFirmsCsv(names: [string, string, string], usccFrom: number): string {
  const [qualifies, close, noFigures] = names;
  const rows: string[] = [];
  for (const [n, name, tech2025] of [
    [usccFrom, qualifies, 30],
    [usccFrom + 1, close, 9],
  ] as const) {
    for (const [i, year] of [2023, 2024, 2025].entries()) {
      const tech = year === 2025 ? tech2025 : 30;
      rows.push(
        `${makeUscc(n)},${name},2018-03-01,320904,I65,${year},100,${tech},${3000 + 500 * i},240,2500,5000,2000,1`,
      );
    }
  }
  rows.push(`${makeUscc(usccFrom + 2)},${noFigures},2020-06-01,320904,I65,,,,,,,,,`);
  return `${[FIGURES_HEADER, ...rows].join('\n')}\n`;
}

/** Picks from a searched select and checks it took. On a loaded machine the option list can be
 *  replaced by a later search while the click lands (CI once left a project's firm empty), or the
 *  click can wait on a list that keeps re-rendering until the test times out (CI, 产业链 添加到本节点):
 *  so each try is short, and it types and clicks again. */
export async function pickFirm(page: Page, select: Locator, typed: string, name: string | RegExp) {
  await expect(async () => {
    await select.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type(typed);
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: name })
      .click({ timeout: 5000 });
    await expect(select).toContainText(name, { timeout: 2000 });
  }).toPass({ timeout: 30_000 });
}

/** Picks an option of a plain select and checks it took, retrying as pickFirm does. A RegExp label
 *  matches whole words where a substring would be ambiguous (通过 is inside 不通过). */
export async function pickOption(page: Page, select: Locator, label: string | RegExp) {
  await expect(async () => {
    await select.click();
    // Only the open list: antd keeps closed dropdowns in the page, hidden, with the same options.
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: label })
      .first()
      .click({ timeout: 5000 });
    await expect(select).toContainText(label, { timeout: 2000 });
  }).toPass({ timeout: 30_000 });
}

/** Adds an option to a multiple select, retrying as pickOption does. A retry must not click an option
 *  that already took, since a second click takes it out again: it checks the option's state first. */
export async function addOption(page: Page, select: Locator, label: string) {
  const option = page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: label });
  await expect(async () => {
    if (!(await option.isVisible())) await select.click();
    if (
      !/ant-select-item-option-selected/.test((await option.getAttribute('class', { timeout: 5000 })) ?? '')
    )
      await option.click({ timeout: 5000 });
    await expect(option).toHaveClass(/ant-select-item-option-selected/, { timeout: 2000 });
  }).toPass({ timeout: 30_000 });
}

/** Opens a Popconfirm with `open`, clicks its OK button `ok` and returns the response of the request
 *  it sends (`url`). A click that sent nothing (the popup still moving in under load, or closed by a
 *  re-render) is tried again — safe, as nothing was sent — and a failed request fails the test with
 *  its status and body instead of a missing result further on. By default any API write counts. */
export async function confirmAndWait(page: Page, open: Locator, ok: Locator, url = /\/api\/v1\//) {
  let response: Response | undefined;
  await expect(async () => {
    if (!(await ok.isVisible())) await open.click();
    const sent = page.waitForRequest((r) => url.test(r.url()) && r.method() !== 'GET', { timeout: 5_000 });
    await ok.click({ timeout: 5_000 });
    response = (await (await sent).response()) ?? undefined;
  }).toPass({ timeout: 30_000 });
  if (!response) throw new Error(`没有收到 ${url} 的响应`);
  // A 204 has no body to read; only a failure's body is worth showing.
  if (!response.ok()) throw new Error(`${url} 返回 ${response.status()}：${await response.text()}`);
  return response;
}

/** Switches the interface language from the user menu. A click that lands while the dropdown is still
 *  opening is lost on a busy machine: open and click again until the page's lang has changed. */
export async function switchLanguage(page: Page, to: 'English' | '中文') {
  // app.tsx sets <html lang> to "en" or "zh-CN" once the language has changed.
  const lang = to === 'English' ? /^en/ : 'zh-CN';
  await expect(async () => {
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: to }).click({ timeout: 3000 });
    await expect(page.locator('html')).toHaveAttribute('lang', lang, { timeout: 2000 });
  }).toPass({ timeout: 30_000 });
}
