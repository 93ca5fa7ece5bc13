// Pieces several engines score the same way: ratio band items, the IP item of the 梯度培育 rules,
// declared yes/no conditions and score shortfalls. Text is passed as functions, rendered only when read.
import { describePath } from '../direct-paths.js';
import { pct, pts } from '../format.js';
import { lowerNumerator, nextBand, raiseRatio } from '../gap.js';
import { bandHi, bandIndex, bandLo, opText, type Tri } from '../logic.js';
import type { Firm } from '../prepare.js';
import type { Band, DirectPath } from '../ruleset-schema.js';
import type { Draft } from '../verdict.js';

/** A band item scored on num/den; missing figures give the item's full range. Returns the band index, or
 *  -2 when unknown. `basis` renders the explanation from the ratio. */
export function ratioItem(
  d: Draft,
  item: string,
  bands: readonly Band[],
  max: number,
  num: number | undefined,
  den: number | undefined,
  basis: (r: number) => string,
): number {
  if (num === undefined || den === undefined) {
    d.item(item, 0, max, max, '数据缺失');
    return -2;
  }
  // A zero denominator (no revenue, no assets) defines no ratio: 0 points, even for "lower is better" bands.
  if (!(den > 0)) {
    d.item(item, 0, 0, max, '分母为 0，按 0 分');
    return -1;
  }
  const r = num / den;
  const i = bandIndex(bands, r);
  d.item(item, bandLo(bands, i), bandHi(bands, i), max, () => basis(r));
  return i;
}

/** "…（+n 分）" for the band above the current one: the smallest rise of the numerator (or, for "lower is
 *  better" bands such as the debt ratio, the smallest cut) that reaches it. Rendered when read. */
export function ratioHint(
  d: Draft,
  bands: readonly Band[],
  current: number,
  num: number,
  den: number,
  grows: boolean,
  whole: boolean,
  say: (x: number, target: string) => string,
): void {
  if (current === -2 || !(den > 0)) return;
  const n = nextBand(current, bands.length);
  if (n < 0) return;
  const b = bands[n];
  const x =
    b.op === '<' || b.op === '<='
      ? lowerNumerator(num, den, b.op, b.value, whole)
      : raiseRatio(num, den, b.op, b.value, grows, whole);
  if (!Number.isFinite(x) || x <= 0) return;
  const gain = b.points - bandLo(bands, current);
  d.hint(() => `${say(x, `${opText(b.op)} ${pct(b.value)}`)}（+${gain} 分）`);
}

type IpPoints = { classIHighValue: number; classIOwn: number; classI: number; classII: number };

/** The IP item of the 梯度培育 rules: high-value Class I > own-developed Class I > Class I > Class II. */
export function ipItem(d: Draft, firm: Firm, item: string, p: IpPoints): void {
  const max = p.classIHighValue;
  const classI = firm.classI;
  const classII = firm.classII;
  if (classI === null || classII === null) {
    d.miss('知识产权');
    d.item(item, 0, max, max, '数据缺失');
    return;
  }
  if (classI === 0) {
    const v = classII > 0 ? p.classII : 0;
    d.item(item, v, v, max, classII > 0 ? () => `II 类知识产权 ${classII} 件` : '无 I 类、II 类知识产权');
    return;
  }
  const ip = firm.facts.ip;
  const hv = ip?.classIHighValue;
  const own = ip?.obtainedBy === 'transfer_only' ? 0 : ip?.classIOwnDeveloped;
  if (hv !== undefined && hv > 0) {
    d.item(item, p.classIHighValue, p.classIHighValue, max, () => `I 类高价值知识产权 ${hv} 件`);
    return;
  }
  const lo = own !== undefined && own > 0 ? p.classIOwn : p.classI;
  let hi = lo;
  if (hv === undefined) {
    hi = p.classIHighValue;
    d.miss('I 类高价值知识产权数');
  } else if (own === undefined) {
    hi = p.classIOwn;
    d.miss('自主研发 I 类知识产权数');
  }
  d.item(item, lo, hi, max, () => `I 类知识产权 ${classI} 件${own ? `，其中自主研发 ${own} 件` : ''}`);
}

const YES_NO: [string, string, null] = ['否', '是', null];

/** A declared yes/no condition: absent → missing, false → unmet. */
export function declared(d: Draft, value: boolean | undefined, criterion: string, label: string): Tri {
  if (value === undefined) {
    d.miss(label);
    d.need(null);
    return null;
  }
  return d.check(value, criterion, () => YES_NO);
}

const pathTexts = new WeakMap<readonly DirectPath[], string>();
/** The direct paths of a rule set as one line, computed once per rule set. */
export function pathsText(paths: readonly DirectPath[]): string {
  let s = pathTexts.get(paths);
  if (s === undefined) {
    s = paths.map(describePath).join('；');
    pathTexts.set(paths, s);
  }
  return s;
}

/** "No direct path holds" as an unmet line. */
export function noDirectPath(d: Draft, criterion: string, paths: readonly DirectPath[]): void {
  d.fail(criterion, () => ['均不满足', pathsText(paths), null]);
}

/** A score (or sub-score) below its pass mark, as an unmet line with the points still needed. */
export function scoreShortfall(d: Draft, criterion: string, lo: number, hi: number, pass: number): void {
  d.fail(criterion, () => [
    `${pts(lo, hi)} 分`,
    `≥ ${pass} 分`,
    `${criterion} ${pts(lo, hi)} < ${pass}：还差 ${pass - hi} 分`,
  ]);
}

/** Three-valued "value meets the hard minimum (inclusive)", null when unknown. */
export function atLeast(value: number | undefined, min: number): Tri {
  return value === undefined ? null : value >= min;
}
