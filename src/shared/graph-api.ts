/** API shapes of 企业图谱: entities (firms, persons, institutions), relations, and the graph queries. */
import { z } from 'zod';
import { RELATION_KINDS } from '../domain/graph/algorithms.js';

export const GraphEntity = z.object({
  id: z.uuid(),
  type: z.enum(['enterprise', 'person', 'institution']),
  name: z.string(),
  uscc: z.string().nullable(),
  universe: z.string().nullable(),
});
export const GraphEdge = z.object({
  id: z.uuid(),
  kind: z.enum(RELATION_KINDS),
  kindName: z.string(),
  from: z.uuid(),
  to: z.uuid(),
  share: z.number().nullable(),
  round: z.string().nullable(),
  amount: z.number().nullable(),
  asOf: z.string().nullable(),
  source: z.string(),
});
const kindsParam = z
  .string()
  .max(200)
  .optional()
  .transform((s, ctx) => {
    if (!s) return undefined;
    const kinds = s.split(',').map((k) => k.trim());
    const bad = kinds.filter((k) => !(RELATION_KINDS as readonly string[]).includes(k));
    if (bad.length) {
      ctx.addIssue({ code: 'custom', message: `不认识的关系类型：${bad.join('、')}` });
      return z.NEVER;
    }
    return kinds as (typeof RELATION_KINDS)[number][];
  });
export const NeighbourQuery = z.object({
  id: z.uuid(),
  hops: z.coerce.number().int().min(1).max(4).default(1),
  kinds: kindsParam,
  limit: z.coerce.number().int().min(1).max(2000).default(300),
});
export const Neighbourhood = z.object({
  center: z.uuid(),
  nodes: z.array(GraphEntity.extend({ depth: z.int() })),
  edges: z.array(GraphEdge),
  truncated: z.boolean(),
});
export const Controller = z.object({
  controller: GraphEntity.nullable(),
  /** From the controller down to the firm, each step with the share held. */
  path: z.array(z.object({ entity: GraphEntity, share: z.number().nullable() })),
  product: z.number().nullable(),
});
export const Group = z.object({
  controller: GraphEntity.nullable(),
  members: z.array(z.object({ entity: GraphEntity, share: z.number() })),
});
export const PathQuery = z.object({
  from: z.uuid(),
  to: z.uuid(),
  maxHops: z.coerce.number().int().min(1).max(8).default(6),
  kinds: kindsParam,
});
export const GraphPath = z.object({
  found: z.boolean(),
  nodes: z.array(GraphEntity),
  edges: z.array(GraphEdge),
});
export const RelationImportResult = z.object({
  inserted: z.int(),
  updated: z.int(),
  unchanged: z.int(),
  rejected: z.int(),
  errors: z.array(z.object({ row: z.int(), column: z.string(), code: z.string(), message: z.string() })),
  /** Rows imported but worth a check, e.g. a firm whose shareholders now add up to over 100 %. */
  warnings: z.array(z.object({ code: z.string(), message: z.string() })),
});
