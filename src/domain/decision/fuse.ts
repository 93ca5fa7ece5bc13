/** The decision's recommendation: the three views fused by published, editable weights (default AI
 *  30 %, committee 50 %, due diligence 20 %), then the veto rules. The recommendation is advice with its
 *  reasons; a leader records the decision. */

export const DD_STATUSES = ['pass', 'attention', 'fail', 'na'] as const;
export type DdStatus = (typeof DD_STATUSES)[number];
export const DD_STATUS_NAMES: Record<DdStatus, string> = {
  pass: '通过',
  attention: '关注',
  fail: '不通过',
  na: '不适用',
};

export type FusionWeights = { ai: number; committee: number; dueDiligence: number };
export const DEFAULT_FUSION: FusionWeights = { ai: 0.3, committee: 0.5, dueDiligence: 0.2 };

export const OUTCOMES = ['approve', 'conditional', 'reject'] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const OUTCOME_NAMES: Record<Outcome, string> = {
  approve: '通过',
  conditional: '有条件通过',
  reject: '不通过',
};
/** Fused score thresholds for the recommendation. */
export const THRESHOLDS = { approve: 75, conditional: 60 };

export type DdItem = { name: string; status: DdStatus | null; veto: boolean };

/** Due diligence on the 0–100 scale: 通过 1, 关注 ½, 不通过 0, 不适用 left out. */
export function dueDiligenceScore(items: DdItem[]) {
  const counted = items.filter((i) => i.status && i.status !== 'na');
  const open = items.filter((i) => i.status === null).map((i) => i.name);
  if (!counted.length) return { score: null, open };
  const v = counted.reduce((s, i) => s + (i.status === 'pass' ? 1 : i.status === 'attention' ? 0.5 : 0), 0);
  return { score: Math.round((1000 * v) / counted.length) / 10, open };
}

export function fuse(
  input: {
    ai: number | null;
    committee: { score100: number | null; discuss: boolean; enough: boolean };
    dueDiligence: DdItem[];
    highSeverityFlags: number;
  },
  w: FusionWeights = DEFAULT_FUSION,
) {
  const dd = dueDiligenceScore(input.dueDiligence);
  const parts = [
    { view: 'ai', name: 'AI研判', score: input.ai, weight: w.ai },
    { view: 'committee', name: '技术委员会', score: input.committee.score100, weight: w.committee },
    { view: 'dueDiligence', name: '市场尽调', score: dd.score, weight: w.dueDiligence },
  ];
  const present = parts.filter((p) => p.score !== null);
  const wsum = present.reduce((s, p) => s + p.weight, 0);
  const fused = wsum
    ? Math.round((10 * present.reduce((s, p) => s + p.weight * (p.score as number), 0)) / wsum) / 10
    : null;
  const reasons: string[] = [];
  let outcome: Outcome | null =
    fused === null
      ? null
      : fused >= THRESHOLDS.approve
        ? 'approve'
        : fused >= THRESHOLDS.conditional
          ? 'conditional'
          : 'reject';
  // Weights as applied: renormalised over the views present, so the line adds up as written.
  const applied = (weight: number) => Math.round((100 * weight) / wsum) / 100;
  if (fused !== null)
    reasons.push(
      `三方加权得分 ${fused}（${present.map((p) => `${p.name} ${p.score} × ${applied(p.weight)}`).join('，')}）`,
    );
  const missing = parts.filter((p) => p.score === null).map((p) => p.name);
  // With nothing scored there is nothing to renormalise: say what is awaited instead.
  if (missing.length)
    reasons.push(
      present.length
        ? `尚缺：${missing.join('、')}，权重按已有部分重新归一`
        : `尚无评分：${missing.join('、')}均未完成，暂不给出建议`,
    );
  const vetoed = input.dueDiligence.filter((i) => i.veto && i.status === 'fail');
  if (vetoed.length) {
    outcome = 'reject';
    reasons.push(`否决项未通过：${vetoed.map((i) => i.name).join('、')}，建议不超过“不通过”`);
  }
  if (input.committee.discuss) reasons.push('专家意见分歧较大（需讨论），建议上会讨论后再决定');
  if (!input.committee.enough) {
    reasons.push('参与评分的无利益冲突专家不足 3 位');
    // One expert's score is no verdict: while the committee counts and is incomplete, the system
    // gives none (a failed veto item still says 不通过).
    if (w.committee > 0 && !vetoed.length) outcome = null;
  }
  if (dd.open.length) reasons.push(`尽调尚有未完成项：${dd.open.join('、')}`);
  if (input.highSeverityFlags)
    reasons.push(
      `商业计划书中发现 ${input.highSeverityFlags} 处疑似注入指令或隐藏文字，已剔除且不影响评分，请委员会留意`,
    );
  return {
    fused,
    dueDiligence: dd.score,
    outcome,
    outcomeName: outcome ? OUTCOME_NAMES[outcome] : null,
    needsDiscussion: input.committee.discuss,
    vetoed: vetoed.map((i) => i.name),
    reasons,
    weights: w,
  };
}
