/** 疑似重复: candidate pairs (same uscc, or near-identical names in one region), merging one firm into
 *  another without losing a fact or its source, and remembering a reviewer's "not the same". */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/client.js';
import {
  awards,
  duplicateDismissals,
  enterpriseIp,
  enterprises,
  enterpriseYears,
  fundingRounds,
  orgs,
  qualifications,
  rdInstitutions,
} from '../../../db/schema/index.js';
import { searchTerms } from '../../../domain/enterprise/search-terms.js';
import { nameSimilarity } from '../../../domain/text/company-name.js';
import type { Actor } from '../../access.js';
import { AppError } from '../../app-error.js';
import { writeAudit } from '../../audit.js';
import { withinScope } from '../../scope.js';
import { enterpriseRow, getEnterprise, latestOf, presentSummary, refuseMerged } from './service.js';

const SIMILAR = 0.8;
const MAX_PAIRS = 2000;

export async function findDuplicates(db: Db, actor: Actor, page: number, pageSize: number) {
  const a = enterprises;
  // Candidates share an org and either a uscc, or a region (or both lack one) and the first two
  // characters of the core name; the similarity itself is computed below. Two equi-joins rather than one
  // join on an OR, which the planner could only answer by comparing every pair (6 s for 1,600 firms on
  // PGlite). UNION ALL, the second branch leaving out what the first found, and no re-join: the LIMIT
  // then stops the scan early; with UNION's de-duplication every candidate of a 50,000-firm registry
  // was built first (over a minute).
  // One org's registry only: another org may hold the same firm as its own record (a 南通 target that
  // is 盐南's local firm), and a merge across orgs would take the firm from that org.
  // Never null: with one code missing, `x.uscc = y.uscc` is null and `not` of it would drop the pair.
  const same = sql`coalesce(x.uscc = y.uscc, false)`;
  const columns = sql`x.id as a_id, y.id as b_id, ${same} as same_uscc, x.name_core as a_core,
           y.name_core as b_core, x.name_normalized as a_norm, y.name_normalized as b_norm`;
  const undismissed = sql`not exists (select 1 from ${duplicateDismissals} d where d.a_id = x.id and d.b_id = y.id)`;
  const rows = await db.execute(sql`
    with f as materialized (
      select id, org_id, uscc, coalesce(region_code, '') as region, left(name_core, 2) as head,
             name_core, name_normalized
        from ${a}
       where merged_into is null
         and org_id in (select ${orgs.id} from ${orgs} where ${withinScope(actor)})
    )
    (select ${columns} from f x join f y on y.org_id = x.org_id and y.uscc = x.uscc
      where x.id < y.id and ${undismissed})
    union all
    (select ${columns} from f x join f y
        on y.org_id = x.org_id and y.region = x.region and y.head = x.head
      where x.id < y.id and not ${same} and ${undismissed})
    limit ${MAX_PAIRS * 5}`);
  type R = {
    a_id: string;
    b_id: string;
    same_uscc: boolean;
    a_core: string;
    b_core: string;
    a_norm: string;
    b_norm: string;
  };
  const pairs = (rows as unknown as { rows: R[] }).rows
    .map((r) => ({ ...r, similarity: r.a_norm === r.b_norm ? 1 : nameSimilarity(r.a_core, r.b_core) }))
    .filter((r) => r.same_uscc || r.similarity >= SIMILAR)
    .sort((p, q) => Number(q.same_uscc) - Number(p.same_uscc) || q.similarity - p.similarity)
    .slice(0, MAX_PAIRS);
  const slice = pairs.slice((page - 1) * pageSize, page * pageSize);
  const ids = [...new Set(slice.flatMap((p) => [p.a_id, p.b_id]))];
  const firms = ids.length ? await db.select().from(enterprises).where(inArray(enterprises.id, ids)) : [];
  const latest = await latestOf(db, ids);
  const byId = new Map(
    firms.map((f) => [
      f.id,
      presentSummary(f, latest.get(f.id) ?? { latestYear: null, revenue: null, employees: null, tiers: [] }),
    ]),
  );
  return {
    items: slice.map((p) => ({
      a: byId.get(p.a_id) as ReturnType<typeof presentSummary>,
      b: byId.get(p.b_id) as ReturnType<typeof presentSummary>,
      reason: p.same_uscc ? ('same_uscc' as const) : ('similar_name' as const),
      similarity: Math.round(p.similarity * 1000) / 1000,
    })),
    total: pairs.length,
  };
}

export async function dismissDuplicate(db: Db, actor: Actor, aId: string, bId: string) {
  const [x, y] = aId < bId ? [aId, bId] : [bId, aId];
  await db.transaction(async (tx) => {
    const first = await enterpriseRow(tx, actor, x);
    await enterpriseRow(tx, actor, y);
    await tx.insert(duplicateDismissals).values({ aId: x, bId: y, userId: actor.id }).onConflictDoNothing();
    await writeAudit(tx, actor, {
      action: 'create',
      entity: 'duplicate_dismissal',
      entityId: `${x}:${y}`,
      orgId: first.orgId,
      after: { aId: x, bId: y },
    });
  });
}

/** Moves every fact of `mergeId` onto `keepId`: its names become former names, its empty fields are
 *  filled with their sources, its years, IP, titles, institutions, rounds and awards move over. */
