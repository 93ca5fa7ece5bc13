/** The 创新力画像 of one project: every indicator's points from the model's bands over the facts, the
 *  facts behind each, what was missing (listed, and scored 0 — never silently), and a recommendation
 *  band rather than false precision. Pure and deterministic: the same facts and model version always
 *  give the same profile. No language model reaches this function: its facts are verified first, and
 *  the points come from the published bands alone. */
import { wan } from '../eligibility/format.js';
import { strongerQualifier } from '../evaluation/extract/types.js';
import { DIMENSION_NAMES, type Dimension, type FactKey, type ScoringModel } from './model.js';

export type Qualifier = 'exact' | 'approx' | 'at_least' | 'forecast';
export type ProfileFact = {
  key: FactKey;
  value: number;
  qualifier: Qualifier;
  /** Where it came from: the business plan (with page and quote), the registry, or the chain map. */
  source: 'document' | 'registry' | 'chain' | 'derived';
  evidence?: { page?: number; quote: string };
  period?: string;
};

/** Facts that are plans by nature: their forecast wording is expected, not a reason to ignore them. */
const PLAN_FACTS: ReadonlySet<string> = new Set([
  'investment.planned',
  'talents.planned',
  'output.expected',
  'output.per_mu',
  'land.area',
]);

export const BANDS = [
  { band: 'A', name: '强烈推荐', min: 80 },
  { band: 'B', name: '推荐', min: 65 },
  { band: 'C', name: '审慎', min: 50 },
  { band: 'D', name: '不推荐', min: -Infinity },
] as const;
export type Band = (typeof BANDS)[number]['band'];

/** Below this share of reachable points backed by facts, the profile says the data are too thin. */
export const LOW_COVERAGE = 0.5;

const r1 = (n: number) => Math.round(n * 10) / 10;

/** Which fact an indicator uses: a forecast never stands in for an actual figure (预计营收 is not 营收). */
function usable(f: ProfileFact | undefined): f is ProfileFact {
  return f !== undefined && Number.isFinite(f.value) && (f.qualifier !== 'forecast' || PLAN_FACTS.has(f.key));
}

function bandPoints(bands: { min: number; points: number }[], value: number) {
  let points = 0;
  let band: { min: number; points: number } | null = null;
  for (const b of bands)
    if (value >= b.min) {
      points = b.points;
      band = b;
    }
  return { points, band };
}

/** Weights for the firm's industry: the two-digit 大类 first, then the 门类 letter, then the model's. */
export function weightsFor(
  model: ScoringModel,
  industry?: { section?: string | null; division?: string | null },
) {
  const override =
    (industry?.division && model.industryWeights[industry.division]) ||
    (industry?.section && model.industryWeights[industry.section]) ||
    null;
  return Object.fromEntries(model.dimensions.map((d) => [d.key, override?.[d.key] ?? d.weight])) as Record<
    Dimension,
    number
  >;
}

export function computeProfile(
  model: ScoringModel,
  facts: ProfileFact[],
  industry?: { section?: string | null; division?: string | null },
) {
  // One fact per key: a document fact over a registry one (it is newer and quoted), then the first seen.
  const byKey = new Map<string, ProfileFact>();
  const rank = { document: 0, derived: 1, chain: 2, registry: 3 } as const;
  for (const f of facts) {
    const had = byKey.get(f.key);
    if (!usable(f)) continue;
    if (!had || rank[f.source] < rank[had.source]) byKey.set(f.key, f);
  }
  const weights = weightsFor(model, industry);
  let reachable = 0;
  let backed = 0;
  const dimensions = model.dimensions.map((d) => {
    const indicators = d.indicators.map((i) => {
      const fact = byKey.get(i.fact);
      reachable += i.max;
      if (!fact)
        return {
          key: i.key,
          name: i.name,
          fact: i.fact,
          max: i.max,
          points: 0,
          missing: true,
          why: i.why ?? null,
          used: null,
        };
      backed += i.max;
      const { points, band } = bandPoints(i.bands, fact.value);
      return {
        key: i.key,
        name: i.name,
        fact: i.fact,
        max: i.max,
        points,
        missing: false,
        why: i.why ?? null,
        band: band ? `≥ ${band.min} → ${band.points} 分` : `低于最低档 ${i.bands[0].min}`,
        used: fact,
      };
    });
    const max = indicators.reduce((s, i) => s + i.max, 0);
    const got = indicators.reduce((s, i) => s + i.points, 0);
    return {
      key: d.key,
      name: DIMENSION_NAMES[d.key],
      weight: weights[d.key],
      score: r1((100 * got) / max),
      indicators,
      missing: indicators.filter((i) => i.missing).map((i) => i.name),
    };
  });
  const overall = r1(dimensions.reduce((s, d) => s + d.weight * d.score, 0));
  const band = BANDS.find((b) => overall >= b.min) ?? BANDS[BANDS.length - 1];
  const coverage = Math.round((backed / reachable) * 100) / 100;
  return {
    modelVersion: model.version,
    overall,
    band: band.band,
    bandName: band.name,
    coverage,
    lowCoverage: coverage < LOW_COVERAGE,
    dimensions,
    missing: dimensions.flatMap((d) => d.missing.map((m) => `${d.name}：${m}`)),
  };
}
export type Profile = ReturnType<typeof computeProfile>;

/** Facts computed from other facts (ratios), each saying what it was computed from. */
export function deriveFacts(facts: ProfileFact[]): ProfileFact[] {
  const get = (k: string, source?: ProfileFact['source']) =>
    facts.find((f) => f.key === k && usable(f) && (!source || f.source === source));
  const out: ProfileFact[] = [];
  type Unit = (n: number) => string;
  const ratio = (key: FactKey, num: string, den: string, label: string, numUnit: Unit, denUnit: Unit) => {
    if (get(key)) return;
    // Both parts from one source where one has both: the registry's R&D staff over the plan's core
    // team would be a ratio of two different things.
    const same = (['document', 'registry'] as const).find((src) => get(num, src) && get(den, src));
    const a = get(num, same);
    const b = get(den, same);
    if (a && b && b.value > 0)
      out.push({
        key,
        value: a.value / b.value,
        // The weaker of the two: exact over a planned figure is a plan, not an approximation.
        qualifier: strongerQualifier(a.qualifier, b.qualifier),
        source: 'derived',
        evidence: { quote: `${label}：${numUnit(a.value)} ÷ ${denUnit(b.value)}` },
      });
  };
  const people: Unit = (n) => `${n} 人`;
  ratio('rd_ratio', 'rd_expense', 'revenue', '研发费用 ÷ 营业收入', wan, wan);
  ratio('rd_staff_ratio', 'rd_staff', 'employees', '研发人员 ÷ 职工总数', people, people);
  ratio('output.per_mu', 'output.expected', 'land.area', '预期产值 ÷ 用地面积', wan, (n) => `${n} 亩`);
  // A plan that names only its latest round has raised at least that much.
  const round = get('funding.last_round');
  if (!get('funding.total') && round && round.value > 0)
    out.push({
      key: 'funding.total',
      value: round.value,
      qualifier: 'at_least',
      source: 'derived',
      evidence: { quote: `累计融资至少为最近一轮：${round.evidence?.quote ?? round.value}` },
    });
  return out;
}
