import { describe, expect, it } from 'vitest';
import { extractFacts } from './extract-facts.js';
import { loadCorpus } from './load-corpus.js';
import { formatTable, score } from './metrics.js';

describe('fact extraction on the labelled corpus', () => {
  const plans = loadCorpus();

  it('has at least 40 plans across styles and industries', () => {
    expect(plans.length).toBeGreaterThanOrEqual(40);
    expect(new Set(plans.map((p) => p.industry)).size).toBeGreaterThanOrEqual(8);
  });

  it('reaches precision and recall of at least 0.9 overall', () => {
    const result = score(plans.map((p) => ({ id: p.id, expected: p.expected, found: extractFacts(p.text) })));
    console.log(
      `${formatTable(result.keys)}\noverall precision ${result.overall.precision.toFixed(3)} recall ${result.overall.recall.toFixed(3)}`,
    );
    expect(result.overall.precision).toBeGreaterThanOrEqual(0.9);
    expect(result.overall.recall).toBeGreaterThanOrEqual(0.9);
  });

  it('quotes an exact substring of the plan for every fact', () => {
    for (const p of plans) for (const f of extractFacts(p.text)) expect(p.text).toContain(f.evidence.quote);
  });
});
