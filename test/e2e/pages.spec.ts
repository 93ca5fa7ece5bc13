/** Every page every role may open, visited after a small import so the pages have rows to draw: no
 *  script error, no failed request, no server error, and no text a user should never read
 *  (undefined, NaN, [object Object], Invalid Date). The pages come from the app's own table, so a new
 *  page is visited without anyone adding it here. */
import { expect, type Page, test } from '@playwright/test';
import type { Role } from '../../src/shared/roles';
import { canOpen, PATHS } from '../../web/src/layout/paths';
import { makeUscc } from '../helpers/enterprise-files';
import { FIGURES_HEADER, firmId, importCsv, login, snap } from './helpers';

test.describe.configure({ mode: 'serial' });

const USERS: { user: string; roles: Role[] }[] = [
  { user: 'admin', roles: ['admin'] },
  { user: 'leader', roles: ['leader'] },
  { user: 'officer', roles: ['officer'] },
  { user: 'expert', roles: ['expert'] },
  { user: 'analyst', roles: ['analyst'] },
  { user: 'nt_officer', roles: ['officer'] },
];

// Pages that need an id, or are not pages a signed-in user lands on.
const SKIP = new Set<string>([PATHS.login, PATHS.evaluations]);

const NEVER_SHOWN = /\bundefined\b|\bNaN\b|\[object Object\]|Invalid Date/;

const FIRM = '盐南巡检测试科技有限公司';

/** Watches a page for what a user would see go wrong: script errors, console errors, failed API calls. */
function watch(page: Page) {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`脚本错误: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`控制台错误: ${m.text()}`);
  });
  page.on('response', (r) => {
    const url = r.url();
    if (r.status() >= 500 || (r.status() >= 400 && url.includes('/api/v1/'))) {
      problems.push(`${r.status()} ${r.request().method()} ${url}`);
    }
  });
  return problems;
}

/** Waits for a page's data: no request in flight and no spinner left. */
async function settle(page: Page) {
  await page.waitForLoadState('networkidle');
  await expect(page.locator('.ant-spin-spinning')).toHaveCount(0, { timeout: 15_000 });
}

test('a few firms with figures, so the pages have something to draw', async ({ page }) => {
  await login(page, 'officer');
  const rows = [2023, 2024, 2025].map(
    (year, i) =>
      `${makeUscc(8101)},${FIRM},2019-05-01,320904,I65,${year},80,20,${2000 + 400 * i},150,1800,4000,1500,2`,
  );
  await importCsv(page, 'pages.csv', `${[FIGURES_HEADER, ...rows].join('\n')}\n`);
  expect(await firmId(page, FIRM)).toBeTruthy();
});

for (const { user, roles } of USERS) {
  test(`${user}: every page it may open draws without an error`, async ({ page }) => {
    test.setTimeout(180_000);
    await login(page, user);
    const problems = watch(page);
    const pages: string[] = Object.values(PATHS).filter((p) => !SKIP.has(p) && canOpen(p, roles));
    // The profile of a firm the user can see (nt_officer sees none of 盐南's).
    const found = await page.request.get(`/api/v1/enterprises?q=${encodeURIComponent(FIRM)}`);
    const firm = (await found.json()).items?.[0];
    if (firm) pages.push(`${PATHS.enterprises}/${firm.id}`);
    for (const path of pages) {
      const before = problems.length;
      await page.goto(path);
      await settle(page);
      await expect(page.getByTestId('page-403'), `${user} ${path}`).toHaveCount(0);
      const text = await page.locator('main, .ant-layout-content').first().innerText();
      expect(text, `${user} ${path}`).not.toMatch(NEVER_SHOWN);
      expect(problems.slice(before), `${user} ${path}`).toEqual([]);
      // A table cell holding a bare key ("relation_seed") is a name nobody translated.
      const rawKeys = await page
        .locator('td')
        .evaluateAll((tds) =>
          tds.map((td) => td.textContent?.trim() ?? '').filter((t) => /^[a-z]+(_[a-z]+)+$/.test(t)),
        );
      expect(rawKeys, `${user} ${path}`).toEqual([]);
    }
    await snap(page, `pages-${user}-last`);
  });
}
