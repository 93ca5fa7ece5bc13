/** 政策找企业: policy conditions as typed clauses, and their evaluation against a firm's facts. */
export {
  CLAUSE_KINDS,
  type Clause,
  type ClauseKind,
  clauseSchema,
  type PolicyConditions,
  policyConditionsSchema,
} from './conditions.js';
export { describeClause, requiredOf, SECTION_NAMES } from './describe.js';
export {
  addMonths,
  type ClauseResult,
  compileConditions,
  conditionNeeds,
  DEFAULT_POLICY_CLOSE_RULE,
  type Evaluation,
  evaluatePolicy,
  type MissingData,
  type PolicyCloseRule,
  type PolicyEvaluator,
  unknownRegionPrefixes,
} from './evaluate.js';
export {
  CLASS_ONE_KINDS,
  lastYearFigures,
  type PolicyFirm,
  type Standing,
  type TitleRow,
  titleExpiry,
  titleValidOn,
  type YearRow,
} from './firm.js';
