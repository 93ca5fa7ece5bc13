// 三维评价 — the offline reading of a business plan: document → pages, pages → cleaned pages and
// injection flags, cleaned pages → facts with page and quote.
export * from './document/index.js';
export { extractFacts } from './extract/extract-facts.js';
export { FACT_KEYS, type Fact, type FactKey, type FactQualifier, type FactUnit } from './extract/types.js';
export {
  detectInjection,
  type InjectionFlag,
  type InjectionKind,
  type InjectionResult,
} from './injection.js';
