/** What the model's reply is allowed to become. Its facts pass only when the quote occurs verbatim in
 *  the cleaned plan and the value stands in the quote (a figure of the right kind, a customer's name,
 *  an affiliation the offline rules also see); forecast and 约/余 words in the quote decide the
 *  qualifier, not the model. Anything else in the reply (a "score", a rating, extra fields) is read
 *  by nobody. Pure: plain data in, plain data out. */

import { z } from 'zod';
import { clauseContexts, forecastBefore } from '../../../../domain/evaluation/extract/context.js';
import { headcountOfClause } from '../../../../domain/evaluation/extract/headcount.js';
import { normalizeText } from '../../../../domain/evaluation/extract/normalize.js';
import { findMentions, type Mention, maskNoise } from '../../../../domain/evaluation/extract/numbers.js';
import { affiliationsOf, trlOf } from '../../../../domain/evaluation/extract/profile.js';
import { strongerQualifier } from '../../../../domain/evaluation/extract/types.js';
import {
  type DocumentPage,
  detectInjection,
  FACT_KEYS,
  type Fact,
  type FactKey,
  type FactUnit,
} from '../../../../domain/evaluation/index.js';
import { MONEY_FACTS } from '../../../../domain/profile/fact-display.js';

const QUALIFIERS = ['exact', 'approx', 'at_least', 'forecast'] as const;
const UNITS = ['元', 'count', 'fraction', 'trl', 'area_mu', 'area_m2', 'text'] as const;

/** The reply's outer shape; facts are checked one by one so one bad fact does not sink the rest. */
export const ReplySchema = z.object({
  facts: z.array(z.unknown()).max(500).default([]),
  memo: z.unknown().optional(),
});

export const ModelFactSchema = z.object({
  key: z.enum(FACT_KEYS),
  value: z.union([z.number().finite(), z.string().min(1).max(100)]),
  unit: z.enum(UNITS).optional(),
  qualifier: z.enum(QUALIFIERS).default('exact'),
  period: z
    .string()
    .regex(/^(?:19|20)\d{2}$/)
    .nullish(),
  page: z.number().int().positive(),
  quote: z.string().min(2).max(300),
});

const MemoItem = z.object({
  text: z.string().trim().min(2).max(300),
  facts: z.array(z.number().int().nonnegative()).max(10).default([]),
});
export const MemoSchema = z.object({
  strengths: z.array(MemoItem).default([]),
  risks: z.array(MemoItem).default([]),
  questions: z.array(MemoItem).default([]),
});

type Kind = Mention['kind'];
const MONEY: readonly FactKey[] = MONEY_FACTS;
const FRACTION: FactKey[] = ['revenue_growth', 'rd_ratio'];
const COUNT: FactKey[] = [
  'patents.total',
  'patents.invention',
  'patents.utility',
  'patents.design',
  'software_copyrights',
  'employees',
  'rd_staff',
  'team.phd',
  'talents.planned',
];
/** Which figures in a quote can carry a key's value, and by which factors: a bare figure may sit
 *  under a 万元 or 亿元 label, or a （%） one; a figure with its own unit is taken as written. */
function rule(key: FactKey): { unit: FactUnit; factors: Partial<Record<Kind, number[]>> } | null {
  if (MONEY.includes(key)) return { unit: '元', factors: { money: [1], bare: [1, 1e4, 1e8] } };
  // 45% → 0.45; 7.0 under a （%） label → 0.07; 增长1.5倍 → 1.5, as the offline rules read it.
  if (FRACTION.includes(key))
    return { unit: 'fraction', factors: { percent: [1], times: [1], bare: [0.01, 1] } };
  if (COUNT.includes(key)) return { unit: 'count', factors: { count: [1], bare: [1] } };
  if (key === 'land.area') return { unit: 'area_mu', factors: { mu: [1], m2: [1] } };
  return null;
}

export type DropReason =
  | 'schema'
  | 'quote_not_found'
  | 'value_not_in_quote'
  | 'not_the_firm'
  | 'instruction_in_quote';
export type Dropped = { reason: DropReason; fact: unknown };
export type VerifiedFacts = { facts: Fact[]; dropped: Dropped[] };

const squash = (s: string) => s.replace(/\s+/g, '');
const near = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));

/** Whether text holds words aimed at a reviewer or model (the offline injection rules). */
function instructionLike(text: string): boolean {
  return detectInjection({ pages: [{ page: 1, text }] }).flags.length > 0;
}

