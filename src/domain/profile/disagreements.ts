/** Where the business plan and the registry give the same figure differently. The profile scores the
 *  plan's figure (newer, quoted) and may compute another indicator from the registry's (growth from
 *  two registry years), so the committee is told of each difference rather than left to find it. */
import { wan } from '../eligibility/format.js';
import type { ProfileFact } from './score.js';

/** The figures both sources give, with how each reads. */
const COMPARED: { key: ProfileFact['key']; label: string; money: boolean; unit?: string }[] = [
  { key: 'revenue', label: '营业收入', money: true },
  { key: 'rd_expense', label: '研发费用', money: true },
  { key: 'net_profit', label: '净利润', money: true },
  { key: 'employees', label: '员工人数', money: false, unit: '人' },
  { key: 'rd_staff', label: '研发人员', money: false, unit: '人' },
];

/** A gap below this share of the larger figure is rounding or a later restatement, not a question. */
const TOLERANCE = 0.05;

/** One question per figure the plan and the registry give more than 5 % apart. */
export function sourceDisagreements(facts: readonly ProfileFact[]): string[] {
  const out: string[] = [];
  for (const c of COMPARED) {
    const plan = facts.find((f) => f.key === c.key && f.source === 'document' && Number.isFinite(f.value));
    const registry = facts.find(
      (f) => f.key === c.key && f.source === 'registry' && Number.isFinite(f.value),
    );
    if (!plan || !registry) continue;
    const larger = Math.max(Math.abs(plan.value), Math.abs(registry.value));
    const gap = Math.abs(plan.value - registry.value);
    if (larger === 0 || gap / larger <= TOLERANCE) continue;
    const show = (v: number) => (c.money ? wan(v) : `${v} ${c.unit}`);
    out.push(
      `${c.label}：计划书为 ${show(plan.value)}，企业库为 ${show(registry.value)}，相差 ${Math.round((gap / larger) * 1000) / 10}%；评分采用计划书的数字，请核实`,
    );
  }
  return out;
}
