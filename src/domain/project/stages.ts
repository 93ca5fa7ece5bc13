/** 招商项目 stages: 线索 → 接洽 → 考察 → 评估 → 签约 → 落地 → 投产, with 暂停 and 终止 from any stage. A move
 *  is checked here — which moves exist and what each stage needs before a project may enter it — so the
 *  API, the kanban board's drag and the CLI refuse the same moves with the same Chinese message. */

export const PIPELINE = [
  'lead',
  'contact',
  'visit',
  'evaluation',
  'signing',
  'landing',
  'production',
] as const;
export type PipelineStage = (typeof PIPELINE)[number];
export const STAGES = [...PIPELINE, 'paused', 'terminated'] as const;
export type Stage = (typeof STAGES)[number];

export const STAGE_NAMES: Record<Stage, string> = {
  lead: '线索',
  contact: '接洽',
  visit: '考察',
  evaluation: '评估',
  signing: '签约',
  landing: '落地',
  production: '投产',
  paused: '暂停',
  terminated: '终止',
};

/** What a project holds that the stages ask for (money in 元, dates ISO). */
export type StageFacts = {
  contactPerson?: string | null;
  visitDate?: string | null;
  contractDate?: string | null;
  contractAmount?: number | null;
  localEnterpriseId?: string | null;
  landingDate?: string | null;
  productionDate?: string | null;
  reason?: string | null;
};

type Need = { field: keyof StageFacts; label: string };
/** What each stage needs before a project may enter it. */
export const STAGE_NEEDS: Partial<Record<Stage, Need[]>> = {
  contact: [{ field: 'contactPerson', label: '对接人' }],
  visit: [{ field: 'visitDate', label: '考察日期' }],
  signing: [
    { field: 'contractDate', label: '签约日期' },
    { field: 'contractAmount', label: '签约金额' },
  ],
  landing: [
    { field: 'localEnterpriseId', label: '落地注册企业' },
    { field: 'landingDate', label: '落地日期' },
  ],
  production: [{ field: 'productionDate', label: '投产日期' }],
  paused: [{ field: 'reason', label: '暂停原因' }],
  terminated: [{ field: 'reason', label: '终止原因' }],
};

export type MoveCheck =
  | { ok: true }
  | { ok: false; code: 'stage.not_allowed' | 'stage.missing'; message: string; missing: string[] };

const filled = (v: unknown) => v !== null && v !== undefined && !(typeof v === 'string' && v.trim() === '');

/** Moves that exist: one step forward along the pipeline, any step back (re-opening a stage), 暂停 and
 *  终止 from any stage but 终止, and from 暂停 back to the stage it was paused in. */
export function checkMove(
  from: Stage,
  to: Stage,
  facts: StageFacts,
  opts: { pausedFrom?: PipelineStage | null } = {},
): MoveCheck {
  const refuse = (message: string): MoveCheck => ({
    ok: false,
    code: 'stage.not_allowed',
    message,
    missing: [],
  });
  if (from === to) return refuse(`项目已处于“${STAGE_NAMES[to]}”阶段`);
  if (from === 'terminated') return refuse('项目已终止，不能再推进');
  if (from === 'paused') {
    if (to !== 'terminated' && to !== opts.pausedFrom)
      return refuse(`暂停的项目只能恢复到暂停前的“${STAGE_NAMES[opts.pausedFrom ?? 'lead']}”阶段，或终止`);
  } else if (to !== 'paused' && to !== 'terminated') {
    const i = PIPELINE.indexOf(from);
    const j = PIPELINE.indexOf(to);
    if (j > i + 1)
      return refuse(
        `不能从“${STAGE_NAMES[from]}”直接跳到“${STAGE_NAMES[to]}”，请先推进到“${STAGE_NAMES[PIPELINE[i + 1]]}”`,
      );
  }
  const back =
    from !== 'paused' &&
    PIPELINE.indexOf(to as PipelineStage) >= 0 &&
    PIPELINE.indexOf(to as PipelineStage) < PIPELINE.indexOf(from as PipelineStage);
  if (back || (from === 'paused' && to === opts.pausedFrom)) return { ok: true };
  const missing = (STAGE_NEEDS[to] ?? []).filter((n) => !filled(facts[n.field])).map((n) => n.label);
  if (missing.length)
    return {
      ok: false,
      code: 'stage.missing',
      message: `进入“${STAGE_NAMES[to]}”阶段还需填写：${missing.join('、')}`,
      missing,
    };
  return { ok: true };
}
