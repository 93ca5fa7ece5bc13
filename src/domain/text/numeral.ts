// Exact decimal reading of numbers as Chinese offices write them: Arabic with thousands separators,
// Chinese numerals (两千万, 壹佰万), and mixtures (1.2亿, 5千万, 3万5). Values are kept as
// mantissa × 10^exponent in BigInt so that 1.1万 is 11000, not 11000.000000000002.

/** An exact decimal: m × 10^e. */
export type Decimal = { m: bigint; e: number };

const ZERO: Decimal = { m: 0n, e: 0 };

/** m × 10^k, exactly. */
export function shift(d: Decimal, k: number): Decimal {
  return { m: d.m, e: d.e + k };
}

function add(a: Decimal, b: Decimal): Decimal {
  const e = Math.min(a.e, b.e);
  return { m: a.m * 10n ** BigInt(a.e - e) + b.m * 10n ** BigInt(b.e - e), e };
}

/** The nearest double to the exact decimal (one rounding, done by the string parser). */
export function toNumber(d: Decimal): number {
  if (d.e >= 0) return Number(`${d.m}${'0'.repeat(d.e)}`);
  const digits = (d.m < 0n ? -d.m : d.m).toString().padStart(-d.e + 1, '0');
  const cut = digits.length + d.e;
  return Number(`${d.m < 0n ? '-' : ''}${digits.slice(0, cut)}.${digits.slice(cut)}`);
}

/** True when the decimal has no fractional part. */
export function isInteger(d: Decimal): boolean {
  if (d.e >= 0) return true;
  return d.m % 10n ** BigInt(-d.e) === 0n;
}

/** Parses a plain Arabic decimal ("1,200.5", ".5", "1.2E+5"); null when the text is anything else. */
export function parseArabic(text: string): Decimal | null {
  const m = /^(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d+))?(?:E([+-]?\d{1,3}))?$/i.exec(text);
  if (!m || (m[1] === undefined && m[2] === undefined)) return null;
  const int = (m[1] ?? '0').replace(/,/g, '');
  const frac = m[2] ?? '';
  return { m: BigInt(int + frac), e: -frac.length + Number(m[3] ?? 0) };
}

const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  壹: 1,
  二: 2,
  贰: 2,
  貳: 2,
  两: 2,
  三: 3,
  叁: 3,
  參: 3,
  四: 4,
  肆: 4,
  五: 5,
  伍: 5,
  六: 6,
  陆: 6,
  陸: 6,
  七: 7,
  柒: 7,
  八: 8,
  捌: 8,
  九: 9,
  玖: 9,
};

const SMALL_UNITS: Record<string, number> = { 十: 1, 拾: 1, 百: 2, 佰: 2, 千: 3, 仟: 3 };
const BIG_UNITS: Record<string, number> = { 万: 4, 萬: 4, 亿: 8, 億: 8 };

/** Characters that can appear in a numeral expression; anything else makes the text not a number. */
export const NUMERAL_CHARS = new RegExp(
  `^[\\d.,点${Object.keys(DIGITS).join('')}${Object.keys(SMALL_UNITS).join('')}${Object.keys(BIG_UNITS).join('')}]+$`,
);

export type NumeralReading = {
  value: Decimal;
  /** The text carried its own 万 or 亿, so a unit from the column header must not apply again. */
  hasBigUnit: boolean;
};

/** Reads a numeral expression (no sign, no currency, no qualifier); null when it is not one. */
export function parseNumeral(text: string): NumeralReading | null {
  const plain = parseArabic(text);
  if (plain) return { value: plain, hasBigUnit: false };
  if (!NUMERAL_CHARS.test(text)) return null;

  // Sections: total (亿 and above), wan (万 … 亿), section (below 万), num (the pending digit group).
  let total = ZERO;
  let wan = ZERO;
  let section = ZERO;
  let num: Decimal | null = null;
  let numIsSingleDigit = false;
  let lastUnit = 0; // exponent of the last unit seen, for the colloquial 3万5 = 35000
  let zeroSince = false; // 一百零五: after 零 a trailing digit is literal
  let hasBigUnit = false;
  let i = 0;
  while (i < text.length) {
    const rest = text.slice(i);
    const arabic = /^(\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?/.exec(rest)?.[0] ?? '';
    if (arabic && arabic !== '.') {
      if (num) return null;
      num = parseArabic(arabic);
      if (!num) return null;
      numIsSingleDigit = /^\d$/.test(arabic);
      i += arabic.length;
      continue;
    }
    const ch = text[i];
    if (ch in DIGITS) {
      if (num) return null;
      // 一点五: Chinese digits after 点 are decimals.
      let j = i + 1;
      let digits = String(DIGITS[ch]);
      if (text[j] === '点') {
        let frac = '';
        for (j++; j < text.length && text[j] in DIGITS; j++) frac += String(DIGITS[text[j]]);
        if (!frac) return null;
        digits += `.${frac}`;
      }
      if (DIGITS[ch] === 0 && digits === '0') {
        zeroSince = true;
        i = j;
        continue;
      }
      num = parseArabic(digits);
      numIsSingleDigit = !digits.includes('.');
      i = j;
      continue;
    }
    if (ch in SMALL_UNITS) {
      const k = SMALL_UNITS[ch];
      section = add(section, shift(num ?? { m: 1n, e: 0 }, k));
      num = null;
      lastUnit = k;
      zeroSince = false;
      i++;
      continue;
    }
    if (ch in BIG_UNITS) {
      const k = BIG_UNITS[ch];
      const group = add(section, num ?? ZERO);
      if (group.m === 0n && wan.m === 0n && total.m === 0n) return null; // 万 with nothing before it
      if (k === 8) {
        total = shift(add(add(total, wan), group), 8);
        wan = ZERO;
      } else {
        wan = add(wan, shift(group, 4));
      }
      section = ZERO;
      num = null;
      lastUnit = k;
      zeroSince = false;
      hasBigUnit = true;
      i++;
      continue;
    }
    return null;
  }
  if (num && lastUnit > 0 && numIsSingleDigit && !zeroSince) num = shift(num, lastUnit - 1);
  const value = add(add(add(total, wan), section), num ?? ZERO);
  return { value, hasBigUnit };
}
