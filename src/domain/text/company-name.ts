// Company names as they vary between sources: full- or half-width brackets, the region in brackets
// (中交慧运（盐城）科技有限公司), a region prefix (南通市…), legal-form suffixes. `normalized` folds only
// the writing, so two rows of one legal name meet; `core` drops the generic parts, so search and
// duplicate detection compare what distinguishes one firm from another.
import { PLACEHOLDER_CITY, regionIndex, shortRegionName } from './region-data.js';

export type CompanyName = {
  /** The full name with width, brackets, spaces, quotes and Latin case folded. */
  normalized: string;
  /** The distinctive part: no bracketed region, no leading region, no legal-form suffix. */
  core: string;
};

// Longest first, so 股份有限公司 is removed whole rather than leaving 股份.
const LEGAL_SUFFIXES = [
  '集团股份有限公司',
  '集团有限责任公司',
  '集团有限公司',
  '股份有限公司',
  '有限责任公司',
  '股份合作公司',
  '有限公司',
  '股份公司',
  '集团公司',
  '总公司',
  '公司',
  '集团',
  '有限合伙',
  '普通合伙',
  '合伙企业',
];

// Bracketed words that say nothing about which firm it is.
const GENERIC_BRACKETED = /^(中国|集团|筹|筹建|有限合伙|普通合伙|特殊普通合伙|分公司)$/;

// A prefix written with its suffix (南通市, 江阴市) may leave as little as this; a bare short form
// (南京, 上海) must leave more, because 南京银行 or 上海电气 would otherwise become a bare industry word.
const MIN_CORE_AFTER_FULL = 2;
const MIN_CORE_AFTER_SHORT = 3;

type Prefixes = {
  full: Set<string>;
  short: Set<string>;
  bracketed: Set<string>;
  /** First character → the lengths of prefixes starting with it, longest first (keeps the scan short). */
  lengths: Map<string, number[]>;
};
let prefixes: Prefixes | undefined;

// Short region names that are far more often a brand word (东方电气, 永安行, 安吉物流) than a place.
const BRAND_WORDS = new Set(['东方', '永安', '安吉']);

// Region names that may open a company name. Short forms of 区, 旗 and the like are left out: 福田汽车,
// 长安汽车, 金山软件 and 宝山钢铁 start with a district's name but the name is the brand.
function regionPrefixes(): Prefixes {
  if (prefixes) return prefixes;
  const full = new Set<string>();
  const short = new Set<string>();
  const bracketed = new Set<string>();
  for (const e of regionIndex().values()) {
    if (e.level === 'city' && PLACEHOLDER_CITY.test(e.name)) continue;
    full.add(e.name);
    bracketed.add(e.name);
    const s = shortRegionName(e.name);
    if (!s) continue;
    bracketed.add(s);
    if ((e.level !== 'county' || /[市县]$/.test(e.name)) && !BRAND_WORDS.has(s)) short.add(s);
  }
  const lengths = new Map<string, number[]>();
  for (const n of [...full, ...short]) {
    const list = lengths.get(n[0]) ?? [];
    if (!list.includes(n.length)) list.push(n.length);
    lengths.set(n[0], list);
  }
  for (const list of lengths.values()) list.sort((a, b) => b - a);
  prefixes = { full, short, bracketed, lengths };
  return prefixes;
}

