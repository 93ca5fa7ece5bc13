/** 招商项目 in the browser: an officer of 盐南高新区 imports a firm elsewhere (the one to bring in) and a
 *  local one, creates a project and finds it under 线索 on the 看板; dragging it straight to 签约 is
 *  refused with the server's Chinese reason naming 接洽; moving to 接洽 without 对接人 is refused with
 *  “还需填写：对接人”, and with it the card lands in 接洽. A follow-up shows in the project's drawer.
 *  A second project on the same firm warns of the first and goes through once acknowledged; an officer
 *  of another park in the same city is warned too. Experts have no 招商项目. */
import { expect, type Page, test } from '@playwright/test';
import { makeUscc } from '../helpers/enterprise-files';
import { csrf, firmId, importCsv, login, menu, PASSWORD, pickFirm, pickOption, snap } from './helpers';

test.describe.configure({ mode: 'serial' });

const TARGET = '苏州项测储能科技有限公司';
const LOCAL = '盐南项测储能科技有限公司';
const PROJECT = '储能电池 PACK 基地';
const SECOND = '储能电池二期';
const YANCHENG = '00000000-0000-4000-8000-000000000010';
const TARGET_USCC = makeUscc(8801, '320500');
const HEADER = '统一社会信用代码,企业名称,成立日期,行政区划代码,所属行业,主要产品,企业类别';
const CSV = `${[
  HEADER,
  `${TARGET_USCC},${TARGET},2016-04-01,320505,C38,储能电池,外地`,
  `${makeUscc(8802)},${LOCAL},2025-10-01,320904,C38,储能电池,本地`,
].join('\n')}\n`;

async function fillProject(page: Page, name: string) {
  await page.getByTestId('project-create').click();
  const modal = page.getByTestId('project-create-modal');
  await expect(modal.locator('.ant-modal')).toBeVisible();
  await pickFirm(page, page.getByTestId('project-firm'), '苏州项测', TARGET);
  await modal.getByLabel('项目名称').fill(name);
  await pickOption(page, page.getByTestId('project-source'), '以商引商');
  await pickOption(page, page.getByTestId('project-type'), '行业龙头');
  await modal.getByLabel('计划投资').fill('50000');
  await modal.getByLabel('引进人才').fill('12');
  return modal;
}

