import { describe, expect, it } from 'vitest';
import { addYears, ageText, dayNumber, fullYears } from './dates.js';

describe('calendar helpers behind the age and window rules', () => {
  it('dayNumber matches Date.UTC for every day of 1900–2100', () => {
    let wrong = 0;
    for (let t = Date.UTC(1900, 0, 1); t < Date.UTC(2101, 0, 1); t += 86_400_000)
      if (dayNumber(new Date(t).toISOString().slice(0, 10)) !== t / 86_400_000) wrong++;
    expect(wrong).toBe(0);
  });

  it('addYears keeps the calendar day; 29 February becomes 28 February in a common year', () => {
    expect(addYears('2025-06-30', -3)).toBe('2022-06-30');
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
  });

  it('fullYears counts anniversaries passed, the day itself included; ageText reads as years and months', () => {
    expect(fullYears('2015-06-30', '2025-06-30')).toBe(10);
    expect(fullYears('2015-07-01', '2025-06-30')).toBe(9);
    expect(ageText('2010-05-29', '2025-06-30')).toBe('15 年 1 个月');
    expect(ageText('2025-01-15', '2025-06-30')).toBe('5 个月');
  });
});
