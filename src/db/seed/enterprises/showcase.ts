/** The firms the README's search examples name — "中交慧运" finds 中交慧运（盐城）科技有限公司, "通润汽车"
 *  finds 南通市通润汽车零部件有限公司 — so a newcomer's first search on the demo data works as the tests
 *  say. Each is an ordinary generated firm (figures, IP, titles drawn as for any other) of the right park
 *  and industry, found by index past any generated count, with its name fixed; they take the place of
 *  the last two generated firms, so a seed of N firms is still N. */
import { type DemoFirm, generateFirm } from './generate.js';

const SHOWCASE = [
  { org: 'yannan', industry: 'ict', name: '中交慧运（盐城）科技有限公司', short: '中交慧运' },
  { org: 'ntkfq', industry: 'auto', name: '南通市通润汽车零部件有限公司', short: '通润汽车' },
] as const;

// Far above any count a demo or a benchmark generates, so ids and USCCs never meet a generated firm's.
const FIRST_INDEX = 50_000_000;

export function showcaseFirms(opts: { seed: number; asOf?: string }): DemoFirm[] {
  return SHOWCASE.map((s) => {
    for (let i = FIRST_INDEX; ; i++) {
      const f = generateFirm('local', i, opts);
      if (f.orgCode !== s.org || f.industry !== s.industry) continue;
      return {
        ...f,
        name: s.name,
        shortName: s.short,
        formerNames: [],
        aliases: [{ name: s.short, kind: 'short' as const }],
      };
    }
  });
}
