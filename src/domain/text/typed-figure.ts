/** A figure typed into a form field, read by the same parsers as the import: "1,200.5", "1.2亿",
 *  "300万", "８０００", "50人". Kept apart from the input component so it runs (and is tested) anywhere. */
import { parseAmount, parseCount } from './chinese-number.js';

/** wan: money shown in 万元; count: a whole number of people, patents…; plain: a quantity such as 亩. */
export type FigureKind = 'wan' | 'count' | 'plain';

type Reading =
  | { ok: true; value: number | null }
  | { ok: false; reason: 'invalid' | 'fraction' | 'foreign' | 'huge' };

/** The number a field's value stands for, in the field's own unit (万元 for wan). */
export function readFigure(value: unknown, kind: FigureKind): Reading {
  if (value === null || value === undefined) return { ok: true, value: null };
  if (typeof value === 'number')
    return Number.isFinite(value) ? { ok: true, value } : { ok: false, reason: 'invalid' };
  const text = String(value).trim();
  if (text === '') return { ok: true, value: null };
  if (kind === 'count') {
    // A minus sign is read as a number here, so that the rule can say "不能为负数" rather than "不是数字".
    const neg = /^[-－]\s*\d/.test(text);
    const r = parseCount(neg ? text.replace(/^[-－]\s*/, '') : text);
    if (!r.ok)
      return {
        ok: false,
        reason: r.code === 'count.fraction' ? 'fraction' : r.code === 'count.too_large' ? 'huge' : 'invalid',
      };
    return { ok: true, value: r.value === null ? null : neg ? -r.value : r.value };
  }
  const r = parseAmount(text, { unit: kind === 'wan' ? '万元' : '元' });
  // A number too large for any figure is a number still: "过大，请检查单位", not "请输入数字".
  if (!r.ok) return { ok: false, reason: r.code === 'amount.too_large' ? 'huge' : 'invalid' };
  if (r.currency !== 'CNY') return { ok: false, reason: 'foreign' };
  return { ok: true, value: r.value === null ? null : kind === 'wan' ? r.value / 1e4 : r.value };
}
