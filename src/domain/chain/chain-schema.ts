/** The industry-chain JSON format: what the templates ship as, what admins import and export. A chain is
 *  a tree — 上游 / 中游 / 下游 segments, then nodes down to three levels below a segment. */
import { z } from 'zod';

export const SEGMENTS = ['upstream', 'midstream', 'downstream'] as const;
export type Segment = (typeof SEGMENTS)[number];
export const SEGMENT_NAMES: Record<Segment, string> = {
  upstream: '上游',
  midstream: '中游',
  downstream: '下游',
};

/** Levels of nodes below a segment (the segment itself is level 0). */
export const MAX_NODE_DEPTH = 3;

/** Nodes of one chain at most (segments not counted). Real chains have 34–52; the per-level limits
 *  alone allowed some 650,000, and a file of 8,420 held the server for seconds while it was written. */
export const MAX_CHAIN_NODES = 500;

const term = z.string().trim().min(1).max(40);
const terms = z.array(term).max(60).default([]);

export type ChainNodeInput = {
  name: string;
  description?: string;
  keywords: string[];
  products: string[];
  technologies: string[];
  /** GB/T 4754-2017 两位大类, e.g. "38" (电气机械和器材制造业). */
  industryCodes: string[];
  children: ChainNodeInput[];
};

export const chainNodeSchema: z.ZodType<ChainNodeInput, z.input<z.ZodTypeAny>> = z.lazy(() =>
  z.strictObject({
    name: z.string().trim().min(1).max(60),
    description: z.string().trim().max(500).optional(),
    keywords: terms,
    products: terms,
    technologies: terms,
    industryCodes: z
      .array(z.string().regex(/^\d{2}$/, '行业代码应为两位国民经济行业大类代码，如 38'))
      .max(20)
      .default([]),
    children: z.array(chainNodeSchema).max(60).default([]),
  }),
);

export const chainSegmentSchema = z.strictObject({
  segment: z.enum(SEGMENTS),
  name: z.string().trim().min(1).max(20).optional(),
  description: z.string().trim().max(500).optional(),
  children: z.array(chainNodeSchema).max(60).default([]),
});

export const chainSchema = z
  .strictObject({
    key: z
      .string()
      .regex(/^[a-z][a-z0-9_-]{1,39}$/, '链编码只能用小写字母、数字、下划线和连字符，以字母开头'),
    name: z.string().trim().min(1).max(40),
    description: z.string().trim().max(1000).optional(),
    segments: z.array(chainSegmentSchema).min(1).max(3),
  })
  .superRefine((c, ctx) => {
    const seen = new Set<string>();
    let count = 0;
    c.segments.forEach((s, i) => {
      if (seen.has(s.segment))
        ctx.addIssue({ code: 'custom', path: ['segments', i, 'segment'], message: '同一环节出现了两次' });
      seen.add(s.segment);
      const walk = (nodes: ChainNodeInput[], depth: number, path: (string | number)[]) => {
        // Siblings are told apart by name: a re-import finds each node again by its path of names.
        const names = new Set<string>();
        nodes.forEach((n, j) => {
          count++;
          if (depth > MAX_NODE_DEPTH)
            ctx.addIssue({ code: 'custom', path: [...path, j], message: `节点最多 ${MAX_NODE_DEPTH} 级` });
          if (names.has(n.name))
            ctx.addIssue({
              code: 'custom',
              path: [...path, j, 'name'],
              message: `同一上级下已有名为“${n.name}”的节点，同级节点不能重名`,
            });
          names.add(n.name);
          walk(n.children, depth + 1, [...path, j, 'children']);
        });
      };
      walk(s.children, 1, ['segments', i, 'children']);
    });
    if (count > MAX_CHAIN_NODES)
      ctx.addIssue({
        code: 'custom',
        path: ['segments'],
        message: `一条产业链最多 ${MAX_CHAIN_NODES} 个节点，此文件有 ${count} 个（常见的产业链为 30–60 个节点）`,
      });
  });

export type ChainInput = z.infer<typeof chainSchema>;

/** Every node of a chain (segments excluded), depth first. */
export function chainNodes(c: ChainInput): ChainNodeInput[] {
  const out: ChainNodeInput[] = [];
  const walk = (nodes: ChainNodeInput[]) => {
    for (const n of nodes) {
      out.push(n);
      walk(n.children);
    }
  };
  for (const s of c.segments) walk(s.children);
  return out;
}
