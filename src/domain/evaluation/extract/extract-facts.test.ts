import { describe, expect, it } from 'vitest';
import { extractFacts } from './extract-facts.js';

const facts = (text: string) => extractFacts(text).map((f) => [f.key, f.value, f.qualifier]);

describe('extractFacts traps', () => {
  it('does not take market, parent or competitor figures as the firm’s', () => {
    expect(facts('我国储能市场规模达1000亿元，年复合增长率超过40%。')).toEqual([]);
    expect(facts('控股股东恒力液压2023年营业收入达82亿元。')).toEqual([]);
    expect(facts('对标竞品：汇川技术营收超过50亿元，拥有专利1000余项。')).toEqual([]);
  });

  it('tells a forecast from an actual and keeps the year', () => {
    const got = extractFacts('2023年营收1.2亿元，预计2025年营收3亿元。');
    expect(got.map((f) => [f.value, f.qualifier, f.period])).toEqual([
      [1.2e8, 'exact', '2023'],
      [3e8, 'forecast', '2025'],
    ]);
  });

  it('reads the R&D ratio apart from the R&D amount and ignores phone numbers and dates', () => {
    expect(facts('成立于2019年3月15日，研发投入1800万元，占营业收入比例为15%。电话：13912345678')).toEqual([
      ['rd_expense', 1.8e7, 'exact'],
      ['rd_ratio', 0.15, 'exact'],
    ]);
  });

  it('normalises Chinese and full-width numbers, ranges and qualifiers', () => {
    expect(facts('员工一百二十人左右，专利四十余项，营收１２００万元，投资3—5亿元。')).toEqual([
      ['employees', 120, 'approx'],
      ['patents.total', 40, 'at_least'],
      ['revenue', 1.2e7, 'exact'],
      ['investment.planned', 3e8, 'forecast'],
    ]);
  });

  it('skips patent applications still pending and money still being raised', () => {
    expect(facts('已申请专利90项，已授权42项。本轮拟融资1.5亿元。')).toEqual([
      ['patents.total', 42, 'exact'],
    ]);
  });

  it('reads a TRL the plan states outright, but not one it only expects', () => {
    const trl = (text: string) => extractFacts(text).find((f) => f.key === 'trl')?.value;
    expect(trl('目前技术成熟度TRL 7级，已完成中试。')).toBe(7);
    expect(trl('样机已通过验证，达到TRL-6。')).toBe(6);
    expect(trl('产品技术成熟度达到8级。')).toBe(8);
    expect(trl('已完成实验室验证，预计2026年达到TRL 8。')).toBe(4);
  });

  it('does not take a core or founding team for the whole staff', () => {
    expect(facts('核心团队15人，均来自知名院校。')).toEqual([]);
    expect(facts('公司现有员工42人，其中核心团队15人。')).toEqual([['employees', 42, 'exact']]);
    expect(facts('团队规模200人。')).toEqual([['employees', 200, 'exact']]);
  });
});

describe('extractFacts headcounts', () => {
  const talents = (text: string) => extractFacts(text).filter((f) => f.key === 'team.national_talents');

  it('does not add a vague "led by national talents" to the people the plan counts elsewhere', () => {
    const got = talents('核心团队由国家级人才领衔。公司现有国家级人才2名，博士15人。');
    expect(got.map((f) => f.value)).toEqual([2]);
    // The quote is the sentence with the figure.
    expect(got[0].evidence.quote).toContain('国家级人才2名');
  });

  it('counts a vague mention as one person when the plan gives no figure', () => {
    expect(talents('核心团队由国家级人才领衔。').map((f) => f.value)).toEqual([1]);
  });
});
