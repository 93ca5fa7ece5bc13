// The facts read from a business plan. Each one carries the page and the exact sentence it came from,
// so a reviewer (or a check) can verify it against the document.

export const FACT_KEYS = [
  'patents.total',
  'patents.invention',
  'patents.utility',
  'patents.design',
  'software_copyrights',
  'revenue',
  'revenue_growth',
  'net_profit',
  'rd_expense',
  'rd_ratio',
  'employees',
  'rd_staff',
  'team.phd',
  'team.academicians',
  'team.national_talents',
  'funding.total',
  'funding.last_round',
  'valuation',
  'investment.planned',
  'talents.planned',
  'output.expected',
  'land.area',
  'trl',
  'customers.key',
  'affiliation',
] as const;
export type FactKey = (typeof FACT_KEYS)[number];

export type FactUnit = '元' | 'count' | 'fraction' | 'trl' | 'area_mu' | 'area_m2' | 'text';
/** How the plan states the figure: 约/近/左右 approx, 余/超/逾/以上/range at_least, 预计/计划/… forecast. */
export type FactQualifier = 'exact' | 'approx' | 'at_least' | 'forecast';

export type Fact = {
  key: FactKey;
  value: number | string;
  unit: FactUnit;
  qualifier: FactQualifier;
  /** The year the figure is for, when the text says it ("2023"). */
  period?: string;
  evidence: { page: number; quote: string };
};

const RANK: FactQualifier[] = ['exact', 'approx', 'at_least', 'forecast'];
/** The stronger of two qualifiers: a forecast of "over 5亿" is still a forecast. */
export const strongerQualifier = (a: FactQualifier, b: FactQualifier): FactQualifier =>
  RANK.indexOf(b) > RANK.indexOf(a) ? b : a;
