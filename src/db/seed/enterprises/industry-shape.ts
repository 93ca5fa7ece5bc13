/** What the demo generator knows of an industry: GB/T 4754-2017 division, the words firms put in their
 *  names, their products and business scope, and the shape of their figures. The data: industries-*.ts. */

export type IndustryKey =
  | 'pv'
  | 'wind'
  | 'storage'
  | 'biomed'
  | 'ic'
  | 'newmat'
  | 'equip'
  | 'auto'
  | 'ict'
  | 'ai';

export type NameWord = {
  /** Industry words between the 字号 and the legal form: 储能科技 in 盐城海辰储能科技有限公司. */
  word: string;
  /** The part kept in a short name (简称): 储能 → 海辰储能. */
  short: string;
};

export type Industry = {
  key: IndustryKey;
  label: string;
  /** GB/T 4754-2017 两位大类 with weights (the 门类 follows from it). */
  divisions: readonly (readonly [string, number])[];
  words: readonly NameWord[];
  products: readonly string[];
  scope: readonly string[];
  /** R&D centre subjects: 江苏省{subject}工程技术研究中心. */
  rdSubjects: readonly string[];
  /** Median revenue per employee, 万元. */
  productivity: number;
  /** R&D expense as a share of revenue, typical range. */
  rdRatio: readonly [number, number];
  /** Tech staff as a share of employees, typical range. */
  techShare: readonly [number, number];
  /** Patents per R&D person per year of age (rough), and the mix of IP kinds. */
  ip: { invention: number; utility: number; design: number; software: number; icLayout: number };
};

export const w = (word: string, short: string): NameWord => ({ word, short });
