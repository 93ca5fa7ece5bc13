/** 招商项目's closed loop in the browser, as an officer of a park made for this run (so its board and
 *  funnel hold only this spec's projects and the other specs' counts are untouched): the 看板 comes from one request; 编辑 saves; an edit based on
 *  a version someone else has since saved is refused with a warning that shows their value while the
 *  form keeps what was typed, and saving again goes through; a PDF uploads, lists and downloads, an EXE
 *  named .pdf is refused with the server's Chinese message; filters saved as a view apply again; the
 *  list exports as XLSX; the 漏斗 counts the projects by stage reached. */
import { expect, type Page, test } from '@playwright/test';
import { makeUscc } from '../helpers/enterprise-files';
import {
  confirmAndWait,
  csrf,
  firmId,
  importCsv,
  login,
  PASSWORD,
  pickOption,
  snap,
  uniqueName,
} from './helpers';

test.describe.configure({ mode: 'serial' });

const RUN = uniqueName('闭环');
const SUFFIX = Date.now().toString(36);
const OFFICER = `loop_officer_${SUFFIX}`;
const OFFICER_NAME = '闭环专员';
const LEADER = `loop_leader_${SUFFIX}`;
const LEADER_NAME = '闭环局长';
const YANCHENG = '00000000-0000-4000-8000-000000000010';
const FIRM = `${RUN}新能源科技有限公司`;
const FUND = `${RUN}基金项目`;
const HOMETOWN = `${RUN}乡贤项目`;
const CSV = `统一社会信用代码,企业名称,成立日期,行政区划代码,所属行业,主要产品,企业类别
${makeUscc(9501, '320500')},${FIRM},2019-05-01,320505,C38,储能变流器,外地
`;

type Project = { id: string; version: number };
const made: Record<string, Project> = {};

async function getProject(page: Page, id: string) {
  const res = await page.request.get(`/api/v1/projects/${id}`);
  expect(res.ok(), await res.text()).toBe(true);
  return res.json();
}

async function openDrawer(page: Page, p: Project) {
  await page.goto(`/projects?project=${p.id}`);
  const drawer = page.getByTestId('project-drawer');
  // Generous: the drawer waits for the page, the board and the project on a busy machine.
  await expect(drawer.getByTestId('project-drawer-title')).toBeVisible({ timeout: 30_000 });
  return drawer;
}

async function search(page: Page) {
  const box = page.getByPlaceholder('搜索项目或企业名称');
  await box.fill(RUN);
  await box.press('Enter');
}

