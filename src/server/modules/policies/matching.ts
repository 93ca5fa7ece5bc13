/** 政策找企业 both ways: the firms a policy finds (match now, close, data missing) and the policies a
 *  firm can claim. A policy's region scope is one more clause, so a firm without a region code is
 *  "data missing", not silently left out. */
import { and, eq, inArray, like, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db, Tx } from '../../../db/client.js';
import { containsPattern } from '../../../db/like.js';
import { enterprises, orgs, policies, policyPushes } from '../../../db/schema/index.js';
import { TIER_KEYS } from '../../../domain/eligibility/index.js';
import {
  compileConditions,
  conditionNeeds,
  DEFAULT_POLICY_CLOSE_RULE,
  type Evaluation,
  type PolicyCloseRule,
  type PolicyConditions,
} from '../../../domain/policy/index.js';
import type { FirmPolicyQuery, MatchQuery } from '../../../shared/policy-api.js';
import type { Actor } from '../../access.js';
import { enterpriseRow } from '../enterprises/service.js';
import { ALL_NEEDS, type LoadedFirm, loadPolicyFirms } from './load-firms.js';
import { type PolicyRow, policyOf, presentPolicy, today } from './policies.js';

/** The conditions a policy is matched with: its region scope first, then its own. */
export function effectiveConditions(p: Pick<PolicyRow, 'regionScope' | 'conditions'>): PolicyConditions {
  if (!p.regionScope) return p.conditions;
  return { ...p.conditions, all: [{ kind: 'region', prefixes: [p.regionScope] }, ...p.conditions.all] };
}

export type Matched = LoadedFirm & { evaluation: Evaluation };

/** Every firm the actor may see that falls under the policy's org and region, evaluated on `date`. */
export async function evaluateFirms(
  db: Tx,
  actor: Actor,
  p: PolicyRow,
  opts: { date: string; rule?: PolicyCloseRule; q?: string },
): Promise<Matched[]> {
  const conditions = effectiveConditions(p);
  // Visible policies are the actor's own subtree's or an ancestor's, so the deeper path is the overlap.
  const scopePath = p.orgPath.length > actor.orgPath.length ? p.orgPath : actor.orgPath;
  const where = and(
    p.regionScope
      ? or(like(enterprises.regionCode, `${p.regionScope}%`), sql`${enterprises.regionCode} is null`)
      : undefined,
    opts.q ? like(enterprises.name, containsPattern(opts.q)) : undefined,
  );
  const firms = await loadPolicyFirms(db, {
    scopePath,
    where,
    needs: conditionNeeds(conditions),
    date: opts.date,
  });
  const evaluate = compileConditions(conditions, opts.rule ?? DEFAULT_POLICY_CLOSE_RULE);
  return firms.map((f) => ({ ...f, evaluation: evaluate(f.facts, opts.date) }));
}

// One collator for all comparisons: localeCompare with a locale builds one per call.
const collator = new Intl.Collator('zh-CN');
const byName = (a: { name: string }, b: { name: string }) => collator.compare(a.name, b.name);
const shortfall = (m: Matched) => m.evaluation.unmet.reduce((s, u) => s + (u.shortBy ?? 1), 0);

async function pushesOf(db: Tx, policyId: string, firmIds: string[]) {
  if (firmIds.length === 0) return new Map<string, { id: string; status: 'pending' | 'told' }>();
  const rows = await db
    .select({ id: policyPushes.id, enterpriseId: policyPushes.enterpriseId, status: policyPushes.status })
    .from(policyPushes)
    .where(and(eq(policyPushes.policyId, policyId), inArray(policyPushes.enterpriseId, firmIds)));
  return new Map(rows.map((r) => [r.enterpriseId, { id: r.id, status: r.status }]));
}

