/** Each clause as the Chinese sentence a policy page shows ("成立满 1 年", "上年度研发费用占营业收入
 *  比例 ≥ 3%"), and the values beside it in the same units. */
import { pct, wan } from '../eligibility/format.js';
import { TIER_NAMES, type TierKey } from '../eligibility/tiers.js';
import { regionEntry } from '../text/region.js';
import type { Clause } from './conditions.js';

/** GB/T 4754-2017 门类. */
export const SECTION_NAMES: Record<string, string> = {
  A: '农、林、牧、渔业',
  B: '采矿业',
  C: '制造业',
  D: '电力、热力、燃气及水生产和供应业',
  E: '建筑业',
  F: '批发和零售业',
  G: '交通运输、仓储和邮政业',
  H: '住宿和餐饮业',
  I: '信息传输、软件和信息技术服务业',
  J: '金融业',
  K: '房地产业',
  L: '租赁和商务服务业',
  M: '科学研究和技术服务业',
  N: '水利、环境和公共设施管理业',
  O: '居民服务、修理和其他服务业',
  P: '教育',
  Q: '卫生和社会工作',
  R: '文化、体育和娱乐业',
  S: '公共管理、社会保障和社会组织',
  T: '国际组织',
};

export const tierName = (tier: string) => TIER_NAMES[tier as TierKey] ?? tier;

/** A region prefix by name: 3209 → 盐城市（3209）. */
export function regionLabel(prefix: string): string {
  const name = regionEntry(prefix.padEnd(6, '0'))?.name;
  return name ? `${name}（${prefix}）` : prefix;
}

/** Years as written in Chinese: 1 年, 0.5 年 → 6 个月. */
export function years(n: number): string {
  if (n < 1 && Number.isInteger(n * 12)) return `${n * 12} 个月`;
  return `${n} 年`;
}

export const people = (n: number) => `${n} 人`;
export const items = (n: number) => `${n} 件`;
export { pct, wan };

function bounds(min: number | undefined, max: number | undefined, fmt: (n: number) => string): string {
  if (min !== undefined && max !== undefined) return `≥ ${fmt(min)}且 ≤ ${fmt(max)}`;
  if (min !== undefined) return `≥ ${fmt(min)}`;
  return `≤ ${fmt(max as number)}`;
}

function issuedWindow(from?: string, to?: string): string {
  if (from && to) return `${from} 至 ${to} 期间`;
  if (from) return `${from} 以后`;
  if (to) return `${to} 以前`;
  return '';
}

/** The requirement a clause states, as one Chinese sentence. */
export function describeClause(c: Clause): string {
  switch (c.kind) {
    case 'tier_held': {
      const name = tierName(c.tier);
      const window = issuedWindow(c.issuedFrom, c.issuedTo);
      if (!window) return c.firstTime ? `首次认定为${name}且资质有效` : `持有有效的${name}资质`;
      return `${window}${c.firstTime ? '首次' : ''}认定为${name}且资质有效`;
    }
    case 'tier_eligible':
      return c.includeHolding === false
        ? `符合${tierName(c.tier)}认定条件但尚未认定（以最近一次培育筛查为准）`
        : `符合${tierName(c.tier)}认定条件或已认定（以最近一次培育筛查为准）`;
    case 'tier_not_held':
      return c.ever ? `从未认定为${tierName(c.tier)}` : `未持有有效的${tierName(c.tier)}资质`;
    case 'region':
      return `注册地在${c.prefixes.map(regionLabel).join('、')}`;
    case 'industry': {
      const parts = [
        ...(c.sections ?? []).map((s) => `${SECTION_NAMES[s] ?? s}（${s}）`),
        ...(c.divisions?.length ? [`行业大类 ${c.divisions.join('、')}`] : []),
      ];
      return `所属行业为${parts.join('、')}`;
    }
    case 'age':
      if (c.min !== undefined && c.max !== undefined) return `成立满 ${years(c.min)}且不超过 ${years(c.max)}`;
      if (c.min !== undefined) return `成立满 ${years(c.min)}`;
      return `成立不超过 ${years(c.max as number)}`;
    case 'revenue':
      return `上年度营业收入 ${bounds(c.min, c.max, wan)}`;
    case 'employees':
      return `上年度职工人数 ${bounds(c.min, c.max, people)}`;
    case 'rd_ratio':
      return `上年度研发费用占营业收入比例 ≥ ${pct(c.min)}`;
    case 'rd_expense':
      return c.min === undefined ? '上年度有研发投入（研发费用 > 0）' : `上年度研发费用 ≥ ${wan(c.min)}`;
    case 'invention_patents':
      return `拥有发明专利 ≥ ${items(c.min)}`;
    case 'class1_ip':
      return `拥有 I 类知识产权（发明专利、集成电路布图设计、植物新品种）≥ ${items(c.min)}`;
    case 'universe_local':
      return '为本地在册企业（不含外地目标企业）';
  }
}

/** The threshold part of a clause ("≥ 3%"), shown in the "required" column. */
export function requiredOf(c: Clause): string {
  switch (c.kind) {
    case 'tier_held':
      return c.firstTime ? '首次认定' : '持有有效资质';
    case 'tier_eligible':
      return c.includeHolding === false ? '可申报（尚未认定）' : '可申报或已认定';
    case 'tier_not_held':
      return c.ever ? '从未认定' : '未持有有效资质';
    case 'region':
      return c.prefixes.map(regionLabel).join('、');
    case 'industry':
      return [...(c.sections ?? []), ...(c.divisions ?? [])].join('、');
    case 'age':
      return bounds(c.min, c.max, years);
    case 'revenue':
      return bounds(c.min, c.max, wan);
    case 'employees':
      return bounds(c.min, c.max, people);
    case 'rd_ratio':
      return `≥ ${pct(c.min)}`;
    case 'rd_expense':
      return c.min === undefined ? '> 0' : `≥ ${wan(c.min)}`;
    case 'invention_patents':
    case 'class1_ip':
      return `≥ ${items(c.min)}`;
    case 'universe_local':
      return '本地企业';
  }
}
