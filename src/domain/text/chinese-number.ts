// Amounts, counts and ratios as they arrive in office spreadsheets and reports: "1.2亿", "300万元",
// "约300万", "50余人", "3.5％", "—". Every parser returns a result object, never throws, so an import
// can report the row, the column and the Chinese reason.
import { type Decimal, isInteger, parseNumeral, shift, toNumber } from './numeral.js';

/** How sure the written figure is: 约 approx, 近 nearly, 超/余/逾/以上 at least, 有望/预计 forecast. */
export type Qualifier = 'exact' | 'approx' | 'at_least' | 'nearly' | 'forecast';
export type MoneyUnit = '元' | '千元' | '万元' | '亿元';
export type Currency = 'CNY' | 'USD' | 'HKD' | 'EUR' | 'JPY' | 'GBP';
export type RatioUnit = 'fraction' | 'percent';

export type ParseFailure = { ok: false; code: string; message: string };
export type AmountResult =
  | { ok: true; value: number | null; qualifier: Qualifier; currency: Currency }
  | ParseFailure;
export type CountResult = { ok: true; value: number | null; qualifier: Qualifier } | ParseFailure;
export type RatioResult = { ok: true; value: number | null; qualifier: Qualifier } | ParseFailure;

const UNIT_EXPONENT: Record<MoneyUnit, number> = { 元: 0, 千元: 3, 万元: 4, 亿元: 8 };

// What offices put in a cell that has no figure. "0" is a figure and is not here.
const BLANK = /^(|-+|—+|–+|―+|…+|\.{3}|\/|\\|N\/?A|#N\/A|NULL|NONE|无|暂无|不详|未知|空|缺|未填)$/i;

// Qualifier words, strongest meaning first: a forecast of "over 5亿" is still a forecast.
const QUALIFIER_WORDS: [Qualifier, RegExp][] = [
  ['forecast', /^(有望|预计|预期|预估|力争|计划|目标)/],
  ['nearly', /^(将近|接近|逼近|近)/],
  ['at_least', /^(突破|超过|超出|超|逾|不少于|不低于|不止|高于|大于|>=|≥|>)/],
  ['approx', /^(大约|大概|约合|约为|约|估计|≈|~)/],
];
const QUALIFIER_SUFFIXES: [Qualifier, RegExp][] = [
  ['at_least', /(以上|多|余|\+)$/],
  ['approx', /(左右|上下)$/],
];
// Words that frame an exact figure: 累计投资 5 亿 is still 5 亿.
const NOISE_PREFIX = /^(累计|合计|总计|共计|共|达到|达|实现|完成|投资|总额|金额|为|:)/;
const RANK: Qualifier[] = ['exact', 'approx', 'at_least', 'nearly', 'forecast'];
const stronger = (a: Qualifier, b: Qualifier): Qualifier => (RANK.indexOf(b) > RANK.indexOf(a) ? b : a);

const CURRENCY_PREFIX: [Currency, RegExp][] = [
  ['CNY', /^(人民币|RMB|CNY|¥)/i],
  ['USD', /^(US\$|USD|\$)/i],
  ['HKD', /^(HK\$|HKD)/i],
  ['EUR', /^(EUR|€)/i],
];
const CURRENCY_SUFFIX: [Currency, RegExp][] = [
  ['USD', /(美元|美金|USD)$/i],
  ['HKD', /(港元|港币|HKD)$/i],
  ['EUR', /(欧元|EUR)$/i],
  ['JPY', /(日元|日币|JPY)$/i],
  ['GBP', /(英镑|GBP)$/i],
  ['CNY', /(元人民币|人民币|元整|元|圆|块|RMB|CNY)$/i],
];

// Most cells of a large export are bare numbers ("1200.5", "35"): they skip the word stripping and the
// exact BigInt reading, which were a quarter of an import's parsing time.
const PLAIN = /^-?\d{1,15}(?:\.\d{1,15})?$/;

/** The cell as a plain decimal string ("-12.5"), or null when it needs the full parser. */
function plainDecimal(input: unknown): string | null {
  const text = typeof input === 'number' && Number.isFinite(input) ? String(input) : input;
  return typeof text === 'string' && PLAIN.test(text) ? text : null;
}

type Prepared = { text: string; original: string; qualifier: Qualifier; negative: boolean };

/** Folds width, drops spaces and strips qualifier words around the figure; 'blank' for an empty cell. */
function prepare(input: unknown): Prepared | 'blank' | 'unsupported' {
  if (input === null || input === undefined) return 'blank';
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return 'unsupported';
    return {
      text: String(Math.abs(input)),
      original: String(input),
      qualifier: 'exact',
      negative: input < 0,
    };
  }
  if (typeof input !== 'string') return 'unsupported';
  const original = input.trim();
  // NFKC folds ３００ → 300, ％ → %, ， → ,, － → -; the ideographic space is \s.
  let text = original.normalize('NFKC').replace(/[\s\u200b\ufeff]+/g, '');
  if (BLANK.test(text)) return 'blank';
  let qualifier: Qualifier = 'exact';
  const raise = (q: Qualifier) => {
    qualifier = stronger(qualifier, q);
  };
  let negative = false;
  // An accountant's negative: a loss exported from a formatted cell reads (1,200.00) or （1,200）.
  const bracketed = /^\((.+)\)$/.exec(text);
  if (bracketed) {
    negative = true;
    text = bracketed[1];
  }
  for (let changed = true; changed; ) {
    changed = false;
    for (const [q, re] of QUALIFIER_WORDS) {
      const m = re.exec(text);
      if (m) {
        text = text.slice(m[0].length);
        raise(q);
        changed = true;
      }
    }
    const noise = NOISE_PREFIX.exec(text);
    if (noise) {
      text = text.slice(noise[0].length);
      changed = true;
    }
    for (const [q, re] of QUALIFIER_SUFFIXES) {
      const m = re.exec(text);
      if (m) {
        text = text.slice(0, -m[0].length);
        raise(q);
        changed = true;
      }
    }
  }
  const sign = /^(-|−|负)/.exec(text);
  if (sign) {
    negative = true;
    text = text.slice(sign[0].length);
  }
  return { text, original, qualifier, negative };
}

