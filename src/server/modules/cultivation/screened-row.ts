/** A firm's screening as stored: one row, the standings, unmet counts and scores as arrays in
 *  TIER_KEYS order (what a page filters and sorts by), the verdicts' text by tier. */
import { sql } from 'drizzle-orm';
import type { Phrase, RunRuleset, ScreenedDetail, screeningFirms } from '../../../db/schema/index.js';
import { TIER_KEYS } from '../../../domain/eligibility/index.js';
import type { screen } from './diagnose.js';

type Row = typeof screeningFirms.$inferInsert &
  Required<Pick<typeof screeningFirms.$inferInsert, 'standings'>>;

/** The run's phrasebook (see Phrase in the schema): each repeated text once, firms refer to it by index. */
export class Phrasebook {
  private readonly index = new Map<string, number>();
  constructor(readonly phrases: string[] = []) {
    phrases.forEach((p, i) => {
      this.index.set(p, i);
    });
  }
  private readonly seen = new Set<string>();

  /** A text that may repeat (a requirement such as "≥ 5%", an actual value such as "均不满足") goes into
   *  the book from its second sighting on; a one-off value stays where it is. */
  often(text: string): Phrase {
    if (this.index.has(text) || this.seen.has(text)) return this.id(text);
    this.seen.add(text);
    return text;
  }

  id(text: string): number {
    let i = this.index.get(text);
    if (i === undefined) {
      i = this.phrases.push(text) - 1;
      this.index.set(text, i);
    }
    return i;
  }
}

/** A stored tier verdict back in the API's words, whichever way it was stored. */
export function readDetail(d: ScreenedDetail, phrases: string[]) {
  const say = (p: Phrase) => (typeof p === 'number' ? (phrases[p] ?? '') : p);
  return {
    heldUntil: d.heldUntil ?? null,
    eligible: d.eligible ?? null,
    score: d.score ?? null,
    scoreMin: d.scoreMin ?? null,
    scoreMax: d.scoreMax ?? null,
    ruleset: d.ruleset === undefined ? null : say(d.ruleset),
    unmet: (d.unmet ?? []).map((u) =>
      Array.isArray(u) ? { criterion: say(u[0]), actual: say(u[1] ?? ''), required: say(u[2] ?? '') } : u,
    ),
    gap: d.gap ?? [],
    missing: (d.missing ?? []).map(say),
    // Rows of runs from before it was kept read as "no direct path".
    directPath: d.directPath === undefined ? null : say(d.directPath),
  };
}

/** `rulesets` collects, per tier, the rule set that judged (recorded on the run); `book` the phrases. */
export function screenedRow(
  runId: string,
  enterpriseId: string,
  d: ReturnType<typeof screen>,
  rulesets: Record<string, RunRuleset>,
  book: Phrasebook,
): Row {
  if (!d.ok) {
    // The registry's facts do not parse (e.g. more R&D staff than staff): every tier waits for data.
    const missing = d.errors.map((e) => book.id(`${e.field}：${e.message}`));
    return {
      runId,
      enterpriseId,
      standings: TIER_KEYS.map(() => 'unknown' as const),
      unmetCounts: TIER_KEYS.map(() => 0),
      scores: TIER_KEYS.map(() => null),
      details: Object.fromEntries(TIER_KEYS.map((t) => [t, { missing }])),
    };
  }
  const details: Record<string, ScreenedDetail> = {};
  for (const t of d.tiers) {
    if (t.ruleset)
      rulesets[t.tier] = {
        id: t.ruleset,
        name: t.rulesetName,
        document: t.document,
        provisional: t.provisional,
      };
    const x: ScreenedDetail = {};
    if (t.heldUntil) x.heldUntil = t.heldUntil;
    if (t.eligible !== null) x.eligible = t.eligible;
    if (t.score !== null) x.score = t.score;
    if (t.scoreRange) [x.scoreMin, x.scoreMax] = t.scoreRange;
    if (t.ruleset) x.ruleset = book.id(t.ruleset);
    if (t.unmet.length)
      x.unmet = t.unmet.map((u) =>
        u.actual || u.required
          ? [book.id(u.criterion), book.often(u.actual), book.often(u.required)]
          : [book.id(u.criterion)],
      );
    if (t.gap.length) x.gap = t.gap;
    if (t.missing.length) x.missing = t.missing.map((m) => book.id(m));
    // often, not id: a path names its dates, institution or amount, so most texts are one-offs (about
    // nine in ten on the demo data) that would bloat the run's phrasebook, rewritten every batch;
    // a batch of 高企 certificates issued on one day repeats, and goes into the book.
    if (t.directPath) x.directPath = book.often(t.directPath);
    details[t.tier] = x;
  }
  return {
    runId,
    enterpriseId,
    standings: d.tiers.map((t) => t.status),
    unmetCounts: d.tiers.map((t) => t.unmet.length),
    scores: d.tiers.map((t) => t.score),
    details,
  };
}

/** A tier's place in screening_firms' arrays, as SQL (arrays are 1-based). Only known tiers: the
 *  number goes into the statement as text. */
export function tierPosition(tier: string) {
  const i = (TIER_KEYS as readonly string[]).indexOf(tier);
  if (i < 0) throw new Error(`未知梯队：${tier}`);
  return sql.raw(String(i + 1));
}
