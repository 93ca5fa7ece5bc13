import { describe, expect, it } from 'vitest';
import { type Cell, columnReason, parseRow } from './parse-row.js';

const row = (cells: Omit<Cell, 'header'>[]) =>
  parseRow(
    2,
    [{ key: 'name', value: '盐城负数测试科技有限公司' }, ...cells].map((c) => ({
      ...c,
      header: c.key,
    })),
    { year: 2025, universe: 'local' },
  );

describe('an imported row’s figures', () => {
  it('refuses a negative 注册资本 or 营业收入 but keeps a loss', () => {
    const capital = row([{ key: 'registeredCapital', unit: '万元', value: '-50' }]);
    expect(capital).toMatchObject({
      ok: false,
      errors: [{ code: 'value.negative', message: '“registeredCapital”不能为负数' }],
    });
    expect(row([{ key: 'revenue', unit: '万元', value: '-300' }]).ok).toBe(false);
    const loss = row([{ key: 'netProfit', unit: '万元', value: '-300' }]);
    expect(loss).toMatchObject({ ok: true, record: { figures: { netProfit: -3_000_000 } } });
  });

  it('refuses a 成立日期 after today', () => {
    const future = row([{ key: 'establishedOn', value: `${new Date().getFullYear() + 1}-01-01` }]);
    expect(future).toMatchObject({ ok: false, errors: [{ code: 'date.future' }] });
    expect(row([{ key: 'establishedOn', value: '2019年5月1日' }])).toMatchObject({
      ok: true,
      record: { enterprise: { establishedOn: '2019-05-01' } },
    });
  });
});

describe('an imported row’s universe', () => {
  it('leaves an existing firm’s universe alone unless the row has a 企业类别 column', () => {
    // The import option only says what a new firm is; it is not a value from the file.
    const plain = row([]);
    expect(plain).toMatchObject({ ok: true, record: { newUniverse: 'local' } });
    expect(plain.ok && 'universe' in plain.record.enterprise).toBe(false);
    expect(row([{ key: 'universe', value: '外地' }])).toMatchObject({
      ok: true,
      record: { enterprise: { universe: 'target' } },
    });
  });
});

describe('columnReason', () => {
  it('names the column once, also when the reason opens with it in quotes', () => {
    expect(columnReason({ column: '成立日期', message: '“成立日期”2030-01-01 晚于今天' })).toBe(
      '“成立日期”2030-01-01 晚于今天',
    );
    expect(columnReason({ column: '统一社会信用代码', message: '统一社会信用代码校验位错误' })).toBe(
      '统一社会信用代码校验位错误',
    );
    expect(columnReason({ column: '企业名称', message: '缺少企业名称' })).toBe('企业名称：缺少企业名称');
  });
});
