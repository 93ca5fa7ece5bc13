/** 评估设置 and 我的评审 in the browser, in a park made for this run (its admin, officer, analyst and an
 *  expert; the model and the rules are per org, so nothing here touches another spec's park): the admin
 *  adds an expert with a login and a declared firm, saves a scoring model with new weights as version 2,
 *  is refused one whose weights do not total 100 %, adds 环保合规 as a veto item (and is told when someone
 *  saved first); a new evaluation lists it; the expert finds their assignments in 我的评审 (one 回避 for
 *  the declared firm) and opens one; an analyst reads the evaluation in the project drawer; last, the
 *  admin edits the expert's declared firm (a firm outside the org is refused on the form) and retires
 *  them — they can no longer be assigned, and keep the reviews they have. */
import { type Browser, expect, type Page, test } from '@playwright/test';
import { makeUscc } from '../helpers/enterprise-files';
import { csrf, firmId, importCsv, login, menu, PASSWORD, snap, uniqueName } from './helpers';

test.describe.configure({ mode: 'serial' });

const RUN = uniqueName('评设');
const SUFFIX = Date.now().toString(36);
const YANCHENG = '00000000-0000-4000-8000-000000000010';
const user = (role: string) => `evs_${role}_${SUFFIX}`;
const FIRM = `${RUN}光伏科技有限公司`;
const DECLARED = `${RUN}逆变器有限公司`;
const CSV = `统一社会信用代码,企业名称,成立日期,行政区划代码,所属行业,主要产品,企业类别
${makeUscc(9751, '320500')},${FIRM},2019-03-01,320505,C38,光伏组件,外地
${makeUscc(9752, '320500')},${DECLARED},2017-06-01,320505,C38,光伏逆变器,外地
`;
const PROJECT = `${RUN}光伏组件项目`;
const RECUSED = `${RUN}逆变器项目`;
const UNSTARTED = `${RUN}未评估项目`;
const EXPERT = '钱评审';

const projects: Record<string, string> = {};
let evaluationId = '';

async function signedIn(browser: Browser, username: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await login(page, username);
  return page;
}

async function openTab(page: Page, projectId: string) {
  await page.goto(`/projects?project=${projectId}`);
  const drawer = page.getByTestId('project-drawer');
  await expect(drawer.getByTestId('project-drawer-title')).toBeVisible({ timeout: 30_000 });
  await drawer.getByRole('tab', { name: '三维评价' }).click();
  return drawer.getByTestId('project-evaluation');
}

test.beforeAll(async ({ browser }) => {
  test.setTimeout(90_000);
  const sys = await signedIn(browser, 'sysadmin');
  const sysHeaders = { 'x-csrf-token': await csrf(sys) };
  const park = await sys.request.post('/api/v1/orgs', {
    headers: sysHeaders,
    data: { code: `evs-${SUFFIX}`, name: `评设园区${SUFFIX}`, kind: 'park', parentId: YANCHENG },
  });
  expect(park.status(), await park.text()).toBe(201);
  const orgId = (await park.json()).id;
  for (const [username, displayName, role] of [
    [user('admin'), '评设管理员', 'admin'],
    [user('officer'), '评设专员', 'officer'],
    [user('analyst'), '评设分析', 'analyst'],
    [user('expert'), EXPERT, 'expert'],
  ]) {
    const res = await sys.request.post('/api/v1/users', {
      headers: sysHeaders,
      data: { username, displayName, password: PASSWORD, roles: [role], orgId },
    });
    expect(res.status(), await res.text()).toBe(201);
  }
  await sys.context().close();

  const officer = await signedIn(browser, user('officer'));
  await importCsv(officer, `${RUN}.csv`, CSV);
  const headers = { 'x-csrf-token': await csrf(officer) };
  for (const [name, firm] of [
    [PROJECT, FIRM],
    [RECUSED, DECLARED],
    [UNSTARTED, FIRM],
  ]) {
    const res = await officer.request.post('/api/v1/projects', {
      headers,
      data: {
        name,
        enterpriseId: await firmId(officer, firm),
        source: '路演',
        type: '初创',
        acknowledgeDuplicates: true,
      },
    });
    expect(res.status(), await res.text()).toBe(201);
    projects[name] = (await res.json()).id;
  }
  await officer.context().close();
});