test('the board loads in one request and shows the project', async ({ page, browser }) => {
  test.setTimeout(120_000);
  // The park and its officer, made by the platform's sysadmin in a separate session.
  const sys = await browser.newContext();
  const sysPage = await sys.newPage();
  await login(sysPage, 'sysadmin');
  const sysHeaders = { 'x-csrf-token': await csrf(sysPage) };
  const park = await sysPage.request.post('/api/v1/orgs', {
    headers: sysHeaders,
    data: { code: `loop-${SUFFIX}`, name: `闭环园区${SUFFIX}`, kind: 'park', parentId: YANCHENG },
  });
  expect(park.status(), await park.text()).toBe(201);
  const orgId = (await park.json()).id;
  for (const [username, displayName, role] of [
    [OFFICER, OFFICER_NAME, 'officer'],
    [LEADER, LEADER_NAME, 'leader'],
  ]) {
    const user = await sysPage.request.post('/api/v1/users', {
      headers: sysHeaders,
      data: { username, displayName, password: PASSWORD, roles: [role], orgId },
    });
    expect(user.status(), await user.text()).toBe(201);
  }
  await sys.close();

  await login(page, OFFICER);
  await importCsv(page, `${RUN}.csv`, CSV);
  const headers = { 'x-csrf-token': await csrf(page) };
  const enterpriseId = await firmId(page, FIRM);
  for (const [name, source, type, plannedInvestment] of [
    [FUND, '基金', '初创', 3e7],
    [HOMETOWN, '乡贤', '高层次人才', 1e7],
  ] as const) {
    const res = await page.request.post('/api/v1/projects', {
      headers,
      data: { name, enterpriseId, source, type, plannedInvestment, acknowledgeDuplicates: true },
    });
    expect(res.status(), await res.text()).toBe(201);
    made[name] = await res.json();
  }
  // The 乡贤 project moves on to 接洽, so the funnel has a stage reached by one of the two.
  const moved = await page.request.post(`/api/v1/projects/${made[HOMETOWN].id}/move`, {
    headers,
    data: { version: made[HOMETOWN].version, to: 'contact', contactPerson: '周会长' },
  });
  expect(moved.ok(), await moved.text()).toBe(true);

  const asked: string[] = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.pathname.startsWith('/api/v1/projects')) asked.push(url.pathname + url.search);
  });
  await page.goto('/projects');
  const card = page.getByTestId('board-column-lead').getByTestId(`project-card-${FUND}`);
  await expect(card).toBeVisible();
  await expect(card).toContainText(FIRM);
  await expect(
    page.getByTestId('board-column-contact').getByTestId(`project-card-${HOMETOWN}`),
  ).toBeVisible();
  // One request for the whole board, not one per column.
  expect(asked.filter((u) => u.startsWith('/api/v1/projects/board'))).toHaveLength(1);
  expect(asked.filter((u) => u.startsWith('/api/v1/projects?'))).toHaveLength(0);
  await page.mouse.move(700, 120);
  await snap(page, 'projects-board');
});

test('at 1366 px the board shows every column and whole owner names, and the list its dates', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await login(page, OFFICER);
  await page.goto('/projects');
  // Every column, 终止 last, lies within the window without scrolling the board sideways.
  const board = page.getByTestId('project-board');
  // Generous, as for the drawer: the page and the board load on a busy machine.
  await expect(page.getByTestId(`project-card-${FUND}`)).toBeVisible({ timeout: 30_000 });
  for (const stage of ['lead', 'production', 'paused', 'terminated'])
    await expect(page.getByTestId(`board-column-${stage}`)).toBeInViewport({ ratio: 1 });
  expect(await board.evaluate((b) => b.scrollWidth <= b.clientWidth)).toBe(true);
  // The owner's name beside “3,000 万元” is shown whole, not cut to “闭…”.
  const card = page.getByTestId(`project-card-${FUND}`);
  const owner = card.getByTestId('project-card-owner');
  await expect(owner).toHaveText(OFFICER_NAME);
  expect(await owner.evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true);
  const ownerBox = await owner.boundingBox();
  const moneyBox = await card.getByTestId('project-card-investment').boundingBox();
  const cardBox = await card.boundingBox();
  if (!ownerBox || !moneyBox || !cardBox) throw new Error('card not laid out');
  expect(ownerBox.x + ownerBox.width).toBeLessThanOrEqual(cardBox.x + cardBox.width);
  // Wrapped to its own line when the column is narrow, the amount does not overlap the name.
  const apart = moneyBox.y >= ownerBox.y + ownerBox.height - 1 || moneyBox.x >= ownerBox.x + ownerBox.width;
  expect(apart).toBe(true);
  await page.mouse.move(700, 120);
  await page.screenshot({ path: 'test-results/screenshots/projects-board-1366.png' });

  // The list's date columns fit the window: “2026-12-08”, not “2026-12-0”.
  await page.goto('/projects?tab=list');
  await search(page);
  const row = page.getByTestId(`project-row-${FUND}`);
  await expect(row).toBeVisible();
  for (const cell of [row.locator('td').nth(-2), row.locator('td').nth(-1)]) {
    await expect(cell).toHaveText(/^(\d{4}-\d{2}-\d{2}|未跟进)$/);
    await expect(cell).toBeInViewport({ ratio: 1 });
    expect(await cell.evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true);
  }
  await page.screenshot({ path: 'test-results/screenshots/projects-list-1366.png' });
});

