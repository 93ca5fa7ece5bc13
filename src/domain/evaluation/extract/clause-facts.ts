// Turns the figures of one clause into facts: pick the key, check the traps, set the qualifier.
import { FORECAST } from './context.js';
import { KEY_RULES, PLANNED_KEYS } from './keys.js';
import type { Mention } from './numbers.js';
import { type FactKey, type FactQualifier, type FactUnit, strongerQualifier } from './types.js';

export type ClauseInput = {
  /** Normalised clause text (years visible) and the same text with noise masked. */
  text: string;
  masked: string;
  mentions: Mention[];
  sentence: string;
  forecast: boolean;
  pending: boolean;
  /** The clause is a table cell with its label, or the text after a colon: bare numbers count. */
  tabular: boolean;
  /** Unit from a label (营业收入（万元）) or the page (单位：万元) for bare numbers. */
  labelUnit?: string;
  /** Key of the previous figure in the sentence, inherited by "今年目标5亿元". */
  previousKey?: FactKey;
  period?: string;
};

export type RawFact = {
  key: FactKey;
  value: number;
  unit: FactUnit;
  qualifier: FactQualifier;
  period?: string;
};

const PERIOD_WORDS =
  /^(?:[#\d]{4}年度?|今年|明年|去年|上年度?|后年|[#\d]{4}年底|目标|预计|预期|力争|有望|达到|达|实现|为|约|近|超过?|[：:、])*$/;
const LABEL_UNIT = /[（(](万元|亿元|元|%|人|项|件|个)[)）]/g;

function applyLabelUnit(m: Mention, unit: string | undefined): Mention {
  if (m.kind !== 'bare' || !unit) return m;
  if (unit === '万元') return { ...m, kind: 'money', value: m.value * 1e4 };
  if (unit === '亿元') return { ...m, kind: 'money', value: m.value * 1e8 };
  if (unit === '元') return { ...m, kind: 'money' };
  if (unit === '%') return { ...m, kind: 'percent', value: m.value / 100 };
  return { ...m, kind: 'count' };
}

function keyBefore(text: string, at: number, kind: Mention['kind']): FactKey | undefined {
  let best: { key: FactKey; end: number; len: number } | undefined;
  for (const rule of KEY_RULES) {
    if (!rule.kinds.includes(kind)) continue;
    // The whole text is searched so that look-aheads (研发70人) see the figure.
    for (const m of text.matchAll(rule.re)) {
      const end = (m.index ?? 0) + m[0].length;
      if (end > at) continue;
      if (!best || end > best.end || (end === best.end && m[0].length > best.len))
        best = { key: rule.key, end, len: m[0].length };
    }
  }
  return best?.key;
}

function keyAfter(
  text: string,
  from: number,
  to: number,
  kind: Mention['kind'],
  reach: number,
): FactKey | undefined {
  const window = text.slice(from, to);
  let best: { key: FactKey; index: number } | undefined;
  for (const rule of KEY_RULES) {
    if (!rule.kinds.includes(kind)) continue;
    for (const m of window.matchAll(rule.re)) {
      const index = m.index ?? 0;
      if (index <= reach && (!best || index < best.index)) best = { key: rule.key, index };
    }
  }
  return best?.key;
}

function allowed(key: FactKey, c: ClauseInput, before: string): boolean {
  if (key.startsWith('patents.') && c.pending) return false;
  if (key === 'patents.total' && !/专利/.test(c.sentence)) return false;
  if (key === 'rd_ratio' && !/研发|研究开发/.test(c.sentence)) return false;
  if (key === 'revenue_growth' && c.previousKey !== 'revenue' && !/营收|收入|销售/.test(before)) return false;
  if (key.startsWith('funding.') && /本轮|本次|拟融资|计划融资|寻求|出让/.test(c.text)) return false;
  if (key === 'investment.planned' && (/^其中/.test(c.text) || /融资|领投|获得/.test(c.text))) return false;
  return true;
}

/** Facts of one clause; `keys` records each figure's key so the next clause can inherit it. */
export function clauseFacts(c: ClauseInput): { facts: RawFact[]; lastKey?: FactKey } {
  const facts: RawFact[] = [];
  let lastKey = c.previousKey;
  let unitFromLabel = c.labelUnit;
  c.mentions.forEach((raw, i) => {
    const labels = [...c.text.slice(0, raw.start).matchAll(LABEL_UNIT)];
    if (labels.length) unitFromLabel = labels[labels.length - 1][1];
    const m = applyLabelUnit(raw, unitFromLabel);
    const prevChar = c.masked.slice(0, m.start).trimEnd().slice(-1);
    if (m.kind === 'bare' && !c.tabular && !/[：:]/.test(prevChar)) return;
    if (m.kind === 'other') return;
    const prevEnd = i > 0 ? c.mentions[i - 1].end : 0;
    const next = c.mentions[i + 1]?.start ?? c.text.length;
    // A keyword glued to the figure's end (五亿元B轮融资, 一位长江学者) beats an earlier one.
    let key = keyAfter(c.masked, m.end, next, m.kind, 0) ?? keyBefore(c.masked, m.start, m.kind);
    key ??= keyAfter(c.masked, m.end, next, m.kind, 2);
    if (!key && lastKey) {
      // 2023年营收5000万元，今年目标8000万元: a clause of only period words and a figure continues.
      const prefix = c.text.slice(prevEnd, m.start);
      const rule = KEY_RULES.find((r) => r.key === lastKey);
      if (PERIOD_WORDS.test(prefix) && rule?.kinds.includes(m.kind)) key = lastKey;
    }
    if (!key || !allowed(key, c, c.text.slice(0, m.start))) return;
    const rule = KEY_RULES.find((r) => r.key === key);
    if (!rule) return;
    let qualifier: FactQualifier = m.qualifier;
    const forecast = c.forecast || FORECAST.test(c.text.slice(0, m.start)) || PLANNED_KEYS.has(key);
    if (forecast) qualifier = strongerQualifier(qualifier, 'forecast');
    const unit: FactUnit = key === 'land.area' ? (m.kind === 'm2' ? 'area_m2' : 'area_mu') : rule.unit;
    const years = [...c.text.slice(0, m.start).matchAll(/((?:19|20)\d{2})年/g)];
    const period = years.length ? years[years.length - 1][1] : c.period;
    facts.push({ key, value: m.value, unit, qualifier, ...(period ? { period } : {}) });
    lastKey = key;
  });
  return { facts, lastKey };
}