test('the admin adds an expert with a login and a declared firm', async ({ page }) => {
  await login(page, user('admin'));
  const nav = menu(page);
  await expect(nav.getByText('我的评审')).toHaveCount(0);
  await nav.getByText('评估设置').click();
  await expect(page.getByTestId('evaluation-settings-page')).toBeVisible();
  await expect(page.getByTestId('experts-table')).toContainText('专家库为空');

  await page.getByTestId('expert-add').click();
  const modal = page.getByTestId('expert-modal');
  await modal.getByTestId('expert-user').click();
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: user('expert') })
    .click();
  // Picking the login fills in the name.
  await expect(modal.getByTestId('expert-name')).toHaveValue(EXPERT);
  await modal.getByTestId('expert-affiliation').fill('南京大学');
  await modal.getByTestId('expert-fields').click();
  await page.keyboard.type('光伏');
  await page.keyboard.press('Enter');
  await modal.getByTestId('expert-firm-select').click();
  await page.keyboard.type(DECLARED.slice(-8));
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: DECLARED })
    .click();
  await expect(modal.getByTestId('expert-firms')).toContainText(DECLARED);
  await modal.getByTestId('expert-declaration').fill('持有该企业少量股份');
  await page.getByTestId('expert-add-ok').click();
  await expect(page.getByText(`已新增专家“${EXPERT}”`)).toBeVisible();

  const row = page.getByTestId(`expert-row-${EXPERT}`);
  await expect(row).toContainText('南京大学');
  await expect(row).toContainText('光伏');
  await expect(row).toContainText(user('expert'));
  await expect(row.getByTestId('expert-declared')).toContainText('关联企业 1 家');
  await expect(row.getByTestId('expert-declared')).toContainText('持有该企业少量股份');
  await snap(page, 'evaluation-experts');
});

test('the admin saves a model with new weights as version 2; weights off 100% are refused', async ({
  page,
}) => {
  await login(page, user('admin'));
  await page.goto('/evaluation-settings?tab=model');
  const editor = page.getByTestId('model-editor');
  await expect(editor.getByTestId('model-current')).toContainText('v1');
  await expect(editor.getByTestId('model-weight-sum')).toHaveText('维度权重合计 100%');
  await editor.getByTestId('model-weight-technology').fill('25');
  await expect(editor.getByTestId('model-weight-sum')).toHaveText('维度权重合计须为 100%，当前为 95%');
  await editor.getByTestId('model-weight-scale').fill('20');
  await expect(editor.getByTestId('model-weight-sum')).toHaveText('维度权重合计 100%');
  // A band of an indicator too: two invention patents now score 4 (was 3 from one).
  await editor.getByTestId('model-bands-invention_patents-0').getByLabel('points').fill('4');
  await editor.getByTestId('model-note').fill('加大落地效益权重');
  await editor.getByTestId('model-save').click();
  await expect(page.getByText('评估模型已保存为 v2')).toBeVisible();
  const history = page.getByTestId('model-history');
  await expect(history.getByTestId('model-version-2')).toContainText('加大落地效益权重');
  await expect(history.getByTestId('model-version-2')).toContainText('评设管理员');
  await expect(history.getByTestId('model-version-1')).toContainText('内置默认模型');
  await expect(editor.getByTestId('model-current')).toContainText('v2');
  await expect(editor.getByTestId('model-weight-technology')).toHaveValue('25');
  await expect(editor.getByTestId('model-bands-invention_patents-0').getByLabel('points')).toHaveValue('4');

  // 30 + 20 + 20 + 15 + 20: the server refuses it and says why, in Chinese.
  await editor.getByTestId('model-weight-technology').fill('30');
  await expect(editor.getByTestId('model-weight-sum')).toHaveText('维度权重合计须为 100%，当前为 105%');
  await editor.getByTestId('model-save').click();
  const refused = editor.getByTestId('model-refused');
  await expect(refused).toContainText('评估模型未保存');
  await expect(refused).toContainText('维度权重之和须为 1，当前为 1.05');
  await expect(history.getByTestId('model-version-3')).toHaveCount(0);
  await snap(page, 'evaluation-model');
});

