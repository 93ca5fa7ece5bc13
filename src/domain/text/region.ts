// GB/T 2260 six-digit region codes: validation, display names and a best-effort lookup by name or address.
import {
  PLACEHOLDER_CITY,
  type RegionEntry,
  type RegionLevel,
  regionIndex,
  shortRegionName,
} from './region-data.js';

export type { RegionEntry, RegionLevel } from './region-data.js';

/** True when `code` is a six-digit province, city or county code present in the division data. */
export function isValidRegionCode(code: string): boolean {
  return /^\d{6}$/.test(code) && regionIndex().has(code);
}

/** The entry of a known code (name, level, parent), or null. */
export function regionEntry(code: string): RegionEntry | null {
  return regionIndex().get(code) ?? null;
}

/** Full display name from province down, e.g. 320902 → '江苏省 盐城市 亭湖区'; null for an unknown code. */
export function regionName(code: string): string | null {
  const index = regionIndex();
  const parts: string[] = [];
  for (let e = index.get(code); e; e = e.parent ? index.get(e.parent) : undefined) {
    // 北京市 市辖区 东城区 is how the table nests it, not how anyone writes it.
    if (!(e.level === 'city' && PLACEHOLDER_CITY.test(e.name))) parts.unshift(e.name);
  }
  return parts.length ? parts.join(' ') : null;
}

type Form = { text: string; entry: RegionEntry; short: boolean };
type Match = { code: string; consumed: number; skips: number; shorts: number };

const DEPTH: Record<RegionLevel, number> = { province: 0, city: 1, county: 2 };

let formsByPrefix: Map<string, Form[]> | undefined;

// Every written form (full and short) of every name, keyed by its first two characters, so one lookup
// step looks at a handful of candidates instead of three thousand.
function forms(): Map<string, Form[]> {
  if (formsByPrefix) return formsByPrefix;
  const map = new Map<string, Form[]>();
  const add = (text: string, entry: RegionEntry, short: boolean) => {
    const key = text.slice(0, 2);
    const list = map.get(key) ?? [];
    list.push({ text, entry, short });
    map.set(key, list);
  };
  for (const entry of regionIndex().values()) {
    if (entry.level === 'city' && PLACEHOLDER_CITY.test(entry.name)) continue;
    add(entry.name, entry, false);
    const short = shortRegionName(entry.name);
    if (short) add(short, entry, true);
  }
  formsByPrefix = map;
  return map;
}

/** Levels jumped between `from` and `to` that a writer really left out (placeholder cities do not count). */
function skipsBetween(from: RegionEntry | null, to: RegionEntry): number | null {
  // From the top every level counts, so 朝阳区 stays ambiguous between Beijing's and Changchun's.
  if (from === null) return DEPTH[to.level];
  const index = regionIndex();
  let skips = 0;
  for (
    let p = to.parent ? index.get(to.parent) : undefined;
    ;
    p = p.parent ? index.get(p.parent) : undefined
  ) {
    if (!p) return null;
    if (p.code === from.code) return skips;
    if (!(p.level === 'city' && PLACEHOLDER_CITY.test(p.name))) skips++;
  }
}

function better(a: Match, b: Match): number {
  return b.consumed - a.consumed || a.skips - b.skips || a.shorts - b.shorts;
}

// Deepest reading of `text` below `node`; null when nothing matches, 'ambiguous' when two regions fit equally well.
function descend(node: RegionEntry | null, text: string): Match | 'ambiguous' | null {
  const candidates = forms().get(text.slice(0, 2)) ?? [];
  let best: Match | null = null;
  let tie = false;
  for (const form of candidates) {
    if (!text.startsWith(form.text)) continue;
    if (node && DEPTH[form.entry.level] <= DEPTH[node.level]) continue;
    const skips = skipsBetween(node, form.entry);
    if (skips === null) continue;
    const below = descend(form.entry, text.slice(form.text.length));
    if (below === 'ambiguous') continue;
    const here: Match = below
      ? {
          code: below.code,
          consumed: form.text.length + below.consumed,
          skips: skips + below.skips,
          shorts: below.shorts + (form.short ? 1 : 0),
        }
      : { code: form.entry.code, consumed: form.text.length, skips, shorts: form.short ? 1 : 0 };
    const order = best ? better(here, best) : -1;
    if (order < 0) {
      best = here;
      tie = false;
    } else if (order === 0 && best && here.code !== best.code) {
      tie = true;
    }
  }
  if (tie) return 'ambiguous';
  return best;
}

/**
 * Best-effort code for a written region or the start of an address ('江苏省盐城市亭湖区', '江苏盐城',
 * '亭湖区', '南通开发区', '江苏省江阴市澄江街道…'): the deepest region the text names; null when none
 * matches or when the name is ambiguous (鼓楼区 exists in four cities).
 */
export function regionCodeByName(name: string): string | null {
  const text = name.normalize('NFKC').replace(/[\s/\\,，、·\-－—]+/g, '');
  if (!text) return null;
  if (/^\d{6}$/.test(text)) return isValidRegionCode(text) ? text : null;
  const match = descend(null, text);
  return match && match !== 'ambiguous' ? match.code : null;
}