/** Strips what a second pass finds once a unit or counter is gone (人民币约300万元 → 约300万 → 300万). */
function requalify(p: Prepared, text: string): Prepared {
  const again = prepare(text);
  if (again === 'blank' || again === 'unsupported') return { ...p, text };
  const inner = stripInnerAtLeast(again.text);
  let qualifier = stronger(p.qualifier, again.qualifier);
  if (inner.found) qualifier = stronger(qualifier, 'at_least');
  return { text: inner.text, original: p.original, qualifier, negative: p.negative || again.negative };
}

/** Removes 余/多 written inside the figure (300余万, 三千多万) and says whether there was one. */
function stripInnerAtLeast(text: string): { text: string; found: boolean } {
  const out = text.replace(/([\d一二两三四五六七八九十百千])(余|多)(?=[十百千万亿萬億])/g, '$1');
  return { text: out, found: out !== text };
}

function failure(code: string, message: string): ParseFailure {
  return { ok: false, code, message };
}

function looksLikeRange(text: string): boolean {
  return /[\d一二两三四五六七八九十百千万亿][-~至到][\d一二两三四五六七八九]/.test(text);
}

/**
 * A money figure in 元 (or in the base unit of the currency it names). `unit` is the column's unit
 * (注册资本(万元) → '万元') and applies only to a bare number; a cell that says 万, 亿 or 元 itself wins.
 */
export function parseAmount(input: unknown, options: { unit?: MoneyUnit } = {}): AmountResult {
  const plain = plainDecimal(input);
  if (plain !== null) {
    // The string parser rounds once, as toNumber does for the exact decimal the slow path builds.
    const value = Number(`${plain}e${UNIT_EXPONENT[options.unit ?? '元']}`) || 0;
    if (Math.abs(value) < 1e16) return { ok: true, value, qualifier: 'exact', currency: 'CNY' };
  }
  const p = prepare(input);
  if (p === 'blank') return { ok: true, value: null, qualifier: 'exact', currency: 'CNY' };
  if (p === 'unsupported') return failure('amount.invalid', '无法识别的金额');
  let text = p.text;
  let currency: Currency = 'CNY';
  let explicitUnit = false;
  for (const [c, re] of CURRENCY_PREFIX) {
    const m = re.exec(text);
    if (m) {
      currency = c;
      text = text.slice(m[0].length);
      break;
    }
  }
  for (const [c, re] of CURRENCY_SUFFIX) {
    const m = re.exec(text);
    if (m) {
      currency = c;
      text = text.slice(0, -m[0].length);
      explicitUnit = true;
      break;
    }
  }
  const q = requalify(p, text);
  if (looksLikeRange(q.text)) {
    return failure('amount.range', `金额"${p.original}"是一个区间，请填写单个数值`);
  }
  const reading = parseNumeral(q.text);
  if (!reading) return failure('amount.invalid', `无法识别的金额："${p.original}"`);
  const scale = reading.hasBigUnit || explicitUnit ? 0 : UNIT_EXPONENT[options.unit ?? '元'];
  const value = signed(shift(reading.value, scale), q.negative);
  if (Math.abs(value) >= 1e16) return failure('amount.too_large', `金额"${p.original}"过大，请检查单位`);
  return { ok: true, value, qualifier: q.qualifier, currency };
}

