/** A firm's diagnostic card: every tier's verdict on its registry facts, and where it stands on each
 *  (holds the title, eligible now, close, far, or data missing). Shared by the screening job and the
 *  profile page, so both say the same thing. */
import type { CloseRule, ScreeningStatus } from '../../../db/schema/index.js';
import { assessAll, parseFirmFacts, TIER_KEYS, type VerdictJson } from '../../../domain/eligibility/index.js';
import { type RegistryFirm, registryFacts, SCREENING_ASSUMPTIONS } from './registry-facts.js';

/** What the verdicts take for granted (see SCREENING_ASSUMPTIONS), in the card's words. */
export const ASSUMPTIONS: string[] = Object.values(SCREENING_ASSUMPTIONS);

export const DEFAULT_CLOSE_RULE: CloseRule = { maxUnmet: 2, scoreMargin: 10 };

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
 *  is missing to decide (待补资料). close: at most `maxUnmet` criteria fail and, where the tier scores,
 *  the best reachable score is within `scoreMargin` of the pass mark. far: the rest. */
export function standing(v: VerdictJson, held: string | null, rule: CloseRule): ScreeningStatus {
  if (held) return 'holding';
  if (v.eligible === true) return 'eligible';
  if (v.eligible === null && v.unmet.length === 0) return 'unknown';
  const best = v.score ?? v.scoreRange?.[1] ?? null;
  const nearScore = v.passScore === null || best === null || best >= v.passScore - rule.scoreMargin;
  return v.unmet.length <= rule.maxUnmet && nearScore ? 'close' : 'far';
}

export function diagnose(r: RegistryFirm, date: string, rule: CloseRule = DEFAULT_CLOSE_RULE): Diagnosis {
  const parsed = parseFirmFacts(registryFacts(r, date));
  if (!parsed.ok) {
    return {
      ok: false,
      assessedOn: date,
      errors: parsed.errors.map((e) => ({ field: e.field, message: e.message })),
    };
  }
  const verdicts = assessAll(parsed.facts, { date });
  return {
    ok: true,
    assessedOn: date,
    tiers: verdicts.map((v, i) => {
      const json = v.toJSON();
      const held = heldUntil(r, TIER_KEYS[i], date);
      return { ...json, status: standing(json, held, rule), heldUntil: held };
    }),
  };
}
