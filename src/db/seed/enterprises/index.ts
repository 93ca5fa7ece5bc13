/**
 * 演示企业库: a deterministic generator of realistic firms for the demo, the tests and the benchmarks.
 *
 * - `generateEnterprises({ seed, count, targetCount, asOf })` yields plain rows one at a time; firm i of a
 *   universe depends only on (seed, universe, i, asOf), so a million rows stream in constant memory and a
 *   benchmark can rebuild any firm from its index (`generateFirm`).
 * - `seedEnterprises(db, { count, targetCount, seed })` writes them (≈500 firms per INSERT, one transaction
 *   per batch), skipping any org that already holds demo-seed firms of that universe.
 * - `writeEnterpriseCsv(file, { count, seed, encoding })` writes the same firms as an office CSV export
 *   with the Chinese headers the importer recognises.
 *
 * Local universe: firms spread over the park / district / county orgs of the demo (盐南, 南通开发区, 海安,
 * 江阴, 宜兴, 梁溪, 锡山, 南湖), each owned by that org, in the districts and industries it is known for.
 *
 * Target universe (外地目标企业: 上海, 深圳, 北京, 苏州, 合肥, 杭州): owned by one org, 盐南高新区 (`yannan`)
 * by default. A user sees their org and the orgs below it, and the demo's officer, leader, analyst and
 * expert all sit in 盐南; a city-level owner (盐城市) would hide the whole target universe from them, and
 * a copy per city org would multiply the rows of a million-firm benchmark. `targetOrg` picks another owner.
 */
export {
  type CsvColumns,
  type CsvOptions,
  csvHeaders,
  csvRecord,
  enterpriseCsvLines,
  firmCsvCells,
  wan,
  writeEnterpriseCsv,
} from './csv.js';
export type { DemoYear, IpCounts } from './figures.js';
export {
  DEFAULT_TARGET_ORG,
  type DemoFirm,
  type GenerateOptions,
  generateEnterprises,
  generateFirm,
  type Universe,
} from './generate.js';
export { INDUSTRIES, type IndustryKey } from './industries.js';
export { TIER_KEYS, type TierKey } from './ladder.js';
export {
  DEFAULT_SEED,
  SEED_CLIENT,
  type SeedEnterprisesOptions,
  type SeedEnterprisesResult,
  seedEnterprises,
} from './seed-enterprises.js';