test('editing a project saves it', async ({ page }) => {
  await login(page, OFFICER);
  const drawer = await openDrawer(page, made[FUND]);
  await drawer.getByTestId('project-edit').click();
  const modal = page.getByTestId('project-edit-modal');
  await modal.getByLabel('对接人').fill('陈总');
  await modal.getByLabel('到位资金').fill('1200');
  await page.getByTestId('project-edit-ok').click();
  await expect(page.getByText('项目已保存')).toBeVisible();
  await expect(modal.locator('.ant-modal')).toBeHidden();
  await expect(drawer.getByTestId('project-facts')).toContainText('陈总');
  await expect(drawer.getByTestId('project-figures')).toContainText('1,200 万元');
  const saved = await getProject(page, made[FUND].id);
  expect(saved.contactPerson).toBe('陈总');
  expect(saved.arrivedInvestment).toBe(12_000_000);
});

test('a stale edit warns with the other value and keeps what was typed', async ({ page }) => {
  await login(page, OFFICER);
  const drawer = await openDrawer(page, made[FUND]);
  await drawer.getByTestId('project-edit').click();
  const modal = page.getByTestId('project-edit-modal');
  await expect(modal.getByLabel('对接人')).toHaveValue('陈总');

  // Someone else saves first, from the version the form was opened on.
  const before = await getProject(page, made[FUND].id);
  const theirs = await page.request.patch(`/api/v1/projects/${made[FUND].id}`, {
    headers: { 'x-csrf-token': await csrf(page) },
    data: { version: before.version, contactPerson: '他人填写的对接人', talents: 80 },
  });
  expect(theirs.ok(), await theirs.text()).toBe(true);

  await modal.getByLabel('对接人').fill('我填写的对接人');
  await page.getByTestId('project-edit-ok').click();
  const warning = modal.getByTestId('project-edit-conflict');
  await expect(warning).toContainText('该项目已被他人修改');
  await expect(modal.getByTestId('edit-theirs-contactPerson')).toHaveText('对方的值：他人填写的对接人');
  // The form stays open with the typed value; the drawer behind shows theirs.
  await expect(modal.getByLabel('对接人')).toHaveValue('我填写的对接人');
  await expect(drawer.getByTestId('project-facts')).toContainText('他人填写的对接人');
  // A field only they changed now shows their value, so saving again does not undo it.
  await expect(modal.getByLabel('引进人才')).toHaveValue('80');
  await expect(modal.getByTestId('edit-theirs-talents')).toHaveCount(0);

  // Saving again, now knowingly, goes through on their version.
  await page.getByTestId('project-edit-ok').click();
  await expect(page.getByText('项目已保存')).toBeVisible();
  await expect(drawer.getByTestId('project-facts')).toContainText('我填写的对接人');
  const after = await getProject(page, made[FUND].id);
  expect(after.contactPerson).toBe('我填写的对接人');
  expect(after.talents).toBe(80);
});

test("the leader's 双月点评 rating shows on the project", async ({ page, browser }) => {
  const boss = await browser.newContext();
  const bossPage = await boss.newPage();
  await login(bossPage, LEADER);
  const headers = { 'x-csrf-token': await csrf(bossPage) };
  const review = await bossPage.request.post('/api/v1/project-reviews', {
    headers,
    data: { period: new Date().toISOString().slice(0, 7) },
  });
  expect(review.status(), await review.text()).toBe(201);
  const rated = await bossPage.request.put(`/api/v1/project-reviews/${(await review.json()).id}/ratings`, {
    headers,
    data: { projectId: made[FUND].id, rating: 'lagging', comment: '两个月未见实质进展，请尽快安排考察' },
  });
  expect(rated.ok(), await rated.text()).toBe(true);
  await boss.close();

  await login(page, OFFICER);
  const drawer = await openDrawer(page, made[FUND]);
  const rating = drawer.getByTestId('project-ratings').getByTestId('project-rating');
  await expect(rating).toHaveCount(1);
  await expect(rating).toContainText('滞后');
  await expect(rating).toContainText(LEADER_NAME);
  await expect(rating).toContainText('两个月未见实质进展，请尽快安排考察');
});

