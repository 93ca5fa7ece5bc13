/** 培育路径: 发现一批 → 服务一批 → 申报一批 → 认定一批. Each firm's way to one tier in one year, moved
 *  stage by stage with who and when; a certification writes the title into the registry. */
import { and, count, desc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db, Tx } from '../../../db/client.js';
import {
  cultivationTracks,
  enterprises,
  orgs,
  qualifications,
  screeningFirms,
  screeningRuns,
  type TrackEvent,
  type TrackStage,
  users,
} from '../../../db/schema/index.js';
import { TIER_NAMES, type TierKey } from '../../../domain/eligibility/index.js';
import { chinaToday } from '../../../domain/text/china-today.js';
import type {
  Track,
  TrackBulkCreate,
  TrackCreate,
  TrackMove,
  TrackQuery,
} from '../../../shared/cultivation-api.js';
import type { Actor } from '../../access.js';
import { AppError } from '../../app-error.js';
import { checkAssignee } from '../../assignee.js';
import { writeAudit } from '../../audit.js';
import { withinScope } from '../../scope.js';
import { enterpriseRow, refuseMerged } from '../enterprises/service.js';
import { tierPosition } from './screened-row.js';

const STAGE_ZH: Record<TrackStage, string> = {
  discovered: '发现',
  serving: '服务',
  applied: '申报',
  certified: '认定',
  rejected: '未通过',
};
const ORDER: TrackStage[] = ['discovered', 'serving', 'applied', 'certified'];

/** Forward only; 认定 and 未通过 follow 申报 and end the year's track. */
export function allowedMoves(from: TrackStage): TrackStage[] {
  if (from === 'certified' || from === 'rejected') return [];
  if (from === 'applied') return ['certified', 'rejected'];
  return ORDER.slice(ORDER.indexOf(from) + 1, ORDER.indexOf('applied') + 1);
}

const scopedTrack = (actor: Actor) =>
  sql`${cultivationTracks.orgId} in (select ${orgs.id} from ${orgs} where ${withinScope(actor)})`;

const event = (actor: Actor, stage: TrackStage, note: string | null): TrackEvent => ({
  stage,
  at: new Date().toISOString(),
  byId: actor.id,
  byName: actor.displayName,
  note,
});

const columns = {
  id: cultivationTracks.id,
  enterpriseId: cultivationTracks.enterpriseId,
  enterpriseName: enterprises.name,
  tier: cultivationTracks.tier,
  year: cultivationTracks.year,
  stage: cultivationTracks.stage,
  ownerId: cultivationTracks.ownerId,
  ownerName: users.displayName,
  batch: cultivationTracks.batch,
  reason: cultivationTracks.reason,
  history: cultivationTracks.history,
  version: cultivationTracks.version,
  updatedAt: cultivationTracks.updatedAt,
};

function tracksQuery(db: Tx) {
  return db
    .select(columns)
    .from(cultivationTracks)
    .innerJoin(enterprises, eq(enterprises.id, cultivationTracks.enterpriseId))
    .leftJoin(users, eq(users.id, cultivationTracks.ownerId));
}

