// Finds the figures in a clause: 1.2亿, 3000万元, 5千万, 两亿, 1,200.5万, 120余项, 3000—5000万, 35%,
// 1.5倍, 80亩. Each mention says what kind of quantity it is, so that a keyword for money never takes
// a head count. Phone numbers, dates, times and addresses are masked before scanning.
import { parseNumeral, toNumber } from '../../text/numeral.js';
import type { FactQualifier } from './types.js';

export type MentionKind = 'money' | 'percent' | 'times' | 'count' | 'mu' | 'm2' | 'bare' | 'other';

export type Mention = {
  start: number;
  end: number;
  value: number;
  kind: MentionKind;
  /** The figure carried 万 or 亿 itself: a bare 5000万 is money, a bare 5000 needs a unit from its label. */
  bigUnit: boolean;
  qualifier: FactQualifier;
};

// Masks keep lengths, so offsets into the masked text are offsets into the clause.
const MASKS = [
  /(?<!\d)0\d{2,3}-\d{7,8}(?!\d)/g, // 0510-85123456
  /(?<!\d)1[3-9]\d[ -]?\d{4}[ -]?\d{4}(?!\d)/g, // mobile numbers, also 138 1234 5678
  /(?<!\d)(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}(?!\d)/g, // 2016-08-12
  /(?:19|20)\d{2}年(?:\d{1,2}月(?:\d{1,2}日)?)?|\d{1,2}月\d{1,2}日|\d{1,2}月(?=份|底|末|初|完成|，)/g,
  /\d{1,2}:\d{2}/g, // 14:30
  /\d+(?:号|栋|室|楼|层|幢|弄)/g, // addresses
  /(?:代码|邮编|编号|证书号|信用代码)[:：]?\s*[0-9A-Z]{5,}/g,
  /第[\d一二三四五六七八九十]+/g, // 第1页, 第一章
  /[A-Za-z]+\d+[A-Za-z\d-]*|\d+[A-Za-z]{1,2}\d+/g, // model numbers HX-101, 5G, 12nm stays for units below
];

export function maskNoise(text: string): string {
  let out = text;
  // Only digits are masked: 2023年500万元 keeps its 年, so 500 still starts a figure.
  for (const re of MASKS) out = out.replace(re, (m) => m.replace(/[\dA-Za-z]/g, '#'));
  return out;
}

const CN = '零〇一二两三四五六七八九十百千万亿';
const NUM = `(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?[十百千]?[万亿]?|[${CN}]+`;
const FIGURE = new RegExp(
  `(-)?(${NUM})(?:([余多])?([万亿])?)(?:\\s*(?:-|—+|–|~|～|至|到)\\s*(${NUM})([万亿])?)?`,
  'g',
);
const AT_LEAST_BEFORE = /(超过|超出|超|逾|突破|不少于|不低于|不止|高于|大于|过|>|≥)$/;
const APPROX_BEFORE = /(将近|接近|近|约合|约为|大约|约|大概|≈|~)$/;
const COUNTERS = /^(人次|人|名|位|个|项|件|家|篇|款|种|支|所)/;
const OTHER_UNITS =
  /^(辆|颗|吨|台|套|片|GW|MW|kW|KW|W|GWh|MWh|Wh|kWh|V|年|月|日|天|周|小时|次|号|倍速|英寸|寸|nm|mm|cm|km|米|G|T|亿美元|万美元|美元|美金|欧元|港元|港币|日元|英镑|%\s*股|个百分点)/;

function read(token: string, big?: string): number | null {
  const r = parseNumeral(token.replace(/,(?=\d{3})/g, ',') + (big ?? ''));
  if (!r) return null;
  return toNumber(r.value);
}

