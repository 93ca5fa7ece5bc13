/** Direct paths (直通条件): alternative routes that qualify a firm at once, checked in rule order. */
import { wan } from './format.js';
import type { Tri } from './logic.js';
import { equityRaisedCny, existed, type Firm } from './prepare.js';
import type { DirectPath } from './ruleset-schema.js';
import { OTHER_TITLE_NAMES, type OtherTitle, TIER_NAMES, type TierKey } from './tiers.js';

const LEVEL_RANK = { national: 4, provincial: 3, city: 2, other: 1 } as const;
const LEVEL_NAMES = { national: '国家级', provincial: '省级', city: '市级', other: '市级以下' } as const;
const STANDARD_NAMES = {
  international: '国际标准',
  national: '国家标准',
  industry: '行业标准',
  local: '地方标准',
  group: '团体标准',
} as const;

/** What proves the first path that holds (a Chinese line), false when none holds, null when one might. */
export type PathResult = string | false | null;

export function pathOk(r: PathResult): Tri {
  return typeof r === 'string' ? true : r;
}

function titleName(t: TierKey | OtherTitle): string {
  return t in TIER_NAMES ? TIER_NAMES[t as TierKey] : OTHER_TITLE_NAMES[t as OtherTitle];
}

/** What a direct path asks for, in Chinese (for docs, the report and "unmet" lines). */
export function describePath(p: DirectPath): string {
  switch (p.kind) {
    case 'title':
      return `持有有效的${p.titles.map(titleName).join('、')}称号`;
    case 'award':
      return `近 ${p.withinYears} 年获${p.levels.map((l) => LEVEL_NAMES[l]).join('或')}科技奖励${p.maxRank ? `且获奖单位排名前 ${p.maxRank}` : ''}`;
    case 'rd_institution':
      return `建有${LEVEL_NAMES[p.minLevel]}及以上研发机构`;
    case 'standard_led':
      return `近 ${p.withinYears} 年主导制定${p.levels.map((l) => STANDARD_NAMES[l]).join('、')}`;
    case 'equity':
      return `近 ${p.withinYears} 年新增股权融资（合格机构投资者实缴）≥ ${wan(p.min)}`;
    case 'average_rd':
      return `近 ${p.years} 年研发费用年均 ≥ ${wan(p.min)}`;
    case 'makers_china':
      return `近 ${p.withinYears} 年进入“创客中国”大赛全国 500 强`;
  }
}

/** Checks one path: true with what proves it, false, or null with the missing fact's label. */
function checkPath(p: DirectPath, firm: Firm, d: Missing): Tri | string {
  const f = firm.facts;
  switch (p.kind) {
    case 'title': {
      if (!f.titles) return miss(d, '已获资质');
      const t = f.titles.find(
        (x) =>
          (p.titles as string[]).includes(x.title) && x.issuedOn <= firm.date && firm.date <= x.expiresOn,
      );
      return t ? `持有有效的${titleName(t.title)}称号（${t.issuedOn} 至 ${t.expiresOn}）` : false;
    }
    case 'award': {
      if (!f.awards) return miss(d, '科技奖励');
      let unknown = false;
      for (const a of f.awards) {
        if (a.kind !== 'science' || !(p.levels as string[]).includes(a.level)) continue;
        if (a.year < firm.year - p.withinYears || a.year > firm.year) continue;
        if (p.maxRank !== null && a.rank === undefined) {
          unknown = true;
          continue;
        }
        if (p.maxRank === null || (a.rank as number) <= p.maxRank)
          return `${a.year} 年获${LEVEL_NAMES[a.level]}科技奖励${a.name ? `（${a.name}）` : ''}${a.rank ? `，排名第 ${a.rank}` : ''}`;
      }
      return unknown ? miss(d, '科技奖励的获奖单位排名') : false;
    }
    case 'rd_institution': {
      if (!f.rdInstitutions) return miss(d, '研发机构');
      const min = LEVEL_RANK[p.minLevel];
      const i = f.rdInstitutions.find(
        (x) => LEVEL_RANK[x.level] >= min && (!x.recognizedOn || x.recognizedOn <= firm.date),
      );
      return i ? `建有${LEVEL_NAMES[i.level]}研发机构${i.name ? `（${i.name}）` : ''}` : false;
    }
    case 'standard_led': {
      if (!f.standards) return miss(d, '标准制定情况');
      const s = f.standards.find(
        (x) =>
          x.role === 'lead' &&
          (p.levels as string[]).includes(x.level) &&
          x.year >= firm.year - p.withinYears &&
          x.year <= firm.year,
      );
      return s ? `${s.year} 年主导制定${STANDARD_NAMES[s.level]}${s.name ? `（${s.name}）` : ''}` : false;
    }
    case 'equity': {
      const sum = equityRaisedCny(firm, p.withinYears);
      if (sum === null) return miss(d, '股权融资记录');
      return sum >= p.min ? `近 ${p.withinYears} 年新增股权融资 ${wan(sum)}` : false;
    }
    case 'average_rd': {
      // Years before registration count as 0: the average is over the rule's fixed number of years.
      let total = 0;
      let known = true;
      for (let k = 1; k <= p.years; k++) {
        if (!existed(firm, k)) continue;
        const v = firm.back[k]?.rdExpense;
        if (v === undefined) {
          miss(d, `${firm.year - k} 年度研发费用`);
          known = false;
        } else total += v;
      }
      if (!known) return null;
      return total / p.years >= p.min ? `近 ${p.years} 年研发费用年均 ${wan(total / p.years)}` : false;
    }
    case 'makers_china': {
      if (!f.awards) return miss(d, '科技奖励');
      const a = f.awards.find(
        (x) => x.kind === 'makers_china_top500' && x.year >= firm.year - p.withinYears && x.year <= firm.year,
      );
      return a ? `${a.year} 年进入“创客中国”大赛全国 500 强` : false;
    }
  }
}

type Missing = { miss(label: string): void };

function miss(d: Missing, label: string): null {
  d.miss(label);
  return null;
}

/** The first path that holds, else false, or null when a path could hold but its facts are missing. */
export function checkDirectPaths(paths: readonly DirectPath[], firm: Firm, d: Missing): PathResult {
  let ok: false | null = false;
  for (const p of paths) {
    const r = checkPath(p, firm, d);
    if (typeof r === 'string') return r;
    if (r === null) ok = null;
  }
  return ok;
}