/** The quote's sentence in the plan: the trap and forecast words before the quote govern it too
 *  (我国储能市场规模达1000亿元，预计…突破3000亿元 quoted from its second clause is still the market's). */
type Setting = { sentence: string; at: number };

type Squashed = { page: number; text: string; lineStarts: number[] };

/** A page without whitespace (a model may re-space a quote), remembering where its lines began. */
function squashPage(p: DocumentPage): Squashed {
  let text = '';
  const lineStarts: number[] = [];
  for (const line of p.text.split('\n')) {
    lineStarts.push(text.length);
    text += squash(line);
  }
  return { page: p.page, text, lineStarts };
}

function setting(page: Squashed, pos: number, length: number): Setting {
  const before = page.text.slice(0, pos);
  const lineStart = page.lineStarts.filter((n) => n <= pos).pop() ?? 0;
  const start = Math.max(
    lineStart,
    before.lastIndexOf('。') + 1,
    before.lastIndexOf('！') + 1,
    before.lastIndexOf('？') + 1,
  );
  return { sentence: page.text.slice(start, pos + length), at: pos - start };
}

/** Whether the clause holding `index` (in sentence coordinates) is about the market or another
 *  company: a trap word governs the rest of its sentence, as in the offline rules. */
function trapped(sentence: string, index: number): boolean {
  const clauses = sentence.split(/(?<=[，；,;])/);
  const ctx = clauseContexts(clauses);
  let offset = 0;
  for (const [i, c] of clauses.entries()) {
    offset += c.length;
    if (index < offset) return ctx[i].skip;
  }
  return false;
}

function checkValue(
  f: z.infer<typeof ModelFactSchema>,
  quote: string,
  where: Setting,
): { fact: Omit<Fact, 'evidence'> } | { reason: DropReason } {
  const base = { key: f.key, ...(f.period ? { period: f.period } : {}) };
  if (f.key === 'customers.key') {
    const name = typeof f.value === 'string' ? f.value.trim() : '';
    if (name.length < 2 || name.length > 40 || !squash(quote).includes(squash(name)))
      return { reason: 'value_not_in_quote' };
    return { fact: { ...base, value: name, unit: 'text', qualifier: 'exact' } };
  }
  if (f.key === 'affiliation') {
    const v = String(f.value) as ReturnType<typeof affiliationsOf>[number];
    // Read clause by clause, as the offline rules do.
    const seen = quote.split(/[，；,;。]/).flatMap((c) => affiliationsOf(c));
    if (!seen.includes(v)) return { reason: 'value_not_in_quote' };
    return { fact: { ...base, value: v, unit: 'text', qualifier: 'exact' } };
  }
  const value = typeof f.value === 'number' ? f.value : Number(f.value);
  if (!Number.isFinite(value)) return { reason: 'schema' };
  // Whitespace kept: it separates a table row's cells (营业收入\t18000\t40000).
  const n = normalizeText(quote.trim());
  const inSentence = (m: Mention) => where.at + squash(quote.trim().slice(0, n.map[m.start] ?? 0)).length;
  if (f.key === 'trl') {
    // The stage must be the one the offline rules read from the same quote (原理 1 … 量产 8).
    if (trlOf(n.text) !== value) return { reason: 'value_not_in_quote' };
    return { fact: { ...base, value, unit: 'trl', qualifier: 'exact' } };
  }
  if (f.key === 'team.academicians' || f.key === 'team.national_talents') {
    // Counted as the offline rules count titles: 国家杰青2人, 一位长江学者, or a named 院士 as one.
    const key = f.key;
    const counted = n.text.split(/[，；,;。]/).reduce((sum, clause) => {
      const masked = maskNoise(clause);
      return sum + headcountOfClause(key, masked, findMentions(masked));
    }, 0);
    if (counted !== value || trapped(where.sentence, where.at)) return { reason: 'value_not_in_quote' };
    return { fact: { ...base, value, unit: 'count', qualifier: 'exact' } };
  }
  const r = rule(f.key);
  if (!r) return { reason: 'schema' };
  const candidates = findMentions(maskNoise(n.text)).filter((m) =>
    (r.factors[m.kind] ?? []).some((k) => near(value, m.value * k)),
  );
  if (!candidates.length) return { reason: 'value_not_in_quote' };
  // Figures about the market, another company or a shareholder are not the firm's.
  const mention = candidates.find((m) => !trapped(where.sentence, inSentence(m)));
  if (!mention) return { reason: 'not_the_firm' };
  let qualifier = strongerQualifier(f.qualifier, mention.qualifier);
  if (forecastBefore(where.sentence, inSentence(mention))) qualifier = 'forecast';
  const unit: FactUnit = f.key === 'land.area' ? (mention.kind === 'm2' ? 'area_m2' : 'area_mu') : r.unit;
  return { fact: { ...base, value, unit, qualifier } };
}