type Row = Awaited<ReturnType<ReturnType<typeof tracksQuery>['where']>>[number];
function present(r: Row): z.infer<typeof Track> {
  return {
    ...r,
    tier: r.tier as TierKey,
    tierName: TIER_NAMES[r.tier as TierKey],
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** What the audit log keeps of a pathway: whose it is and where it stands, by name, so an entry reads
 *  without looking up ids. */
const auditView = (t: Row) => ({
  enterprise: t.enterpriseName,
  tier: t.tier,
  year: t.year,
  stage: t.stage,
  batch: t.batch,
  reason: t.reason,
  owner: t.ownerName,
});

async function trackOf(tx: Tx, actor: Actor, id: string) {
  const [row] = await tracksQuery(tx).where(and(eq(cultivationTracks.id, id), scopedTrack(actor)));
  if (!row) throw new AppError('track.not_found');
  return row;
}

export async function listTracks(db: Db, actor: Actor, q: z.infer<typeof TrackQuery>) {
  const conds = [scopedTrack(actor)];
  if (q.year) conds.push(eq(cultivationTracks.year, q.year));
  if (q.tier) conds.push(eq(cultivationTracks.tier, q.tier));
  if (q.stage) conds.push(eq(cultivationTracks.stage, q.stage));
  if (q.enterpriseId) conds.push(eq(cultivationTracks.enterpriseId, q.enterpriseId));
  if (q.mine) conds.push(eq(cultivationTracks.ownerId, actor.id));
  const where = and(...conds);
  const rows = await tracksQuery(db)
    .where(where)
    .orderBy(desc(cultivationTracks.updatedAt))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [{ n }] = await db.select({ n: count() }).from(cultivationTracks).where(where);
  return { items: rows.map(present), total: n };
}

export async function createTrack(db: Db, actor: Actor, body: z.infer<typeof TrackCreate>) {
  return db.transaction(async (tx) => {
    const firm = await enterpriseRow(tx, actor, body.enterpriseId);
    await refuseMerged(tx, firm);
    if (body.ownerId) await checkAssignee(tx, actor, body.ownerId);
    const [row] = await tx
      .insert(cultivationTracks)
      .values({
        orgId: firm.orgId,
        enterpriseId: firm.id,
        tier: body.tier,
        year: body.year,
        ownerId: body.ownerId === undefined ? actor.id : body.ownerId,
        history: [event(actor, 'discovered', null)],
      })
      .onConflictDoNothing()
      .returning({ id: cultivationTracks.id });
    if (!row) throw new AppError('track.exists');
    await writeAudit(tx, actor, {
      action: 'create',
      entity: 'cultivation_track',
      entityId: row.id,
      orgId: firm.orgId,
      after: { enterprise: firm.name, tier: body.tier, year: body.year },
    });
    return present(await trackOf(tx, actor, row.id));
  });
}

/** 发现一批: every firm of a screening's standing for a tier joins the year's pool. */
export async function createTracksFromScreening(db: Db, actor: Actor, body: z.infer<typeof TrackBulkCreate>) {
  return db.transaction(async (tx) => {
    const [run] = await tx
      .select({ id: screeningRuns.id, orgId: screeningRuns.orgId })
      .from(screeningRuns)
      .where(
        and(
          eq(screeningRuns.id, body.runId),
          sql`${screeningRuns.orgId} in (select ${orgs.id} from ${orgs} where ${withinScope(actor)})`,
        ),
      );
    if (!run) throw new AppError('screening.not_found');
    const history = JSON.stringify([event(actor, 'discovered', `来自 ${body.runId.slice(0, 8)} 号筛查`)]);
    const inserted = (await tx.execute(sql`
      insert into ${cultivationTracks} (org_id, enterprise_id, tier, year, owner_id, history)
      select e.org_id, r.enterprise_id, ${body.tier}, ${body.year}, ${actor.id}, ${history}::jsonb
        from ${screeningFirms} r join ${enterprises} e on e.id = r.enterprise_id
       where r.run_id = ${run.id} and r.standings[${tierPosition(body.tier)}] = ${body.status}
      on conflict do nothing
      returning id`)) as unknown as { rows: { id: string }[] };
    const added = inserted.rows.length;
    // Nothing added (all already in the pool) changed nothing, so there is nothing to audit.
    if (added > 0)
      await writeAudit(tx, actor, {
        action: 'create',
        entity: 'cultivation_track',
        entityId: run.id,
        orgId: run.orgId,
        after: { fromScreening: run.id, tier: body.tier, status: body.status, year: body.year, added },
      });
    return { added };
  });
}

export async function moveTrack(db: Db, actor: Actor, id: string, body: z.infer<typeof TrackMove>) {
  return db.transaction(async (tx) => {
    const before = await trackOf(tx, actor, id);
    if (before.version !== body.version)
      throw new AppError('conflict.stale', { currentVersion: before.version });
    if (body.ownerId && body.ownerId !== before.ownerId) await checkAssignee(tx, actor, body.ownerId);
    const from = before.stage as TrackStage;
    const to = body.stage;
    const allowed = allowedMoves(from);
    const missing: string[] = [];
    if (to !== from && !allowed.includes(to)) {
      throw new AppError('track.invalid_move', {
        message: allowed.length
          ? `“${STAGE_ZH[from]}”之后只能进入：${allowed.map((s) => `“${STAGE_ZH[s]}”`).join('、')}`
          : `已“${STAGE_ZH[from]}”，本年度的培育路径已结束`,
      });
    }
    if (to === 'applied' && !(body.batch ?? before.batch)) missing.push('申报批次');
    if (to === 'rejected' && !body.reason) missing.push('未通过原因');
    if (to === 'certified' && !body.issuedOn) missing.push('认定日期');
    if (missing.length)
      throw new AppError('track.invalid_move', { message: `缺少：${missing.join('、')}`, missing });
    const note = body.note ?? (to === 'rejected' ? (body.reason ?? null) : null);
    const [row] = await tx
      .update(cultivationTracks)
      .set({
        stage: to,
        batch: body.batch ?? before.batch,
        reason: to === 'rejected' ? (body.reason ?? null) : before.reason,
        ownerId: body.ownerId === undefined ? before.ownerId : body.ownerId,
        history: [...before.history, event(actor, to, note)],
        version: before.version + 1,
        updatedAt: new Date(),
      })
      .where(and(eq(cultivationTracks.id, id), eq(cultivationTracks.version, body.version)))
      .returning({ orgId: cultivationTracks.orgId });
    if (!row) throw new AppError('conflict.stale');
    if (to === 'certified' && from !== 'certified') {
      // 认定 enters the registry as the firm's title, sourced to the user who recorded it.
      await tx
        .insert(qualifications)
        .values({
          enterpriseId: before.enterpriseId,
          tier: before.tier,
          certificateNo: body.certificateNo ?? null,
          issuedOn: body.issuedOn,
          expiresOn: body.expiresOn ?? null,
          provenance: {
            source: { kind: 'user', userId: actor.id, userName: actor.displayName },
            asOf: chinaToday(),
          },
        })
        .onConflictDoNothing();
    }
    const moved = await trackOf(tx, actor, id);
    await writeAudit(tx, actor, {
      action: 'update',
      entity: 'cultivation_track',
      entityId: id,
      orgId: row.orgId,
      before: auditView(before),
      after: { ...auditView(moved), note },
    });
    return present(moved);
  });
}