export async function policyMatches(db: Db, actor: Actor, id: string, q: z.infer<typeof MatchQuery>) {
  const p = await policyOf(db, actor, id);
  const date = q.date ?? today();
  const rule = {
    ...DEFAULT_POLICY_CLOSE_RULE,
    ...(q.tolerance !== undefined ? { tolerance: q.tolerance } : {}),
  };
  const all = await evaluateFirms(db, actor, p, { date, rule, q: q.q });
  const buckets = { match: [] as Matched[], close: [] as Matched[], unknown: [] as Matched[], far: 0 };
  for (const m of all) {
    const e = m.evaluation;
    if (e.matches === true) buckets.match.push(m);
    else if (e.matches === null) buckets.unknown.push(m);
    else if (e.close) buckets.close.push(m);
    else buckets.far++;
  }
  const chosen = buckets[q.status];
  if (q.status === 'close') chosen.sort((a, b) => shortfall(a) - shortfall(b) || byName(a, b));
  else if (q.status === 'unknown')
    chosen.sort((a, b) => a.evaluation.missing.length - b.evaluation.missing.length || byName(a, b));
  else chosen.sort(byName);
  const page = chosen.slice((q.page - 1) * q.pageSize, q.page * q.pageSize);
  const pushes = await pushesOf(
    db,
    p.id,
    page.map((m) => m.id),
  );
  return {
    policy: { id: p.id, title: p.title, status: p.status, applyTo: p.applyTo },
    date,
    counts: {
      match: buckets.match.length,
      close: buckets.close.length,
      unknown: buckets.unknown.length,
      far: buckets.far,
    },
    items: page.map((m) => ({
      enterpriseId: m.id,
      name: m.name,
      uscc: m.uscc,
      regionCode: m.regionCode,
      orgName: m.orgName,
      ...m.evaluation,
      push: pushes.get(m.id) ?? null,
    })),
    total: chosen.length,
  };
}

const DAY_MS = 86_400_000;
export const daysBetween = (from: string, to: string | null) =>
  to === null ? null : Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

/** The published policies covering a firm's org that are in force on `date` and still open for
 *  applications: claimable now, close, or undecided for want of data. */
export async function enterprisePolicies(
  db: Db,
  actor: Actor,
  enterpriseId: string,
  q: z.infer<typeof FirmPolicyQuery>,
) {
  const firm = await enterpriseRow(db, actor, enterpriseId);
  const date = q.date ?? today();
  const [org] = await db.select({ path: orgs.path }).from(orgs).where(eq(orgs.id, firm.orgId));
  const rows = await db
    .select({ policy: policies, orgName: orgs.name, orgPath: orgs.path })
    .from(policies)
    .innerJoin(orgs, eq(orgs.id, policies.orgId))
    .where(
      and(
        eq(policies.status, 'published'),
        sql`${org.path} like ${orgs.path} || '%'`,
        sql`(${policies.validFrom} is null or ${policies.validFrom} <= ${date})`,
        sql`(${policies.validTo} is null or ${policies.validTo} >= ${date})`,
        sql`(${policies.applyTo} is null or ${policies.applyTo} >= ${date})`,
      ),
    );
  const [loaded] = await loadPolicyFirms(db, {
    scopePath: org.path,
    where: eq(enterprises.id, firm.id),
    needs: ALL_NEEDS(TIER_KEYS),
    date,
  });
  const pushRows = await db
    .select({ id: policyPushes.id, policyId: policyPushes.policyId, status: policyPushes.status })
    .from(policyPushes)
    .where(eq(policyPushes.enterpriseId, firm.id));
  const pushes = new Map(pushRows.map((r) => [r.policyId, { id: r.id, status: r.status }]));
  const out = {
    enterpriseId: firm.id,
    date,
    claimable: [] as Item[],
    close: [] as Item[],
    incomplete: [] as Item[],
  };
  type Item = ReturnType<typeof item>;
  function item(r: (typeof rows)[number], e: Evaluation) {
    const row: PolicyRow = { ...r.policy, orgName: r.orgName, orgPath: r.orgPath };
    return {
      policy: presentPolicy(actor, row),
      deadline: row.applyTo,
      daysLeft: daysBetween(date, row.applyTo),
      push: pushes.get(row.id) ?? null,
      ...e,
    };
  }
  if (!loaded) return out;
  for (const r of rows) {
    const e = compileConditions(effectiveConditions(r.policy))(loaded.facts, date);
    if (e.matches === true) out.claimable.push(item(r, e));
    else if (e.matches === null) out.incomplete.push(item(r, e));
    else if (e.close) out.close.push(item(r, e));
  }
  const byDeadline = (a: Item, b: Item) => (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999');
  out.claimable.sort(byDeadline);
  out.close.sort(byDeadline);
  out.incomplete.sort(byDeadline);
  return out;
}