/** Every figure in `text` (already masked), with kind, value in base units and local qualifier. */
export function findMentions(text: string): Mention[] {
  const out: Mention[] = [];
  // 亿元以上, 超亿元, 过亿: a figure with no digits, at least 1亿.
  for (const m of text.matchAll(
    /(?<![\d一二两三四五六七八九十百千万亿.])(?:(超|过|逾)亿元?|亿元(?:以上|级))/g,
  )) {
    out.push({
      start: m.index ?? 0,
      end: (m.index ?? 0) + m[0].length,
      value: 1e8,
      kind: 'money',
      bigUnit: true,
      qualifier: 'at_least',
    });
  }
  for (const m of text.matchAll(FIGURE)) {
    const [whole, minus, first, inner, big, second, big2] = m;
    let start = m.index ?? 0;
    // A lone Chinese digit inside a word (一体化, 统一) is not a figure; needs a unit or counter after.
    const isChinese = !/\d/.test(first);
    const prev = text[start - 1] ?? '';
    if (!isChinese && /[\d.#A-Za-z]/.test(prev)) continue;
    // 3000—5000万: the lower bound borrows the upper bound's 万.
    const own = /[万亿]$/.exec(first)?.[0];
    const secondBig = second ? (/[万亿]$/.exec(second)?.[0] ?? big2) : undefined;
    const scale = own ? undefined : (big ?? secondBig);
    const bigUnit = own ?? scale;
    let low = read(first, scale);
    if (low === null) continue;
    let end = start + whole.length;
    let qualifier: FactQualifier = 'exact';
    if (second) qualifier = 'at_least'; // a range says at least its lower bound
    if (inner) qualifier = 'at_least';
    // Units and suffixes after the figure.
    const rest = text.slice(end);
    const unit = /^(亿元|万元|千元|元|人民币)/.exec(rest);
    let kind: MentionKind;
    let consumed = 0;
    if (/^(亿美元|万美元|美元|美金|欧元|港元|港币|日元|英镑)/.test(rest)) kind = 'other';
    else if (unit) {
      kind = 'money';
      if (unit[1] === '亿元') low *= 1e8;
      else if (unit[1] === '万元') low *= 1e4;
      else if (unit[1] === '千元') low *= 1e3;
      consumed = unit[0].length;
    } else if (/^(%|‰)/.test(rest)) {
      kind = 'percent';
      low = rest[0] === '%' ? low / 100 : low / 1000;
      consumed = 1;
    } else if (rest.startsWith('倍')) {
      kind = 'times';
      consumed = 1;
    } else if (/^亩/.test(rest)) {
      kind = 'mu';
      consumed = 1;
    } else if (/^(平方米|平米|㎡|m2|m²)/.test(rest)) {
      kind = 'm2';
      consumed = (/^(平方米|平米|㎡|m2|m²)/.exec(rest)?.[0] ?? '').length;
    } else if (/^[余多]?(人次|人|名|位|个|项|件|家|篇|款|种|支|所)/.test(rest)) {
      if (/^[余多]/.test(rest)) qualifier = 'at_least';
      kind = 'count';
      consumed =
        (/^[余多]?/.exec(rest)?.[0] ?? '').length +
        (COUNTERS.exec(rest.replace(/^[余多]/, ''))?.[0].length ?? 0);
    } else if (OTHER_UNITS.test(rest) || /^[A-Za-z]/.test(rest)) kind = 'other';
    else kind = bigUnit !== undefined ? 'money' : 'bare';
    if (isChinese && kind === 'bare') continue;
    if (isChinese && kind === 'money' && bigUnit === undefined && !unit) continue;
    end += consumed;
    const after = text.slice(end);
    if (/^(以上|多|余|\+)/.test(after)) qualifier = 'at_least';
    else if (/^(左右|上下)/.test(after) && qualifier === 'exact') qualifier = 'approx';
    const before = text.slice(Math.max(0, start - 4), start);
    if (AT_LEAST_BEFORE.test(before)) qualifier = 'at_least';
    else if (APPROX_BEFORE.test(before) && qualifier === 'exact') qualifier = 'approx';
    if (minus && !/[\d万亿元%]/.test(text[start - 1] ?? '')) low = -low;
    else if (minus) start += 1;
    out.push({ start, end, value: low, kind, bigUnit: bigUnit !== undefined, qualifier });
  }
  return out.sort((a, b) => a.start - b.start);
}
