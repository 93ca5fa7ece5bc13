/** Where a project may be seen from: the org that holds it and every org above it. Duplicates are
 *  looked for in the whole city, so two teams do not chase one firm. */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/client.js';
import { chainNodes, chains, enterprises, orgs, projects } from '../../../db/schema/index.js';
import type { Actor } from '../../access.js';
import { AppError } from '../../app-error.js';
import { visibleChain } from '../chains/chains.js';

export const inScope = (actor: Actor) =>
  sql`${projects.orgId} in (select id from ${orgs} where path like ${`${actor.orgPath}%`})`;

/** The path of the actor's city (the nearest ancestor of kind city), where duplicates are looked for. */
export async function cityPath(db: Tx, actor: Actor) {
  const res = (await db.execute(sql`
    select path from orgs where ${actor.orgPath} like path || '%' and kind = 'city' order by length(path) desc limit 1`)) as unknown as {
    rows: { path: string }[];
  };
  return res.rows[0]?.path ?? actor.orgPath;
}

export async function firmInScope(db: Tx, actor: Actor, id: string) {
  const [firm] = await db
    .select({ id: enterprises.id, name: enterprises.name, universe: enterprises.universe })
    .from(enterprises)
    .innerJoin(orgs, eq(orgs.id, enterprises.orgId))
    .where(and(eq(enterprises.id, id), sql`${orgs.path} like ${`${actor.orgPath}%`}`));
  if (!firm) throw new AppError('enterprise.not_found');
  return firm;
}

/** The project row if the actor may see it; 404 otherwise (never 403, which would confirm it exists). */
export async function scopedProject(db: Tx, actor: Actor, id: string) {
  const [p] = await db
    .select()
    .from(projects)
    .where(and(eq(projects.id, id), inScope(actor)));
  if (!p) throw new AppError('project.not_found');
  return p;
}

/** The same rule for raw SQL over `projects p`. */
export const pInScope = (actor: Actor) =>
  sql`p.org_id in (select id from orgs where path like ${`${actor.orgPath}%`})`;

/** A project's chain links must be nodes of chains its org sees (its own and the templates above it):
 *  another org's chain would otherwise show, by name, in this org's reports. */
export async function checkChainNodes(db: Tx, actor: Actor, ids: string[] | undefined) {
  const wanted = [...new Set(ids ?? [])];
  if (!wanted.length) return;
  const seen = await db
    .select({ id: chainNodes.id })
    .from(chainNodes)
    .innerJoin(chains, eq(chains.id, chainNodes.chainId))
    .where(and(inArray(chainNodes.id, wanted), visibleChain(actor)));
  if (seen.length !== wanted.length) throw new AppError('project.bad_chain_node', { field: 'chainNodeIds' });
}