test('a PDF uploads, lists and downloads; an EXE named .pdf is refused', async ({ page }) => {
  await login(page, OFFICER);
  const drawer = await openDrawer(page, made[FUND]);
  await drawer.getByRole('tab', { name: /附件/ }).click();
  // No category is assumed: a contract must not be filed as 商业计划书 by default.
  await expect(drawer.getByTestId('attachment-upload-button')).toBeDisabled();
  await pickOption(page, page.getByTestId('attachment-category'), '合同');
  await expect(drawer.getByTestId('attachment-upload-button')).toBeEnabled();
  const pdf = Buffer.from(
    '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
  );
  const input = drawer.locator('input[type=file]');
  await input.setInputFiles({ name: '投资合作协议.pdf', mimeType: 'application/pdf', buffer: pdf });
  await expect(page.getByText('附件“投资合作协议.pdf”已上传')).toBeVisible();
  const row = drawer.getByTestId('attachment-row-投资合作协议.pdf');
  await expect(row).toContainText('合同');
  await expect(row).toContainText(OFFICER_NAME);
  await expect(row).toContainText(`${pdf.length} B`);
  await expect(drawer.getByRole('tab', { name: '附件 (1)' })).toBeVisible();

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    row.getByTestId('attachment-download').click(),
  ]);
  expect(download.suggestedFilename()).toBe('投资合作协议.pdf');
  const path = await download.path();
  const { readFileSync } = await import('node:fs');
  expect(readFileSync(path).subarray(0, 8).toString()).toBe('%PDF-1.4');

  // A Windows program renamed to .pdf: the server reads the content and refuses it.
  const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(510, 0)]);
  await input.setInputFiles({ name: '报价单.pdf', mimeType: 'application/pdf', buffer: exe });
  const refusal = drawer.getByTestId('attachment-error');
  await expect(refusal).toContainText('上传失败');
  await expect(refusal).toContainText('附件类型不被接受');
  await expect(refusal).toContainText('已拒绝');
  await expect(drawer.getByTestId('attachment-row-报价单.pdf')).toHaveCount(0);
  await drawer.getByRole('tab', { name: '项目概况' }).click();
  await expect(page.getByText('附件“投资合作协议.pdf”已上传')).toBeHidden();
  await snap(page, 'project-detail');

  // Deleted after a confirmation.
  await drawer.getByRole('tab', { name: /附件/ }).click();
  await confirmAndWait(page, row.getByTestId('attachment-delete'), page.getByTestId('attachment-delete-ok'));
  await expect(page.getByText('附件已删除')).toBeVisible();
  await expect(row).toHaveCount(0);
});

test('filters saved as a view apply again, and the list exports', async ({ page }) => {
  await login(page, OFFICER);
  await page.goto('/projects?tab=list');
  await search(page);
  await expect(page.getByTestId(`project-row-${FUND}`)).toBeVisible();
  await expect(page.getByTestId(`project-row-${HOMETOWN}`)).toBeVisible();
  await pickOption(page, page.getByTestId('project-source-filter'), '乡贤');
  await expect(page.getByTestId(`project-row-${FUND}`)).toHaveCount(0);
  await expect(page.getByTestId(`project-row-${HOMETOWN}`)).toBeVisible();

  const view = `${RUN}乡贤`;
  await page.getByTestId('saved-view-save').click();
  await page.getByTestId('saved-view-modal').getByLabel('视图名称').fill(view);
  await page.getByTestId('saved-view-ok').click();
  await expect(page.getByText(`视图“${view}”已保存`)).toBeVisible();

  // The XLSX of the filtered list.
  const [xlsx] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('project-export').click(),
  ]);
  expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
  expect(xlsx.url()).toContain('source=');

  // 清空筛选 clears the source and the search alike.
  await page.getByTestId('project-filters-reset').click();
  await expect(page.getByPlaceholder('搜索项目或企业名称')).toHaveValue('');
  await search(page);
  await expect(page.getByTestId(`project-row-${FUND}`)).toBeVisible();

  // Picked again: the source filter and the search come back from the view.
  await pickOption(page, page.getByTestId('saved-view-select'), view);
  await expect(page.getByText(`已应用视图“${view}”`)).toBeVisible();
  await expect(page.getByTestId('project-source-filter')).toContainText('乡贤');
  await expect(page.getByTestId(`project-row-${FUND}`)).toHaveCount(0);
  await expect(page.getByTestId(`project-row-${HOMETOWN}`)).toBeVisible();

  await confirmAndWait(page, page.getByTestId('saved-view-delete'), page.getByTestId('saved-view-delete-ok'));
  await expect(page.getByText('视图已删除')).toBeVisible();
  await page.getByTestId('saved-view-select').click();
  await expect(page.locator('.ant-select-item-option').filter({ hasText: view })).toHaveCount(0);
});

