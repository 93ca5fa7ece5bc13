import { expect, test } from '@playwright/test';
import { login, pickOption, shot } from './helpers';

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
  // On a 1366 px screen no cell is cut: the 说明 column once showed "已导出 3…".
  await page.setViewportSize({ width: 1366, height: 768 });
  for (const cell of await row.locator('td').all())
    expect(await cell.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
  await shot(page, 'jobs');

  // 审计日志 names the job by its kind, as 任务中心 does, not by its code (audit.export).
  await page.getByTestId('main-menu').getByText('审计日志').click();
  await page.getByTestId('audit-entity-filter').click();
  await page.keyboard.type('任务');
  await pickOption(page, page.getByTestId('audit-entity-filter'), '任务');
  const audit = page.getByTestId('audit-table');
  const created = audit.getByRole('row').filter({ hasText: '新建' }).first();
  await expect(created).toContainText('审计日志导出');
  await expect(audit).not.toContainText('audit.export');
});
