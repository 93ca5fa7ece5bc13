// npm run eval:extract — scores the fact extractor against the hand-labelled plans and records the
// result in bench/results/extraction.json, so a change to the rules shows its effect per key.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractFacts } from '../src/domain/evaluation/extract/extract-facts.js';
import { loadCorpus } from '../src/domain/evaluation/extract/load-corpus.js';
import { formatTable, score } from '../src/domain/evaluation/extract/metrics.js';

const plans = loadCorpus();
const started = performance.now();
const found = plans.map((p) => ({ id: p.id, expected: p.expected, found: extractFacts(p.text) }));
const ms = performance.now() - started;
const result = score(found);
console.log(formatTable(result.keys));
const o = result.overall;
console.log(
  `\n${plans.length} plans, ${o.expected} labelled facts, ${o.found} extracted, ${o.matched} matched`,
);
console.log(
  `overall precision ${(o.precision * 100).toFixed(1)}%  recall ${(o.recall * 100).toFixed(1)}%  (${ms.toFixed(0)} ms)`,
);
for (const m of result.misses) {
  console.log(`\n${m.id}`);
  for (const e of m.missing) console.log(`  missing ${e.key} ${e.value} ${e.qualifier}`);
  for (const f of m.extra) console.log(`  extra   ${f.key} ${f.value} ${f.qualifier}  «${f.evidence.quote}»`);
}
const out = join(import.meta.dirname, '../bench/results/extraction.json');
mkdirSync(join(out, '..'), { recursive: true });
writeFileSync(
  out,
  `${JSON.stringify({ plans: plans.length, ms: Math.round(ms), overall: o, keys: result.keys, misses: result.misses }, null, 2)}\n`,
);
console.log(`\nwritten ${out}`);
