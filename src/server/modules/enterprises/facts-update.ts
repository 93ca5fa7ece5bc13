/** Typing a firm's yearly figures and IP counts on the profile: validated, version-checked, audited,
 *  and each figure the user changes names the user as its source while the others keep theirs. */
import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../../db/client.js';
import { enterpriseIp, enterpriseYears, type Provenance } from '../../../db/schema/index.js';
import { IP_KINDS } from '../../../domain/enterprise/ip-kinds.js';
import {
  type EnterpriseIpUpdate,
  type EnterpriseYearUpsert,
  YEAR_FIGURE_LABELS,
  YEAR_FIGURES,
  type YearFigure,
} from '../../../shared/enterprise-api.js';
import type { Actor } from '../../access.js';
import { AppError } from '../../app-error.js';
import { writeAudit } from '../../audit.js';
import { bumpVersion, lockForEdit, userMark } from './facts-common.js';
import { getEnterprise } from './service.js';

type Figures = Record<YearFigure, number | null>;
type FieldIssue = { field: string; message: string };

const COUNTS = new Set<YearFigure>(['employees', 'techStaff', 'rdStaff']);
const show = (k: YearFigure, v: number) =>
  COUNTS.has(k) ? `${v} 人` : `${Number((v / 1e4).toFixed(6)).toLocaleString('zh-CN')} 万元`;

/** A part cannot exceed its whole: [part, whole] pairs checked when both are known. */
const PARTS: [YearFigure, YearFigure][] = [
  ['techStaff', 'employees'],
  ['rdStaff', 'employees'],
  ['rdExpenseDomestic', 'rdExpense'],
  ['mainRevenue', 'revenue'],
  ['hightechRevenue', 'revenue'],
];

/** Cross-field sanity of one year's figures, each issue on the field that is out of line. Only pairs
 *  the edit touches are checked, so an old imported inconsistency does not block an unrelated fix. */
export function yearIssues(f: Figures, touched: ReadonlySet<YearFigure>): FieldIssue[] {
  const out: FieldIssue[] = [];
  for (const [part, whole] of PARTS) {
    if (!touched.has(part) && !touched.has(whole)) continue;
    const a = f[part];
    const b = f[whole];
    if (a === null || b === null || a <= b) continue;
    out.push({
      field: `body.${part}`,
      message: `${YEAR_FIGURE_LABELS[part]}（${show(part, a)}）不能大于${YEAR_FIGURE_LABELS[whole]}（${show(whole, b)}）`,
    });
  }
  return out;
}

const pick = (from: Partial<Figures>, keys: YearFigure[]) =>
  Object.fromEntries(keys.map((k) => [k, from[k] ?? null]));

export async function upsertYear(
  db: Db,
  actor: Actor,
  id: string,
  year: number,
  input: z.infer<typeof EnterpriseYearUpsert>,
) {
  const { version, ...typed } = input;
  return db.transaction(async (tx) => {
    const firm = await lockForEdit(tx, actor, id, version);
    const [current] = await tx
      .select()
      .from(enterpriseYears)
      .where(and(eq(enterpriseYears.enterpriseId, id), eq(enterpriseYears.year, year)));
    const stored = Object.fromEntries(YEAR_FIGURES.map((k) => [k, current?.[k] ?? null])) as Figures;
    // A figure left out of the body keeps what is stored; null clears it.
    const next = { ...stored };
    const touched = new Set(YEAR_FIGURES.filter((k) => typed[k] !== undefined));
    for (const k of touched) next[k] = typed[k] ?? null;
    const issues = yearIssues(next, touched);
    if (issues.length > 0) throw new AppError('request.invalid', issues);
    const changed = YEAR_FIGURES.filter((k) => next[k] !== stored[k]);
    if (!current && changed.length === 0) {
      throw new AppError('request.invalid', [
        { field: 'body', message: `请至少填写 ${year} 年度的一项数据` },
      ]);
    }
    if (changed.length === 0) return getEnterprise(tx, actor, id);

    const mark = userMark(actor);
    if (current) {
      const provenance: Provenance = {
        ...current.provenance,
        fields: { ...current.provenance.fields, ...Object.fromEntries(changed.map((k) => [k, mark])) },
      };
      await tx
        .update(enterpriseYears)
        .set({ ...pick(next, changed), provenance })
        .where(and(eq(enterpriseYears.enterpriseId, id), eq(enterpriseYears.year, year)));
    } else {
      // A year the user starts has the user as the source of the whole row.
      await tx.insert(enterpriseYears).values({ enterpriseId: id, year, ...next, provenance: mark });
    }
    await bumpVersion(tx, firm);
    // The audited entity is the firm, so the change shows in its history; `fact` and `year` say which part.
    await writeAudit(tx, actor, {
      action: 'update',
      entity: 'enterprise',
      entityId: id,
      orgId: firm.orgId,
      before: { fact: 'year', year, ...pick(stored, changed) },
      after: { fact: 'year', year, ...pick(next, changed) },
    });
    return getEnterprise(tx, actor, id);
  });
}

