import { describe, expect, it } from 'vitest';
import { sourceDisagreements } from './disagreements.js';
import type { ProfileFact } from './score.js';

const fact = (key: ProfileFact['key'], value: number, source: ProfileFact['source']): ProfileFact => ({
  key,
  value,
  qualifier: 'exact',
  source,
});

describe('plan and registry disagreements', () => {
  it('asks about a figure the plan and the registry give more than 5 % apart, and not about one within it', () => {
    expect(
      sourceDisagreements([
        fact('revenue', 52_000_000, 'document'),
        fact('revenue', 48_318_000, 'registry'),
        fact('employees', 160, 'document'),
        fact('employees', 158, 'registry'),
        fact('rd_staff', 40, 'document'),
      ]),
    ).toEqual([
      '营业收入：计划书为 5200 万元，企业库为 4831.8 万元，相差 7.1%；评分采用计划书的数字，请核实',
    ]);
  });

  it('says nothing when only one source gives a figure', () => {
    expect(
      sourceDisagreements([fact('revenue', 1e8, 'registry'), fact('net_profit', 1e7, 'document')]),
    ).toEqual([]);
  });
});
