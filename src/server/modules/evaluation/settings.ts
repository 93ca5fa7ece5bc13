/** An org's evaluation rules — the due-diligence checklist (editable), the fusion weights and the
 *  committee's disagreement threshold — falling back to the nearest org above it, then the defaults. */
import { sql } from 'drizzle-orm';
import type { Tx } from '../../../db/client.js';
import { DEFAULT_DISAGREEMENT, type DisagreementRule } from '../../../domain/committee/aggregate.js';
import { DEFAULT_FUSION, type FusionWeights } from '../../../domain/decision/fuse.js';
import type { Actor } from '../../access.js';

export type ChecklistItem = { name: string; veto: boolean };

/** The default 市场尽调 checklist; the first three are veto items (a 不通过 caps the decision). */
export const DEFAULT_CHECKLIST: ChecklistItem[] = [
  { name: '工商与股权核验', veto: true },
  { name: '涉诉与失信', veto: true },
  { name: '财务真实性', veto: true },
  { name: '核心技术核验', veto: false },
  { name: '团队背调', veto: false },
  { name: '客户与市场访谈', veto: false },
  { name: '资金与落地意愿', veto: false },
];

export async function evaluationRules(db: Tx, actor: Pick<Actor, 'orgPath'>) {
  const res = (await db.execute(sql`
    select s.checklist, s.fusion, s.disagreement from evaluation_settings s join orgs o on o.id = s.org_id
     where ${actor.orgPath} like o.path || '%' order by length(o.path) desc limit 1`)) as unknown as {
    rows: {
      checklist: ChecklistItem[] | null;
      fusion: FusionWeights | null;
      disagreement: DisagreementRule | null;
    }[];
  };
  const r = res.rows[0];
  return {
    checklist: r?.checklist ?? DEFAULT_CHECKLIST,
    fusion: r?.fusion ?? DEFAULT_FUSION,
    disagreement: r?.disagreement ?? DEFAULT_DISAGREEMENT,
  };
}

export async function checklistFor(db: Tx, actor: Pick<Actor, 'orgPath'>) {
  return (await evaluationRules(db, actor)).checklist;
}