/** The model's facts that hold against the cleaned pages, and why each other one was dropped. */
export function verifyFacts(
  raw: unknown[],
  pages: DocumentPage[],
): VerifiedFacts & { index: (Fact | null)[] } {
  const squashed = pages.map(squashPage);
  const facts: Fact[] = [];
  const dropped: Dropped[] = [];
  // index[i]: the verified fact of the reply's i-th fact, for the memo's citations.
  const index: (Fact | null)[] = [];
  for (const item of raw) {
    const parsed = ModelFactSchema.safeParse(item);
    if (!parsed.success) {
      dropped.push({ reason: 'schema', fact: item });
      index.push(null);
      continue;
    }
    const f = parsed.data;
    const q = squash(f.quote);
    // The page the model names first, then any page: a wrong page number is not a made-up quote.
    const home =
      squashed.find((p) => p.page === f.page && p.text.includes(q)) ??
      squashed.find((p) => p.text.includes(q));
    if (q.length < 2 || !home) {
      dropped.push({ reason: 'quote_not_found', fact: item });
      index.push(null);
      continue;
    }
    if (instructionLike(f.quote)) {
      dropped.push({ reason: 'instruction_in_quote', fact: item });
      index.push(null);
      continue;
    }
    const checked = checkValue(f, f.quote, setting(home, home.text.indexOf(q), q.length));
    if ('reason' in checked) {
      dropped.push({ reason: checked.reason, fact: item });
      index.push(null);
      continue;
    }
    const fact: Fact = { ...checked.fact, evidence: { page: home.page, quote: f.quote.trim() } };
    facts.push(fact);
    index.push(fact);
  }
  return { facts, dropped, index };
}

/** Offline facts first; a model fact joins only for a key the offline reading did not find at all, so
 *  the model can fill gaps but never overrides or outvotes a figure the rules read themselves. */
export function mergeFacts(
  offline: Fact[],
  model: Fact[],
): { facts: (Fact & { origin?: 'llm' })[]; added: number } {
  const known = new Set(offline.map((f) => f.key));
  const seen = new Set<string>();
  const extra: (Fact & { origin: 'llm' })[] = [];
  for (const f of model) {
    if (known.has(f.key)) continue;
    const id = `${f.key}|${f.value}|${f.period ?? ''}`;
    if (seen.has(id)) continue;
    seen.add(id);
    extra.push({ ...f, origin: 'llm' });
  }
  return { facts: [...offline, ...extra], added: extra.length };
}

const cite = (f: Fact) => `第${f.evidence.page}页 “${f.evidence.quote.slice(0, 60)}”`;
const SCORE_TALK = /score|rating|评分|打分|满分|评级|给分/i;

export type ModelMemo = { strengths: string[]; risks: string[]; questions: string[] };

/** The model's memo with each point's cited facts written out, or null when it is not usable: a
 *  strength or risk must cite a verified fact, and a point that talks about scores or addresses the
 *  reviewer is dropped. Usable means at least one strength or risk survives. */
export function verifyMemo(
  raw: unknown,
  index: (Fact | null)[],
): { memo: ModelMemo | null; dropped: number } {
  const parsed = MemoSchema.safeParse(raw);
  if (!parsed.success) return { memo: null, dropped: 0 };
  let dropped = 0;
  const keep = (items: z.infer<typeof MemoItem>[], mustCite: boolean) =>
    items.slice(0, 10).flatMap((item) => {
      const cited = [...new Set(item.facts)].map((i) => index[i]).filter((f): f is Fact => !!f);
      if ((mustCite && cited.length === 0) || SCORE_TALK.test(item.text) || instructionLike(item.text)) {
        dropped++;
        return [];
      }
      const why = cited.length ? `（依据：${cited.slice(0, 2).map(cite).join('；')}）` : '';
      return [`${item.text}${why}`];
    });
  const memo = {
    strengths: keep(parsed.data.strengths, true),
    risks: keep(parsed.data.risks, true),
    questions: keep(parsed.data.questions, false),
  };
  return { memo: memo.strengths.length + memo.risks.length > 0 ? memo : null, dropped };
}
