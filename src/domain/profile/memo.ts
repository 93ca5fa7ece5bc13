/** The offline 研判 memo: strengths, risks and questions for the committee, each citing the facts or
 *  indicators it rests on. Deterministic, written from the profile alone; a language model, when one is
 *  configured, may write a richer memo but never touches the scores. */
import type { Profile } from './score.js';

type Indicator = Profile['dimensions'][number]['indicators'][number];
const cite = (i: Indicator) =>
  i.used?.evidence?.quote
    ? `（依据：${i.used.source === 'document' ? `第${i.used.evidence.page ?? '?'}页 ` : ''}“${i.used.evidence.quote}”）`
    : '';

export function offlineMemo(profile: Profile, flags: { severity: string; kind: string; quote: string }[]) {
  const indicators = profile.dimensions.flatMap((d) =>
    d.indicators.map((i) => ({ ...i, dimension: d.name })),
  );
  const strengths = indicators
    .filter((i) => !i.missing && i.points >= 0.8 * i.max)
    .map((i) => `${i.dimension}·${i.name}：${i.points}/${i.max} 分${cite(i)}`);
  const weak = indicators
    .filter((i) => !i.missing && i.points <= 0.3 * i.max)
    .map((i) => `${i.dimension}·${i.name}偏弱：${i.points}/${i.max} 分${cite(i)}`);
  const risks = [
    ...weak,
    ...profile.dimensions.filter((d) => d.score < 40).map((d) => `${d.name}得分 ${d.score}，明显偏低`),
    ...(profile.lowCoverage
      ? [`有据可查的指标只占 ${Math.round(profile.coverage * 100)}%，画像可信度有限`]
      : []),
    ...flags
      .filter((f) => f.severity === 'high')
      .map((f) => `计划书含疑似注入或隐藏内容（已剔除，不影响评分）：“${f.quote.slice(0, 60)}”`),
  ];
  const questions = [
    ...profile.missing.slice(0, 8).map((m) => `请企业补充：${m}`),
    ...indicators
      .filter((i) => i.used && (i.used.qualifier === 'approx' || i.used.qualifier === 'at_least'))
      .map((i) => `${i.name}为约数或下限，请核实确切数字${cite(i)}`),
  ];
  return { source: 'offline' as const, strengths, risks, questions };
}
