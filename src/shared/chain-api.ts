/** API shapes of 产业链图谱: chains, their nodes with the org's figures, placements of firms. */
import { z } from 'zod';
import { chainSchema, SEGMENTS } from '../domain/chain/chain-schema.js';
import { checkThresholds, STRENGTHS, strengthThresholdFields } from '../domain/chain/strength.js';
import { TARGET_FACTORS, targetWeightsSchema } from '../domain/chain/targeting.js';
import { Paging } from './api.js';

export const PLACEMENT_STATUSES = ['auto', 'confirmed', 'rejected', 'added'] as const;

export const ChainSummary = z.object({
  id: z.uuid(),
  key: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  orgId: z.uuid(),
  orgName: z.string(),
  /** The actor may change it (its org owns it and the actor is an admin). */
  editable: z.boolean(),
  /** Place among the actor's org's leading chains ("3+1"), or null. */
  leading: z.int().nullable(),
  nodes: z.int(),
  version: z.int(),
});
export const ChainList = z.array(ChainSummary);

const Figures = z.object({
  firms: z.int(),
  revenue: z.number(),
  hnte: z.int(),
  specialized: z.int(),
  leaders: z.int(),
});
export const ChainNodeView = z.object({
  id: z.uuid(),
  parentId: z.uuid().nullable(),
  segment: z.enum(SEGMENTS),
  depth: z.int(),
  position: z.int(),
  name: z.string(),
  description: z.string().nullable(),
  keywords: z.array(z.string()),
  products: z.array(z.string()),
  technologies: z.array(z.string()),
  industryCodes: z.array(z.string()),
  version: z.int(),
  /** The org's local firms on this node or below it (confirmed, added or found, not rejected). */
  figures: Figures,
  strength: z.enum(STRENGTHS),
  strengthReason: z.string(),
});
export const ChainTree = z.object({
  chain: ChainSummary,
  thresholds: strengthThresholdFields,
  nodes: z.array(ChainNodeView),
  /** When the org's firms were last placed on this chain: null if never, or if every node of the chain
   *  was made after that (a chain just copied or imported). */
  placedAt: z.string().nullable(),
  /** Nodes made after the org's last placement: no firm is on them until the next 重新匹配. */
  unplacedNodes: z.int(),
});

export const ChainImport = chainSchema;
export const ChainImportQuery = z.object({
  dryRun: z.stringbool().optional().describe('只预览：返回将保留、新增、删除的节点数，不写入'),
});
export const ChainImportResult = z.object({
  /** Null only for a dry run that would create the chain. */
  id: z.uuid().nullable(),
  dryRun: z.boolean(),
  /** The org already had a chain with this key: it is updated in place. */
  replaced: z.boolean(),
  previousName: z.string().nullable(),
  /** Nodes below the segments after the import. */
  nodes: z.int(),
  /** Nodes found again by their path of names (their placements and users' decisions stay). */
  kept: z.int(),
  added: z.int(),
  removed: z.int(),
  /** Users' 确认 / 否决 / 手工添加 on the removed nodes, gone with them. */
  removedDecisions: z.int(),
});

const words = z.array(z.string().trim().min(1).max(40)).max(60);
const industryCodes = z.array(z.string().regex(/^\d{2}$/, '行业代码应为两位大类代码')).max(20);
const NodeFields = z.object({
  parentId: z.uuid(),
  name: z.string().trim().min(1).max(60),
  description: z.string().trim().max(500).optional(),
  keywords: words,
  products: words,
  technologies: words,
  industryCodes,
});
export const NodeCreate = NodeFields.extend({
  keywords: words.default([]),
  products: words.default([]),
  technologies: words.default([]),
  industryCodes: industryCodes.default([]),
});
// From the fields without defaults: zod fills a default even into a .partial() field, so a move or a
// rename (which sends neither) emptied the node's keywords, products, technologies and codes.
export const NodeUpdate = NodeFields.partial().extend({
  version: z.int().min(1),
  position: z.int().min(0).optional(),
});

export const LeadingChains = z.object({ chainIds: z.array(z.uuid()).max(12) });
// Extended from the plain fields (zod refuses to extend a refined object), then checked again.
export const ThresholdsBody = strengthThresholdFields
  .extend({ version: z.int().min(0) })
  .superRefine(checkThresholds);

export const NodeFirmQuery = Paging.extend({
  universe: z.enum(['local', 'target']).default('local'),
  status: z.enum(PLACEMENT_STATUSES).optional(),
});
export const NodeFirm = z.object({
  enterpriseId: z.uuid(),
  name: z.string(),
  uscc: z.string().nullable(),
  universe: z.string(),
  revenue: z.number().nullable(),
  revenueYear: z.int().nullable(),
  titles: z.array(z.string()),
  leader: z.boolean(),
  confidence: z.number(),
  reasons: z.array(z.string()),
  status: z.enum(PLACEMENT_STATUSES),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
});
export const NodeFirms = z.object({ items: z.array(NodeFirm), total: z.int() });
export const PlacementDecision = z.object({
  enterpriseId: z.uuid(),
  status: z.enum(['confirmed', 'rejected', 'added']),
});

export const WeightsBody = targetWeightsSchema.extend({ version: z.int().min(0) });
export const TargetQuery = z.object({ limit: z.coerce.number().int().min(1).max(500).default(50) });
const FactorScore = z.object({
  factor: z.enum(TARGET_FACTORS),
  name: z.string(),
  value: z.number(),
  weight: z.number(),
  points: z.number(),
  why: z.string(),
});
const TargetItem = z.object({
  enterpriseId: z.uuid(),
  name: z.string(),
  uscc: z.string().nullable(),
  regionCode: z.string().nullable().optional(),
  score: z.number(),
  factors: z.array(FactorScore),
});
export const TargetRanking = z.object({
  node: z.object({
    id: z.uuid(),
    name: z.string(),
    path: z.string(),
    chainId: z.uuid(),
    chainName: z.string(),
  }),
  weights: targetWeightsSchema,
  total: z.int(),
  items: z.array(TargetItem),
});
export const TargetListCreate = z.object({
  nodeId: z.uuid(),
  name: z.string().trim().min(1).max(80).optional(),
  limit: z.int().min(1).max(500).default(50),
});
export const TargetList = z.object({
  id: z.uuid(),
  name: z.string(),
  chainName: z.string(),
  nodePath: z.string(),
  nodeId: z.uuid().nullable(),
  weights: targetWeightsSchema,
  items: z.array(TargetItem),
  createdAt: z.string(),
});
export const TargetListSummary = TargetList.omit({ items: true }).extend({ firms: z.int() });