export async function mergeEnterprises(
  db: Db,
  actor: Actor,
  input: { keepId: string; mergeId: string; keepVersion: number; mergeVersion: number },
) {
  if (input.keepId === input.mergeId)
    throw new AppError('request.invalid', [{ field: 'body.mergeId', message: '不能把企业合并到它自己' }]);
  return db.transaction(async (tx) => {
    const keep = await enterpriseRow(tx, actor, input.keepId);
    const gone = await enterpriseRow(tx, actor, input.mergeId);
    if (keep.version !== input.keepVersion || gone.version !== input.mergeVersion)
      throw new AppError('conflict.stale');
    await refuseMerged(tx, keep);
    await refuseMerged(tx, gone);
    if (keep.orgId !== gone.orgId) throw new AppError('enterprise.merge_other_org');
    const fill: Record<string, unknown> = {};
    const fields = { ...keep.provenance.fields };
    for (const col of [
      'uscc',
      'legalRep',
      'establishedOn',
      'registeredCapital',
      'regionCode',
      'address',
      'industrySection',
      'industryDivision',
      'businessScope',
      'mainProducts',
    ] as const) {
      if ((keep[col] === null || keep[col] === undefined) && gone[col] !== null && gone[col] !== undefined) {
        fill[col] = gone[col];
        fields[col] = gone.provenance.fields?.[col] ?? {
          source: gone.provenance.source,
          asOf: gone.provenance.asOf,
        };
      }
    }
    // 是否上市 has no "unknown": a listing either record knows of stands.
    if (!keep.listed && gone.listed) {
      fill.listed = true;
      fields.listed = gone.provenance.fields?.listed ?? {
        source: gone.provenance.source,
        asOf: gone.provenance.asOf,
      };
    }
    const known = new Set([keep.name, ...keep.aliases.map((a) => a.name)]);
    const aliases = [...keep.aliases];
    for (const a of [{ name: gone.name, kind: 'former' as const }, ...gone.aliases]) {
      if (!known.has(a.name)) {
        aliases.push(a);
        known.add(a.name);
      }
    }
    // The merged row's uscc must be released before the kept row can take it.
    await tx
      .update(enterprises)
      .set({ mergedInto: keep.id, version: gone.version + 1, updatedAt: new Date() })
      .where(eq(enterprises.id, gone.id));
    const [after] = await tx
      .update(enterprises)
      .set({
        ...fill,
        aliases,
        ...searchTerms(keep.name, aliases),
        reviewReason: null,
        provenance: { ...keep.provenance, fields },
        version: keep.version + 1,
        updatedAt: new Date(),
      })
      .where(eq(enterprises.id, keep.id))
      .returning();
    await moveFacts(tx, gone.id, keep.id);
    await writeAudit(tx, actor, {
      action: 'update',
      entity: 'enterprise',
      entityId: keep.id,
      orgId: keep.orgId,
      before: { name: keep.name, aliases: keep.aliases, ...pickKeys(keep, Object.keys(fill)) },
      after: {
        name: after.name,
        aliases: after.aliases,
        mergedFrom: gone.uscc ? `${gone.name}（${gone.uscc}）` : gone.name,
        ...fill,
      },
    });
    await writeAudit(tx, actor, {
      action: 'update',
      entity: 'enterprise',
      entityId: gone.id,
      orgId: gone.orgId,
      before: { mergedInto: null },
      after: { mergedInto: keep.uscc ? `${keep.name}（${keep.uscc}）` : keep.name },
    });
    return getEnterprise(tx, actor, keep.id);
  });
}

function pickKeys(row: Record<string, unknown> | object, keys: string[]) {
  const r = row as Record<string, unknown>;
  return Object.fromEntries(keys.map((k) => [k, r[k] ?? null]));
}

async function moveFacts(tx: Tx, from: string, to: string) {
  const keptYears = new Set(
    (
      await tx
        .select({ y: enterpriseYears.year })
        .from(enterpriseYears)
        .where(eq(enterpriseYears.enterpriseId, to))
    ).map((r) => r.y),
  );
  const goneYears = await tx.select().from(enterpriseYears).where(eq(enterpriseYears.enterpriseId, from));
  for (const y of goneYears) {
    if (keptYears.has(y.year)) {
      // Both have the year: the kept figures stand, its gaps are filled from the merged firm.
      const [k] = await tx
        .select()
        .from(enterpriseYears)
        .where(and(eq(enterpriseYears.enterpriseId, to), eq(enterpriseYears.year, y.year)));
      const gaps = Object.fromEntries(
        Object.entries(y).filter(
          ([c, v]) =>
            v !== null &&
            !['enterpriseId', 'year', 'provenance'].includes(c) &&
            (k as Record<string, unknown>)[c] === null,
        ),
      );
      if (Object.keys(gaps).length)
        await tx
          .update(enterpriseYears)
          .set(gaps)
          .where(and(eq(enterpriseYears.enterpriseId, to), eq(enterpriseYears.year, y.year)));
    } else {
      await tx
        .update(enterpriseYears)
        .set({ enterpriseId: to })
        .where(and(eq(enterpriseYears.enterpriseId, from), eq(enterpriseYears.year, y.year)));
    }
  }
  await tx.execute(
    sql`update ${enterpriseIp} set enterprise_id = ${to} where enterprise_id = ${from} and kind not in (select kind from ${enterpriseIp} where enterprise_id = ${to})`,
  );
  await tx.execute(
    sql`update ${qualifications} set enterprise_id = ${to} where enterprise_id = ${from} and (tier, issued_on) not in (select tier, issued_on from ${qualifications} where enterprise_id = ${to} and issued_on is not null)`,
  );
  for (const t of [rdInstitutions, fundingRounds, awards])
    await tx.update(t).set({ enterpriseId: to }).where(eq(t.enterpriseId, from));
}
