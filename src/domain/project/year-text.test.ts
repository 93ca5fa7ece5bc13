import { describe, expect, it } from 'vitest';
import { type YearFigures, yearText, yearTextEn } from './year-text';

const figures: YearFigures = {
  year: 2026,
  orgName: '盐南高新区',
  newLeads: 12,
  signed: 1,
  landed: 4,
  highQualityLanded: 1,
  highQualityShare: 0.25,
  talents: 3,
  scientistTeams: 0,
  plannedInvestment: 12.5,
  arrivedInvestment: 0.3,
  bySource: [
    { name: '路演', landed: 3 },
    { name: '以商引商', landed: 1 },
    { name: '展会', landed: 0 },
  ],
};

describe('年度总结 paragraph', () => {
  it('reads the figures in Chinese, money in 亿元', () => {
    expect(yearText(figures)).toBe(
      '2026年，盐南高新区新增招商线索12个，签约项目1个、计划总投资12.5亿元，落地项目4个、到位资金0.3亿元；' +
        '其中大院大所、行业龙头、央企国企等高质量项目1个，占落地项目的25%；引进高层次人才3名、科学家团队0个。' +
        '落地项目主要来自路演（3个）、以商引商（1个）。',
    );
  });

  it('reads the same figures in English, with singulars, billions and millions', () => {
    expect(yearTextEn(figures)).toBe(
      'In 2026, 盐南高新区 gained 12 new leads and signed 1 project with CNY 1.25 bn of planned investment; ' +
        '4 projects landed, bringing CNY 30 M of funds in place, 1 of them high-quality (research institutes, ' +
        'industry leaders, state-owned firms), 25% of those landed. It attracted 3 high-level talents and ' +
        '0 scientist teams. Landed projects came mainly from 路演 (3), 以商引商 (1).',
    );
  });

  it('leaves out the share and the sources when nothing landed', () => {
    const none = { ...figures, landed: 0, highQualityLanded: 0, highQualityShare: 0, bySource: [] };
    expect(yearText(none)).not.toContain('高质量');
    expect(yearTextEn(none)).not.toContain('high-quality');
    expect(yearTextEn(none)).not.toContain('came mainly from');
  });
});
