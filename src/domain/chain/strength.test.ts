import { describe, expect, it } from 'vitest';
import { strengthOf, strengthThresholdsSchema, DEFAULT_THRESHOLDS as T } from './strength.js';

const fig = (f: Partial<Parameters<typeof strengthOf>[0]>) => ({
  firms: 0,
  revenue: 0,
  hnte: 0,
  specialized: 0,
  leaders: 0,
  ...f,
});

describe('node strength (default thresholds)', () => {
  it('is missing without a local firm', () => {
    expect(strengthOf(fig({}), T).strength).toBe('missing');
  });
  it('is average with a leader among fewer than 3 firms', () => {
    expect(strengthOf(fig({ firms: 1, leaders: 1 }), T)).toMatchObject({
      strength: 'average',
      reason: expect.stringContaining('龙头'),
    });
  });
  it('is strong at exactly 10 firms with a leader, and only average at 9', () => {
    expect(strengthOf(fig({ firms: 10, leaders: 1 }), T).strength).toBe('strong');
    expect(strengthOf(fig({ firms: 9, leaders: 1 }), T).strength).toBe('average');
  });
  it('is strong at 10 firms with 50 亿元 together, average at one yuan less', () => {
    expect(strengthOf(fig({ firms: 10, revenue: 5e9 }), T)).toMatchObject({ strength: 'strong' });
    expect(strengthOf(fig({ firms: 10, revenue: 5e9 - 1 }), T).strength).toBe('average');
  });
  it('is average at 3 firms, weak at 2 unless one is a 高企 or 专精特新', () => {
    expect(strengthOf(fig({ firms: 3 }), T).strength).toBe('average');
    expect(strengthOf(fig({ firms: 2 }), T)).toMatchObject({
      strength: 'weak',
      reason: expect.stringContaining('2'),
    });
    expect(strengthOf(fig({ firms: 2, specialized: 1 }), T).strength).toBe('average');
  });
  it('follows an org’s own thresholds', () => {
    expect(strengthOf(fig({ firms: 5, leaders: 1 }), { ...T, strongFirms: 5 }).strength).toBe('strong');
  });
});

describe('thresholds an org may set', () => {
  const problems = (t: Partial<typeof T>) =>
    strengthThresholdsSchema.safeParse({ ...T, ...t }).error?.issues.map((i) => [i.path[0], i.message]) ?? [];

  it('accepts the defaults', () => {
    expect(problems({})).toEqual([]);
  });
  it('refuses a 龙头 bar of 0, under which every firm is a 龙头', () => {
    // What it would do: a firm without revenue (counted 0 元) is a 龙头.
    expect(strengthOf({ firms: 1, revenue: 0, hnte: 0, specialized: 0, leaders: 0 }, T).strength).toBe(
      'weak',
    );
    expect(problems({ leaderRevenue: 0 })).toEqual([['leaderRevenue', expect.stringContaining('大于 0')]]);
  });
  it('refuses an 优势 count not above the 一般 count', () => {
    expect(problems({ strongFirms: 1, averageFirms: 50 })).toEqual([
      ['strongFirms', expect.stringMatching(/优势.*多于.*一般.*50/)],
    ]);
    expect(problems({ strongFirms: 3, averageFirms: 3 })).toHaveLength(1);
    expect(problems({ strongFirms: 4, averageFirms: 3 })).toEqual([]);
  });
  it('refuses an 优势 revenue of 0 or below the 龙头 bar', () => {
    expect(problems({ strongRevenue: 0 })).toEqual([['strongRevenue', expect.stringContaining('大于 0')]]);
    expect(problems({ strongRevenue: 5e8 })).toEqual([['strongRevenue', expect.stringContaining('龙头')]]);
    expect(problems({ strongRevenue: T.leaderRevenue })).toEqual([]);
  });
});
