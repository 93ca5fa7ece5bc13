import { describe, expect, it } from 'vitest';
import { namedScores } from './model.js';

describe('an expert’s scores in the report', () => {
  it('names each score in the model’s order, whatever order the stored keys come back in', () => {
    // PostgreSQL's jsonb returns keys shortest first: team, scale, growth, chainFit, technology.
    const fromJsonb = { team: 5, scale: 5, growth: 4, chainFit: 4, technology: 5 };
    expect(Object.keys(fromJsonb)[0]).toBe('team');
    expect(namedScores(fromJsonb)).toBe(
      '技术含量 5，产业链契合度 4，团队竞争力 5，成长潜能 4，投资规模与落地效益 5',
    );
    expect(namedScores({ technology: 7 })).toBe(
      '技术含量 7，产业链契合度 —，团队竞争力 —，成长潜能 —，投资规模与落地效益 —',
    );
  });
});
