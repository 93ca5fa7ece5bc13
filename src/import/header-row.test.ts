import { expect, it } from 'vitest';
import { mapColumns } from './header-row.js';

it('keeps the unit a header states when the user maps the column by hand', () => {
  const { columns, unmapped } = mapColumns(['企业名称', '营业收入(万元)', '本年科研投入（万元）', '备注'], {
    '本年科研投入（万元）': 'rdExpense',
  });
  expect(unmapped).toEqual(['备注']);
  expect(columns).toEqual([
    { index: 0, header: '企业名称', key: 'name', unit: undefined },
    { index: 1, header: '营业收入(万元)', key: 'revenue', unit: '万元' },
    { index: 2, header: '本年科研投入（万元）', key: 'rdExpense', unit: '万元' },
  ]);
});
