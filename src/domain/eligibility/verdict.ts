/** The verdict of one tier: what callers read (Verdict), and the Draft object engines fill in while they
 *  check rules, which is the verdict itself once finished. Numbers and eligibility are computed at once; the
 *  Chinese text of the breakdown, unmet criteria and gaps is rendered on first read (or by toJSON). A
 *  screening run over a million firms mostly reads `eligible` and `score`, and formatting text it never
 *  shows, or allocating lists that stay empty, would cost more than the rules themselves. */
import { and3, type Tri } from './logic.js';
import type { Ruleset } from './ruleset-schema.js';
import { TIER_NAMES, type TierKey } from './tiers.js';

export type Unmet = { criterion: string; actual: string; required: string };
export type BreakdownItem = {
  item: string;
  /** Whole points when known; null when the points depend on an expert or on missing data (see range). */
  points: number | null;
  range: [number, number] | null;
  max: number;
  basis: string;
};

/** The plain JSON form of a verdict (what the CLI prints and the API returns). */
export type VerdictJson = {
  tier: TierKey;
  tierName: string;
  ruleset: string;
  rulesetName: string;
  document: string;
  provisional: boolean;
  eligible: boolean | null;
  score: number | null;
  scoreRange: [number, number] | null;
  passScore: number | null;
  breakdown: BreakdownItem[];
  unmet: Unmet[];
  missing: string[];
  gap: string[];
  directPath: string | null;
  notes: string[];
};

/** One tier's verdict. Text fields render on first read; toJSON() gives the plain object. */
export interface Verdict {
  readonly tier: TierKey;
  readonly tierName: string;
  /** Rule-set id ('' when no rule set applies on the date; see notes). */
  readonly ruleset: string;
  readonly rulesetName: string;
  /** The document number the rule set cites, e.g. 国科发火〔2016〕32号. */
  readonly document: string;
  readonly provisional: boolean;
  /** true / false, or null when missing data or expert scores could still decide either way. */
  readonly eligible: boolean | null;
  /** The score when known exactly; null when it is a range (scoreRange) or the rule does not score. */
  readonly score: number | null;
  readonly scoreRange: [number, number] | null;
  readonly passScore: number | null;
  readonly breakdown: BreakdownItem[];
  readonly unmet: Unmet[];
  /** The unmet criteria's names, without rendering their values (cheap; for screening many firms). */
  readonly unmetCriteria: string[];
  /** The largest share by which an unmet measured criterion misses its requirement (0.3 = revenue 30 %
   *  below the minimum, or a size 30 % over the cap); 0 when no unmet criterion is measured. */
  readonly shortfall: number;
  readonly missing: readonly string[];
  /** What it would take, in Chinese user terms; empty when eligible. */
  readonly gap: string[];
  /** The direct qualification path used, if any. */
  readonly directPath: string | null;
  readonly notes: readonly string[];
  toJSON(): VerdictJson;
}

/** Text rendered on demand. */
export type Text = () => string;
/** An unmet criterion's actual value, the requirement and (if the change is measurable) how to meet it. */
export type UnmetText = () => [actual: string, required: string, gap: string | null];

type ItemRec = { item: string; lo: number; hi: number; max: number; basis: string | Text };
/** shortBy: how far the value misses, as a share of the requirement (see shortBy in logic.ts); null when
 *  the criterion has no such measure (a yes/no condition, a count of a few items, an age, a score). */
type UnmetRec = {
  criterion: string;
  text: UnmetText;
  shortBy: number | null;
  done: [string, string, string | null] | null;
};
type GapRec = UnmetRec | Text;

const NONE: readonly never[] = Object.freeze([]);

function renderUnmet(r: UnmetRec): [string, string, string | null] {
  if (r.done === null) r.done = r.text();
  return r.done;
}

// Marks pack three list lengths into one number (each list stays far below 1,000 entries).
const M1 = 1_000_000;
const M2 = 1_000;

/** Collects checks in rule order; eligibility is the three-valued AND of every hard condition. */
export class Draft implements Verdict {
  eligible: Tri = true;
  lo = 0;
  hi = 0;
  scored = false;
  passScore: number | null = null;
  directPath: string | null = null;
  #items: ItemRec[] | null = null;
  #unmet: UnmetRec[] | null = null;
  #gaps: GapRec[] | null = null;
  #missing: string[] | null = null;
  #notes: string[] | null = null;
  #breakdownOut: BreakdownItem[] | null = null;
  #unmetOut: Unmet[] | null = null;
  #gapOut: string[] | null = null;

  constructor(
    readonly tier: TierKey,
    readonly rs: Ruleset | null,
  ) {}

  get tierName(): string {
    return TIER_NAMES[this.tier];
  }
  get ruleset(): string {
    return this.rs?.id ?? '';
  }
  get rulesetName(): string {
    return this.rs?.name ?? '';
  }
  get document(): string {
    return this.rs?.document ?? '';
  }
  get provisional(): boolean {
    return this.rs?.provisional ?? false;
  }
  get score(): number | null {
    return this.scored && this.lo === this.hi ? this.lo : null;
  }
  get scoreRange(): [number, number] | null {
    return this.scored && this.lo !== this.hi ? [this.lo, this.hi] : null;
  }
  get missing(): readonly string[] {
    return this.#missing ?? NONE;
  }
  get notes(): readonly string[] {
    return this.#notes ?? NONE;
  }

  // ── building ──────────────────────────────────────────────────────────────────────────────────

