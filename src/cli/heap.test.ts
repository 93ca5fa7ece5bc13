import { expect, it } from 'vitest';
import { collectEvery } from './heap.js';

it('passes every progress report on, in order, while collecting every few of them', () => {
  const seen: [number, string][] = [];
  const report = collectEvery(3, (pct: number, message: string) => seen.push([pct, message]));
  for (let i = 1; i <= 7; i++) report(i * 10, `第 ${i} 批`);
  expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7].map((i) => [i * 10, `第 ${i} 批`]));
});