test('an officer creates a project, moves it on the board and follows it up', async ({ page }) => {
  test.setTimeout(120_000);
  await login(page, 'officer');
  await importCsv(page, '招商项目企业.csv', CSV);

  // The menu: 招商项目 right after 企业图谱.
  const items = await menu(page).locator('.ant-menu-title-content').allInnerTexts();
  const at = items.indexOf('招商项目');
  expect(at).toBeGreaterThan(0);
  expect(items[at - 1]).toBe('企业图谱');
  await menu(page).getByText('招商项目').click();
  await expect(page).toHaveURL(/\/projects$/);
  await expect(page.getByRole('heading', { name: '招商项目' })).toBeVisible();

  // 新建项目 → a 线索 on the board, 5 亿元 planned.
  await fillProject(page, PROJECT);
  await page.getByTestId('project-create-ok').click();
  await expect(page.getByText(`项目“${PROJECT}”已新建，当前阶段：线索`)).toBeVisible();
  const lead = page.getByTestId('board-column-lead');
  const card = lead.getByTestId(`project-card-${PROJECT}`);
  await expect(card).toBeVisible();
  await expect(card).toContainText(TARGET);
  await expect(card).toContainText('张专员');
  await expect(card.getByTestId('project-card-investment')).toHaveText('5 亿元');
  await expect(card).toContainText('未跟进');

  // Dragged straight to 签约: the dialog asks for 签约日期 and 签约金额, and the server refuses the skip.
  await card.dragTo(page.getByTestId('board-column-signing'));
  const dialog = page.getByTestId('move-modal');
  await expect(dialog.locator('.ant-modal')).toBeVisible();
  await expect(dialog).toContainText('推进到“签约”');
  await expect(dialog.getByLabel('签约日期')).toBeVisible();
  await dialog.getByLabel('签约金额').fill('50000');
  await page.getByTestId('move-ok').click();
  await expect(dialog.getByTestId('move-refusal')).toContainText('请先推进到“接洽”');
  await expect(dialog.locator('.ant-modal')).toBeVisible();
  await dialog.getByRole('button', { name: /取\s*消/ }).click();
  await expect(dialog).toBeHidden();

  // From the card's 推进 menu to 接洽: refused without 对接人, moved with it.
  await card.getByTestId('project-card-move').click();
  await page.getByRole('menuitem', { name: '接洽' }).click();
  await expect(dialog).toContainText('推进到“接洽”');
  await page.getByTestId('move-ok').click();
  await expect(dialog.getByTestId('move-refusal')).toContainText('进入“接洽”阶段还需填写：对接人');
  await dialog.getByLabel('对接人').fill('李总');
  await dialog.getByLabel('备注').fill('企业有意在长三角北翼布局 PACK 产线');
  await page.getByTestId('move-ok').click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('项目已推进到“接洽”')).toBeVisible();
  const contacted = page.getByTestId('board-column-contact').getByTestId(`project-card-${PROJECT}`);
  await expect(contacted).toBeVisible();
  await expect(lead.getByTestId(`project-card-${PROJECT}`)).toHaveCount(0);
  await expect(page.getByTestId('board-column-contact').getByTestId('board-column-count')).toHaveText('1');

  // The drawer: steps at 接洽, the history, the figures; then a follow-up.
  await contacted.getByTestId('project-card-open').click();
  const drawer = page.getByTestId('project-drawer');
  await expect(drawer.getByTestId('project-drawer-title')).toHaveText(PROJECT);
  await expect(drawer.getByTestId('project-steps').locator('.ant-steps-item-process')).toContainText('接洽');
  const history = drawer.getByTestId('project-history');
  await expect(history).toContainText('张专员 将项目由“线索”推进到“接洽”');
  await expect(history).toContainText('企业有意在长三角北翼布局 PACK 产线');
  await expect(history).toContainText('张专员 新建项目（线索）');
  await expect(drawer.getByTestId('project-facts')).toContainText('李总');
  await expect(drawer.getByTestId('project-figures')).toContainText('12 人');
  await drawer.getByRole('tab', { name: /跟进记录/ }).click();
  await drawer.getByTestId('follow-up-add').click();
  const fu = page.getByTestId('follow-up-modal');
  await fu.getByText('拜访', { exact: true }).click();
  await fu.getByLabel('参与人').fill('张专员、李总');
  await fu.getByLabel('跟进内容').fill('实地查看标准厂房，企业关注电价与人才公寓');
  await fu.getByLabel('下一步').fill('对接供电公司');
  await page.getByTestId('follow-up-ok').click();
  await expect(page.getByText('跟进记录已添加')).toBeVisible();
  const timeline = drawer.getByTestId('follow-up-timeline');
  await expect(timeline.getByTestId('follow-up-item')).toHaveCount(1);
  await expect(timeline).toContainText('实地查看标准厂房，企业关注电价与人才公寓');
  await expect(timeline).toContainText('拜访');
  await expect(timeline).toContainText('下一步：对接供电公司');
  // No date was given: the line says nothing of a next follow-up rather than put a date under 下一步.
  await expect(timeline).not.toContainText('下次跟进：');
  await expect(drawer.getByRole('tab', { name: '跟进记录 (1)' })).toBeVisible();
  // Before 评估 the evaluation tab offers to start one (test/e2e/evaluation.spec.ts goes on from there).
  // Nothing is asked that must fail: the project itself says no evaluation exists yet.
  const failed: string[] = [];
  page.on('response', (r) => {
    if (r.status() >= 400 && r.url().includes('/api/v1/')) failed.push(`${r.status()} ${r.url()}`);
  });
  await drawer.getByRole('tab', { name: '三维评价' }).click();
  await expect(drawer.getByTestId('evaluation-start')).toBeVisible();
  expect(failed).toEqual([]);
  await drawer.getByRole('tab', { name: '项目概况' }).click();
  await expect(page.getByText('跟进记录已添加')).toBeHidden();
  await snap(page, 'projects-detail');
  await page.locator('.ant-drawer-close').click();
  await expect(drawer).toBeHidden();

  // The list: the project with its stage and last follow-up.
  await page.getByTestId('project-tabs').getByRole('tab', { name: '列表' }).click();
  await expect(page).toHaveURL(/tab=list/);
  const row = page.getByTestId(`project-row-${PROJECT}`);
  await expect(row).toContainText('接洽');
  await expect(row).toContainText('以商引商');
  await expect(row).toContainText('5 亿元');
  await expect(row).toContainText(new Date().toISOString().slice(0, 4));
});

