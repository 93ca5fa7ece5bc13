import { describe, expect, it } from 'vitest';
import { remainingSeconds } from './remaining.js';

const now = new Date('2026-12-07T10:00:00Z');
const ago = (s: number) => new Date(now.getTime() - s * 1000);

describe('remainingSeconds', () => {
  it('scales the time so far to what is left', () => {
    expect(remainingSeconds({ status: 'running', progress: 25, startedAt: ago(60) }, now)).toBe(180);
    expect(remainingSeconds({ status: 'running', progress: 80, startedAt: ago(400) }, now)).toBe(100);
  });

  it('says nothing before there is enough to go on, or once the job has ended', () => {
    expect(remainingSeconds({ status: 'running', progress: 10, startedAt: ago(2) }, now)).toBeNull();
    expect(remainingSeconds({ status: 'running', progress: 0, startedAt: ago(60) }, now)).toBeNull();
    expect(remainingSeconds({ status: 'queued', progress: 0, startedAt: null }, now)).toBeNull();
    expect(remainingSeconds({ status: 'succeeded', progress: 100, startedAt: ago(60) }, now)).toBeNull();
    expect(remainingSeconds({ status: 'cancelled', progress: 40, startedAt: ago(60) }, now)).toBeNull();
  });
});
