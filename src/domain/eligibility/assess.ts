/** assessAll / assessTier: run the engines on validated firm facts. No validation here (the caller parsed the
 *  input once with parseFirmFacts), so screening a million firms pays for zod once per firm at most. */
import { assessGazelle } from './engines/gazelle.js';
import { assessHnte } from './engines/hnte.js';
import { assessInnovativeSme } from './engines/innovative-sme.js';
import { assessLittleGiant2022 } from './engines/little-giant-2022.js';
import { assessLittleGiant2026 } from './engines/little-giant-2026.js';
import { assessSpecializedSme } from './engines/specialized-sme.js';
import { assessTechSme } from './engines/tech-sme.js';
import { assessUnicorn } from './engines/unicorn.js';
import type { FirmFacts } from './facts-schema.js';
import { type Firm, prepareFirm } from './prepare.js';
import { type Selection, selectRuleset } from './registry.js';
import type { Ruleset } from './ruleset-schema.js';
import { TIER_KEYS, type TierKey } from './tiers.js';
import { Draft, type Verdict } from './verdict.js';

export type AssessOptions = {
  /** Assessment date (ISO); defaults to the facts' asOf. "Last year" is the accounting year before it. */
  date?: string;
  /** Per tier, a rule-set id or object to use instead of the one the date selects (org variants, 复核). */
  rulesets?: Partial<Record<TierKey, string | Ruleset>>;
  /** Extra validated rule sets (an org's own) that ids in `rulesets` may name. */
  library?: readonly Ruleset[];
};

/** Runs one rule set on a prepared firm. */
export function runRuleset(firm: Firm, rs: Ruleset, tier: TierKey, reReview = false): Draft {
  switch (rs.engine) {
    case 'tech_sme_2017':
      return assessTechSme(firm, rs, tier);
    case 'innovative_sme_2022':
      return assessInnovativeSme(firm, rs, tier);
    case 'hnte_2016':
      return assessHnte(firm, rs, tier);
    case 'specialized_sme':
      return assessSpecializedSme(firm, rs, tier);
    case 'little_giant_2022':
      return assessLittleGiant2022(firm, rs, tier, reReview);
    case 'little_giant_2026':
      return assessLittleGiant2026(firm, rs, tier);
    case 'gazelle':
      return assessGazelle(firm, rs, tier);
    case 'unicorn':
      return assessUnicorn(firm, rs, tier);
  }
}

/** A firm holding a title whose validity reaches into the assessment year is being re-reviewed (复核). */
function holdsTitle(firm: Firm, tier: TierKey): boolean {
  const titles = firm.facts.titles;
  if (!titles) return false;
  const jan1 = `${firm.year}-01-01`;
  for (const t of titles) if (t.title === tier && t.issuedOn <= firm.date && t.expiresOn >= jan1) return true;
  return false;
}

function noRuleset(tier: TierKey, message: string): Draft {
  const d = new Draft(tier, null);
  d.need(null);
  d.note(message);
  return d;
}

// Default selections (no override, no library, no re-review) depend only on tier and date: a screening run
// assesses many firms on one date, so they are chosen once per date.
const byDate = new Map<string, (Selection | string)[]>();
function defaultRow(date: string): (Selection | string)[] {
  let row = byDate.get(date);
  if (!row) {
    if (byDate.size > 4096) byDate.clear();
    row = TIER_KEYS.map((t) => selectRuleset(t, date));
    byDate.set(date, row);
  }
  return row;
}
const TIER_INDEX = Object.fromEntries(TIER_KEYS.map((t, i) => [t, i])) as Record<TierKey, number>;

function assessWith(firm: Firm, tier: TierKey, opts: AssessOptions, row: (Selection | string)[]): Draft {
  const override = opts.rulesets?.[tier];
  const reReview = holdsTitle(firm, tier);
  const s =
    override === undefined && !opts.library && !reReview
      ? row[TIER_INDEX[tier]]
      : selectRuleset(tier, firm.date, { override, library: opts.library, reReview });
  if (typeof s === 'string') return noRuleset(tier, s);
  const v = runRuleset(firm, s.ruleset, tier, s.reason === 're_review');
  if (s.note) v.note(s.note);
  return v;
}

/** The verdict of one tier for a prepared firm. */
export function assessPreparedTier(firm: Firm, tier: TierKey, opts: AssessOptions = {}): Verdict {
  return assessWith(firm, tier, opts, defaultRow(firm.date));
}

/** Every tier's verdict, lowest rung first, for validated facts on opts.date (default: facts.asOf). */
export function assessAll(facts: FirmFacts, opts: AssessOptions = {}): Verdict[] {
  const firm = prepareFirm(facts, opts.date ?? facts.asOf);
  const row = defaultRow(firm.date);
  const out: Verdict[] = new Array(TIER_KEYS.length);
  for (let i = 0; i < TIER_KEYS.length; i++) out[i] = assessWith(firm, TIER_KEYS[i], opts, row);
  return out;
}

/** One tier's verdict for validated facts. */
export function assessTier(facts: FirmFacts, tier: TierKey, opts: AssessOptions = {}): Verdict {
  return assessPreparedTier(prepareFirm(facts, opts.date ?? facts.asOf), tier, opts);
}
