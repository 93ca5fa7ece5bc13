/** 高新技术企业 — 国科发火〔2016〕32号 第十一条 with 工作指引 国科发火〔2016〕195号: all eight conditions. */
import { pct, pts, wan } from '../format.js';
import { raiseRatio, scoreMeets } from '../gap.js';
import { meets, shortBy } from '../logic.js';
import { existed, type Firm, fig } from '../prepare.js';
import type { RulesetOf } from '../ruleset-schema.js';
import type { TierKey } from '../tiers.js';
import { Draft } from '../verdict.js';
import { hnteScore } from './hnte-score.js';
import { declared } from './shared.js';

type Params = RulesetOf<'hnte_2016'>['params'];

export function assessHnte(firm: Firm, rs: RulesetOf<'hnte_2016'>, tier: TierKey): Draft {
  const p = rs.params;
  const d = new Draft(tier, rs);
  d.passScore = p.minScore;
  const f = firm.facts;

  // 1. Registered at least a year before applying.
  const age = firm.ageDays;
  if (age < p.minAgeDays)
    d.check(
      false,
      '第 1 条：注册成立满一年',
      () => [`${age} 天`, `≥ ${p.minAgeDays} 天`, `注册成立满一年还需 ${p.minAgeDays - age} 天`],
      shortBy(age, '>=', p.minAgeDays),
    );

  // 2. Owns IP that supports its main products (trademarks never count).
  if (firm.classI === null || firm.classII === null) {
    d.miss('知识产权');
    d.need(null);
  } else if (firm.classI + firm.classII === 0)
    d.check(
      false,
      '第 2 条：拥有对主要产品（服务）起核心支持作用的知识产权',
      () => ['0 件', '≥ 1 件 I 类或 II 类知识产权', '还需 1 件知识产权（I 类或 II 类，商标不计）'],
      1,
    );

  // 3. In one of the eight fields.
  const field = f.declared?.hnteField;
  if (field === undefined) {
    d.miss('技术所属《国家重点支持的高新技术领域》');
    d.need(null);
  } else if (field === 'none' || !(p.fields as readonly string[]).includes(field))
    d.check(false, '第 3 条：核心技术属于国家重点支持的高新技术领域', () => [
      field === 'none' ? '不属于' : field,
      p.fields.join('、'),
      null,
    ]);

  // 4. Tech staff ≥ 10% of last year's employees.
  const employees = fig(firm, 1, 'employees', d);
  const tech = fig(firm, 1, 'techStaff', d);
  if (employees === undefined || tech === undefined) d.need(null);
  else if (!(employees > 0 && meets(tech / employees, '>=', p.techStaffMinShare))) {
    const share = employees > 0 ? tech / employees : 0;
    d.check(
      false,
      '第 4 条：科技人员占职工总数比例',
      () => [
        `${pct(share, true)}（${tech} / ${employees} 人）`,
        `≥ ${pct(p.techStaffMinShare)}`,
        `科技人员占比 ${pct(share, true)} < ${pct(p.techStaffMinShare)}：还需新增 ${raiseRatio(tech, employees, '>=', p.techStaffMinShare, true, true)} 名科技人员`,
      ],
      shortBy(share, '>=', p.techStaffMinShare),
    );
  }

  // 5. R&D over the last three accounting years (actual years when younger) ÷ sales of the same years.
  rdCondition(d, firm, p);

  // 6. High-tech products/services ≥ 60% of last year's revenue.
  const revenue = fig(firm, 1, 'revenue', d);
  const ht = fig(firm, 1, 'highTechRevenue', d);
  if (revenue === undefined || ht === undefined) d.need(null);
  else if (!(revenue > 0 && meets(ht / revenue, '>=', p.highTechRevenueMinShare))) {
    const share = revenue > 0 ? ht / revenue : 0;
    d.check(
      false,
      '第 6 条：高新技术产品（服务）收入占比',
      () => [
        pct(share, true),
        `≥ ${pct(p.highTechRevenueMinShare)}`,
        // Two ways to reach the share, said both: new sales grow the total too; revenue already booked
        // but not yet counted as 高新技术产品（服务） does not.
        `高新技术产品（服务）收入占比 ${pct(share, true)} < ${pct(p.highTechRevenueMinShare)}：上年度高新技术产品（服务）收入还需增加 ${wan(raiseRatio(ht, revenue, '>=', p.highTechRevenueMinShare, true, false), true)}（按新增收入计）；若由现有收入归入，需归入 ${wan(raiseRatio(ht, revenue, '>=', p.highTechRevenueMinShare, false, false), true)}`,
      ],
      shortBy(share, '>=', p.highTechRevenueMinShare),
    );
  }

  // 7. Innovation-capability score > 70.
  hnteScore(d, firm, p.score);
  const ok = scoreMeets(d.lo, d.hi, p.minScore);
  const lo = d.lo;
  const hi = d.hi;
  d.check(ok, '第 7 条：创新能力评价得分', () => [
    `${pts(lo, hi)} 分`,
    `≥ ${p.minScore} 分（须高于 ${p.minScore - 1} 分）`,
    `创新能力评价 ${pts(lo, hi)} 分 < ${p.minScore}：还差 ${p.minScore - hi} 分（可从科技成果转化、I 类知识产权、收入与净资产增长入手）`,
  ]);

  // 8. No major safety or quality accident or serious environmental violation in the last 365 days.
  declared(
    d,
    f.declared?.noMajorIncidentLast365Days,
    '第 8 条：申请前一年内无重大安全、质量事故或严重环境违法',
    '申请前一年内有无重大安全、质量事故或严重环境违法行为',
  );
  return d.finish();
}

