/** 年度总结's opening paragraph, from the year's figures: in Chinese for the report and the page, in
 *  English for the page in English. Money in 亿元 (CNY 100 M). */
export type YearFigures = {
  year: number;
  orgName: string;
  newLeads: number;
  signed: number;
  landed: number;
  highQualityLanded: number;
  highQualityShare: number;
  talents: number;
  scientistTeams: number;
  plannedInvestment: number;
  arrivedInvestment: number;
  bySource: { name: string; landed: number }[];
};

const pct = (f: number) => `${Math.round(f * 1000) / 10}%`;
const topSources = (s: YearFigures) => s.bySource.filter((x) => x.landed > 0).slice(0, 3);

/** The paragraph a year-end report opens with. */
export function yearText(s: YearFigures): string {
  const top = topSources(s);
  return [
    `${s.year}年，${s.orgName}新增招商线索${s.newLeads}个，签约项目${s.signed}个、计划总投资${s.plannedInvestment}亿元，`,
    `落地项目${s.landed}个、到位资金${s.arrivedInvestment}亿元；`,
    // A share of no landed project is no share at all: the clause is left out rather than read "0%".
    s.landed > 0
      ? `其中大院大所、行业龙头、央企国企等高质量项目${s.highQualityLanded}个，占落地项目的${pct(s.highQualityShare)}；`
      : '',
    `引进高层次人才${s.talents}名、科学家团队${s.scientistTeams}个。`,
    top.length ? `落地项目主要来自${top.map((x) => `${x.name}（${x.landed}个）`).join('、')}。` : '',
  ].join('');
}

const n = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;
/** CNY in hundreds of millions as an English reader counts it: "CNY 1.25 bn", "CNY 300 M". */
const cny = (yi: number) =>
  yi >= 10 ? `CNY ${Math.round(yi * 100) / 1000} bn` : `CNY ${Math.round(yi * 1000) / 10} M`;

/** The same paragraph in English. Source names stay as the org wrote them. */
export function yearTextEn(s: YearFigures): string {
  const top = topSources(s);
  return [
    `In ${s.year}, ${s.orgName} gained ${n(s.newLeads, 'new lead')} and signed ${n(s.signed, 'project')} `,
    `with ${cny(s.plannedInvestment)} of planned investment; ${n(s.landed, 'project')} landed, `,
    `bringing ${cny(s.arrivedInvestment)} of funds in place`,
    s.landed > 0
      ? `, ${s.highQualityLanded} of them high-quality (research institutes, industry leaders, state-owned firms), ${pct(s.highQualityShare)} of those landed`
      : '',
    `. It attracted ${n(s.talents, 'high-level talent', 'high-level talents')} and ${n(s.scientistTeams, 'scientist team')}.`,
    top.length
      ? ` Landed projects came mainly from ${top.map((x) => `${x.name} (${x.landed})`).join(', ')}.`
      : '',
  ].join('');
}
