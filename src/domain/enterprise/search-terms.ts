/** What the registry indexes for finding a firm: character bigrams of its folded names (full, core,
 *  aliases) and of the pinyin initials of its core, so a fragment, a short name, a former name, a typo
 *  or "zjhy" all meet the firm through one GIN-indexed array overlap. */
import { pinyin } from 'pinyin-pro';
import { normalizeCompanyName, withoutInnerRegion } from '../text/company-name.js';

export type SearchTerms = {
  nameNormalized: string;
  nameCore: string;
  namePinyin: string;
  searchGrams: string[];
};

/** Bigrams of a string (the string itself when it has one character). */
export function bigrams(text: string): string[] {
  const chars = [...text];
  if (chars.length <= 1) return chars;
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
  return out;
}

/** Characters two apart, marked with '~' ("中交慧运" → ~中慧, ~交运): a substitution at one character
 *  kills the two bigrams around it but not the skip-gram spanning it. */
export function skipGrams(text: string): string[] {
  const chars = [...text];
  const out: string[] = [];
  for (let i = 0; i + 2 < chars.length; i++) out.push(`~${chars[i]}${chars[i + 2]}`);
  return out;
}

/** Pinyin initials of the Chinese characters; other letters and digits kept, lower-cased. */
export function pinyinInitials(text: string): string {
  return pinyin(text, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' })
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** Folds a query the way names are folded (width, brackets, spaces, case). */
export function foldQuery(q: string): string {
  return normalizeCompanyName(q).normalized;
}

export function searchTerms(name: string, aliases: { name: string }[] = []): SearchTerms {
  const { normalized, core } = normalizeCompanyName(name);
  const grams = new Set<string>();
  const names = [
    normalized,
    core,
    ...aliases.flatMap((a) => {
      const n = normalizeCompanyName(a.name);
      return [n.normalized, n.core];
    }),
  ];
  for (const n of names) for (const g of bigrams(n)) grams.add(g);
  // Skip-grams of the cores: what survives a mistyped character between them (see typoGramSets).
  for (let i = 1; i < names.length; i += 2) for (const g of skipGrams(names[i])) grams.add(g);
  const initials = [
    pinyinInitials(core),
    ...aliases.map((a) => pinyinInitials(normalizeCompanyName(a.name).core)),
  ];
  for (const p of initials) for (const g of bigrams(p)) grams.add(`#${g}`);
  return { nameNormalized: normalized, nameCore: core, namePinyin: initials[0], searchGrams: [...grams] };
}

// Bigrams that half the registry shares (legal forms, generic trade words): they find everything and
// so rank nothing, and they make the candidate set huge. A query drops them unless nothing else is left.
const GENERIC = new Set(
  '有限 公司 限公 责任 任公 股份 份有 集团 团有 控股 科技 技有 技术 术有 实业 业有 发展 展有 贸易 易有 工程 程有 材料 料有 能源 源有 电子 子有 智能 能科 信息 息技 设备 备有 机械 械有 新材 光伏 伏科 医药 药有 生物 物科 汽车 车零 零部 部件 件有 半导 导体 体有 储能 制造 造有 技股 技集 技发'.split(
    ' ',
  ),
);

/** The grams of a query: pinyin-initial grams for a Latin query; otherwise the bigrams of its core
 *  name (a full name is searched by what distinguishes it), without generic grams where possible. */
export function queryGrams(q: string): string[] {
  const folded = foldQuery(q).toLowerCase();
  if (/^[a-z]+$/.test(folded)) return [...new Set(bigrams(folded).map((g) => `#${g}`))];
  const { core } = normalizeCompanyName(q);
  const all = [...new Set(bigrams(core.length >= 2 ? core : folded))];
  const specific = all.filter((g) => !GENERIC.has(g));
  return specific.length ? specific : all;
}

/** For a query that no firm matches whole: the query without a region typed inside it, then one gram
 *  set per character the user may have mistyped,
 *  each without the (at most two) bigrams touching that character and with the skip-gram spanning it.
 *  A firm holding every gram of one set differs from the query at that one character, which is what a
 *  typo is; the sets stay as selective as the query itself. Sets of generic grams only are dropped:
 *  they would match half the registry. Empty for pinyin and single-character queries. */
export function typoGramSets(q: string): string[][] {
  const folded = foldQuery(q).toLowerCase();
  if (/^[a-z]+$/.test(folded)) return [];
  const { core } = normalizeCompanyName(q);
  const chars = [...(core.length >= 2 ? core : folded)];
  if (chars.length < 2) return [];
  const grams = bigrams(chars.join(''));
  const seen = new Set<string>();
  const sets: string[][] = [];
  // The bracketed region typed without brackets ("中交慧运盐城科技"): the core without it, whole.
  const inner = withoutInnerRegion(chars.join(''));
  if (inner && [...inner].length >= 2) {
    const all = [...new Set(bigrams(inner))];
    const specific = all.filter((g) => !GENERIC.has(g));
    const set = specific.length ? specific : all;
    seen.add(set.toSorted().join('|'));
    sets.push(set);
  }
  for (let p = 0; p < chars.length; p++) {
    // Character p sits in bigrams p-1 and p; the skip-gram of p-1 and p+1 spans it.
    const kept = grams.filter((g, i) => i !== p - 1 && i !== p && !GENERIC.has(g));
    if (p > 0 && p + 1 < chars.length) kept.push(`~${chars[p - 1]}${chars[p + 1]}`);
    const set = [...new Set(kept)];
    if (set.length === 0) continue;
    const key = set.toSorted().join('|');
    if (seen.has(key)) continue;
    seen.add(key);
    sets.push(set);
  }
  return sets;
}