test('the funnel counts the projects by the stage they reached', async ({ page }) => {
  await login(page, OFFICER);
  await page.goto('/projects?tab=funnel');
  await search(page);
  const chart = page.getByTestId('project-funnel-chart');
  await expect(chart.locator('canvas')).toBeVisible();
  const cells = (stage: string) => page.getByTestId(`funnel-row-${stage}`).locator('td');
  // 线索 reached by both (one went on), 接洽 by the 乡贤 project, 考察 by none.
  await expect(cells('lead').nth(1)).toHaveText('2');
  await expect(cells('lead').nth(2)).toHaveText('1');
  await expect(cells('contact').nth(1)).toHaveText('1');
  await expect(cells('contact').nth(3)).toHaveText('50%');
  await expect(cells('visit').nth(1)).toHaveText('0');
});

test('a column holding more than it shows says how many there are', async ({ page }) => {
  test.setTimeout(180_000);
  await login(page, OFFICER);
  const headers = { 'x-csrf-token': await csrf(page) };
  const enterpriseId = await firmId(page, FIRM);
  // 51 more leads: with the 基金 project, 52 in 线索, of which the board shows 50.
  for (let i = 1; i <= 51; i++) {
    const res = await page.request.post('/api/v1/projects', {
      headers,
      data: {
        name: `${RUN}批量线索${i}`,
        enterpriseId,
        source: '其他',
        type: '其他',
        acknowledgeDuplicates: true,
      },
    });
    expect(res.status(), await res.text()).toBe(201);
  }
  await page.goto('/projects');
  const lead = page.getByTestId('board-column-lead');
  await expect(lead.getByTestId('board-column-count')).toHaveText('52');
  await expect(lead.locator('.project-card')).toHaveCount(50);
  await expect(lead.getByTestId('board-column-more')).toHaveText(
    '共 52 个，仅显示前 50 个，更多请在列表中查看',
  );
});

test('a project is handed to a colleague, and the drawer names the new owner', async ({ page }) => {
  await login(page, OFFICER);
  const drawer = await openDrawer(page, made[HOMETOWN]);
  await drawer.getByTestId('project-edit').click();
  const modal = page.getByTestId('project-edit-modal');
  const owner = modal.getByTestId('edit-owner');
  await expect(owner).toContainText(OFFICER_NAME);
  // Officers and leaders can hold a project; an expert (陈教授 of 盐南, below this city) cannot.
  await owner.click();
  const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
  await owner.locator('input').fill('陈教授');
  await expect(page.locator('.ant-select-dropdown:visible')).toContainText(/暂无数据|No data/);
  await owner.locator('input').fill(LEADER_NAME);
  await options.filter({ hasText: LEADER_NAME }).click();
  await expect(owner).toContainText(LEADER_NAME);
  await page.getByTestId('project-edit-ok').click();
  await expect(page.getByText('项目已保存')).toBeVisible();
  await expect(drawer).toContainText(LEADER_NAME);
  expect((await getProject(page, made[HOMETOWN].id)).ownerName).toBe(LEADER_NAME);
});
