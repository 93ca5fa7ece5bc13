/** 推送清单: which firms an officer should tell about which policy before its deadline, marked when told.
 *  A push belongs to its firm's org, so it is seen exactly where the firm is. */
import { and, asc, count, eq, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import { arrayLiteral } from '../../../db/array-literal.js';
import { bulkInsert } from '../../../db/bulk-insert.js';
import type { Db, Tx } from '../../../db/client.js';
import { rowsOf } from '../../../db/rows.js';
import { enterprises, orgs, policies, policyPushes, users } from '../../../db/schema/index.js';
import type { Push, PushCreate, PushHandover, PushQuery, PushUpdate } from '../../../shared/policy-api.js';
import type { Actor } from '../../access.js';
import { AppError } from '../../app-error.js';
import { checkAssignee } from '../../assignee.js';
import { writeAudit } from '../../audit.js';
import { withinScope } from '../../scope.js';
import { daysBetween, evaluateFirms } from './matching.js';
import { policyOf, today } from './policies.js';

const owner = alias(users, 'push_owner');
const teller = alias(users, 'push_teller');

const scopedPush = (actor: Actor) =>
  sql`${policyPushes.orgId} in (select ${orgs.id} from ${orgs} where ${withinScope(actor)})`;

const columns = {
  id: policyPushes.id,
  policyId: policyPushes.policyId,
  policyTitle: policies.title,
  documentNo: policies.documentNo,
  enterpriseId: policyPushes.enterpriseId,
  enterpriseName: enterprises.name,
  uscc: enterprises.uscc,
  ownerId: policyPushes.ownerId,
  ownerName: owner.displayName,
  dueOn: policyPushes.dueOn,
  status: policyPushes.status,
  toldAt: policyPushes.toldAt,
  toldByName: teller.displayName,
  note: policyPushes.note,
  version: policyPushes.version,
  createdAt: policyPushes.createdAt,
  orgId: policyPushes.orgId,
};

function pushesQuery(db: Tx) {
  return db
    .select(columns)
    .from(policyPushes)
    .innerJoin(policies, eq(policies.id, policyPushes.policyId))
    .innerJoin(enterprises, eq(enterprises.id, policyPushes.enterpriseId))
    .leftJoin(owner, eq(owner.id, policyPushes.ownerId))
    .leftJoin(teller, eq(teller.id, policyPushes.toldBy));
}

type Row = Awaited<ReturnType<ReturnType<typeof pushesQuery>['where']>>[number];
function present(r: Row, on = today()): z.infer<typeof Push> {
  const { orgId: _org, ...rest } = r;
  return {
    ...rest,
    daysLeft: daysBetween(on, r.dueOn),
    toldAt: r.toldAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
  };
}

async function pushOf(tx: Tx, actor: Actor, id: string) {
  const [row] = await pushesQuery(tx).where(and(eq(policyPushes.id, id), scopedPush(actor)));
  if (!row) throw new AppError('push.not_found');
  return row;
}

/** Pushes of every firm that matches the policy now; firms already on the list keep their push. */
export async function createPushes(db: Db, actor: Actor, policyId: string, body: z.infer<typeof PushCreate>) {
  return db.transaction(async (tx) => {
    const p = await policyOf(tx, actor, policyId);
    if (p.status !== 'published') throw new AppError('policy.not_published');
    const date = today();
    if (p.applyTo && p.applyTo < date)
      throw new AppError('policy.closed', { message: `申报截止日期为 ${p.applyTo}` });
    const ownerId = body.ownerId ?? actor.id;
    if (body.ownerId) await checkAssignee(tx, actor, body.ownerId);
    const matched = (await evaluateFirms(tx, actor, p, { date })).filter(
      (m) => m.evaluation.matches === true,
    );
    await checkOwnerSees(tx, ownerId, matched);
    const reassigned = await takeOverStranded(tx, p.id, ownerId, matched);
    const created = await bulkInsert(
      tx,
      policyPushes,
      matched.map((m) => ({
        policyId: p.id,
        enterpriseId: m.id,
        orgId: m.orgId,
        ownerId,
        dueOn: p.applyTo,
        createdBy: actor.id,
      })),
      'skip',
    );
    await writeAudit(tx, actor, {
      action: 'create',
      entity: 'policy_push',
      entityId: p.id,
      orgId: actor.orgId,
      after: { policy: p.title, ownerId, matched: matched.length, created: created.size, reassigned },
    });
    return {
      matched: matched.length,
      created: created.size,
      existing: matched.length - created.size,
      reassigned,
    };
  });
}

/** A push is seen where its firm is: an owner whose org does not cover a firm would never see that
 *  push, and nobody else would be asked to act on it. */
async function checkOwnerSees(tx: Tx, ownerId: string, firms: { orgId: string }[]) {
  const orgIds = [...new Set(firms.map((f) => f.orgId))];
  if (!orgIds.length) return;
  const [o] = await rowsOf<{ name: string; org: string; path: string }>(
    tx,
    sql`select u.display_name as name, o.name as org, o.path from ${users} u join ${orgs} o on o.id = u.org_id
         where u.id = ${ownerId}`,
  );
  const outside = await rowsOf<{ id: string; name: string }>(
    tx,
    sql`select id, name from ${orgs} where id = any(${arrayLiteral(orgIds)}::uuid[]) and path not like ${`${o.path}%`}`,
  );
  if (!outside.length) return;
  const ids = new Set(outside.map((x) => x.id));
  const n = firms.filter((f) => ids.has(f.orgId)).length;
  const names = outside.map((x) => x.name).join('、');
  throw new AppError('assignee.invalid', {
    field: 'ownerId',
    message: `${o.name}（${o.org}）看不到其中 ${n} 家企业（属于${names}），请选择能看到这些企业的负责人`,
    messageEn: `${o.name} (${o.org}) cannot see ${n} of these firms (they belong to ${names}); choose an owner who can`,
  });
}

/** Pending pushes whose owner can no longer act — disabled, deleted, or not covering the firm — pass to
 *  whoever generates the list again; otherwise they would sit in nobody's 我的推送. */
async function takeOverStranded(tx: Tx, policyId: string, ownerId: string, firms: { id: string }[]) {
  if (!firms.length) return 0;
  const rows = await rowsOf<{ id: string }>(
    tx,
    sql`update ${policyPushes} pp set owner_id = ${ownerId}, version = pp.version + 1, updated_at = now()
         where pp.policy_id = ${policyId} and pp.status = 'pending'
           and pp.enterprise_id = any(${arrayLiteral(firms.map((f) => f.id))}::uuid[])
           and pp.owner_id is distinct from ${ownerId}
           and not exists (
             select 1 from ${users} u join ${orgs} uo on uo.id = u.org_id join ${orgs} fo on fo.id = pp.org_id
              where u.id = pp.owner_id and not u.disabled and fo.path like uo.path || '%')
         returning pp.id`,
  );
  return rows.length;
}

export function pushWhere(
  actor: Actor,
  q: Omit<z.infer<typeof PushQuery>, 'page' | 'pageSize'>,
): SQL | undefined {
  // A pending push of a policy taken back to draft is not work: nobody should tell a firm about it.
  // Told pushes stay listed as the record of what was said.
  const conds: SQL[] = [
    scopedPush(actor),
    sql`(${policyPushes.status} = 'told' or ${policyPushes.policyId} in (select ${policies.id} from ${policies} where ${policies.status} = 'published'))`,
  ];
  if (q.mine) conds.push(eq(policyPushes.ownerId, actor.id));
  if (q.status) conds.push(eq(policyPushes.status, q.status));
  if (q.policyId) conds.push(eq(policyPushes.policyId, q.policyId));
  if (q.enterpriseId) conds.push(eq(policyPushes.enterpriseId, q.enterpriseId));
  return and(...conds);
}

/** The push list, soonest deadline first (no deadline last). */
export async function listPushes(db: Db, actor: Actor, q: z.infer<typeof PushQuery>) {
  const where = pushWhere(actor, q);
  const rows = await pushesQuery(db)
    .where(where)
    .orderBy(sql`${policyPushes.dueOn} asc nulls last`, asc(enterprises.name), asc(policyPushes.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [{ n }] = await db.select({ n: count() }).from(policyPushes).where(where);
  const on = today();
  return { items: rows.map((r) => present(r, on)), total: n };
}

/** The push as the caller last saw it (`version`), or a conflict if someone has changed it since. */
async function pushAt(tx: Tx, actor: Actor, id: string, version: number) {
  const before = await pushOf(tx, actor, id);
  if (before.version !== version) throw new AppError('conflict.stale', { currentVersion: before.version });
  return before;
}

/** Writes a change to the push at `version`, moving it to the next one. */
async function savePush(tx: Tx, id: string, version: number, set: Partial<typeof policyPushes.$inferInsert>) {
  const [row] = await tx
    .update(policyPushes)
    .set({ ...set, version: version + 1, updatedAt: new Date() })
    .where(and(eq(policyPushes.id, id), eq(policyPushes.version, version)))
    .returning({ id: policyPushes.id });
  if (!row) throw new AppError('conflict.stale');
}

/** Marks a push told (with who and when) or back to pending; version-checked. */
export async function updatePush(db: Db, actor: Actor, id: string, body: z.infer<typeof PushUpdate>) {
  return db.transaction(async (tx) => {
    const before = await pushAt(tx, actor, id, body.version);
    const told = body.status === 'told';
    const stillTold = told && before.status === 'told';
    const note = body.note === undefined ? before.note : body.note;
    await savePush(tx, id, body.version, {
      status: body.status,
      note,
      ...(stillTold ? {} : { toldAt: told ? new Date() : null, toldBy: told ? actor.id : null }),
    });
    await writeAudit(tx, actor, {
      action: 'update',
      entity: 'policy_push',
      entityId: id,
      orgId: before.orgId,
      before: { status: before.status, note: before.note },
      after: { status: body.status, note, policy: before.policyTitle, enterprise: before.enterpriseName },
    });
    return present(await pushOf(tx, actor, id));
  });
}

/** 转交: one pending push handed to another owner, who must be able to act on it (an active officer,
 *  leader or admin whose org covers the firm); the list's other pushes stay where they are. */
export async function handOverPush(db: Db, actor: Actor, id: string, body: z.infer<typeof PushHandover>) {
  return db.transaction(async (tx) => {
    const before = await pushAt(tx, actor, id, body.version);
    if (before.ownerId === body.ownerId) return present(before);
    if (before.status === 'told') throw new AppError('push.already_told');
    await checkAssignee(tx, actor, body.ownerId);
    await checkOwnerSees(tx, body.ownerId, [{ orgId: before.orgId }]);
    await savePush(tx, id, body.version, { ownerId: body.ownerId });
    const after = await pushOf(tx, actor, id);
    await writeAudit(tx, actor, {
      action: 'update',
      entity: 'policy_push',
      entityId: id,
      orgId: before.orgId,
      before: { ownerId: before.ownerId, owner: before.ownerName },
      after: {
        ownerId: after.ownerId,
        owner: after.ownerName,
        policy: before.policyTitle,
        enterprise: before.enterpriseName,
      },
    });
    return present(after);
  });
}
