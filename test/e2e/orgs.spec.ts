import { expect, test } from '@playwright/test';
import { login, shot, uniqueName } from './helpers';

test('admin adds a child org in the tree, cannot delete a non-empty one, deletes the empty one', async ({
  page,
}) => {
  await login(page, 'admin');
  await page.getByTestId('main-menu').getByText('系统管理').click();
  await page.getByTestId('main-menu').getByText('组织机构').click();
  await expect(page).toHaveURL(/\/admin\/orgs$/);
  const tree = page.getByTestId('org-tree');
  await expect(tree.getByText('盐南高新区')).toBeVisible();
  await tree.getByText('盐南高新区').click();
  await expect(page.getByTestId('org-detail')).toContainText('yannan');

  const code = uniqueName('lab-');
  const name = `科创孵化器${code.slice(-4)}`;
  await page.getByTestId('org-add-child').click();
  const modal = page.getByRole('dialog');
  await expect(modal).toContainText('在“盐南高新区”下新增组织');
  // Under a 园区 only a 园区 may be created: the type list offers nothing higher.
  await modal.locator('.ant-select').click();
  const kinds = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
  await expect(kinds).toHaveText(['园区']);
  await page.keyboard.press('Escape');
  await modal.getByLabel('编码').fill('Bad Code');
  await modal.getByLabel('名称').fill(name);
  await modal.getByRole('button', { name: /保\s*存/ }).click();
  await expect(modal.getByText('编码只能包含小写字母、数字、_ 和 -（2–32 位）')).toBeVisible();
  await modal.getByLabel('编码').fill(code);
  await modal.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByText('组织已创建')).toBeVisible();

  await expect(tree.getByTestId(`org-node-${code}`)).toContainText(name);
  await expect(tree.getByTestId(`org-node-${code}`)).toContainText('园区');
  await expect(page.getByTestId('org-detail')).toContainText(`盐南高新区 / ${name}`);
  await expect(page.getByTestId('org-detail').getByLabel('名称')).toHaveValue(name);
  await shot(page, 'org-tree');

  await tree.getByText('盐南高新区').click();
  await page
    .getByTestId('org-detail')
    .getByRole('button', { name: /删\s*除/ })
    .click();
  await page
    .locator('.ant-popconfirm')
    .getByRole('button', { name: /确\s*定/ })
    .click();
  // An admin cannot delete the org they sit in (it says so, not that it is "not empty").
  await expect(page.getByText('不能删除自己所在的组织')).toBeVisible();

  await tree.getByTestId(`org-node-${code}`).click();
  await page
    .getByTestId('org-detail')
    .getByRole('button', { name: /删\s*除/ })
    .click();
  await page
    .locator('.ant-popconfirm')
    .getByRole('button', { name: /确\s*定/ })
    .click();
  await expect(page.getByText('组织已删除')).toBeVisible();
  await expect(tree.getByTestId(`org-node-${code}`)).toHaveCount(0);
});

test('sysadmin at the root org sees the whole tree of regions', async ({ page }) => {
  await login(page, 'sysadmin');
  await page.goto('/admin/orgs');
  const tree = page.getByTestId('org-tree');
  for (const name of [
    '全部地区',
    '盐城市',
    '盐南高新区',
    '南通市',
    '南通开发区',
    '海安市',
    '无锡市',
    '江阴市',
    '嘉兴市',
    '南湖区',
  ]) {
    await expect(tree.getByText(name, { exact: true })).toBeVisible();
  }
  await tree.getByText('无锡市', { exact: true }).click();
  await expect(page.getByTestId('org-detail')).toContainText('全部地区 / 无锡市');
  await expect(page.getByTestId('org-detail').getByLabel('行政区划代码')).toHaveValue('320200');
  await shot(page, 'org-tree-sysadmin');
});
