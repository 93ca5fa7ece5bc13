/** A chain node's strength in an org (优势 / 一般 / 薄弱 / 缺失), from published thresholds an org may
 *  edit. Pure: the numbers come from the node's placed local firms. */
import { z } from 'zod';

export const STRENGTHS = ['strong', 'average', 'weak', 'missing'] as const;
export type Strength = (typeof STRENGTHS)[number];
export const STRENGTH_NAMES: Record<Strength, string> = {
  strong: '优势',
  average: '一般',
  weak: '薄弱',
  missing: '缺失',
};

/** The four numbers, unchecked against each other: what is stored and answered. */
export const strengthThresholdFields = z.strictObject({
  /** 龙头: a local firm on the node with at least this revenue (元) in its latest year. */
  leaderRevenue: z.number().min(0),
  /** 优势: at least this many firms and either a 龙头 or this much revenue together (元). */
  strongFirms: z.int().min(1).max(100_000),
  strongRevenue: z.number().min(0),
  /** 一般: at least this many firms, or a 龙头 or a 高企 / 专精特新 firm among fewer. */
  averageFirms: z.int().min(1).max(100_000),
});

/** What makes a set of thresholds say something, as strengthOf reads them. A firm without revenue
 *  counts 0 元, so a 龙头 bar of 0 made every firm a 龙头 (and every node with any firm 一般 at least).
 *  优势 is tested before 一般: with the 优势 count at or below the 一般 count, one firm and a 龙头 made
 *  a node 优势 while forty firms without one were 薄弱. The revenue together is an alternative to a
 *  龙头, so below the 龙头 bar it would make the 龙头 route pointless, and at 0 it would drop the
 *  condition altogether (优势 by the count alone). */
export function checkThresholds(t: z.infer<typeof strengthThresholdFields>, ctx: z.RefinementCtx) {
  const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  if (!(t.leaderRevenue > 0)) issue('leaderRevenue', '龙头的营收标准应大于 0，否则每家企业都算龙头');
  if (t.strongFirms <= t.averageFirms)
    issue('strongFirms', `“优势”的企业数应多于“一般”的企业数（${t.averageFirms} 家）`);
  if (!(t.strongRevenue > 0)) issue('strongRevenue', '“优势”的合计营收标准应大于 0');
  else if (t.strongRevenue < t.leaderRevenue)
    issue('strongRevenue', '“优势”的合计营收标准不应低于龙头的营收标准（一家龙头即已达到）');
}

export const strengthThresholdsSchema = strengthThresholdFields.superRefine(checkThresholds);
export type StrengthThresholds = z.infer<typeof strengthThresholdsSchema>;

/** The defaults, and why: a district park (盐南高新区 has a few thousand firms) calls a link 优势 when
 *  it has a cluster (≥ 10 firms) with a 龙头 of ≥ 10 亿元 revenue or ≥ 50 亿元 together — the scale
 *  the regions' reports name as "链主"; 一般 when a handful of firms (≥ 3), a 龙头 or a certified
 *  innovator holds it; 薄弱 when one or two small firms without a title do; 缺失 when no local firm does. */
export const DEFAULT_THRESHOLDS: StrengthThresholds = {
  leaderRevenue: 1e9,
  strongFirms: 10,
  strongRevenue: 5e9,
  averageFirms: 3,
};

export type NodeFigures = {
  firms: number;
  revenue: number;
  hnte: number;
  specialized: number;
  leaders: number;
};

export function strengthOf(f: NodeFigures, t: StrengthThresholds): { strength: Strength; reason: string } {
  const yi = (v: number) => `${Math.round((v / 1e8) * 10) / 10} 亿元`;
  if (f.firms === 0) return { strength: 'missing', reason: '本地没有企业在此环节' };
  if (f.firms >= t.strongFirms && (f.leaders > 0 || f.revenue >= t.strongRevenue))
    return {
      strength: 'strong',
      reason:
        f.leaders > 0
          ? `${f.firms} 家企业，含 ${f.leaders} 家龙头（营收 ≥ ${yi(t.leaderRevenue)}）`
          : `${f.firms} 家企业，合计营收 ${yi(f.revenue)} ≥ ${yi(t.strongRevenue)}`,
    };
  if (f.firms >= t.averageFirms)
    return { strength: 'average', reason: `${f.firms} 家企业，尚无龙头或规模不足` };
  if (f.leaders > 0) return { strength: 'average', reason: `${f.firms} 家企业，其中有龙头，但企业数不足` };
  if (f.hnte + f.specialized > 0)
    return { strength: 'average', reason: `${f.firms} 家企业，其中有高企或专精特新企业` };
  return { strength: 'weak', reason: `仅 ${f.firms} 家企业，且无龙头、高企、专精特新企业` };
}
