import { expect, test } from '@playwright/test';
import { login, menu, shot } from './helpers';

const CASES = [
  { user: 'admin', name: '王管理', role: '管理员', audit: true, users: true, cultivation: true },
  { user: 'leader', name: '李局长', role: '分管领导', audit: true, users: false, cultivation: true },
  { user: 'officer', name: '张专员', role: '招商专员', audit: false, users: false, cultivation: true },
  { user: 'expert', name: '陈教授', role: '技术委员会专家', audit: false, users: false, cultivation: false },
  { user: 'analyst', name: '赵分析', role: '尽调人员', audit: false, users: false, cultivation: true },
] as const;

for (const c of CASES) {
  test(`${c.user} sees the modules of the ${c.role} role`, async ({ page }) => {
    await login(page, c.user);
    await expect(page.getByTestId('header-user')).toHaveText(c.name);
    await expect(page.getByTestId('header-org')).toHaveText('盐南高新区');
    await expect(page.getByTestId('header-roles')).toContainText(c.role);

    const nav = menu(page);
    await expect(nav.getByText('工作台')).toBeVisible();
    await expect(nav.getByText('任务中心')).toBeVisible();
    await expect(nav.getByText('API 文档')).toBeVisible();
    await expect(nav.getByText('审计日志')).toHaveCount(c.audit ? 1 : 0);
    await expect(nav.getByText('系统管理')).toHaveCount(c.users ? 1 : 0);
    await expect(nav.getByText('梯度培育')).toHaveCount(c.cultivation ? 1 : 0);
    await expect(nav.getByText('政策找企业')).toHaveCount(c.cultivation ? 1 : 0);
    if (c.users) {
      await nav.getByText('系统管理').click();
      await expect(nav.getByText('用户管理')).toBeVisible();
      await expect(nav.getByText('组织机构')).toBeVisible();
    } else {
      await expect(nav.getByText('用户管理')).toHaveCount(0);
    }
    await shot(page, `home-${c.user}`);
  });
}

test('an officer who opens /admin/users directly gets the 403 page', async ({ page }) => {
  await login(page, 'officer');
  await page.goto('/admin/users');
  await expect(page.getByTestId('page-403')).toBeVisible();
  await expect(page.getByText('无权访问', { exact: true })).toBeVisible();
  await expect(page.getByTestId('users-table')).toHaveCount(0);
  await shot(page, '403');
});

test('nt_officer sees only 南通开发区 in the org list', async ({ page }) => {
  await login(page, 'nt_officer');
  const scope = page.getByTestId('org-scope');
  await expect(scope.getByText('南通开发区')).toBeVisible();
  await expect(scope.getByText('盐南高新区')).toHaveCount(0);
  await expect(scope.getByText('南通市')).toHaveCount(0);
  await expect(scope.locator('[data-testid^="org-node-"]')).toHaveCount(1);
  await shot(page, 'home-nt_officer');
});
