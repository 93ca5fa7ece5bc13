/** Firm names: region prefix + 字号 + industry word + legal form (盐城海辰储能科技有限公司), some with the
 *  city in brackets (中交慧运（盐城）科技有限公司). The 字号 is a keyed permutation of the firm's index, so no
 *  two firms share one and every name is unique without remembering the names already made. */
import { normalizeCompanyName } from '../../../domain/text/company-name.js';
import { INDUSTRIES, type Industry } from './industries.js';
import { mix32, permute, type Rng } from './random.js';
import type { Place } from './regions.js';

// Characters brand names (字号) are made of: auspicious, technical or nature words.
const FIRST = [
  ...'海润芯慧恒华瑞鼎博康盛泰宏峰天嘉德鑫源祥达卓凯晨明宇安锦汇众联中新科光通远航昊星云腾智领思睿蓝力凌越晶微捷信和益诚昌辉隆兴旭亿万方正开元精奥致合拓普力泓沃创同清澜川启悦弘东南苏',
];
const SECOND = [
  ...'辰阳测运晟泰华达科源信德通祥瑞丰宇航创力新维诺凯星峰林康邦盛鸿海成川宁博锐驰迈格特帆展睿图谷芯铭誉腾迪鼎伦奇杰豪朗骏策瀚翔纳致威越诚元泽晖尚岳霖澄弘璟嘉汉森易恩',
];
// A third character, only for firms past the first |FIRST|×|SECOND| of an index space (1M-row runs).
const THIRD_SOURCE = [
  ...'达通源泰丰盛恒昌鑫宏华信安康顺佳瑞博腾祥德利兴隆富嘉裕优卓越凯捷宇亿诺普贝尔特斯克瑟迪菲蓝青峰岚岩森岳川江湖泉澜汐沐禾谷苗兰桂竹松柏梅橙桥舟帆航翼鹏鹤麟骐骏驰途径衡准度量极点立本真元合',
];
// Group prefixes of subsidiaries named with the city in brackets.
// Pairs that name a well-known firm or a common word are left out.
const AVOID = new Set([
  '万达',
  '海信',
  '中信',
  '海航',
  '中航',
  '中通',
  '联通',
  '新华',
  '中华',
  '光明',
  '华信',
  '安邦',
  '东方',
  '中新',
]);
const GROUPS = [
  '中交',
  '中科',
  '国创',
  '中能',
  '华电',
  '中建',
  '国投',
  '中化',
  '航天',
  '中车',
  '国电',
  '华润',
  '中恒',
  '华科',
];

let cache: { pairs: string[]; third: string[] } | undefined;

/** 字号 pairs that survive name normalisation whole (no region name such as 海安 or 江阴 among them). */
function vocabulary() {
  if (cache) return cache;
  const wordFirstChars = new Set(Object.values(INDUSTRIES).flatMap((i) => i.words.map((w) => w.word[0])));
  const pairs: string[] = [];
  for (const a of new Set(FIRST))
    for (const b of new Set(SECOND)) {
      const z = a + b;
      if (a === b || AVOID.has(z)) continue;
      if (normalizeCompanyName(`${z}储能科技有限公司`).core !== `${z}储能科技`) continue;
      if (normalizeCompanyName(`江苏${z}储能科技有限公司`).core !== `${z}储能科技`) continue;
      pairs.push(z);
    }
  // A third character never starts an industry word, so 海辰+新材料 and 海辰新+材料 cannot meet.
  const third = [...new Set(THIRD_SOURCE)].filter((c) => !wordFirstChars.has(c));
  cache = { pairs, third };
  return cache;
}

/** The 字号 of name slot `slot` (unique per slot): two characters for the first slots, then three or more. */
export function brandName(slot: number, seed: number): string {
  const { pairs, third } = vocabulary();
  const z = pairs.length;
  let q = Math.floor(slot / z);
  const r = slot % z;
  let out = pairs[permute(r, z, mix32(seed ^ mix32(q + 1)))];
  // q in base |third|, least significant first; q = 0 adds nothing.
  while (q > 0) {
    q -= 1;
    out += third[q % third.length];
    q = Math.floor(q / third.length);
  }
  return out;
}

export type LegalForm = '有限公司' | '股份有限公司' | '有限责任公司' | '集团有限公司';

export type FirmName = { name: string; shortName: string | null; formerNames: string[] };

/** A whole name of one firm from its 字号, place, industry word and size. */
export function firmName(
  rng: Rng,
  brand: string,
  place: Place,
  industry: Industry,
  opts: { large: boolean; listed: boolean },
): FirmName & { form: LegalForm } {
  const word = rng.pick(industry.words);
  const form: LegalForm = opts.listed
    ? '股份有限公司'
    : opts.large
      ? rng.weighted<LegalForm>([
          ['股份有限公司', 4],
          ['有限公司', 5],
          ['集团有限公司', 1],
        ])
      : rng.weighted<LegalForm>([
          ['有限公司', 88],
          ['有限责任公司', 8],
          ['股份有限公司', 4],
        ]);
  const style = rng.weighted([
    ['city', 62],
    ['province', opts.large ? 30 : 8],
    ['bracket', 12],
  ] as const);
  let name: string;
  let shortName: string | null = `${brand}${word.short}`;
  if (style === 'bracket') {
    const group = rng.chance(0.6) ? rng.pick(GROUPS) : '';
    const tail = rng.chance(0.5) ? '科技' : word.word;
    name = `${group}${brand}（${place.bracket}）${tail}${form}`;
    shortName = `${group}${brand}`;
  } else {
    const prefix = style === 'province' ? place.province : rng.pick(place.prefixes);
    name = `${prefix}${brand}${word.word}${form}`;
  }
  if (rng.chance(0.2)) shortName = null;
  const formerNames: string[] = [];
  if (rng.chance(0.08)) {
    // Renamed: a former industry word, or 有限公司 before a 股份制改造.
    const other = rng.pick(industry.words).word;
    const prefix = rng.pick(place.prefixes);
    formerNames.push(
      form === '股份有限公司' && rng.chance(0.6)
        ? name.replace(/股份有限公司$/, '有限公司')
        : `${prefix}${brand}${other === word.word ? `${word.short}技术` : other}有限公司`,
    );
  }
  return { name, shortName, formerNames: formerNames.filter((f) => f !== name), form };
}

const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史陶贺顾毛龚邵万钱严戴孔汤',
];
const GIVEN = [
  ...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华飞鹏辉建国志宏斌波峰浩宇晨欣怡俊凯文博海燕红春林亮军晓东雪梅玲兵',
];

/** A plausible legal representative: surname and one or two given characters. */
export function personName(rng: Rng): string {
  const given = rng.chance(0.7) ? rng.pick(GIVEN) + rng.pick(GIVEN) : rng.pick(GIVEN);
  return rng.pick(SURNAMES) + given;
}

/** An investor name that reads like a real fund without naming one. */
export function investorName(rng: Rng, city: string): string {
  const brand = rng.pick(FIRST) + rng.pick(SECOND);
  return rng.weighted([
    [`${brand}资本`, 4],
    [`${brand}创投`, 3],
    [`${city}产业投资基金`, 2],
    [`${city}天使投资基金`, 1],
    [`${brand}投资管理有限公司`, 1],
  ] as const);
}
