/** 政策库: create, read, change and delete policies. A policy is read by its org's subtree (a city's
 *  policy reaches its parks) and changed only by users whose scope holds its org. */
import { and, count, desc, eq, like, or, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db, Tx } from '../../../db/client.js';
import { containsPattern } from '../../../db/like.js';
import { orgs, policies, policyPushes } from '../../../db/schema/index.js';
import {
  describeClause,
  type PolicyConditions,
  unknownRegionPrefixes,
} from '../../../domain/policy/index.js';
import { chinaToday } from '../../../domain/text/china-today.js';
import { regionEntry } from '../../../domain/text/region.js';
import type { Policy, PolicyCreate, PolicyQuery, PolicyUpdate } from '../../../shared/policy-api.js';
import type { Actor } from '../../access.js';
import { AppError } from '../../app-error.js';
import { writeAudit } from '../../audit.js';
import { pathInScope, scopedOrg } from '../../scope.js';

const EDITOR_ROLES = new Set(['admin', 'leader', 'officer']);
export const today = chinaToday;

/** Policies the actor may read: its subtree's own, and the published ones of the orgs above it. */
export function visiblePolicy(actor: Pick<Actor, 'orgPath'>): SQL {
  return sql`(${policies.orgId} in (select ${orgs.id} from ${orgs} where ${orgs.path} like ${`${actor.orgPath}%`})
    or (${policies.status} = 'published' and ${policies.orgId} in
      (select ${orgs.id} from ${orgs} where ${actor.orgPath} like ${orgs.path} || '%')))`;
}

const columns = {
  policy: policies,
  orgName: orgs.name,
  orgPath: orgs.path,
};
export type PolicyRow = typeof policies.$inferSelect & { orgName: string; orgPath: string };

function policiesQuery(db: Tx) {
  return db.select(columns).from(policies).innerJoin(orgs, eq(orgs.id, policies.orgId));
}
const flat = (r: { policy: typeof policies.$inferSelect; orgName: string; orgPath: string }): PolicyRow => ({
  ...r.policy,
  orgName: r.orgName,
  orgPath: r.orgPath,
});

export function regionScopeName(prefix: string | null): string | null {
  return prefix ? (regionEntry(prefix.padEnd(6, '0'))?.name ?? null) : null;
}

export function canEdit(actor: Actor, row: Pick<PolicyRow, 'orgPath'>): boolean {
  return actor.roles.some((r) => EDITOR_ROLES.has(r)) && pathInScope(actor, row.orgPath);
}

