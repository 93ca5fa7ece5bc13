/** A policy condition as the editor holds it and back: money in 万元 and ratios in % on screen, 元 and
 *  fractions in the API. Options the editor does not show (首次认定, 认定日期窗口 …) ride along untouched. */

import { CLAUSE_KINDS as KINDS } from '../../../../src/domain/policy/clause-kinds';
import { type FigureKind, readFigure } from '../../../../src/domain/text/typed-figure';
import type { Policy } from '../../api/policies';

type Clause = Policy['conditions']['all'][number];
export type ClauseKind = Clause['kind'];

/** The kinds in the order the editor offers them. */
export const CLAUSE_KINDS: readonly ClauseKind[] = KINDS;

export const TIER_KINDS: ClauseKind[] = ['tier_held', 'tier_eligible', 'tier_not_held'];
/** Kinds with a lower and an upper bound; the others with a lower bound only. */
export const RANGE_KINDS: ClauseKind[] = ['age', 'revenue', 'employees'];
export const MIN_KINDS: ClauseKind[] = ['rd_ratio', 'rd_expense', 'invention_patents', 'class1_ip'];

/** How a bound is typed, and the factor from what is typed to what is stored. */
export const BOUND: Partial<Record<ClauseKind, { kind: FigureKind; factor: number }>> = {
  age: { kind: 'plain', factor: 1 },
  revenue: { kind: 'wan', factor: 1e4 },
  employees: { kind: 'count', factor: 1 },
  rd_ratio: { kind: 'plain', factor: 0.01 },
  rd_expense: { kind: 'wan', factor: 1e4 },
  invention_patents: { kind: 'count', factor: 1 },
  class1_ip: { kind: 'count', factor: 1 },
};

export type ClauseForm = {
  kind: ClauseKind;
  tier?: string;
  prefixes?: string[];
  sections?: string[];
  divisions?: string[];
  min?: number | string | null;
  max?: number | string | null;
  /** Fields of the clause the editor does not show, sent back as they were. */
  rest?: Record<string, unknown>;
};

const SHOWN = new Set(['kind', 'tier', 'prefixes', 'sections', 'divisions', 'min', 'max']);

function shown(v: unknown, factor: number): number | null {
  if (typeof v !== 'number') return null;
  // 3 % stored as 0.03 shows as 3, not 3.0000000000000004.
  return Math.round((v / factor) * 1e6) / 1e6;
}

export function toClauseForm(c: Clause): ClauseForm {
  const raw = c as Record<string, unknown>;
  const b = BOUND[c.kind];
  const rest = Object.fromEntries(Object.entries(raw).filter(([k]) => !SHOWN.has(k)));
  return {
    kind: c.kind,
    tier: raw.tier as string | undefined,
    prefixes: raw.prefixes as string[] | undefined,
    sections: raw.sections as string[] | undefined,
    divisions: raw.divisions as string[] | undefined,
    min: b ? shown(raw.min, b.factor) : null,
    max: b ? shown(raw.max, b.factor) : null,
    rest,
  };
}

function stored(v: unknown, kind: ClauseKind): number | undefined {
  const b = BOUND[kind];
  if (!b) return undefined;
  const r = readFigure(v, b.kind);
  if (!r.ok || r.value === null) return undefined;
  // To the fen for money; ratios and counts as they are.
  return b.factor === 1e4 ? Math.round(r.value * 1e6) / 100 : r.value * b.factor;
}

/** The clause for the API; the server checks it again and says in Chinese what is wrong. */
export function fromClauseForm(f: ClauseForm): Clause {
  const out: Record<string, unknown> = { ...(f.rest ?? {}), kind: f.kind };
  if (TIER_KINDS.includes(f.kind)) out.tier = f.tier;
  if (f.kind === 'region') out.prefixes = f.prefixes ?? [];
  if (f.kind === 'industry') {
    if (f.sections?.length) out.sections = f.sections;
    if (f.divisions?.length) out.divisions = f.divisions;
  }
  if (RANGE_KINDS.includes(f.kind) || MIN_KINDS.includes(f.kind)) {
    const min = stored(f.min, f.kind);
    if (min !== undefined) out.min = min;
  }
  if (RANGE_KINDS.includes(f.kind)) {
    const max = stored(f.max, f.kind);
    if (max !== undefined) out.max = max;
  }
  return out as Clause;
}

/** The editor's item for a server error about the conditions: `conditions.all.2.prefixes.0` is the
 *  third row's 注册地 box, `conditions.all.2` its kind; an error naming no row (`conditions`, or the
 *  kept 至少满足其一 part) goes under the list as a whole. */
export function clauseFieldName(field: string): (string | number)[] | undefined {
  const row = /^conditions\.all\.(\d+)(?:\.([A-Za-z]+))?/.exec(field);
  if (row) {
    const leaf = row[2] && SHOWN.has(row[2]) ? row[2] : 'kind';
    return ['clauses', Number(row[1]), leaf];
  }
  return field === 'conditions' || field.startsWith('conditions.') ? ['clauses'] : undefined;
}
