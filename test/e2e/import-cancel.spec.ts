/** A long import in the browser: the upload shows its percentage, the progress shows how much time is probably left, and 取消 stops it
 *  with the batches written so far kept whole — the message says how many, and that is what the
 *  registry holds. Runs as nt_officer so the 100,000 firms stay out of 盐南, which later tests read. */
import { mkdtempSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { writeManyFirms } from '../helpers/enterprise-files';
import { confirmAndWait, login, snap } from './helpers';

const dir = mkdtempSync(path.join(os.tmpdir(), 'kezhao-e2e-cancel-'));
const CSV = path.join(dir, '大批企业名单.csv');
writeManyFirms(CSV, 100_000, 600_000);

async function firmCount(page: Page): Promise<number> {
  return (await (await page.request.get('/api/v1/enterprises?pageSize=1')).json()).total;
}

test('a long import shows the time left and is cancelled with whole batches kept', async ({ page }) => {
  test.setTimeout(120_000);
  await login(page, 'nt_officer');
  const before = await firmCount(page);
  await page.goto('/enterprises/import');
  // The preview needs the first rows only: of the 8 MB file it is sent the first megabyte.
  const [preview] = await Promise.all([
    page.waitForRequest(/\/imports\/preview$/),
    page.getByTestId('import-file').locator('input[type=file]').setInputFiles(CSV),
  ]);
  expect(statSync(CSV).size).toBeGreaterThan(5_000_000);
  expect(Number((await preview.allHeaders())['content-length'])).toBeLessThan(1_100_000);
  await expect(page.getByTestId('import-columns')).toContainText('统一社会信用代码');
  // As over an office network (2 MB/s up): the button shows how much of the 8 MB file has been sent.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  const throttle = (uploadThroughput: number) =>
    cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput,
    });
  await throttle(2 * 1024 * 1024);
  await page.getByTestId('import-start').click();
  await expect(page.getByTestId('import-start')).toContainText(/正在上传 [1-9]\d*%/);
  await throttle(-1);

  const progress = page.getByTestId('import-progress');
  await expect(page.getByTestId('import-message')).toContainText(/已处理 \d+ 行/, { timeout: 30_000 });
  // After a few seconds of steady work the server can say how long the rest will take.
  await expect(progress.getByTestId('job-remaining')).toContainText(/约剩 \d+ (秒|分钟)/, {
    timeout: 30_000,
  });
  await snap(page, 'import-running');

  await confirmAndWait(
    page,
    page.getByTestId('import-cancel'),
    page.getByTestId('import-cancel-ok'),
    /\/cancel$/,
  );
  await expect(page.getByTestId('import-cancelled')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('import-cancelled')).toContainText('其后的行没有写入');
  await expect(progress.getByTestId('job-remaining')).toHaveCount(0);
  const message = await page.getByTestId('import-message').innerText();
  const written = Number(/^已取消。取消前：已处理 \d+ 行：新增 (\d+)，/.exec(message)?.[1]);
  expect(written, message).toBeGreaterThan(0);
  expect(written).toBeLessThan(100_000);
  expect(written % 500).toBe(0);
  expect(await firmCount(page)).toBe(before + written);
  await snap(page, 'import-cancelled');
});
