// Text normalisation and parsing for data as Chinese offices send it: USCC, amounts, dates, names, regions.
export {
  type AmountResult,
  type CountResult,
  type Currency,
  type MoneyUnit,
  type ParseFailure,
  parseAmount,
  parseCount,
  parseRatio,
  type Qualifier,
  type RatioResult,
  type RatioUnit,
} from './chinese-number.js';
export { bigramDice, type CompanyName, nameSimilarity, normalizeCompanyName } from './company-name.js';
export { type DateResult, excelSerialToIso, parseDate } from './dates.js';
export {
  isValidRegionCode,
  type RegionEntry,
  type RegionLevel,
  regionCodeByName,
  regionEntry,
  regionName,
} from './region.js';
export {
  normalizeUscc,
  regionOfUscc,
  USCC_CATEGORIES,
  USCC_CHARSET,
  type UsccErrorCode,
  type UsccResult,
  usccCheckChar,
  validateUscc,
} from './uscc.js';
