// Precision and recall of extracted facts against hand labels, per key and overall. A fact matches a
// label when key and qualifier agree and the value agrees within 0.5 % (text values: exactly).
import type { ExpectedFact } from './corpus.js';
import type { Fact } from './types.js';

export type KeyScore = {
  key: string;
  expected: number;
  found: number;
  matched: number;
  precision: number;
  recall: number;
};
export type PlanMiss = { id: string; missing: ExpectedFact[]; extra: Fact[] };

function same(a: number | string, b: number | string): boolean {
  if (typeof a === 'number' && typeof b === 'number') {
    if (a === b) return true;
    return Math.abs(a - b) <= 0.005 * Math.max(Math.abs(a), Math.abs(b));
  }
  return String(a) === String(b);
}

/** Matches one plan's facts to its labels, each label used at most once. */
export function matchPlan(
  id: string,
  expected: ExpectedFact[],
  found: Fact[],
): PlanMiss & { matched: [ExpectedFact, Fact][] } {
  const left = [...found];
  const matched: [ExpectedFact, Fact][] = [];
  const missing: ExpectedFact[] = [];
  for (const e of expected) {
    const i = left.findIndex((f) => f.key === e.key && f.qualifier === e.qualifier && same(f.value, e.value));
    if (i < 0) missing.push(e);
    else matched.push([e, left.splice(i, 1)[0]]);
  }
  return { id, missing, extra: left, matched };
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

/** Per-key and overall scores over many plans. */
export function score(plans: { id: string; expected: ExpectedFact[]; found: Fact[] }[]) {
  const byKey = new Map<string, { expected: number; found: number; matched: number }>();
  const bump = (key: string, field: 'expected' | 'found' | 'matched') => {
    const row = byKey.get(key) ?? { expected: 0, found: 0, matched: 0 };
    row[field]++;
    byKey.set(key, row);
  };
  const misses: PlanMiss[] = [];
  for (const p of plans) {
    for (const e of p.expected) bump(e.key, 'expected');
    for (const f of p.found) bump(f.key, 'found');
    const m = matchPlan(p.id, p.expected, p.found);
    for (const [e] of m.matched) bump(e.key, 'matched');
    if (m.missing.length || m.extra.length) misses.push({ id: m.id, missing: m.missing, extra: m.extra });
  }
  const keys: KeyScore[] = [...byKey.entries()]
    .map(([key, r]) => ({
      key,
      ...r,
      precision: ratio(r.matched, r.found),
      recall: ratio(r.matched, r.expected),
    }))
    .sort((a, b) => a.key.localeCompare(b.key));
  const total = keys.reduce((t, k) => ({ e: t.e + k.expected, f: t.f + k.found, m: t.m + k.matched }), {
    e: 0,
    f: 0,
    m: 0,
  });
  return {
    overall: {
      expected: total.e,
      found: total.f,
      matched: total.m,
      precision: ratio(total.m, total.f),
      recall: ratio(total.m, total.e),
    },
    keys,
    misses,
  };
}

/** A fixed-width table for the console. */
export function formatTable(keys: KeyScore[]): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(7);
  const lines = ['key                     expected found matched precision  recall'];
  for (const k of keys)
    lines.push(
      `${k.key.padEnd(24)}${String(k.expected).padStart(8)}${String(k.found).padStart(6)}${String(k.matched).padStart(8)}${pct(k.precision).padStart(10)}${pct(k.recall)}`,
    );
  return lines.join('\n');
}
