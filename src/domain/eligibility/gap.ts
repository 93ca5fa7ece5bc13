// "What it would take": the smallest change that meets a threshold, and hints for the next scoring band.
import { meets, type Tri } from './logic.js';
import type { Band } from './ruleset-schema.js';

/** Smallest x ≥ 0 added to `num` (and to `den` too when `grows`, e.g. new hires are also employees) so that
 *  the ratio meets `op target`. People are whole (`whole`); money is rounded up later, when shown.
 *  Infinity when no addition can reach it (a share target of 100% or more with `grows`). */
export function raiseRatio(
  num: number,
  den: number,
  op: Band['op'],
  target: number,
  grows: boolean,
  whole: boolean,
): number {
  if (den > 0 && meets(num / den, op, target)) return 0;
  let x: number;
  if (grows) {
    if (target >= 1) return Number.POSITIVE_INFINITY;
    x = (target * den - num) / (1 - target);
  } else x = target * den - num;
  if (x < 0) x = 0;
  x = whole ? Math.ceil(x - 1e-9) : x;
  // Strict thresholds and rounding: step up until the ratio really meets the rule.
  const step = whole ? 1 : Math.max(1, den * 1e-12);
  for (let i = 0; i < 4 && !meets((num + x) / (den + (grows ? x : 0) || 1), op, target); i++) x += step;
  return x;
}

/** Index of the band just above `current` (-1 = no band), or -1 when already in the top band. */
export function nextBand(current: number, count: number): number {
  if (current === 0) return -1;
  return current < 0 ? count - 1 : current - 1;
}

/** Three-valued "score ≥ pass" from a score range. */
export function scoreMeets(lo: number, hi: number, pass: number): Tri {
  return lo >= pass ? true : hi < pass ? false : null;
}

/** Smallest x ≥ 0 taken off `num` (den fixed, e.g. repaying debt) so that num/den meets `op target`. */
export function lowerNumerator(
  num: number,
  den: number,
  op: Band['op'],
  target: number,
  whole: boolean,
): number {
  if (den <= 0) return Number.POSITIVE_INFINITY;
  if (meets(num / den, op, target)) return 0;
  let x = num - target * den;
  x = whole ? Math.ceil(x - 1e-9) : x;
  const step = whole ? 1 : Math.max(1, den * 1e-12);
  for (let i = 0; i < 4 && !meets((num - x) / den, op, target); i++) x += step;
  return x > num ? Number.POSITIVE_INFINITY : x;
}

/** Smallest rise of this year's figure so that growth over `prev` meets `op target` (prev > 0). */
export function raiseGrowth(cur: number, prev: number, op: Band['op'], target: number): number {
  if (meets(cur / prev - 1, op, target)) return 0;
  let x = prev * (1 + target) - cur;
  if (x < 0) x = 0;
  for (let i = 0; i < 4 && !meets((cur + x) / prev - 1, op, target); i++) x += Math.max(1, prev * 1e-12);
  return x;
}