// Counters that may follow a count: 120人, 35项, 12家, 3个.
const COUNTERS = /(人次|人|名|位|个|项|件|家|户|篇|次|台|套|座|所|支|款|种)$/;

/** A whole count such as employees or patents ("120人", "1,200", "约50", "1.2万人"); rejects fractions and negatives. */
export function parseCount(input: unknown): CountResult {
  const plain = plainDecimal(input);
  if (plain !== null && /^\d{1,15}$/.test(plain))
    return { ok: true, value: Number(plain), qualifier: 'exact' };
  const p = prepare(input);
  if (p === 'blank') return { ok: true, value: null, qualifier: 'exact' };
  if (p === 'unsupported') return failure('count.invalid', '无法识别的数量');
  const q = requalify(p, p.text.replace(COUNTERS, ''));
  if (looksLikeRange(q.text)) return failure('count.range', `数量"${p.original}"是一个区间，请填写单个数值`);
  const reading = parseNumeral(q.text);
  if (!reading) return failure('count.invalid', `无法识别的数量："${p.original}"`);
  if (q.negative && reading.value.m !== 0n)
    return failure('count.negative', `数量不能为负数："${p.original}"`);
  if (!isInteger(reading.value)) return failure('count.fraction', `数量应为整数："${p.original}"`);
  const value = toNumber(reading.value);
  if (!Number.isSafeInteger(value)) return failure('count.too_large', `数量"${p.original}"过大`);
  return { ok: true, value, qualifier: q.qualifier };
}

/**
 * A ratio as a fraction: "3.5%" and "3.5％" → 0.035, "5‰" → 0.005, "0.035" → 0.035. With
 * `unit: 'percent'` (a 研发投入占比(%) column) a bare "3.5" also means 3.5%; with the default 'fraction'
 * a bare number above 1 is refused, because it is almost always a percentage missing its sign.
 */
export function parseRatio(input: unknown, options: { unit?: RatioUnit } = {}): RatioResult {
  const p = prepare(input);
  if (p === 'blank') return { ok: true, value: null, qualifier: 'exact' };
  if (p === 'unsupported') return failure('ratio.invalid', '无法识别的比例');
  let text = p.text;
  let exponent = 0;
  const percent = /^百分之/.exec(text) ?? /%$/.exec(text);
  const permille = /^千分之/.exec(text) ?? /‰$/.exec(text);
  const marker = percent ?? permille;
  if (marker) {
    text = marker.index === 0 ? text.slice(marker[0].length) : text.slice(0, marker.index);
    exponent = percent ? -2 : -3;
  } else if (options.unit === 'percent') {
    exponent = -2;
  }
  const q = requalify(p, text);
  const reading = parseNumeral(q.text);
  if (!reading || reading.hasBigUnit) return failure('ratio.invalid', `无法识别的比例："${p.original}"`);
  const value = signed(shift(reading.value, exponent), q.negative);
  if (!marker && options.unit !== 'percent' && Math.abs(value) > 1) {
    return failure(
      'ratio.range',
      `比例"${p.original}"大于 1：如果是百分比，请写成"${p.original}%"或在表头注明(%)`,
    );
  }
  return { ok: true, value, qualifier: q.qualifier };
}

function signed(d: Decimal, negative: boolean): number {
  const n = toNumber(d);
  return negative && n !== 0 ? -n : n;
}