test('a second project on the same firm warns of the first and goes through once acknowledged', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await login(page, 'officer');
  await page.goto('/projects');
  const modal = await fillProject(page, SECOND);
  await page.getByTestId('project-create-ok').click();
  const warning = modal.getByTestId('project-duplicate');
  // The officer's own first project: the warning does not call it another team's.
  await expect(warning).toContainText('该企业已有本市在谈的项目');
  await expect(warning).toContainText(PROJECT);
  await expect(warning).toContainText('盐南高新区');
  await expect(warning).toContainText('张专员');
  await expect(warning).toContainText('接洽');
  await expect(page.getByTestId('project-create-ok')).toBeDisabled();
  await warning.getByTestId('project-duplicate-ack').click();
  await snap(page, 'projects-duplicate');
  await page.getByTestId('project-create-ok').click();
  await expect(page.getByText(`项目“${SECOND}”已新建，当前阶段：线索`)).toBeVisible();
  await expect(page.getByTestId('board-column-lead').getByTestId(`project-card-${SECOND}`)).toBeVisible();

  // A few more projects on the local firm through the API, for a board with something in it.
  const headers = { 'x-csrf-token': await csrf(page) };
  const local = await firmId(page, LOCAL);
  const add = async (name: string, extra: Record<string, unknown>, moves: Record<string, unknown>[]) => {
    const res = await page.request.post('/api/v1/projects', {
      headers,
      data: { name, enterpriseId: local, acknowledgeDuplicates: true, ...extra },
    });
    expect(res.status(), await res.text()).toBe(201);
    let p = await res.json();
    for (const m of moves) {
      const moved = await page.request.post(`/api/v1/projects/${p.id}/move`, {
        headers,
        data: { version: p.version, ...m },
      });
      expect(moved.ok(), await moved.text()).toBe(true);
      p = await moved.json();
    }
  };
  await add('新型储能系统集成项目', { source: '路演', type: '初创', plannedInvestment: 8e7 }, [
    { to: 'contact', contactPerson: '王总' },
    { to: 'visit', visitDate: '2026-11-20' },
  ]);
  await add('固态电池中试线', { source: '大院大所合作', type: '大院大所', plannedInvestment: 2e8 }, []);
  await add('储能变流器研发中心', { source: '基金', type: '高层次人才', plannedInvestment: 3e7 }, [
    { to: 'contact', contactPerson: '刘博士' },
    { to: 'paused', reason: '等待土地指标' },
  ]);
  await page.reload();
  await expect(
    page.getByTestId('board-column-visit').getByTestId('project-card-新型储能系统集成项目'),
  ).toBeVisible();
  await expect(page.getByTestId('board-column-paused')).toContainText('1');
  await page.getByTestId('board-column-paused').click();
  await expect(page.getByTestId('project-card-储能变流器研发中心')).toBeVisible();
  await page.getByTestId('board-column-paused').getByRole('button', { name: '收起' }).click();
  await expect(page.getByTestId('project-card-储能变流器研发中心')).toBeHidden();
  await page.mouse.move(700, 120);
  await snap(page, 'projects-board');
});

test('an officer of another park in the city is warned of the project', async ({ page, browser }) => {
  test.setTimeout(120_000);
  // The park and its officer, made by the platform's sysadmin in a separate session.
  const sys = await browser.newContext();
  const sysPage = await sys.newPage();
  await login(sysPage, 'sysadmin');
  const headers = { 'x-csrf-token': await csrf(sysPage) };
  const park = await sysPage.request.post('/api/v1/orgs', {
    headers,
    data: { code: 'ycjkq', name: '盐城经开区', kind: 'park', parentId: YANCHENG },
  });
  expect(park.status(), await park.text()).toBe(201);
  const user = await sysPage.request.post('/api/v1/users', {
    headers,
    data: {
      username: 'yc_officer',
      displayName: '经开区专员',
      password: PASSWORD,
      roles: ['officer'],
      orgId: (await park.json()).id,
    },
  });
  expect(user.status(), await user.text()).toBe(201);
  await sys.close();

  await login(page, 'yc_officer');
  await importCsv(
    page,
    '经开区企业.csv',
    `${HEADER}\n${TARGET_USCC},${TARGET},2016-04-01,320505,C38,储能电池,外地\n`,
  );
  await page.goto('/projects');
  // Nothing of 盐南高新区 on this park's board.
  await expect(page.getByTestId(`project-card-${PROJECT}`)).toHaveCount(0);
  const modal = await fillProject(page, '经开区储能项目');
  await page.getByTestId('project-create-ok').click();
  const warning = modal.getByTestId('project-duplicate');
  await expect(warning).toContainText(PROJECT);
  await expect(warning).toContainText('盐南高新区');
  await expect(warning).toContainText('张专员');
  await warning.getByTestId('project-duplicate-ack').click();
  await page.getByTestId('project-create-ok').click();
  await expect(
    page.getByTestId('board-column-lead').getByTestId('project-card-经开区储能项目'),
  ).toBeVisible();
});

test('an analyst reads the board only', async ({ page }) => {
  await login(page, 'analyst');
  await page.goto('/projects');
  await expect(page.getByTestId(`project-card-${PROJECT}`)).toBeVisible();
  await expect(page.getByTestId('project-create')).toHaveCount(0);
  await expect(page.getByTestId('project-card-move')).toHaveCount(0);
  await expect(page.getByText('只读：分析员可查看，不能推进')).toBeVisible();
});

test('an expert has no 招商项目', async ({ page }) => {
  await login(page, 'expert');
  await expect(menu(page).getByText('招商项目')).toHaveCount(0);
  await page.goto('/projects');
  await expect(page.getByText('无权访问', { exact: true })).toBeVisible();
});
