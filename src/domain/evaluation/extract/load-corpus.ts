// Reads the labelled plans from disk; kept apart from corpus.ts so the parsing stays free of I/O.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type LabelledPlan, parsePlan } from './corpus.js';

export const CORPUS_DIR = join(import.meta.dirname, '../../../../test/fixtures/plans');

/** Every *.txt plan of the corpus, by file name. */
export function loadCorpus(dir = CORPUS_DIR): LabelledPlan[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => parsePlan(f.replace(/\.txt$/, ''), readFileSync(join(dir, f), 'utf8')));
}