test('the admin adds 环保合规 as a veto item; a stale save is reloaded; a new evaluation lists it', async ({
  page,
  browser,
}) => {
  await login(page, user('admin'));
  await page.goto('/evaluation-settings?tab=rules');
  const editor = page.getByTestId('rules-editor');
  await expect(editor.locator('.rules-item')).toHaveCount(7);
  await expect(editor.getByTestId('rules-fusion-sum')).toHaveText('合计 100%');
  await editor.getByTestId('rules-item-add').click();
  const added = editor.getByTestId('rules-item-7');
  await added.getByTestId('rules-item-name').fill('环保合规');
  await added.getByTestId('rules-item-veto').click();
  await editor.getByTestId('rules-save').click();
  await expect(page.getByText('评估规则已保存')).toBeVisible();
  await expect(editor.getByTestId('rules-version')).toHaveText('规则版本 2');
  await expect(editor.getByTestId('rules-item-7').getByTestId('rules-item-name')).toHaveValue('环保合规');

  // Someone else saves (version 2 → 3) behind the page: its save is refused and the page reloads.
  const other = await page.request.put('/api/v1/evaluation-settings', {
    headers: { 'x-csrf-token': await csrf(page) },
    data: { version: 2, disagreement: { maxSd: 1.2, maxRange: 3 } },
  });
  expect(other.status(), await other.text()).toBe(200);
  await editor.getByTestId('rules-maxSd').fill('2');
  await editor.getByTestId('rules-save').click();
  await expect(page.getByText('评估规则已被他人修改，已为您刷新为最新内容')).toBeVisible();
  await expect(editor.getByTestId('rules-version')).toHaveText('规则版本 3');
  await expect(editor.getByTestId('rules-maxSd')).toHaveValue('1.2');
  await snap(page, 'evaluation-rules');

  const officer = await signedIn(browser, user('officer'));
  const tab = await openTab(officer, projects[PROJECT]);
  await tab.getByTestId('evaluation-start').click();
  const dd = tab.getByTestId('evaluation-dd');
  await expect(dd.locator('.dd-row')).toHaveCount(8);
  await expect(dd.getByTestId('dd-row-环保合规')).toContainText('否决项');
  const href = await tab.getByTestId('evaluation-open-page').getAttribute('href');
  evaluationId = href?.split('/').pop() ?? '';
  expect(evaluationId).toMatch(/^[0-9a-f-]{36}$/);
  // The other project's evaluation, for the expert's 回避.
  const opened = await officer.request.post(`/api/v1/projects/${projects[RECUSED]}/evaluation`, {
    headers: { 'x-csrf-token': await csrf(officer) },
  });
  expect(opened.status(), await opened.text()).toBe(200);
  const recusedId = (await opened.json()).id;
  await officer.context().close();

  const headers = { 'x-csrf-token': await csrf(page) };
  const experts = (await (await page.request.get('/api/v1/experts')).json()).items as {
    id: string;
    name: string;
  }[];
  const expertId = experts.find((e) => e.name === EXPERT)?.id;
  for (const id of [evaluationId, recusedId]) {
    const res = await page.request.post(`/api/v1/evaluations/${id}/experts`, {
      headers,
      data: { expertIds: [expertId] },
    });
    expect(res.ok(), await res.text()).toBe(true);
  }
});

test('the expert finds the assignments in 我的评审 and opens one', async ({ page }) => {
  await login(page, user('expert'));
  const nav = menu(page);
  await expect(nav.getByText('评估设置')).toHaveCount(0);
  await nav.getByText('我的评审').click();
  const table = page.getByTestId('my-reviews-table');
  await expect(table.locator('.my-review-row')).toHaveCount(2);
  await expect(table.getByTestId(`my-review-${PROJECT}`).getByTestId('my-review-state')).toHaveText('待评审');
  await expect(table.getByTestId(`my-review-${PROJECT}`)).toContainText(FIRM);
  await expect(table.getByTestId(`my-review-${RECUSED}`).getByTestId('my-review-state')).toHaveText('回避');
  await expect(page.getByTestId('my-reviews-pending')).toHaveText('待评审 1 项');
  await snap(page, 'my-reviews');

  await table.getByTestId(`my-review-${PROJECT}`).getByTestId('my-review-link').click();
  await expect(page).toHaveURL(new RegExp(`/evaluations/${evaluationId}$`));
  await expect(page.getByTestId('evaluation-page')).toContainText(PROJECT);
  await expect(page.getByTestId('review-form')).toBeVisible();
});

test('an analyst reads the evaluation in the project drawer, with no 开始评估', async ({ page }) => {
  await login(page, user('analyst'));
  const tab = await openTab(page, projects[PROJECT]);
  await expect(tab.getByTestId('evaluation-view')).toBeVisible();
  await expect(tab.getByTestId('evaluation-dd').getByTestId('dd-row-环保合规')).toBeVisible();
  await expect(tab.getByTestId('evaluation-committee')).toContainText(EXPERT);
  await expect(tab.getByTestId('evaluation-start')).toHaveCount(0);

  // A project nobody has started: the analyst is told so, and cannot start it.
  const none = await openTab(page, projects[UNSTARTED]);
  await expect(none.getByTestId('evaluation-not-started')).toHaveText(
    '评价尚未发起。招商专员、领导或管理员可在此发起评价。',
  );
  await expect(none.getByTestId('evaluation-start')).toHaveCount(0);
});

