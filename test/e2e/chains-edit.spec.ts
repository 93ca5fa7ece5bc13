/** Editing chains in the browser: 盐南's admin opens 光伏 (a template of the platform) under 编辑 and
 *  finds it read-only, copies it as the org's own chain, and in the copy renames a node, adds a child
 *  with keywords (an industry code that is not two digits is refused in the form), drags a node under
 *  another, moves one through 移动到…, tries a move the server refuses (deeper than three levels) and
 *  reads its Chinese reason, deletes a node and its children after confirming; then exports the chain
 *  as JSON, imports a broken copy (each problem named with the node's path) and imports the file back
 *  (the chain replaced). */
import { readFileSync, writeFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { confirmAndWait, login, menu, snap } from './helpers';

test.describe.configure({ mode: 'serial' });

const COPY = '光伏（本组织）';

function treeNode(page: Page, name: string) {
  return page.getByTestId('edit-tree').getByTestId(`edit-tree-node-${name}`);
}

async function pick(page: Page, name: string) {
  await treeNode(page, name).click();
  await expect(page.getByTestId('edit-node-title')).toHaveText(name);
}

/** HTML5 drag of one tree node onto another, with the mouse in small steps as a person would. */
async function drag(page: Page, from: string, onto: string) {
  const source = treeNode(page, from);
  const target = treeNode(page, onto);
  // Both nodes in the middle of the screen, away from the edges where the browser scrolls while dragging.
  await source.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await page.waitForTimeout(200);
  const a = await source.boundingBox();
  const b = await target.boundingBox();
  if (!a || !b) throw new Error('tree node not on screen');
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2 - 5, { steps: 3 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height * 0.75, { steps: 10 });
  await page.mouse.up();
}

/** The drag until the page confirms the move, retried as pickOption retries a pick: under CI load the
 *  browser can end an HTML5 drag without a drop (CI at ea244cd saw no move at all). A retried drop
 *  onto the same parent moves nothing a second time, so trying again is safe. */
async function dragUntilMoved(page: Page, from: string, onto: string) {
  await expect(async () => {
    await drag(page, from, onto);
    await expect(page.getByText(`已把“${from}”移到“${onto}”下`).first()).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 30_000 });
}

async function addTags(page: Page, testId: string, words: string[]) {
  const input = page.getByTestId(testId).locator('input');
  for (const w of words) {
    await input.fill(w);
    await input.press('Enter');
  }
}

test('an admin copies a template, edits the copy and round-trips it as JSON', async ({ page }) => {
  test.setTimeout(180_000);
  await login(page, 'admin');
  await menu(page).getByText('产业链图谱').click();
  await expect(page).toHaveURL(/\/chains$/);
  const select = page.getByTestId('chain-select');
  await expect(select).toContainText('光伏');

  // 光伏 belongs to the platform: 编辑 explains it is read-only and offers a copy.
  const tabs = page.getByTestId('chain-tabs');
  await tabs.getByRole('tab', { name: '编辑' }).click();
  await expect(page).toHaveURL(/tab=edit/);
  const readOnly = page.getByTestId('edit-read-only');
  await expect(readOnly).toContainText('“光伏”是平台提供的产业链模板');
  await expect(readOnly).toContainText('只能查看');
  await expect(page.getByTestId('chain-editor')).toHaveCount(0);

  await page.getByTestId('edit-copy').click();
  await expect(page.getByTestId('edit-copy-name')).toHaveValue(COPY);
  await expect(page.getByTestId('edit-copy-key')).toHaveValue('pv-yannan');
  await page.getByTestId('edit-copy-ok').click();
  await expect(page.getByText(`已复制为“${COPY}”，共 39 个节点`)).toBeVisible();
  await expect(select).toContainText(COPY);
  await expect(page.getByTestId('chain-editor')).toBeVisible();
  await expect(treeNode(page, 'upstream')).toHaveText('上游');

  // Rename 组件 → 光伏组件.
  await pick(page, '组件');
  await expect(page.getByTestId('edit-node-path')).toHaveText('中游 › 组件');
  await page.getByTestId('edit-name').fill('光伏组件');
  await page.getByTestId('edit-save').click();
  await expect(page.getByText('节点已保存')).toBeVisible();
  await expect(treeNode(page, '光伏组件')).toBeVisible();
  await expect(treeNode(page, '组件')).toHaveCount(0);

  // A child of 光伏组件 with keywords; "C38" is not a two-digit code and is refused in the form.
  await pick(page, '光伏组件');
  await page.getByTestId('edit-add').click();
  await page.getByTestId('add-name').fill('双玻组件');
  await addTags(page, 'add-keywords', ['双玻组件', '双面组件']);
  await addTags(page, 'add-codes', ['C38']);
  await page.getByTestId('edit-add-ok').click();
  await expect(page.getByText('行业代码应为两位数字，如 38：C38')).toBeVisible();
  await page.getByTestId('add-codes').locator('.ant-select-selection-item-remove').click();
  await addTags(page, 'add-codes', ['38']);
  await page.getByTestId('edit-add-ok').click();
  await expect(page.getByText('已添加“双玻组件”')).toBeVisible();
  await expect(page.getByTestId('edit-node-title')).toHaveText('双玻组件');
  await expect(page.getByTestId('edit-node-path')).toHaveText('中游 › 光伏组件 › 双玻组件');
  await expect(page.getByTestId('edit-keywords')).toContainText('双面组件');
  await expect(page.getByTestId('edit-codes')).toContainText('38');

  // Drag 支架/跟踪系统 onto 逆变器: it moves under it.
  await dragUntilMoved(page, '支架/跟踪系统', '逆变器');
  await pick(page, '支架/跟踪系统');
  await expect(page.getByTestId('edit-node-path')).toHaveText('中游 › 逆变器 › 支架/跟踪系统');

  // 移动到…: the node's own subtree cannot be picked; 汇流箱与箱变 goes under 逆变器 as well.
  const popup = page.locator('.ant-select-dropdown:visible');
  // Retried as pickOption is: under load the filtered tree can re-render as the click lands, and the
  // pick is lost with 移动 left disabled (a local run of the whole suite once saw it).
  const moveTo = async (name: string) => {
    const select = page.getByTestId('edit-move-select');
    await expect(async () => {
      await select.locator('input').fill(name);
      await popup.getByTitle(name, { exact: true }).click({ timeout: 5000 });
      await expect(select).toContainText(name, { timeout: 2000 });
      await expect(page.getByTestId('edit-move')).toBeEnabled({ timeout: 2000 });
    }).toPass({ timeout: 30_000 });
    await page.getByTestId('edit-move').click();
  };
  await pick(page, '汇流箱与箱变');
  await moveTo('逆变器');
  await expect(page.getByText('已把“汇流箱与箱变”移到“逆变器”下')).toBeVisible();
  await pick(page, '汇流箱与箱变');
  await expect(page.getByTestId('edit-node-path')).toHaveText('中游 › 逆变器 › 汇流箱与箱变');

  // 电池片 has children: under 工业硅 (two levels down) they would sit four deep — the server says no.
  await pick(page, '电池片');
  await page.getByTestId('edit-move-select').locator('input').fill('TOPCon');
  await expect(popup.locator('.ant-select-tree-treenode-disabled', { hasText: 'TOPCon电池' })).toBeVisible();
  await moveTo('工业硅');
  await expect(page.getByText(/不能这样移动.*最多 3 级/)).toBeVisible();
  await pick(page, 'TOPCon电池');
  await expect(page.getByTestId('edit-node-path')).toHaveText('中游 › 电池片 › TOPCon电池');

  // Delete 分布式光伏 with its three children after confirming.
  await pick(page, '分布式光伏');
  await page.getByTestId('edit-delete').click();
  await expect(page.getByText('删除该节点及其全部 3 个下级节点和企业匹配？')).toBeVisible();
  await confirmAndWait(page, page.getByTestId('edit-delete'), page.getByTestId('edit-delete-ok'));
  await expect(page.getByText('已删除 4 个节点')).toBeVisible();
  await expect(treeNode(page, '分布式光伏')).toHaveCount(0);
  await expect(treeNode(page, '户用光伏')).toHaveCount(0);
  await expect(page.getByText('36 个节点')).toBeVisible();

  // 导出 JSON: the copy in the import format, as pv-yannan.json.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-json').click(),
  ]);
  expect(download.suggestedFilename()).toBe('pv-yannan.json');
  const path = await download.path();
  const exported = JSON.parse(readFileSync(path, 'utf8'));
  expect(exported).toMatchObject({ key: 'pv-yannan', name: COPY });
  const text = JSON.stringify(exported);
  expect(text).toContain('双玻组件');
  expect(text).not.toContain('分布式光伏');

  // A broken copy of the file: each problem with where it is, in Chinese; nothing changes.
  const broken = structuredClone(exported);
  const brokenMid = broken.segments.find((s: { segment: string }) => s.segment === 'midstream');
  const module = brokenMid.children.find((n: { name: string }) => n.name === '光伏组件');
  module.children[0].industryCodes = ['C38'];
  const badPath = test.info().outputPath('broken.json');
  writeFileSync(badPath, JSON.stringify(broken));
  const fileInput = page.getByTestId('import-json').locator('input[type=file]');
  await fileInput.setInputFiles(badPath);
  const errors = page.getByTestId('import-errors');
  await expect(page.locator('.ant-modal-confirm-title')).toHaveText('导入失败，请按以下提示修改文件后重试');
  await expect(errors).toContainText('中游 › 光伏组件 › 双玻组件 › 行业代码 › 第 1 项');
  await expect(errors).toContainText('行业代码应为两位国民经济行业大类代码');
  await page.getByRole('button', { name: /知\s*道\s*了|OK|确\s*定/ }).click();

  // The exported file imported back: the same chain, replaced.
  await fileInput.setInputFiles(path);
  await expect(page.getByText('已导入 36 个节点（替换）')).toBeVisible();
  await expect(select).toContainText(COPY);
  await expect(page.getByTestId('chain-editor')).toBeVisible();
  await pick(page, '双玻组件');
  await expect(page.getByTestId('edit-keywords')).toContainText('双玻组件');
  await expect(page.getByText(/已导入|节点已保存|已删除|已把/)).toHaveCount(0, { timeout: 10_000 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await snap(page, 'chains-edit');
});