  /** A scored item worth lo..hi points (lo === hi when known). */
  item(item: string, lo: number, hi: number, max: number, basis: string | Text): void {
    this.scored = true;
    this.lo += lo;
    this.hi += hi;
    if (this.#items === null) this.#items = [];
    this.#items.push({ item, lo, hi, max, basis });
  }

  /** Takes off what a sub-total scores above its cap (e.g. 高企 IP ≤ 30): lo and hi are the excesses. */
  cap(item: string, loExcess: number, hiExcess: number, basis: string): void {
    if (hiExcess <= 0) return;
    this.lo -= loExcess;
    this.hi -= hiExcess;
    if (this.#items === null) this.#items = [];
    this.#items.push({ item, lo: -loExcess, hi: -hiExcess, max: 0, basis });
  }

  /** Records an unmet criterion (eligibility is the caller's, through need/check). `shortBy` is how far a
   *  measured value misses the requirement (see shortBy in logic.ts), which decides 接近. */
  fail(criterion: string, text: UnmetText, shortBy: number | null = null): void {
    const r: UnmetRec = { criterion, text, shortBy, done: null };
    if (this.#unmet === null) this.#unmet = [];
    this.#unmet.push(r);
    if (this.#gaps === null) this.#gaps = [];
    this.#gaps.push(r);
  }

  /** A hard condition: ANDed into eligibility; recorded as unmet when false. */
  check(ok: Tri, criterion: string, text: UnmetText, shortBy: number | null = null): Tri {
    if (ok === false) this.fail(criterion, text, shortBy);
    this.eligible = and3(this.eligible, ok);
    return ok;
  }

  /** ANDs a condition into eligibility without recording anything (the caller records the reasons). */
  need(ok: Tri): void {
    this.eligible = and3(this.eligible, ok);
  }

  /** A "what it would take" line that belongs to no single criterion (e.g. the next scoring band). */
  hint(text: Text): void {
    if (this.#gaps === null) this.#gaps = [];
    this.#gaps.push(text);
  }

  /** Notes a missing fact once. */
  miss(label: string): void {
    if (this.#missing === null) this.#missing = [label];
    else if (!this.#missing.includes(label)) this.#missing.push(label);
  }

  /** Notes a missing fact the caller knows is not on the list yet (e.g. one per score item). */
  missOnce(label: string): void {
    if (this.#missing === null) this.#missing = [label];
    else this.#missing.push(label);
  }

  note(text: string): void {
    if (this.#notes === null) this.#notes = [];
    this.#notes.push(text);
  }

  /** Marks where an alternative route's entries start, so they can be dropped if another route passes. */
  mark(): number {
    return (this.#unmet?.length ?? 0) * M1 + (this.#gaps?.length ?? 0) * M2 + (this.#missing?.length ?? 0);
  }

  dropSince(m: number): void {
    const unmet = Math.floor(m / M1);
    const gaps = Math.floor((m % M1) / M2);
    const missing = m % M2;
    if (this.#unmet && this.#unmet.length > unmet) this.#unmet.length = unmet;
    if (this.#gaps && this.#gaps.length > gaps) this.#gaps.length = gaps;
    if (this.#missing && this.#missing.length > missing) this.#missing.length = missing;
  }

  /** Gap lines queued since a mark, taken out (e.g. next-band hints kept aside until the score is known). */
  takeGapsSince(m: number): GapRec[] {
    const from = Math.floor((m % M1) / M2);
    return this.#gaps && this.#gaps.length > from ? this.#gaps.splice(from) : [];
  }

  putGaps(list: GapRec[]): void {
    if (list.length === 0) return;
    if (this.#gaps === null) this.#gaps = [];
    this.#gaps.push(...list);
  }

  /** The verdict: this draft, now read-only by type. */
  finish(): Draft {
    return this;
  }

  // ── reading ───────────────────────────────────────────────────────────────────────────────────

  get breakdown(): BreakdownItem[] {
    if (this.#breakdownOut === null)
      this.#breakdownOut = (this.#items ?? []).map((r) => ({
        item: r.item,
        points: r.lo === r.hi ? r.lo : null,
        range: r.lo === r.hi ? null : r.lo <= r.hi ? [r.lo, r.hi] : [r.hi, r.lo],
        max: r.max,
        basis: typeof r.basis === 'string' ? r.basis : r.basis(),
      }));
    return this.#breakdownOut;
  }

  get unmet(): Unmet[] {
    if (this.#unmetOut === null)
      this.#unmetOut = (this.#unmet ?? []).map((r) => {
        const [actual, required] = renderUnmet(r);
        return { criterion: r.criterion, actual, required };
      });
    return this.#unmetOut;
  }

  get unmetCriteria(): string[] {
    return (this.#unmet ?? []).map((r) => r.criterion);
  }

  get shortfall(): number {
    let worst = 0;
    for (const r of this.#unmet ?? []) if (r.shortBy !== null && r.shortBy > worst) worst = r.shortBy;
    return worst;
  }

  get gap(): string[] {
    if (this.#gapOut === null) {
      const out: string[] = [];
      if (this.eligible !== true)
        for (const g of this.#gaps ?? []) {
          const s = typeof g === 'function' ? g() : renderUnmet(g)[2];
          if (s) out.push(s);
        }
      this.#gapOut = out;
    }
    return this.#gapOut;
  }

  toJSON(): VerdictJson {
    return {
      tier: this.tier,
      tierName: this.tierName,
      ruleset: this.ruleset,
      rulesetName: this.rulesetName,
      document: this.document,
      provisional: this.provisional,
      eligible: this.eligible,
      score: this.score,
      scoreRange: this.scoreRange,
      passScore: this.passScore,
      breakdown: this.breakdown,
      unmet: this.unmet,
      missing: [...this.missing],
      gap: this.gap,
      directPath: this.directPath,
      notes: [...this.notes],
    };
  }
}