test('the admin edits the expert’s declared firm and deactivates them; both persist', async ({
  page,
  browser,
}) => {
  await login(page, user('admin'));
  await page.goto('/evaluation-settings');
  const row = page.getByTestId(`expert-row-${EXPERT}`);
  await expect(row).toContainText('南京大学');
  await row.getByTestId('expert-edit').click();
  const modal = page.getByTestId('expert-modal');
  await expect(modal).toContainText(`编辑专家：${EXPERT}`);
  // Prefilled, the declared firm by name; the login cannot change.
  await expect(modal.getByTestId('expert-name')).toHaveValue(EXPERT);
  await expect(modal.getByTestId('expert-affiliation')).toHaveValue('南京大学');
  await expect(modal.getByTestId('expert-declaration')).toHaveValue('持有该企业少量股份');
  await expect(modal.getByTestId('expert-firms')).toContainText(DECLARED);
  await expect(modal.getByTestId('expert-user')).toContainText(user('expert'));
  await expect(modal.locator('.ant-select-disabled[data-testid="expert-user"]')).toHaveCount(1);

  // The interest moves from the inverter firm to the PV firm.
  await modal
    .getByTestId('expert-firm-tag')
    .filter({ hasText: DECLARED })
    .locator('.ant-tag-close-icon')
    .click();
  await expect(modal.getByTestId('expert-firms')).toHaveCount(0);
  await modal.getByTestId('expert-firm-select').click();
  await page.keyboard.type(FIRM.slice(-8));
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: FIRM })
    .click();
  await expect(modal.getByTestId('expert-firms')).toHaveText(FIRM);
  await modal.getByTestId('expert-affiliation').fill('东南大学');
  await modal.getByTestId('expert-declaration').fill('曾任该企业技术顾问');

  // A firm the admin's org does not hold (here an unknown id slipped into the request) is refused by
  // the server, and the form says so and stays open.
  await page.route('**/api/v1/experts/*', (route) =>
    route.request().method() === 'PATCH'
      ? route.continue({
          postData: JSON.stringify({
            ...route.request().postDataJSON(),
            employerId: '00000000-0000-4000-8000-00000000dead',
          }),
        })
      : route.continue(),
  );
  await modal.getByTestId('expert-edit-ok').click();
  await expect(modal.getByTestId('expert-error')).toHaveText(
    '任职单位和申报利益关系的企业须为本组织企业库中的企业',
  );
  await page.unrouteAll();
  await modal.getByTestId('expert-edit-ok').click();
  await expect(page.getByText(`已保存专家“${EXPERT}”`)).toBeVisible();
  await expect(modal).toHaveCount(0);
  await expect(row).toContainText('东南大学');
  await expect(row.getByTestId('expert-declared')).toContainText('关联企业 1 家');
  await expect(row.getByTestId('expert-declared')).toContainText('曾任该企业技术顾问');

  // 停用, after a confirmation that says what it means.
  await row.getByTestId('expert-toggle').click();
  const confirm = page.locator('.ant-popover:visible');
  await expect(confirm).toContainText(`停用专家“${EXPERT}”？`);
  await expect(confirm).toContainText('停用后不再能被分配到评审；已分配的评审不受影响。');
  await confirm.getByTestId('expert-toggle-ok').click();
  await expect(page.getByText(`已停用专家“${EXPERT}”`)).toBeVisible();
  await expect(confirm).toHaveCount(0);
  await expect(row.getByTestId('expert-inactive')).toHaveText('已停用');
  await expect(row.getByTestId('expert-toggle')).toHaveText('启用');
  await snap(page, 'evaluation-expert-inactive');

  // After a reload: still retired, with the new employer text and the PV firm declared.
  await page.reload();
  await expect(row.getByTestId('expert-inactive')).toHaveText('已停用');
  await expect(row).toContainText('东南大学');
  await row.getByTestId('expert-edit').click();
  await expect(modal.getByTestId('expert-firms')).toHaveText(FIRM);
  await expect(modal.getByTestId('expert-declaration')).toHaveValue('曾任该企业技术顾问');
  await snap(page, 'evaluation-expert-edit');
  await modal.getByRole('button', { name: /取\s*消/ }).click();
  await expect(modal).toHaveCount(0);

  // A retired expert cannot be assigned again …
  const experts = (await (await page.request.get('/api/v1/experts')).json()).items as {
    id: string;
    name: string;
  }[];
  const assign = await page.request.post(`/api/v1/evaluations/${evaluationId}/experts`, {
    headers: { 'x-csrf-token': await csrf(page) },
    data: { expertIds: [experts.find((e) => e.name === EXPERT)?.id] },
  });
  expect(assign.status()).toBe(404);
  // … and keeps the reviews already assigned.
  const expert = await signedIn(browser, user('expert'));
  await menu(expert).getByText('我的评审').click();
  await expect(expert.getByTestId('my-reviews-table').locator('.my-review-row')).toHaveCount(2);
  await expert.context().close();
});