function rdCondition(d: Draft, firm: Firm, p: Params): void {
  let rd = 0;
  let domestic = 0;
  let sales = 0;
  let years = 0;
  let known = true;
  for (let k = 1; k <= 3; k++) {
    if (!existed(firm, k)) continue;
    years++;
    const r = fig(firm, k, 'rdExpense', d);
    const s = fig(firm, k, 'revenue', d);
    const dm = fig(firm, k, 'rdExpenseDomestic', d);
    if (r === undefined || s === undefined || dm === undefined) known = false;
    else {
      rd += r;
      sales += s;
      domestic += dm;
    }
  }
  const last = firm.back[1]?.revenue;
  if (!known || years === 0 || last === undefined) {
    d.need(null);
    return;
  }
  // The band is set by last year's sales; the ratio is over all the years.
  const bands = p.rdRatioBySales;
  let min = bands[bands.length - 1].minRatio;
  for (const b of bands)
    if (b.salesAtMost === null || last <= b.salesAtMost) {
      min = b.minRatio;
      break;
    }
  if (!(sales > 0 && meets(rd / sales, '>=', min))) {
    const ratio = sales > 0 ? rd / sales : 0;
    const span = years === 3 ? '近三年' : `近 ${years} 年（成立不满三年，按实际年度）`;
    d.check(
      false,
      '第 5 条：研究开发费用占同期销售收入比例',
      () => [
        `${pct(ratio, true)}（${span}研发费用 ${wan(rd)} / 销售收入 ${wan(sales)}）`,
        `≥ ${pct(min)}（上年度销售收入 ${wan(last)}）`,
        sales > 0
          ? `研发费用占比 ${pct(ratio, true)} < ${pct(min)}：${years === 3 ? '近三年' : `近 ${years} 年`}研发投入还需增加 ${wan(min * sales - rd, true)}`
          : null,
      ],
      shortBy(ratio, '>=', min),
    );
  }
  if (rd > 0 && !meets(domestic / rd, '>=', p.rdDomesticMinShare))
    d.check(
      false,
      '第 5 条：境内研究开发费用占全部研究开发费用比例',
      () => [
        pct(domestic / rd, true),
        `≥ ${pct(p.rdDomesticMinShare)}`,
        `境内研发费用占比 ${pct(domestic / rd, true)} < ${pct(p.rdDomesticMinShare)}：境内研发投入还需增加 ${wan(raiseRatio(domestic, rd, '>=', p.rdDomesticMinShare, true, false), true)}`,
      ],
      shortBy(domestic / rd, '>=', p.rdDomesticMinShare),
    );
}
