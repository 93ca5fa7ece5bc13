/** Figures as a bureau writes them: money stored in 元 shows in 万元 or 亿元; sources as one line. */
import dayjs from 'dayjs';
import type { Provenance } from '../../api/enterprises';
import type { Messages } from '../../i18n/zh-CN';

type M = Messages['enterprises'];

const num = (v: number, digits = 2) =>
  new Intl.NumberFormat('zh-CN', { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(v);

/** 120000000 → "1.2 亿元", 3000000 → "300 万元"; in English "CNY 120 M" / "CNY 1.2 bn". */
export function formatMoney(yuan: number | null | undefined, en = false, currency = 'CNY'): string {
  if (yuan === null || yuan === undefined) return '—';
  if (currency !== 'CNY') return `${currency} ${num(yuan / 1e6)} M`;
  if (en) return Math.abs(yuan) >= 1e9 ? `CNY ${num(yuan / 1e9)} bn` : `CNY ${num(yuan / 1e6)} M`;
  return Math.abs(yuan) >= 1e8 ? `${num(yuan / 1e8, 4)} 亿元` : `${num(yuan / 1e4)} 万元`;
}

export function formatCount(v: number | null | undefined): string {
  return v === null || v === undefined ? '—' : num(v, 0);
}

/** A head count as the profile states it: "42 人", in English "42 people". */
export function formatHeadcount(v: number | null | undefined, en = false): string {
  if (v === null || v === undefined) return '—';
  return en ? `${num(v, 0)} ${v === 1 ? 'person' : 'people'}` : `${num(v, 0)} 人`;
}

export function formatDay(iso: string | null | undefined): string {
  return iso ? dayjs(iso).format('YYYY-MM-DD') : '—';
}

/** R&D expense over revenue, in percent with one decimal; null when either is missing. */
export function rdRatio(y: { rdExpense: number | null; revenue: number | null }): number | null {
  if (y.rdExpense === null || !y.revenue) return null;
  return Math.round((y.rdExpense / y.revenue) * 1000) / 10;
}

const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

/** "来源：导入文件 企业名单.csv 第 3 行" / "来源：用户 张三录入" / "来源：接口 xxx". */
export function sourceText(source: Record<string, unknown> | undefined, m: M): string {
  const fill = (tpl: string, vars: Record<string, string>) =>
    tpl.replace(/\{\{(\w+)\}\}/g, (_, k: string) => vars[k] ?? '');
  switch (source?.kind) {
    case 'import':
      return fill(m.source.import, { file: str(source.file), row: str(source.row) });
    case 'user':
      return fill(m.source.user, { name: str(source.userName) });
    case 'api':
      return fill(m.source.api, { client: str(source.client) });
    default:
      return m.source.unknown;
  }
}

/** The source of one field: its own entry in `fields` when it was set later, else the record's. */
export function fieldSource(p: Provenance | undefined, field?: string) {
  if (!p) return undefined;
  return (field && p.fields?.[field]) || { source: p.source, asOf: p.asOf };
}

export function provenanceText(p: { source: Record<string, unknown>; asOf: string } | undefined, m: M) {
  if (!p) return m.source.unknown;
  return `${sourceText(p.source, m)}${m.source.sep}${m.source.asOf.replace('{{date}}', formatDay(p.asOf))}`;
}

/** Days from today to an expiry date (negative when past). */
export function daysUntil(iso: string): number {
  return dayjs(iso).startOf('day').diff(dayjs().startOf('day'), 'day');
}