export async function deleteYear(db: Db, actor: Actor, id: string, year: number, version: number) {
  return db.transaction(async (tx) => {
    const firm = await lockForEdit(tx, actor, id, version);
    const [gone] = await tx
      .delete(enterpriseYears)
      .where(and(eq(enterpriseYears.enterpriseId, id), eq(enterpriseYears.year, year)))
      .returning();
    if (!gone) throw new AppError('enterprise.year_not_found', { year });
    const held = YEAR_FIGURES.filter((k) => gone[k] !== null);
    await bumpVersion(tx, firm);
    await writeAudit(tx, actor, {
      action: 'update',
      entity: 'enterprise',
      entityId: id,
      orgId: firm.orgId,
      before: { fact: 'year', year, ...pick(gone, held), provenance: gone.provenance },
      after: { fact: 'year', year },
    });
    return getEnterprise(tx, actor, id);
  });
}

export async function setIpCounts(
  db: Db,
  actor: Actor,
  id: string,
  input: z.infer<typeof EnterpriseIpUpdate>,
) {
  return db.transaction(async (tx) => {
    const firm = await lockForEdit(tx, actor, id, input.version);
    const rows = await tx.select().from(enterpriseIp).where(eq(enterpriseIp.enterpriseId, id));
    const now = new Map(rows.map((r) => [r.kind, r.count]));
    const changed = IP_KINDS.filter((k) => {
      const want = input.counts[k];
      return want !== undefined && want !== (now.get(k) ?? 0);
    });
    if (changed.length === 0) return getEnterprise(tx, actor, id);

    const mark = userMark(actor);
    const removed = changed.filter((k) => input.counts[k] === 0);
    const kept = changed.filter((k) => input.counts[k] !== 0);
    if (removed.length > 0) {
      await tx
        .delete(enterpriseIp)
        .where(and(eq(enterpriseIp.enterpriseId, id), inArray(enterpriseIp.kind, removed)));
    }
    // At most eight classes: one statement each reads plainer than a bulk upsert.
    for (const kind of kept) {
      const count = input.counts[kind] ?? 0;
      if (now.has(kind)) {
        await tx
          .update(enterpriseIp)
          .set({ count, provenance: mark })
          .where(and(eq(enterpriseIp.enterpriseId, id), eq(enterpriseIp.kind, kind)));
      } else {
        await tx.insert(enterpriseIp).values({ enterpriseId: id, kind, count, provenance: mark });
      }
    }
    await bumpVersion(tx, firm);
    await writeAudit(tx, actor, {
      action: 'update',
      entity: 'enterprise',
      entityId: id,
      orgId: firm.orgId,
      before: { fact: 'ip', ...Object.fromEntries(changed.map((k) => [k, now.get(k) ?? 0])) },
      after: { fact: 'ip', ...Object.fromEntries(changed.map((k) => [k, input.counts[k] ?? 0])) },
    });
    return getEnterprise(tx, actor, id);
  });
}
