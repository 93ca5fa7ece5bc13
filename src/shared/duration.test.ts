import { expect, it } from 'vitest';
import { durationParts } from './duration.js';

it('reads a time left in seconds, whole minutes rounded up, then hours and minutes', () => {
  expect(durationParts(41)).toEqual({ unit: 'seconds', n: 41 });
  expect(durationParts(59.2)).toEqual({ unit: 'minutes', n: 1 });
  expect(durationParts(61)).toEqual({ unit: 'minutes', n: 2 });
  expect(durationParts(3540)).toEqual({ unit: 'minutes', n: 59 });
  expect(durationParts(3541)).toEqual({ unit: 'hours', h: 1, m: 0 });
  expect(durationParts(2 * 3600 + 5 * 60)).toEqual({ unit: 'hours', h: 2, m: 5 });
});
