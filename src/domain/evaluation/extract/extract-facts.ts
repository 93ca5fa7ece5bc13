// Reads the facts of a business plan, deterministically: sentences and table rows, keywords and the
// traps around them. Rules and their reasons: README.md beside this file.
import type { DocumentPage } from '../document/types.js';
import { clauseFacts, type RawFact } from './clause-facts.js';
import { clauseContexts } from './context.js';
import { documentHeadcount, type HeadcountKey, headcountParts } from './headcount.js';
import { normalizeText, originalSlice } from './normalize.js';
import { findMentions, maskNoise } from './numbers.js';
import { affiliationsOf, customersOf, trlOf } from './profile.js';
import { type TableState, tableRows } from './table.js';
import type { Fact, FactKey } from './types.js';

export type ExtractOptions = Record<string, never>;

const HEADCOUNT: HeadcountKey[] = ['team.academicians', 'team.national_talents'];

type Span = { start: number; end: number };

function spans(text: string, re: RegExp, from: number, to: number): Span[] {
  const out: Span[] = [];
  let start = from;
  for (const m of text.slice(from, to).matchAll(re)) {
    const end = from + (m.index ?? 0) + m[0].length;
    out.push({ start, end });
    start = end;
  }
  if (start < to) out.push({ start, end: to });
  return out;
}

/** Facts of a plan given as pages (or one text); every fact quotes the sentence it came from. */
export function extractFacts(input: DocumentPage[] | string, _options: ExtractOptions = {}): Fact[] {
  const pages = typeof input === 'string' ? [{ page: 1, text: input }] : input;
  const facts: (Fact & { order: number })[] = [];
  const heads: Record<
    HeadcountKey,
    { counted: number; vague: number; page: number; quote: string } | undefined
  > = {
    'team.academicians': undefined,
    'team.national_talents': undefined,
  };
  let trl: Fact | undefined;
  let order = 0;
  const push = (raw: RawFact | Omit<Fact, 'evidence'>, page: number, quote: string) =>
    facts.push({ ...raw, evidence: { page, quote }, order: order++ });

  for (const { page, text: original } of pages) {
    const n = normalizeText(original);
    const masked = maskNoise(n.text);
    const quoteOf = (s: Span) => originalSlice(original, n, s.start, s.end).trim();
    let pageUnit: string | undefined;
    const table: TableState = {};
    for (const line of spans(n.text, /\n/g, 0, n.text.length)) {
      const lineText = n.text.slice(line.start, line.end);
      const unit = /单位[：:]\s*(万元|亿元|元)/.exec(lineText);
      if (unit) pageUnit = unit[1];
      const rows = tableRows(table, n.text, masked, line);
      if (rows) {
        for (const row of rows.cells) {
          const { facts: got } = clauseFacts({
            ...row,
            forecast: row.forecast,
            labelUnit: row.labelUnit ?? pageUnit,
          });
          for (const f of got) if (!HEADCOUNT.includes(f.key as HeadcountKey)) push(f, page, quoteOf(line));
        }
        continue;
      }
      for (const sentence of spans(n.text, /[。！？!?\n]+/g, line.start, line.end)) {
        const sText = n.text.slice(sentence.start, sentence.end);
        // An ASCII comma between digits is a thousands separator (1,200.5万), not a clause break.
        const clauses = spans(n.text, /(?:，|,(?!\d{3})|；|;)+/g, sentence.start, sentence.end);
        const contexts = clauseContexts(clauses.map((c) => n.text.slice(c.start, c.end)));
        let previousKey: FactKey | undefined;
        const quote = quoteOf(sentence);
        const level = trlOf(sText);
        if (level && (!trl || level > (trl.value as number)))
          trl = { key: 'trl', value: level, unit: 'trl', qualifier: 'exact', evidence: { page, quote } };
        for (const name of customersOf(sText))
          push({ key: 'customers.key', value: name, unit: 'text', qualifier: 'exact' }, page, quote);
        clauses.forEach((c, i) => {
          const cText = n.text.slice(c.start, c.end);
          const cMasked = masked.slice(c.start, c.end);
          for (const a of affiliationsOf(cText))
            push({ key: 'affiliation', value: a, unit: 'text', qualifier: 'exact' }, page, quote);
          if (contexts[i].skip) return;
          const mentions = findMentions(cMasked);
          for (const key of HEADCOUNT) {
            const { counted, vague } = headcountParts(key, cMasked, mentions);
            if (!counted && !vague) continue;
            const h = heads[key];
            // The quote is the first clause that gives a figure, else the first that names the title.
            const better = !h || (counted > 0 && h.counted === 0);
            heads[key] = {
              counted: (h?.counted ?? 0) + counted,
              vague: (h?.vague ?? 0) + vague,
              page: better ? page : h.page,
              quote: better ? quote : h.quote,
            };
          }
          const years = [...n.text.slice(sentence.start, c.start).matchAll(/((?:19|20)\d{2})年/g)];
          const got = clauseFacts({
            text: cText,
            masked: cMasked,
            mentions,
            sentence: sText,
            forecast: contexts[i].forecastFrom,
            pending: contexts[i].pending,
            tabular: false,
            labelUnit: pageUnit,
            previousKey,
            period: years.length ? years[years.length - 1][1] : undefined,
          });
          previousKey = got.lastKey;
          for (const f of got.facts) if (!HEADCOUNT.includes(f.key as HeadcountKey)) push(f, page, quote);
        });
      }
    }
  }
  for (const key of HEADCOUNT) {
    const h = heads[key];
    if (h) push({ key, value: documentHeadcount(h), unit: 'count', qualifier: 'exact' }, h.page, h.quote);
  }
  if (trl) push(trl, trl.evidence.page, trl.evidence.quote);
  return finish(facts);
}

/** Drops repeats (a summary restating the body) and keeps only the latest financing round. */
function finish(facts: (Fact & { order: number })[]): Fact[] {
  const seen = new Set<string>();
  const unique = facts.filter((f) => {
    const id = `${f.key}|${f.value}|${f.key === 'customers.key' || f.key === 'affiliation' ? '' : f.qualifier}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
  const rounds = unique.filter((f) => f.key === 'funding.last_round');
  const latest = rounds.reduce<(typeof rounds)[number] | undefined>((best, f) => {
    if (!best) return f;
    const a = Number(best.period ?? 0);
    const b = Number(f.period ?? 0);
    return b > a || (b === a && f.order > best.order) ? f : best;
  }, undefined);
  return unique
    .filter((f) => f.key !== 'funding.last_round' || f === latest)
    .map(({ order: _order, ...f }) => f);
}
