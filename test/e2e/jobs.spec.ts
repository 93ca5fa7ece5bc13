import { expect, test } from '@playwright/test';
import { login, shot } from './helpers';

test('the audit CSV export shows its progress and ends with a download link', async ({ page }) => {
  await login(page, 'leader');
  await page.goto('/audit');
  await page.getByTestId('audit-export-btn').click();
  const panel = page.getByTestId('audit-export');
  await expect(panel).toBeVisible();
  await expect(panel.locator('.ant-progress')).toBeVisible();
  await expect(panel).toContainText('导出完成', { timeout: 30_000 });
  await expect(panel).toContainText('100%');
  const link = panel.getByTestId('audit-export-download');
  await expect(link).toBeVisible();
  await shot(page, 'audit-export');

  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  expect(download.suggestedFilename()).toMatch(/^审计日志-\d{4}-\d{2}-\d{2}\.csv$/);

  // The same job is listed in 任务中心 with a full progress bar and its own download button.
  await page.getByTestId('main-menu').getByText('任务中心').click();
  const table = page.getByTestId('jobs-table');
  const row = table.getByRole('row').filter({ hasText: '审计日志导出' }).first();
  await expect(row).toContainText('已完成');
  await expect(row).toContainText('100%');
  await expect(row.getByTestId('job-download')).toBeVisible();
  await shot(page, 'jobs');
});
