// Three-valued logic (true / false / null = not known) and band look-ups shared by the engines.
import type { Band } from './ruleset-schema.js';

export type Tri = boolean | null;

// Ratios come from divisions and growth formulas; a value that is mathematically exactly on a threshold
// may land one ulp below it. Thresholds are compared with this much slack.
const EPS = 1e-9;

export function meets(value: number, op: Band['op'], threshold: number): boolean {
  switch (op) {
    case '>=':
      return value >= threshold - EPS;
    case '>':
      return value > threshold + EPS;
    case '<=':
      return value <= threshold + EPS;
    case '<':
      return value < threshold - EPS;
  }
}

/** How far a value misses a threshold, as a share of the threshold: 0.2 when revenue is 20 % below a
 *  minimum, or staff 20 % over a cap; 0 when it does not miss. Nothing is a small share of a zero
 *  threshold, so that gives Infinity. 接近 compares this with the screening's tolerance. */
export function shortBy(value: number, op: '>=' | '<=', threshold: number): number {
  if (!(threshold > 0)) return Number.POSITIVE_INFINITY;
  const miss = op === '>=' ? threshold - value : value - threshold;
  return miss > 0 ? miss / threshold : 0;
}

/** Index of the first band the value falls in, -1 for none (0 points). */
export function bandIndex(bands: readonly Band[], value: number): number {
  for (let i = 0; i < bands.length; i++) if (meets(value, bands[i].op, bands[i].value)) return i;
  return -1;
}

export function bandLo(bands: readonly Band[], i: number): number {
  return i < 0 ? 0 : bands[i].points;
}

export function bandHi(bands: readonly Band[], i: number): number {
  return i < 0 ? 0 : (bands[i].pointsMax ?? bands[i].points);
}

const maxima = new WeakMap<readonly Band[], number>();
/** The largest points any band gives: an item's maximum (computed once per band list). */
export function bandsMax(bands: readonly Band[]): number {
  let m = maxima.get(bands);
  if (m === undefined) {
    m = 0;
    for (const b of bands) m = Math.max(m, b.pointsMax ?? b.points);
    maxima.set(bands, m);
  }
  return m;
}

export function and3(a: Tri, b: Tri): Tri {
  if (a === false || b === false) return false;
  if (a === null || b === null) return null;
  return true;
}

export function or3(a: Tri, b: Tri): Tri {
  if (a === true || b === true) return true;
  if (a === null || b === null) return null;
  return false;
}

/** The symbol a band's operator reads as in a Chinese message. */
export function opText(op: Band['op']): string {
  return op === '>=' ? '≥' : op === '<=' ? '≤' : op;
}

/** A ratio that is not defined (zero denominator) is null, so callers must decide what it means. */
export function ratioOf(num: number, den: number): number | null {
  return den > 0 ? num / den : null;
}
