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

/** People a clause counts for `key`: the figures after the titles, or one for a named person. */
export function headcountOfClause(key: HeadcountKey, masked: string, mentions: Mention[]): number {
  const { specific, generic } = TITLES[key];
  const counts = mentions.filter((m) => m.kind === 'count' || m.kind === 'bare');
  const titled = (re: RegExp) =>
    [...masked.matchAll(re)].map((t) => {
      const end = (t.index ?? 0) + t[0].length;
      // The figure right after the title (国家杰青2人) or right before it (一位长江学者, 2位院士).
      const after = counts.find((m) => m.start >= end && m.start - end <= 6);
      const before = counts.find((m) => m.end <= (t.index ?? 0) && (t.index ?? 0) - m.end <= 4);
      return after?.value ?? before?.value ?? 1;
    });
  if (generic) {
    const g = titled(generic);
    if (g.length) return g.reduce((a, b) => a + b, 0);
  }
  // 两院院士2位: one title, one figure.
  return titled(specific).reduce((a, b) => a + b, 0);
}
