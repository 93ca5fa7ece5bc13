import { expect, test } from '@playwright/test';
import { makeUscc } from '../helpers/enterprise-files';
import { FIGURES_HEADER, firmId, importCsv, login, menu, shot } from './helpers';

test('switching to English changes the menu and is remembered', async ({ page }) => {
  await login(page, 'admin');
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: 'English' }).click();

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
  await expect(page.getByText('The organisation still has children or users')).toBeVisible();
  await shot(page, 'english-orgs');

  // The project stages are named in English too (they were the domain's Chinese names).
  await page.goto('/projects');
  await expect(page.getByTestId('board-column-lead')).toContainText('Lead');
  await expect(page.getByTestId('board-column-signing')).toContainText('Signing');
  await expect(page.getByTestId('board-column-lead')).not.toContainText('线索');

  // Money typed in 万元 says so: "10k CNY", never "M" (20 typed as "20 M" would store 200,000 yuan).
  const firm = '盐南英文界面测试科技有限公司';
  await importCsv(
    page,
    'english.csv',
    `${FIGURES_HEADER}\n${makeUscc(8801)},${firm},2019-05-01,320904,I65,2025,80,20,2000,150,1800,4000,1500,2\n`,
  );
  await page.goto(`/enterprises/${await firmId(page, firm)}`);
  await page.getByTestId('enterprise-edit').click();
  const capital = page.getByTestId('enterprise-capital');
  await expect(
    capital.locator('xpath=ancestor::*[contains(@class,"ant-input-affix-wrapper")][1]'),
  ).toContainText('10k CNY');
  await page.keyboard.press('Escape');

  await page.reload();
  await expect(menu(page).getByText('Dashboard')).toBeVisible();
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: '中文' }).click();
  await expect(menu(page).getByText('工作台')).toBeVisible();
});