export function presentPolicy(actor: Actor, r: PolicyRow): z.infer<typeof Policy> {
  return {
    id: r.id,
    orgId: r.orgId,
    orgName: r.orgName,
    title: r.title,
    issuer: r.issuer,
    documentNo: r.documentNo,
    summary: r.summary,
    regionScope: r.regionScope,
    regionScopeName: regionScopeName(r.regionScope),
    validFrom: r.validFrom,
    validTo: r.validTo,
    applyFrom: r.applyFrom,
    applyTo: r.applyTo,
    benefits: r.benefits,
    conditions: r.conditions,
    clauses: {
      all: r.conditions.all.map(describeClause),
      anyOf: r.conditions.anyOf?.map(describeClause) ?? null,
    },
    status: r.status,
    editable: canEdit(actor, r),
    version: r.version,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** The policy, if the actor may read it; otherwise "not found", which says nothing of its existence. */
export async function policyOf(tx: Tx, actor: Actor, id: string): Promise<PolicyRow> {
  const [row] = await policiesQuery(tx).where(and(eq(policies.id, id), visiblePolicy(actor)));
  if (!row) throw new AppError('policy.not_found');
  return flat(row);
}

async function editablePolicyOf(tx: Tx, actor: Actor, id: string): Promise<PolicyRow> {
  const row = await policyOf(tx, actor, id);
  if (!pathInScope(actor, row.orgPath)) throw new AppError('policy.read_only');
  return row;
}

export async function listPolicies(db: Db, actor: Actor, q: z.infer<typeof PolicyQuery>) {
  const conds: (SQL | undefined)[] = [visiblePolicy(actor)];
  if (q.status) conds.push(eq(policies.status, q.status));
  if (q.open) conds.push(sql`(${policies.applyTo} is null or ${policies.applyTo} >= ${today()})`);
  if (q.q) {
    const p = containsPattern(q.q);
    conds.push(or(like(policies.title, p), like(policies.issuer, p), like(policies.documentNo, p)));
  }
  const where = and(...conds);
  const rows = await policiesQuery(db)
    .where(where)
    .orderBy(desc(policies.updatedAt), policies.id)
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [{ n }] = await db.select({ n: count() }).from(policies).where(where);
  return { items: rows.map((r) => presentPolicy(actor, flat(r))), total: n };
}

export async function getPolicy(db: Db, actor: Actor, id: string) {
  return presentPolicy(actor, await policyOf(db, actor, id));
}

type Fields = Pick<
  typeof policies.$inferSelect,
  'validFrom' | 'validTo' | 'applyFrom' | 'applyTo' | 'regionScope' | 'conditions'
>;

/** What zod cannot see field by field: dates in order, region codes that exist. */
function checkPolicy(p: Fields) {
  const issues: { field: string; message: string }[] = [];
  if (p.validFrom && p.validTo && p.validTo < p.validFrom)
    issues.push({ field: 'body.validTo', message: '有效期止不能早于有效期起' });
  if (p.applyFrom && p.applyTo && p.applyTo < p.applyFrom)
    issues.push({ field: 'body.applyTo', message: '申报截止日期不能早于申报开始日期' });
  if (p.regionScope && !regionScopeName(p.regionScope))
    issues.push({ field: 'body.regionScope', message: `行政区划代码前缀“${p.regionScope}”不存在` });
  for (const prefix of unknownRegionPrefixes(p.conditions))
    issues.push({ field: 'body.conditions', message: `注册地条件中的行政区划代码前缀“${prefix}”不存在` });
  if (issues.length) throw new AppError('request.invalid', issues);
}

const EMPTY: PolicyConditions = { all: [] };

export async function createPolicy(db: Db, actor: Actor, body: z.infer<typeof PolicyCreate>) {
  const values = {
    title: body.title,
    issuer: body.issuer,
    documentNo: body.documentNo ?? null,
    summary: body.summary ?? null,
    regionScope: body.regionScope ?? null,
    validFrom: body.validFrom ?? null,
    validTo: body.validTo ?? null,
    applyFrom: body.applyFrom ?? null,
    applyTo: body.applyTo ?? null,
    benefits: body.benefits ?? [],
    conditions: body.conditions ?? EMPTY,
    status: body.status ?? 'draft',
  };
  checkPolicy(values);
  return db.transaction(async (tx) => {
    const org = body.orgId ? await scopedOrg(tx, actor, body.orgId) : { id: actor.orgId };
    const [row] = await tx
      .insert(policies)
      .values({ ...values, orgId: org.id, createdBy: actor.id })
      .returning({ id: policies.id });
    await writeAudit(tx, actor, {
      action: 'create',
      entity: 'policy',
      entityId: row.id,
      orgId: org.id,
      after: values,
    });
    return presentPolicy(actor, await policyOf(tx, actor, row.id));
  });
}

export async function updatePolicy(db: Db, actor: Actor, id: string, body: z.infer<typeof PolicyUpdate>) {
  const { version, ...changes } = body;
  return db.transaction(async (tx) => {
    const before = await editablePolicyOf(tx, actor, id);
    if (before.version !== version) throw new AppError('conflict.stale', { currentVersion: before.version });
    const cur = before as unknown as Record<string, unknown>;
    const next = changes as Record<string, unknown>;
    const changed = Object.keys(changes).filter(
      (k) => next[k] !== undefined && JSON.stringify(cur[k] ?? null) !== JSON.stringify(next[k] ?? null),
    );
    if (changed.length === 0) return presentPolicy(actor, before);
    const set = Object.fromEntries(changed.map((k) => [k, next[k] ?? null])) as Partial<
      typeof policies.$inferInsert
    >;
    checkPolicy({ ...before, ...set } as Fields);
    const [row] = await tx
      .update(policies)
      .set({ ...set, version: before.version + 1, updatedAt: new Date() })
      .where(and(eq(policies.id, id), eq(policies.version, version)))
      .returning({ id: policies.id });
    if (!row) throw new AppError('conflict.stale');
    // The push list tells officers the deadline; a moved deadline must reach it.
    if (changed.includes('applyTo'))
      await tx
        .update(policyPushes)
        .set({ dueOn: set.applyTo ?? null, updatedAt: new Date() })
        .where(eq(policyPushes.policyId, id));
    await writeAudit(tx, actor, {
      action: 'update',
      entity: 'policy',
      entityId: id,
      orgId: before.orgId,
      before: { title: before.title, ...Object.fromEntries(changed.map((k) => [k, cur[k] ?? null])) },
      after: { title: set.title ?? before.title, ...set },
    });
    return presentPolicy(actor, await policyOf(tx, actor, id));
  });
}

export async function deletePolicy(db: Db, actor: Actor, id: string, version: number) {
  await db.transaction(async (tx) => {
    const before = await editablePolicyOf(tx, actor, id);
    if (before.version !== version) throw new AppError('conflict.stale', { currentVersion: before.version });
    const [{ n }] = await tx.select({ n: count() }).from(policyPushes).where(eq(policyPushes.policyId, id));
    if (n > 0) throw new AppError('policy.has_pushes', { pushes: n });
    await tx.delete(policies).where(and(eq(policies.id, id), eq(policies.version, version)));
    await writeAudit(tx, actor, {
      action: 'delete',
      entity: 'policy',
      entityId: id,
      orgId: before.orgId,
      before: { title: before.title, documentNo: before.documentNo, status: before.status },
    });
  });
}
