import { describe, expect, it } from 'vitest';
import { aggregatePanel, panelMean } from '../committee/aggregate.js';
import { DEFAULT_SCORING_MODEL } from '../profile/default-model.js';
import { weightsFor } from '../profile/score.js';
import { dueDiligenceScore, fuse } from './fuse.js';

const w = weightsFor(DEFAULT_SCORING_MODEL);
const all = (v: number) => ({ technology: v, chainFit: v, team: v, growth: v, scale: v });

describe('技术委员会 aggregation', () => {
  it('averages the non-conflicted experts and leaves the conflicted one out', () => {
    const p = aggregatePanel(
      [
        { expertId: 'a', conflicted: false, scores: all(7) },
        { expertId: 'b', conflicted: false, scores: all(8) },
        { expertId: 'c', conflicted: false, scores: all(6) },
        { expertId: 'd', conflicted: true, scores: all(1) },
      ],
      w,
    );
    expect(p).toMatchObject({
      experts: 3,
      excluded: 1,
      score9: 7,
      score100: 75,
      trimmed: false,
      discuss: false,
      enough: true,
    });
  });
  it('trims the extremes from five or more', () => {
    expect(panelMean([1, 6, 6, 6, 9])).toEqual({ mean: 6, trimmed: true });
  });
  it('marks a split panel 需讨论 instead of averaging it away', () => {
    const p = aggregatePanel(
      [
        { expertId: 'a', conflicted: false, scores: all(9) },
        { expertId: 'b', conflicted: false, scores: all(2) },
        { expertId: 'c', conflicted: false, scores: all(8) },
      ],
      w,
    );
    expect(p.discuss).toBe(true);
    expect(p.range).toBe(7);
  });
});

describe('fused recommendation', () => {
  const dd = [
    { name: '工商与股权核验', status: 'pass' as const, veto: true },
    { name: '涉诉与失信', status: 'pass' as const, veto: true },
    { name: '客户与市场访谈', status: 'attention' as const, veto: false },
    { name: '团队背调', status: 'na' as const, veto: false },
  ];
  it('weights AI 30 %, committee 50 %, due diligence 20 % by default', () => {
    expect(dueDiligenceScore(dd).score).toBe(83.3);
    const r = fuse({
      ai: 80,
      committee: { score100: 75, discuss: false, enough: true },
      dueDiligence: dd,
      highSeverityFlags: 0,
    });
    expect(r.fused).toBe(Math.round(10 * (0.3 * 80 + 0.5 * 75 + 0.2 * 83.3)) / 10);
    expect(r.outcome).toBe('approve');
  });
  it('a failed veto item caps the recommendation at 不通过 whatever the scores', () => {
    const failed = dd.map((i) => (i.name === '涉诉与失信' ? { ...i, status: 'fail' as const } : i));
    const r = fuse({
      ai: 95,
      committee: { score100: 95, discuss: false, enough: true },
      dueDiligence: failed,
      highSeverityFlags: 0,
    });
    expect(r).toMatchObject({ outcome: 'reject', vetoed: ['涉诉与失信'] });
    expect(r.reasons.join()).toContain('否决项未通过：涉诉与失信');
  });
  it('gives no verdict on an incomplete committee, and its weights add up as written', () => {
    const r = fuse({
      ai: null,
      committee: { score100: 45.6, discuss: false, enough: false },
      dueDiligence: [{ name: '工商与股权核验', status: null, veto: true }],
      highSeverityFlags: 0,
    });
    expect(r.fused).toBe(45.6);
    expect(r.outcome).toBeNull();
    expect(r.reasons.join()).toContain('三方加权得分 45.6（技术委员会 45.6 × 1）');
    expect(r.reasons.join()).toContain('不足 3 位');
    // A failed veto item still says 不通过.
    const vetoed = fuse({
      ai: null,
      committee: { score100: 80, discuss: false, enough: false },
      dueDiligence: [{ name: '涉诉与失信', status: 'fail', veto: true }],
      highSeverityFlags: 0,
    });
    expect(vetoed.outcome).toBe('reject');
  });
  it('follows edited weights and says what is missing', () => {
    const r = fuse(
      {
        ai: 40,
        committee: { score100: null, discuss: false, enough: false },
        dueDiligence: [],
        highSeverityFlags: 2,
      },
      { ai: 1, committee: 0, dueDiligence: 0 },
    );
    expect(r.fused).toBe(40);
    expect(r.outcome).toBe('reject');
    expect(r.reasons.join()).toContain('尚缺：技术委员会、市场尽调');
    expect(r.reasons.join()).toContain('2 处疑似注入指令');
  });
  it('does not speak of renormalising when nothing has been scored yet', () => {
    const r = fuse({
      ai: null,
      committee: { score100: null, discuss: false, enough: false },
      dueDiligence: [{ name: '工商与股权核验', status: null, veto: true }],
      highSeverityFlags: 0,
    });
    expect(r.fused).toBeNull();
    expect(r.outcome).toBeNull();
    expect(r.reasons.join()).not.toContain('重新归一');
    expect(r.reasons.join()).toContain('尚无评分：AI研判、技术委员会、市场尽调均未完成');
  });
});
