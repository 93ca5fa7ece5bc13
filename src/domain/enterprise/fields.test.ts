import { describe, expect, it } from 'vitest';
import { matchHeader } from './fields.js';
import { parseIndustry } from './industry.js';

describe('matchHeader', () => {
  it.each([
    ['统一社会信用代码', 'uscc', undefined],
    ['企业名称', 'name', undefined],
    ['注册资本(万元)', 'registeredCapital', '万元'],
    ['注册资本（万元）', 'registeredCapital', '万元'],
    ['营业收入 (亿元)', 'revenue', '亿元'],
    ['研发费用(万元)', 'rdExpense', '万元'],
    ['员工人数(人)', 'employees', undefined],
    ['发明专利', 'ip.invention_patent', undefined],
    ['成立日期', 'establishedOn', undefined],
  ])('reads %s as %s with unit %s', (header, key, unit) => {
    expect(matchHeader(header)).toEqual(unit ? { key, unit } : { key });
  });
  it('knows nothing of an unknown header', () => {
    expect(matchHeader('备注')).toBeNull();
  });
});

describe('parseIndustry (GB/T 4754-2017)', () => {
  it.each([
    ['C39', 'C', '39'],
    ['C3976', 'C', '39'],
    ['6513', 'I', '65'],
    ['医药制造业', 'C', '27'],
    ['计算机、通信和其他电子设备制造业', 'C', '39'],
    ['M', 'M', null],
  ])('%s → %s %s', (text, section, division) => {
    expect(parseIndustry(text)).toEqual({ ok: true, section, division });
  });
  it('refuses a division under the wrong section, and an unknown name, in Chinese', () => {
    const wrong = parseIndustry('A39');
    expect(wrong.ok).toBe(false);
    expect(!wrong.ok && wrong.message).toContain('大类 39 不属于门类 A');
    const unknown = parseIndustry('高科技');
    expect(!unknown.ok && unknown.message).toContain('无法识别行业');
  });
});
