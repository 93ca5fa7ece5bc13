import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT_DIR } from '../../config.js';
import { parseFirmFacts } from './facts-errors.js';
import { baseFirm } from './test-firms.js';

const EXAMPLES = path.join(ROOT_DIR, 'docs', 'examples', 'eligibility');
const errorsOf = (raw: unknown) => {
  const r = parseFirmFacts(raw);
  return r.ok ? [] : r.errors;
};

describe('firm facts input (docs/ELIGIBILITY.md)', () => {
  it('every example file under docs/examples/eligibility is valid', () => {
    const files = readdirSync(EXAMPLES).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThanOrEqual(2);
    for (const f of files)
      expect(errorsOf(JSON.parse(readFileSync(path.join(EXAMPLES, f), 'utf8'))), f).toEqual([]);
  });

  it('the test base firm is valid input', () => {
    expect(parseFirmFacts(baseFirm()).ok).toBe(true);
  });

  it('a negative figure names the year and the field in Chinese', () => {
    const f = baseFirm();
    f.years[1].revenue = -5;
    const errors = errorsOf(f);
    expect(errors[0]).toEqual({
      path: 'years[1].revenue',
      field: '年度数据 · 第 2 条（2022 年） · 营业收入',
      message: '不能小于 0',
    });
    // The parts of revenue are now larger than it, and that is said too.
    expect(errors.map((e) => e.message)).toContain('主营业务收入不能高于营业收入');
  });

  it('an impossible date, a typo in a field name and a text where a number belongs are each reported', () => {
    const f = { ...baseFirm(), asOf: '2025-13-01', revenu: 1 } as Record<string, unknown>;
    (f.years as Record<string, unknown>[])[0].employees = '100';
    expect(errorsOf(f)).toEqual(
      expect.arrayContaining([
        { path: 'asOf', field: '评估日期', message: '应为 YYYY-MM-DD 格式的有效日期' },
        { path: '(根)', field: '整个文件', message: '未知字段：revenu' },
        {
          path: 'years[0].employees',
          field: '年度数据 · 第 1 条（2021 年） · 职工总数',
          message: '应为数字',
        },
      ]),
    );
  });

  it('figures that contradict each other are refused: tech staff above employees, a year twice', () => {
    const f = baseFirm();
    f.years[3].techStaff = 101;
    f.years.push({ ...f.years[0] });
    const messages = errorsOf(f).map((e) => e.message);
    expect(messages).toContain('科技人员数不能多于职工总数');
    expect(messages).toContain('2021 年度重复');
  });

  it('a firm registered after the assessment date is refused; required fields are named', () => {
    expect(errorsOf({ ...baseFirm(), establishedOn: '2025-07-01' })[0].message).toBe('成立日期晚于评估日期');
    expect(errorsOf({ establishedOn: '2020-01-01', years: [] })).toEqual([
      { path: 'asOf', field: '评估日期', message: '必填' },
    ]);
  });

  it('something that is not an object at all is refused, not thrown', () => {
    expect(errorsOf([1, 2])[0]).toMatchObject({ field: '整个文件', message: '应为对象' });
    expect(errorsOf(null)[0].message).toBe('应为对象');
  });
});
