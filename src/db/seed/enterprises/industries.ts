/** The industries of the demo regions: GB/T 4754-2017 division, the words firms put in their names, their
 *  products and business scope, and the shape of their figures (productivity, R&D intensity, IP habits). */
import { auto, newmat, pv, storage, wind } from './industries-energy.js';
import { ai, biomed, equip, ic, ict } from './industries-tech.js';
import type { Industry, IndustryKey } from './industry-shape.js';

export type { Industry, IndustryKey, NameWord } from './industry-shape.js';

// The generator draws in this key order: keep it, or every seeded firm changes.
export const INDUSTRIES: Record<IndustryKey, Industry> = {
  pv,
  wind,
  storage,
  biomed,
  ic,
  newmat,
  equip,
  auto,
  ict,
  ai,
};

/** Division → 门类 for the industries used here (all manufacturing C, except software I). */
export function sectionOf(division: string): string {
  return division === '65' || division === '64' ? 'I' : 'C';
}
