/** Eligibility engines for the eight tiers of the cultivation ladder (梯度培育), as pure functions. */
export { type AssessOptions, assessAll, assessPreparedTier, assessTier, runRuleset } from './assess.js';
export { describePath } from './direct-paths.js';
export { type FactsError, type FactsResult, parseFirmFacts } from './facts-errors.js';
export { type FirmFacts, firmFactsSchema, HNTE_FIELDS, type YearFigures } from './facts-schema.js';
export { type Firm, prepareFirm } from './prepare.js';
export { BUILTIN_RULESETS, covers, type Selection, selectRuleset } from './registry.js';
export { type Band, type DirectPath, type EngineKey, type Ruleset, rulesetSchema } from './ruleset-schema.js';
export { type RulesetError, type RulesetResult, validateRuleset } from './ruleset-validate.js';
export { TIER_KEYS, TIER_NAMES, type TierKey } from './tiers.js';
export type { BreakdownItem, Unmet, Verdict, VerdictJson } from './verdict.js';
