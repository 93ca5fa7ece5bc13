import { describe, expect, it } from 'vitest';
import { strengthOf, DEFAULT_THRESHOLDS as T } from './strength.js';

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
