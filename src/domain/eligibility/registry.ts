/** The built-in rule sets (JSON under rulesets/, validated at load) and how one is chosen for a tier and date. */

import type { Ruleset } from './ruleset-schema.js';
import { validateRuleset } from './ruleset-validate.js';
import gazelleNational from './rulesets/gazelle-national-hitech-zone.json' with { type: 'json' };
import gazelleYancheng from './rulesets/gazelle-yancheng-2022.json' with { type: 'json' };
import hnte2016 from './rulesets/hnte-2016.json' with { type: 'json' };
import innovativeSme2022 from './rulesets/innovative-sme-2022.json' with { type: 'json' };
import littleGiant2022 from './rulesets/little-giant-2022.json' with { type: 'json' };
import littleGiant2026 from './rulesets/little-giant-2026.json' with { type: 'json' };
import potentialUnicorn from './rulesets/potential-unicorn-gei-2025.json' with { type: 'json' };
import specializedSme2022 from './rulesets/specialized-sme-2022.json' with { type: 'json' };
import specializedSme2026 from './rulesets/specialized-sme-2026.json' with { type: 'json' };
import techInnovativeSme2026 from './rulesets/tech-innovative-sme-2026.json' with { type: 'json' };
import techSme2017 from './rulesets/tech-sme-2017.json' with { type: 'json' };
import unicorn from './rulesets/unicorn-gei-2025.json' with { type: 'json' };
import type { TierKey } from './tiers.js';

function load(raws: unknown[]): Ruleset[] {
  const out: Ruleset[] = [];
  for (const raw of raws) {
    const r = validateRuleset(
      raw,
      out.map((x) => x.id),
    );
    if (!r.ok)
      throw new Error(
        `内置规则集 ${(raw as { id?: string }).id} 无效：${r.errors.map((e) => `${e.path} ${e.message}`).join('；')}`,
      );
    out.push(r.ruleset);
  }
  return out;
}

/** Every built-in rule set, lowest tier first. */
export const BUILTIN_RULESETS: readonly Ruleset[] = load([
  techSme2017,
  innovativeSme2022,
  techInnovativeSme2026,
  hnte2016,
  specializedSme2022,
  specializedSme2026,
  littleGiant2022,
  littleGiant2026,
  gazelleYancheng,
  gazelleNational,
  potentialUnicorn,
  unicorn,
]);

export function covers(r: Ruleset, tier: TierKey): boolean {
  return r.tier === tier || (r.alsoFor?.includes(tier) ?? false);
}

export type Selection = { ruleset: Ruleset; reason: 'override' | 'date' | 're_review'; note: string | null };

export type SelectOptions = {
  /** A rule-set id (built-in or in `library`) or a validated rule-set object; wins over the date. */
  override?: string | Ruleset;
  /** Extra rule sets, e.g. an org's variants from the database (already validated). */
  library?: readonly Ruleset[];
  /** The firm is being re-reviewed for a title it holds (小巨人 复核): rule sets with reReviewValidTo apply. */
  reReview?: boolean;
};

const inForce = (r: Ruleset, date: string) =>
  r.validFrom <= date && (r.validTo === null || date <= r.validTo);

/** The rule set for a tier on a date: the override, else a re-review rule set, else the newest default rule
 *  set in force. An error text (Chinese) when there is none. */
export function selectRuleset(tier: TierKey, date: string, opts: SelectOptions = {}): Selection | string {
  const pool = opts.library ? [...BUILTIN_RULESETS, ...opts.library] : BUILTIN_RULESETS;
  if (opts.override !== undefined) {
    const r = typeof opts.override === 'string' ? pool.find((x) => x.id === opts.override) : opts.override;
    if (!r) return `未找到规则集：${opts.override}`;
    if (!covers(r, tier)) return `规则集 ${r.id} 不适用于该梯队`;
    const note = inForce(r, date)
      ? null
      : `按指定使用规则集 ${r.id}（有效期 ${r.validFrom} 至 ${r.validTo ?? '今'}，不含评估日期）`;
    return { ruleset: r, reason: 'override', note };
  }
  let best: Ruleset | null = null;
  let reason: Selection['reason'] = 'date';
  for (const r of pool) {
    if (!r.default || !covers(r, tier)) continue;
    const review =
      opts.reReview === true && !!r.reReviewValidTo && r.validFrom <= date && date <= r.reReviewValidTo;
    if (review) {
      if (reason !== 're_review' || !best || r.validFrom > best.validFrom) best = r;
      reason = 're_review';
      continue;
    }
    if (reason === 're_review' || !inForce(r, date)) continue;
    if (!best || r.validFrom > best.validFrom) best = r;
  }
  if (!best) return `${date} 没有适用的规则集`;
  return {
    ruleset: best,
    reason,
    note:
      reason === 're_review' && !inForce(best, date)
        ? `复核适用 ${best.name}（至 ${best.reReviewValidTo}）`
        : null,
  };
}
