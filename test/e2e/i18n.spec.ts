import { expect, test } from '@playwright/test';
import { makeUscc } from '../helpers/enterprise-files';
import { csrf, FIGURES_HEADER, firmId, importCsv, login, menu, shot, switchLanguage } from './helpers';

test('switching to English changes the menu and is remembered', async ({ page }) => {
  await login(page, 'admin');
  await switchLanguage(page, 'English');

  const nav = menu(page);
  await expect(nav.getByText('Dashboard')).toBeVisible();
  await expect(nav.getByText('Jobs')).toBeVisible();
  await expect(nav.getByText('Audit log')).toBeVisible();
  await expect(nav.getByText('System')).toBeVisible();
  await expect(nav.getByText('工作台')).toHaveCount(0);
  await expect(page.getByTestId('header-roles')).toContainText('Administrator');
  await expect(page.getByText('Welcome back, 王管理')).toBeVisible();
  await shot(page, 'english-home');

  // Server messages follow the language too.
  await page.goto('/admin/orgs');
  await page.getByTestId('org-tree').getByText('盐南高新区').click();
  await page.getByTestId('org-detail').getByRole('button', { name: 'Delete' }).click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: 'OK' }).click();
  await expect(page.getByText('You cannot delete your own organisation')).toBeVisible();
  await shot(page, 'english-orgs');

  // A firm and a project of CNY 500 M to show.
  const firm = '盐南英文界面测试科技有限公司';
  await importCsv(
    page,
    'english.csv',
    `${FIGURES_HEADER}\n${makeUscc(8801)},${firm},2019-05-01,320904,I65,2025,80,20,2000,150,1800,4000,1500,2\n`,
  );
  const made = await page.request.post('/api/v1/projects', {
    headers: { 'x-csrf-token': await csrf(page) },
    data: {
      name: '英文界面测试项目',
      enterpriseId: await firmId(page, firm),
      source: '其他',
      type: '其他',
      plannedInvestment: 5e8,
    },
  });
  expect(made.status(), await made.text()).toBe(201);

  // The project stages are named in English too (they were the domain's Chinese names).
  await page.goto('/projects');
  await expect(page.getByTestId('board-column-lead')).toContainText('Lead');
  await expect(page.getByTestId('board-column-signing')).toContainText('Signing');
  await expect(page.getByTestId('board-column-lead')).not.toContainText('线索');
  // Money on the cards in English terms too.
  await expect(
    page.getByTestId('project-card-英文界面测试项目').getByTestId('project-card-investment'),
  ).toHaveText('CNY 500 M');

  // A 双月点评 is titled by its months in English (the server stores the Chinese title).
  const review = await page.request.post('/api/v1/project-reviews', {
    headers: { 'x-csrf-token': await csrf(page) },
    data: { period: '2025-12' },
  });
  expect(review.status(), await review.text()).toBe(201);
  await page.goto('/project-reports?tab=reviews');
  await expect(page.getByTestId('reviews-table')).toContainText('Review Dec 2025 – Jan 2026');
  await expect(page.getByTestId('reviews-table')).not.toContainText('双月点评');

  // The 年度总结 paragraph is written in English from the year's figures.
  await page.goto('/project-reports?tab=year');
  const yearText = page.getByTestId('year-text');
  await expect(yearText).toContainText(/^In \d{4}, 盐南高新区 gained \d+ new leads? and signed/);
  await expect(yearText).not.toContainText('招商线索');

  // Money typed in 万元 says so: "10k CNY", never "M" (20 typed as "20 M" would store 200,000 yuan).
  await page.goto(`/enterprises/${await firmId(page, firm)}`);
  await page.getByTestId('enterprise-edit').click();
  const capital = page.getByTestId('enterprise-capital');
  await expect(
    capital.locator('xpath=ancestor::*[contains(@class,"ant-input-affix-wrapper")][1]'),
  ).toContainText('10k CNY');
  await page.keyboard.press('Escape');

  await page.reload();
  await expect(menu(page).getByText('Dashboard')).toBeVisible();
  await switchLanguage(page, '中文');
  await expect(menu(page).getByText('工作台')).toBeVisible();
});
