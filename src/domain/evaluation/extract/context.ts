// The traps around a figure: is it a forecast, someone else's, the whole industry's, or a patent
// still pending? A trap word governs the rest of its sentence, as Chinese writing chains clauses.

const FORECAST =
  /预计|预期|预测|(?<!人才|万人|千人|引进|人才引进)计划(?!入选)|有望|力争|争取|目标(?!客户|市场)|规划|(?<!模)拟(?!合)|将(?=实现|达|突破|超|新增|形成|带来|引进|建|投|扩|提升|增)|准备|意向|想在|达产后|投产后|建成后|届时|未来|三年内|五年内/;

// Market, industry and national figures are not the firm's. 行业龙头 speaks of the firm itself.
const INDUSTRY =
  /市场(?:规模|空间|容量|需求|会|将|约|达|预计|总|：|:|\d)|(?<!细分领域)行业(?!龙头)|产业(?:规模|总产值|产值)|全球|全国|我国|装机|渗透率|国产化率|据[^，。]{1,10}(?:统计|数据)|IDC|赛道/;

// Another company's figures: parent, shareholder, competitor, or a well-known leader cited by name.
const OTHER_ENTITY =
  /母公司|控股股东|股东方|集团(?!有限公司控股企业)|竞争对手|竞品|对标|同行|可比公司|友商|宁德时代|比亚迪|华为|中芯国际|阳光电源|汇川|隆基|特斯拉|英伟达|台积电/;

const PENDING = /申请中|正在申请|已申请|受理|在审|审查|审中/;

// A clause that starts with the firm again ends the reach of an earlier trap word.
const FIRM_SUBJECT = /^(?:公司|我们|本公司|企业|项目)/;

export type ClauseContext = { forecastFrom: boolean; skip: boolean; pending: boolean };

/** For each clause of a sentence: under a forecast word, to be skipped, or about pending patents. */
export function clauseContexts(clauses: string[]): ClauseContext[] {
  let forecast = false;
  let trap = false;
  return clauses.map((c) => {
    if (FIRM_SUBJECT.test(c)) trap = false;
    const ownTrap = INDUSTRY.test(c) || OTHER_ENTITY.test(c);
    trap = trap || ownTrap;
    const ctx = { forecastFrom: forecast, skip: trap, pending: PENDING.test(c) };
    forecast = forecast || FORECAST.test(c);
    return ctx;
  });
}

/** Whether a forecast word stands in `text` before `index`. */
export function forecastBefore(text: string, index: number): boolean {
  return FORECAST.test(text.slice(0, index));
}

export { FORECAST };
