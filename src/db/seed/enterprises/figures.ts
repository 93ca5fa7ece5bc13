/** Yearly figures and IP counts of a demo firm: log-normal revenue that grows with age, staff from
 *  revenue and the industry's productivity, R&D within the industry's usual share of revenue, and
 *  profit, assets and tax that follow revenue. Money is in 元, always whole 万元 with two decimals, so
 *  the CSV (in 万元) and the database (in 元) hold exactly the same numbers. */
import type { Industry } from './industries.js';
import type { Rng } from './random.js';

export type DemoYear = {
  year: number;
  employees: number;
  techStaff: number;
  rdStaff: number;
  revenue: number;
  mainRevenue: number;
  hightechRevenue: number;
  rdExpense: number;
  rdExpenseDomestic: number;
  totalCost: number;
  netProfit: number;
  totalAssets: number;
  totalLiabilities: number;
  taxPaid: number;
};

export type IpCounts = Partial<
  Record<
    'invention_patent' | 'utility_model' | 'design' | 'software_copyright' | 'pct' | 'ic_layout' | 'standard',
    number
  >
>;

/** 万元 with two decimals → 元 (an integer). */
export const yuan = (wan: number) => Math.round(wan * 100) * 100;

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** The size of a firm in its latest year: revenue in 万元, before any figure is drawn. */
export function latestRevenueWan(rng: Rng, age: number, target: boolean): number {
  const maturity = Math.min(age, 20) / 6;
  const median = 1800 * maturity ** 0.9 * (target ? 2.2 : 1);
  return clamp(rng.logNormal(median, 1.25), 30, 3_000_000);
}

/** R&D expense as a share of revenue, within 1–12 %. */
export function drawRdRatio(rng: Rng, industry: Industry): number {
  const [lo, hi] = industry.rdRatio;
  return clamp(rng.uniform(lo, hi) * rng.logNormal(1, 0.25), 0.01, 0.12);
}

/** Figures for the years from `firstYear` to `latestYear` (at most three), oldest first. */
export function yearFigures(
  rng: Rng,
  industry: Industry,
  opts: {
    latestYear: number;
    firstYear: number;
    revenueWan: number;
    rdRatio: number;
    age: number;
    hightech: boolean;
  },
): DemoYear[] {
  const years: DemoYear[] = [];
  const youth = opts.age <= 3;
  const productivity = rng.logNormal(industry.productivity, 0.35);
  const techShare = rng.uniform(...industry.techShare);
  const rdShare = rng.uniform(0.5, 0.9);
  const margin0 = youth ? rng.normal(-0.02, 0.12) : rng.normal(0.07, 0.06);
  const assetTurn = rng.logNormal(1.3, 0.35);
  const leverage = rng.uniform(0.2, 0.68);
  const taxRate = rng.uniform(0.02, 0.055);
  const growthMean = youth ? 0.35 : 0.1;
  let revenue = opts.revenueWan;
  let employees = Math.max(5, Math.round(revenue / productivity));
  for (let year = opts.latestYear; year >= opts.firstYear && year > opts.latestYear - 3; year--) {
    const margin = clamp(margin0 + rng.normal(0, 0.02), -0.6, 0.35);
    const rdRatio = clamp(opts.rdRatio * rng.logNormal(1, 0.08), 0.01, 0.12);
    const tech = Math.max(1, Math.min(employees, Math.round(employees * techShare)));
    const rd = Math.max(1, Math.min(tech, Math.round(tech * rdShare)));
    const rdExpense = revenue * rdRatio;
    const netProfit = revenue * margin;
    const assets = revenue * assetTurn * rng.logNormal(1, 0.05);
    years.push({
      year,
      employees,
      techStaff: tech,
      rdStaff: rd,
      revenue: yuan(revenue),
      mainRevenue: yuan(revenue * rng.uniform(0.9, 1)),
      hightechRevenue: yuan(revenue * (opts.hightech ? rng.uniform(0.62, 0.95) : rng.uniform(0, 0.5))),
      rdExpense: yuan(rdExpense),
      rdExpenseDomestic: yuan(rdExpense * rng.uniform(0.92, 1)),
      totalCost: yuan(Math.max(0, revenue - netProfit)),
      netProfit: yuan(netProfit),
      totalAssets: yuan(assets),
      totalLiabilities: yuan(assets * leverage),
      taxPaid: yuan(revenue * taxRate * (margin > 0 ? 1 : 0.4)),
    });
    // One year back: undo this year's growth (young firms grow faster).
    const growth = clamp(rng.normal(growthMean, 0.16), -0.35, 1.5);
    revenue = Math.max(10, revenue / (1 + growth));
    employees = Math.max(3, Math.round(employees / (1 + growth * 0.5)));
  }
  return years.reverse();
}

/** Cumulative IP counts: patents grow with R&D staff and age, in the mix the industry files. */
export function ipCounts(rng: Rng, industry: Industry, rdStaff: number, age: number): IpCounts {
  const base = rdStaff * Math.min(age, 12) * 0.35;
  const draw = (rate: number) => (rate > 0 ? rng.poisson(rate * base * rng.logNormal(1, 0.5)) : 0);
  const invention = draw(industry.ip.invention);
  const out: IpCounts = {
    invention_patent: invention,
    utility_model: draw(industry.ip.utility),
    design: draw(industry.ip.design),
    software_copyright: draw(industry.ip.software * 0.5),
    ic_layout: draw(industry.ip.icLayout),
    pct: rdStaff > 40 ? rng.poisson(invention * 0.06) : 0,
    standard: rng.poisson(0.015 * rdStaff ** 0.8),
  };
  for (const k of Object.keys(out) as (keyof IpCounts)[]) if (!out[k]) delete out[k];
  return out;
}
