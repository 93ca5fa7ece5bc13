// The labelled plan format of test/fixtures/plans (see its README): header lines, `---`, the text.
import type { FactQualifier } from './types.js';

export type ExpectedFact = { key: string; value: number | string; qualifier: FactQualifier; period?: string };
export type LabelledPlan = {
  id: string;
  style: string;
  industry: string;
  text: string;
  expected: ExpectedFact[];
};

/** Parses one fixture file; throws on a malformed label so a typo cannot silently drop a fact. */
export function parsePlan(id: string, source: string): LabelledPlan {
  const cut = source.indexOf('\n---\n');
  if (cut < 0) throw new Error(`${id}: missing --- line`);
  const head = source.slice(0, cut).split('\n');
  const meta = (name: string) =>
    head
      .find((l) => l.startsWith(`# ${name}:`))
      ?.slice(name.length + 3)
      .trim() ?? '';
  const expected = head
    .filter((l) => l.startsWith('# expect:'))
    .map((l) => {
      const [key, value, qualifier, period] = l.slice('# expect:'.length).trim().split(/\s+/);
      if (!['exact', 'approx', 'at_least', 'forecast'].includes(qualifier))
        throw new Error(`${id}: bad qualifier in "${l}"`);
      const num = Number(value);
      return {
        key,
        value: Number.isFinite(num) ? num : value,
        qualifier: qualifier as FactQualifier,
        ...(period ? { period: period.replace(/^@/, '') } : {}),
      };
    });
  return { id, style: meta('style'), industry: meta('industry'), text: source.slice(cut + 5), expected };
}
