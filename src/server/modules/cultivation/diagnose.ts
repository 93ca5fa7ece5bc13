/** A firm's diagnostic card: every tier's verdict on its registry facts, and where it stands on each
 *  (holds the title, eligible now, close, far, or data missing). Shared by the screening job and the
 *  profile page, so both say the same thing. */
import type { CloseRule, ScreeningStatus } from '../../../db/schema/index.js';
import {
  assessAll,
  parseFirmFacts,
  TIER_KEYS,
  type Verdict,
  type VerdictJson,
} from '../../../domain/eligibility/index.js';
import { type RegistryFirm, registryFacts, SCREENING_ASSUMPTIONS } from './registry-facts.js';

/** What the verdicts take for granted (see SCREENING_ASSUMPTIONS), in the card's words. */
export const ASSUMPTIONS: string[] = Object.values(SCREENING_ASSUMPTIONS);

/** A firm is 接近 when at most two criteria fail, none of them by more than 30 % of what it requires, and
 *  a scored tier is within 10 points of passing. 30 % is about a year of good growth for a firm being
 *  cultivated; policies (which pay now) use a tighter 20 %. */
export const DEFAULT_CLOSE_RULE: Required<CloseRule> = { maxUnmet: 2, scoreMargin: 10, tolerance: 0.3 };

export type TierStanding = VerdictJson & { status: ScreeningStatus; heldUntil: string | null };
export type Diagnosis =
  | { ok: true; assessedOn: string; tiers: TierStanding[] }
  | { ok: false; assessedOn: string; errors: { field: string; message: string }[] };

/** Until when the firm holds the tier's title on `date`, if it does. */
function heldUntil(r: RegistryFirm, tier: string, date: string): string | null {
  let until: string | null = null;
  for (const q of r.qualifications) {
    if (q.tier !== tier || !q.issuedOn || q.issuedOn > date) continue;
    const end = q.expiresOn ?? '9999-12-31';
    if (end >= date && (until === null || end > until)) until = end;
  }
  return until;
}

/** holding: holds a valid title. eligible: qualifies now (发现一批). unknown: nothing fails, but data
 *  is missing to decide (待补资料). close: at most `maxUnmet` criteria fail, none of the measured ones
 *  by more than `tolerance` of its requirement, and, where the tier scores, the best reachable score
 *  is within `scoreMargin` of the pass mark. far: the rest. */
export function standing(
  v: Pick<Verdict, 'eligible' | 'score' | 'scoreRange' | 'passScore' | 'unmetCriteria' | 'shortfall'>,
  held: string | null,
  rule: CloseRule,
): ScreeningStatus {
  if (held) return 'holding';
  if (v.eligible === true) return 'eligible';
  const unmet = v.unmetCriteria.length;
  if (v.eligible === null && unmet === 0) return 'unknown';
  const best = v.score ?? v.scoreRange?.[1] ?? null;
  const nearScore = v.passScore === null || best === null || best >= v.passScore - rule.scoreMargin;
  const nearValues = rule.tolerance === undefined || v.shortfall <= rule.tolerance + 1e-9;
  return unmet <= rule.maxUnmet && nearScore && nearValues ? 'close' : 'far';
}

function verdictsOf(r: RegistryFirm, date: string) {
  const parsed = parseFirmFacts(registryFacts(r, date));
  if (!parsed.ok) return { errors: parsed.errors.map((e) => ({ field: e.field, message: e.message })) };
  return { verdicts: assessAll(parsed.facts, { date }) };
}

/** The full card: every verdict with its text. */
export function diagnose(r: RegistryFirm, date: string, rule: CloseRule = DEFAULT_CLOSE_RULE): Diagnosis {
  const { verdicts, errors } = verdictsOf(r, date);
  if (!verdicts) return { ok: false, assessedOn: date, errors };
  return {
    ok: true,
    assessedOn: date,
    tiers: verdicts.map((v, i) => {
      const held = heldUntil(r, TIER_KEYS[i], date);
      return { ...v.toJSON(), status: standing(v, held, rule), heldUntil: held };
    }),
  };
}

export type ScreenedTier = {
  tier: string;
  status: ScreeningStatus;
  heldUntil: string | null;
  eligible: boolean | null;
  score: number | null;
  scoreRange: [number, number] | null;
  ruleset: string;
  rulesetName: string;
  document: string;
  provisional: boolean;
  unmet: { criterion: string; actual: string; required: string }[];
  gap: string[];
  missing: string[];
  /** The 直通 path that holds (the rule's text of what proves it), whatever the standing: with it the
   *  score does not decide, which the results page has to say. */
  directPath: string | null;
};

/** What a screening stores: the standing of every tier, with the text where someone will read it —
 *  the unmet criteria's values and the gaps of firms that are close; only the criteria's names for
 *  firms that are far (the card renders the rest on demand). Rendering every verdict's text would
 *  cost more than the rules themselves. */
export function screen(
  r: RegistryFirm,
  date: string,
  rule: CloseRule,
): { ok: true; tiers: ScreenedTier[] } | { ok: false; errors: { field: string; message: string }[] } {
  const { verdicts, errors } = verdictsOf(r, date);
  if (!verdicts) return { ok: false, errors };
  return {
    ok: true,
    tiers: verdicts.map((v, i) => {
      const held = heldUntil(r, TIER_KEYS[i], date);
      const status = standing(v, held, rule);
      const detailed = status === 'close';
      return {
        tier: v.tier,
        status,
        heldUntil: held,
        eligible: v.eligible,
        score: v.score,
        scoreRange: v.scoreRange,
        ruleset: v.ruleset,
        rulesetName: v.rulesetName,
        document: v.document,
        provisional: v.provisional,
        unmet: detailed
          ? v.unmet
          : status === 'far'
            ? v.unmetCriteria.map((criterion) => ({ criterion, actual: '', required: '' }))
            : [],
        gap: detailed ? v.gap : [],
        missing: status === 'holding' ? [] : [...v.missing],
        directPath: v.directPath,
      };
    }),
  };
}
