/** Shared steps of the browser tests: sign in through the real form, and keep screenshots. */
import { expect, type Page } from '@playwright/test';

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
