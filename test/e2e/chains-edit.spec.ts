/** Editing chains in the browser: 盐南's admin opens 光伏 (a template of the platform) under 编辑 and
 *  finds it read-only, copies it as the org's own chain, and in the copy renames a node, adds a child
 *  with keywords (an industry code that is not two digits is refused in the form), drags a node under
 *  another, moves one through 移动到…, tries a move the server refuses (deeper than three levels) and
 *  reads its Chinese reason, deletes a node and its children after confirming; then exports the chain
 *  as JSON, imports a broken copy (each problem named with the node's path, problems with the segment
 *  list named 环节) and imports the file back (confirmed first: every node kept), and a copy without
 *  one node (the confirmation says it and its decisions would go; cancelled). The copy's map shows its
 *  whole name, and its header says it awaits 重新匹配. A 500-node chain is drawn, not left blank, on a
 *  high-density screen. */
import { readFileSync, writeFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { confirmAndWait, csrf, login, menu, snap } from './helpers';

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

/** The map canvas's first pixel column (from the left) holding ink of the root label's blue, #1656d6;
 *  0 when the label runs off the canvas's edge, -1 when there is none. */
async function rootInkFrom(page: Page): Promise<number> {
  return page
    .getByTestId('chain-map')
    .locator('canvas')
    .first()
    .evaluate((c: HTMLCanvasElement) => {
      const ctx = c.getContext('2d');
      if (!ctx) return -1;
      const w = Math.min(c.width, 600);
      const { data } = ctx.getImageData(0, 0, w, c.height);
      for (let x = 0; x < w; x++)
        for (let y = 0; y < c.height; y++) {
          const i = (y * w + x) * 4;
          const [r, g, b, a] = [data[i], data[i + 1], data[i + 2], data[i + 3]];
          if (a > 128 && b > 150 && r < 120 && g < 160 && b - r > 80) return x;
        }
      return -1;
    });
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
  // No firm is on the copy yet: the header says to re-match, not when the org's firms were matched.
  await expect(page.getByTestId('chain-placed-at')).toHaveText('尚未匹配企业，请点击“重新匹配”');
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
  // And, a level up in another segment, a second 硅料 beside the first.
  broken.segments
    .find((s: { segment: string }) => s.segment === 'upstream')
    .children.push({ name: '硅料', keywords: ['硅'] });
  const badPath = test.info().outputPath('broken.json');
  writeFileSync(badPath, JSON.stringify(broken));
  const fileInput = page.getByTestId('import-json').locator('input[type=file]');
  await fileInput.setInputFiles(badPath);
  const errors = page.getByTestId('import-errors');
  await expect(page.locator('.ant-modal-confirm-title')).toHaveText('导入失败，请按以下提示修改文件后重试');
  await expect(errors).toContainText('中游 › 光伏组件 › 双玻组件 › 行业代码 › 第 1 项');
  await expect(errors).toContainText('行业代码应为两位国民经济行业大类代码');
  await expect(errors.getByRole('row')).toHaveCount(3);
  await expect(errors).toContainText('上游 › 硅料 › 名称');
  await expect(errors).toContainText('同一上级下已有名为“硅料”的节点，同级节点不能重名');
  await page.getByRole('button', { name: /知\s*道\s*了|OK|确\s*定/ }).click();
  await expect(errors).toBeHidden();

  // Problems with the list of segments itself are named 环节, not 文件.
  const noSegments = test.info().outputPath('no-segments.json');
  writeFileSync(noSegments, JSON.stringify({ ...exported, segments: [] }));
  await fileInput.setInputFiles(noSegments);
  await expect(errors.getByRole('row').nth(1)).toContainText('环节');
  await expect(errors).not.toContainText('文件');
  await page.getByRole('button', { name: /知\s*道\s*了|OK|确\s*定/ }).click();
  await expect(errors).toBeHidden();

  // Without 双玻组件: the confirmation says one node and its decisions would go; cancelled, it stays.
  const fewer = structuredClone(exported);
  fewer.segments
    .find((s: { segment: string }) => s.segment === 'midstream')
    .children.find((n: { name: string }) => n.name === '光伏组件').children = [];
  const fewerPath = test.info().outputPath('fewer.json');
  writeFileSync(fewerPath, JSON.stringify(fewer));
  await fileInput.setInputFiles(fewerPath);
  const confirm = page.getByTestId('import-confirm');
  await expect(page.locator('.ant-modal-confirm-title')).toHaveText(`用此文件更新本组织的“${COPY}”？`);
  await expect(confirm).toContainText('保留 35 个节点，新增 0 个，删除 1 个');
  await expect(page.getByTestId('import-confirm-removed')).toContainText(
    '将删除 1 个节点，它们的企业匹配一并删除',
  );
  await expect(page.getByTestId('import-confirm-ok')).toHaveText(/导入并删除 1 个节点/);
  await page.getByRole('button', { name: /取\s*消|Cancel/ }).click();
  await expect(confirm).toBeHidden();
  await expect(treeNode(page, '双玻组件')).toBeVisible();

  // The exported file imported back, confirmed: every node kept as it was.
  await fileInput.setInputFiles(path);
  await expect(confirm).toContainText('保留 36 个节点，新增 0 个，删除 0 个');
  await expect(page.getByTestId('import-confirm-removed')).toHaveCount(0);
  await page.getByTestId('import-confirm-ok').click();
  await expect(page.getByText(`已更新“${COPY}”：保留 36 个节点，新增 0 个，删除 0 个`)).toBeVisible();
  await expect(select).toContainText(COPY);
  await expect(page.getByTestId('chain-editor')).toBeVisible();
  await pick(page, '双玻组件');
  await expect(page.getByTestId('edit-keywords')).toContainText('双玻组件');
  await expect(page.getByText(/已导入|节点已保存|已删除|已把/)).toHaveCount(0, { timeout: 10_000 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await snap(page, 'chains-edit');

  // The map shows the root's whole name: its first letter is not cut at the canvas's edge.
  await page.getByTestId('chain-tabs').getByRole('tab', { name: '图谱' }).click();
  await expect.poll(() => rootInkFrom(page), { timeout: 10_000 }).toBeGreaterThan(3);
});

test.describe('a chain of 500 nodes on a high-density screen', () => {
  test.use({ deviceScaleFactor: 3 });

  test('is drawn to its last leaf, not left blank', async ({ page }) => {
    await login(page, 'admin');
    const file = {
      key: 'yn-big-map',
      name: '五百节点链',
      segments: [
        {
          segment: 'upstream',
          children: Array.from({ length: 50 }, (_, i) => ({
            name: `环节${i}`,
            children: Array.from({ length: 9 }, (_, j) => ({ name: `节点${i}-${j}` })),
          })),
        },
      ],
    };
    const res = await page.request.post('/api/v1/chains/import', {
      headers: { 'x-csrf-token': await csrf(page) },
      data: file,
    });
    expect(res.ok(), await res.text()).toBe(true);
    await page.goto(`/chains?chain=${(await res.json()).id}`);
    const canvas = page.getByTestId('chain-map').locator('canvas').first();
    await expect(canvas).toBeVisible();
    // Ink in the canvas's bottom tenth, where the last leaves are.
    const inkAtBottom = () =>
      canvas.evaluate((c: HTMLCanvasElement) => {
        const ctx = c.getContext('2d');
        if (!ctx || c.height === 0) return 0;
        const top = Math.floor(c.height * 0.9);
        const { data } = ctx.getImageData(0, top, c.width, c.height - top);
        let ink = 0;
        for (let i = 3; i < data.length; i += 4) if (data[i] > 0) ink++;
        return ink;
      });
    await expect.poll(inkAtBottom, { timeout: 15_000 }).toBeGreaterThan(100);
    // Drawn at less than the screen's density when that keeps the canvas within what browsers draw
    // (Firefox stops at 32,767 pixels a side; 500 nodes at 3× would be 36,000).
    expect(await canvas.evaluate((c: HTMLCanvasElement) => c.height)).toBeLessThanOrEqual(16_000);
  });
});
