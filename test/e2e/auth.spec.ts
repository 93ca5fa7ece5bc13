import { expect, test } from '@playwright/test';
import { login, shot } from './helpers';

test('login page shows KeZhao branding and the server message for a wrong password', async ({ page }) => {
  // Not being signed in is the expected state here: the page logs no failed request.
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  await page.goto('/');
  await expect(page.getByPlaceholder('用户名')).toBeVisible();
  expect(problems).toEqual([]);
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByText('科招 KeZhao').first()).toBeVisible();
  await shot(page, 'login');

  await page.getByPlaceholder('用户名').fill('expert');
  await page.getByPlaceholder('密码').fill('wrong-password-1');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page.getByTestId('login-error')).toContainText('用户名或密码错误');
  await expect(page).toHaveURL(/\/login$/);
  await shot(page, 'login-error');
});

test('an unknown URL shows the 404 page', async ({ page }) => {
  await login(page, 'officer');
  await page.goto('/no/such/page');
  await expect(page.getByTestId('page-404')).toBeVisible();
  await expect(page.getByText('抱歉，您访问的页面不存在。')).toBeVisible();
  await shot(page, '404');
});

test('logging out ends the session', async ({ page }) => {
  await login(page, 'analyst');
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await page.goto('/jobs');
  await expect(page).toHaveURL(/\/login$/);
});

test('repeated failures lock the account and the lockout message says so', async ({ page }) => {
  await page.goto('/login');
  const submit = page.getByRole('button', { name: /登\s*录/ });
  await page.getByPlaceholder('用户名').fill('no_such_user_lock');
  for (let i = 0; i < 5; i++) {
    await page.getByPlaceholder('密码').fill(`wrong-${i}`);
    await submit.click();
    await expect(page.getByTestId('login-error')).toContainText('用户名或密码错误');
  }
  await page.getByPlaceholder('密码').fill('wrong-again');
  await submit.click();
  await expect(page.getByTestId('login-error')).toContainText('登录失败次数过多，账户已临时锁定');
  await expect(page.getByTestId('login-error')).toContainText('分钟后可再试');
  await shot(page, 'login-locked');
});
