import { expect, type Page, test } from '@playwright/test';
import { addOption, login, shot, uniqueName } from './helpers';

const username = uniqueName('e2e_');
const displayName = '测试专员';
const password = 'Kezhao2026x';

async function openUsers(page: Page) {
  await page.goto('/admin/users');
  await expect(page.getByTestId('users-table')).toBeVisible();
}

test.describe
  .serial('用户管理', () => {
    test('admin creates a user and that user can sign in', async ({ page, browser }) => {
      await login(page, 'admin');
      await openUsers(page);
      await page.getByTestId('user-create').click();
      const modal = page.getByRole('dialog');
      await expect(modal.getByText('新建用户')).toBeVisible();

      // Client-side rules mirror the API: an empty form and a weak password are refused before sending.
      await modal.getByRole('button', { name: /保\s*存/ }).click();
      await expect(modal.getByText('请输入用户名')).toBeVisible();
      await expect(modal.getByText('至少选择一个角色')).toBeVisible();

      await modal.getByLabel('用户名').fill(username);
      await modal.getByLabel('姓名').fill(displayName);
      await modal.getByLabel('初始密码').fill('short');
      await expect(modal.getByText('密码至少 8 位，且须同时包含字母和数字').first()).toBeVisible();
      await modal.getByLabel('初始密码').fill(password);
      await addOption(page, modal.getByLabel('角色'), '招商专员');
      await page.keyboard.press('Escape');
      await shot(page, 'users-create');
      await modal.getByRole('button', { name: /保\s*存/ }).click();
      await expect(page.getByText('用户已创建')).toBeVisible();

      const row = page.getByRole('row', { name: new RegExp(username) });
      await expect(row).toContainText(displayName);
      await expect(row).toContainText('招商专员');
      await expect(row).toContainText('正常');
      await shot(page, 'users-admin');

      // The new user signs in in a separate browser session.
      const ctx = await browser.newContext();
      const userPage = await ctx.newPage();
      await login(userPage, username, password);
      await expect(userPage.getByTestId('header-user')).toHaveText(displayName);
      await ctx.close();
    });

    test('a disabled user is thrown out of an open session and cannot sign in', async ({ page, browser }) => {
      const ctx = await browser.newContext();
      const userPage = await ctx.newPage();
      await login(userPage, username, password);

      await login(page, 'admin');
      await openUsers(page);
      const row = page.getByRole('row', { name: new RegExp(username) });
      await row.getByRole('button', { name: /停\s*用/ }).click();
      await expect(page.getByText(`确定停用“${displayName}”吗？`, { exact: false })).toBeVisible();
      await page
        .locator('.ant-popconfirm')
        .getByRole('button', { name: /确\s*定/ })
        .click();
      await expect(row).toContainText('已停用');

      // The next navigation in the user's still-open tab finds the session gone.
      await userPage.getByTestId('main-menu').getByText('任务中心').click();
      await expect(userPage).toHaveURL(/\/login$/);
      await userPage.getByPlaceholder('用户名').fill(username);
      await userPage.getByPlaceholder('密码').fill(password);
      await userPage.getByRole('button', { name: /登\s*录/ }).click();
      await expect(userPage.getByTestId('login-error')).toContainText('该账户已停用');
      await ctx.close();

      // Enable again so the row offers 停用 once more.
      await row.getByRole('button', { name: /启\s*用/ }).click();
      await page
        .locator('.ant-popconfirm')
        .getByRole('button', { name: /确\s*定/ })
        .click();
      await expect(row).toContainText('正常');
    });

    test('a stale edit gets the 409 message and the table reloads', async ({ page }) => {
      await login(page, 'admin');
      await openUsers(page);
      const row = page.getByRole('row', { name: new RegExp(username) });
      await row.getByRole('button', { name: /编\s*辑/ }).click();
      const modal = page.getByRole('dialog');
      await modal.getByLabel('姓名').fill('测试专员（甲）');

      // Someone else saves first, through the API with the same session.
      const me = await (await page.request.get('/api/v1/me')).json();
      const list = await (await page.request.get(`/api/v1/users?q=${username}`)).json();
      const user = list.items[0];
      const res = await page.request.patch(`/api/v1/users/${user.id}`, {
        headers: { 'x-csrf-token': me.csrfToken },
        data: { version: user.version, displayName: '测试专员（乙）' },
      });
      expect(res.status()).toBe(200);

      await modal.getByRole('button', { name: /保\s*存/ }).click();
      await expect(page.getByText('数据已被他人修改，请刷新后重试')).toBeVisible();
      await expect(row).toContainText('测试专员（乙）');
    });

    test('admin resets the password, then the user changes it again from the header menu', async ({
      page,
      browser,
    }) => {
      await login(page, 'admin');
      await openUsers(page);
      const row = page.getByRole('row', { name: new RegExp(username) });
      await row.getByRole('button', { name: '重置密码' }).click();
      const modal = page.getByRole('dialog');
      await modal.getByLabel('新密码').fill('abcdefgh');
      await modal.getByRole('button', { name: /保\s*存/ }).click();
      await expect(modal.getByText('密码至少 8 位，且须同时包含字母和数字').first()).toBeVisible();
      await modal.getByLabel('新密码').fill('Reset2026pw');
      await modal.getByRole('button', { name: /保\s*存/ }).click();
      await expect(page.getByText('密码已重置')).toBeVisible();

      const ctx = await browser.newContext();
      const userPage = await ctx.newPage();
      await login(userPage, username, 'Reset2026pw');
      await userPage.getByTestId('user-menu').click();
      await userPage.getByRole('menuitem', { name: '修改密码' }).click();
      const pw = userPage.getByRole('dialog');
      await pw.getByLabel('原密码').fill('not-the-old-1');
      await pw.getByLabel('新密码', { exact: true }).fill(password);
      await pw.getByLabel('确认新密码').fill(password);
      await pw.getByRole('button', { name: /保\s*存/ }).click();
      await expect(userPage.getByText('原密码不正确')).toBeVisible();
      await pw.getByLabel('原密码').fill('Reset2026pw');
      await pw.getByRole('button', { name: /保\s*存/ }).click();
      await expect(userPage.getByText('密码已修改')).toBeVisible();
      await userPage.getByTestId('user-menu').click();
      await userPage.getByRole('menuitem', { name: '退出登录' }).click();
      await login(userPage, username, password);
      await ctx.close();
    });

    test('the leader finds the creation in the audit log with its before and after', async ({ page }) => {
      await login(page, 'leader');
      await page.getByTestId('main-menu').getByText('审计日志').click();
      await expect(page.getByTestId('audit-table')).toBeVisible();
      const row = page
        .getByRole('row')
        .filter({ hasText: '王管理' })
        .filter({ hasText: '新建' })
        .filter({ hasText: '用户' });
      await expect(row.first()).toBeVisible();
      await row.first().click();
      const diff = page.getByTestId('audit-diff').first();
      await expect(diff).toBeVisible();
      await expect(diff).toContainText('修改前');
      await expect(diff).toContainText('修改后');
      await expect(diff).toContainText('username');
      await expect(diff).toContainText(username);
      await expect(diff).toContainText('（空）');
      await shot(page, 'audit-log');
    });
  });
