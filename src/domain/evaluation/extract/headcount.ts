// 院士 and national talent programmes are summed into one figure per plan: a plan lists them by
// programme (国家杰青2人、长江学者1人) or names a person (创始人是国家杰青), rarely as one total.
import type { Mention } from './numbers.js';

export type HeadcountKey = 'team.academicians' | 'team.national_talents';

const TITLES: Record<HeadcountKey, { specific: RegExp; generic?: RegExp }> = {
  'team.academicians': { specific: /院士/g },
  'team.national_talents': {
    specific: /国家杰青|国家杰出青年|长江学者|万人计划|海外高层次人才|千人计划|国家优青|优青/g,
    generic: /国家级(?:高层次)?人才/g,
  },
};

/** People a clause counts for `key`. `counted`: the figures after the titles, or one for a person
 *  named by a programme (创始人是国家杰青). `vague`: a generic title with no figure (由国家级人才领衔),
 *  which most often speaks of people the plan counts elsewhere (国家级人才2名), so the document counts
 *  it only when nothing else is counted (see documentHeadcount). */
export function headcountParts(
  key: HeadcountKey,
  masked: string,
  mentions: Mention[],
): { counted: number; vague: number } {
  const { specific, generic } = TITLES[key];
  const counts = mentions.filter((m) => m.kind === 'count' || m.kind === 'bare');
  const titled = (re: RegExp) =>
    [...masked.matchAll(re)].map((t) => {
      const end = (t.index ?? 0) + t[0].length;
      // The figure right after the title (国家杰青2人) or right before it (一位长江学者, 2位院士).
      const after = counts.find((m) => m.start >= end && m.start - end <= 6);
      const before = counts.find((m) => m.end <= (t.index ?? 0) && (t.index ?? 0) - m.end <= 4);
      return after?.value ?? before?.value ?? null;
    });
  if (generic) {
    const g = titled(generic);
    if (g.length)
      return {
        counted: g.reduce<number>((a, b) => a + (b ?? 0), 0),
        vague: g.filter((b) => b === null).length,
      };
  }
  // 两院院士2位: one title, one figure.
  return { counted: titled(specific).reduce<number>((a, b) => a + (b ?? 1), 0), vague: 0 };
}

/** People a clause counts for `key`, vague mentions included (for checking one quoted clause). */
export function headcountOfClause(key: HeadcountKey, masked: string, mentions: Mention[]): number {
  const p = headcountParts(key, masked, mentions);
  return p.counted + p.vague;
}

/** A plan's total: what it counts, or, when it counts nothing, its vague mentions (one person each). */
export const documentHeadcount = (p: { counted: number; vague: number }) => p.counted || p.vague;