/** Folds how a name is written (width, brackets, spaces, quotes, case) without changing what it says. */
function fold(name: string): string {
  return name
    .normalize('NFKC') // （） → (), full-width letters and digits → ASCII
    .replace(/[\s\u200b\ufeff]+/g, '')
    .replace(/[[【〔［{<《〈]/g, '(')
    .replace(/[\]】〕］}>》〉]/g, ')')
    .replace(/["'“”‘’「」『』]/g, '')
    .replace(/[·•・]/g, '·')
    .toUpperCase();
}

function stripBrackets(name: string): string {
  const { bracketed } = regionPrefixes();
  return name.replace(/\(([^()]*)\)/g, (_, inner: string) => {
    if (GENERIC_BRACKETED.test(inner) || bracketed.has(inner)) return '';
    return inner;
  });
}

function stripLegalSuffix(name: string): string {
  let out = name;
  for (let changed = true; changed; ) {
    changed = false;
    for (const suffix of LEGAL_SUFFIXES) {
      if (out.endsWith(suffix) && out.length - suffix.length >= MIN_CORE_AFTER_FULL) {
        out = out.slice(0, -suffix.length);
        changed = true;
        break;
      }
    }
  }
  return out;
}

function stripRegionPrefix(name: string): string {
  const { full, short, lengths } = regionPrefixes();
  let out = name;
  for (let changed = true; changed; ) {
    changed = false;
    for (const len of lengths.get(out[0]) ?? []) {
      if (len > out.length) continue;
      const head = out.slice(0, len);
      const rest = out.length - len;
      if (
        (full.has(head) && rest >= MIN_CORE_AFTER_FULL) ||
        (short.has(head) && rest >= MIN_CORE_AFTER_SHORT)
      ) {
        out = out.slice(len);
        changed = true;
        break;
      }
    }
  }
  return out;
}

/** The core with a region name inside it taken out, or null when it holds none: 中交慧运（盐城）科技 is
 *  often typed without its brackets ("中交慧运盐城科技"), where the region sits between the trade name
 *  and the rest. At least two characters must stay before it, so a leading region is not touched here. */
export function withoutInnerRegion(core: string): string | null {
  const { bracketed } = regionPrefixes();
  const chars = [...core];
  for (let i = 2; i < chars.length; i++)
    for (let len = Math.min(6, chars.length - i); len >= 2; len--) {
      const word = chars.slice(i, i + len).join('');
      if (bracketed.has(word)) return [...chars.slice(0, i), ...chars.slice(i + len)].join('');
    }
  return null;
}

/** The folded full name (for exact duplicate detection) and its distinctive core (for search and similarity). */
export function normalizeCompanyName(name: string): CompanyName {
  const normalized = fold(name);
  if (LEGAL_SUFFIXES.includes(normalized)) return { normalized, core: normalized };
  let core = normalized;
  // A branch (…有限公司南通分公司) is searched and compared by the firm it belongs to.
  const branch = /^(.+?公司).+分公司$/.exec(core);
  if (branch) core = branch[1];
  core = stripBrackets(core);
  core = stripLegalSuffix(core);
  core = stripRegionPrefix(core);
  core = core.replace(/[()]/g, '');
  return { normalized, core: core || normalized };
}

/** Set of character bigrams (single characters for a one-character string). */
function bigrams(text: string): Map<string, number> {
  const chars = [...text];
  const grams = new Map<string, number>();
  if (chars.length === 1) grams.set(chars[0], 1);
  for (let i = 0; i + 1 < chars.length; i++) {
    const g = chars[i] + chars[i + 1];
    grams.set(g, (grams.get(g) ?? 0) + 1);
  }
  return grams;
}

/** Sørensen–Dice similarity of two strings over character bigrams, in [0, 1]. */
export function bigramDice(a: string, b: string): number {
  if (a === b) return a.length > 0 ? 1 : 0;
  const ga = bigrams(a);
  const gb = bigrams(b);
  let overlap = 0;
  let total = 0;
  for (const [g, n] of ga) {
    overlap += Math.min(n, gb.get(g) ?? 0);
    total += n;
  }
  for (const n of gb.values()) total += n;
  return total === 0 ? 0 : (2 * overlap) / total;
}

/** How alike two company names are, in [0, 1]: 1 for the same core, low for unrelated firms. */
export function nameSimilarity(a: string, b: string): number {
  const na = normalizeCompanyName(a);
  const nb = normalizeCompanyName(b);
  if (na.normalized === nb.normalized) return na.normalized.length > 0 ? 1 : 0;
  return bigramDice(na.core, nb.core);
}
