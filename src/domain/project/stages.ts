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

/** The same in English, for an English interface and English error messages. */
export const STAGE_NAMES_EN: Record<Stage, string> = {
  lead: 'Lead',
  contact: 'Contact',
  visit: 'Visit',
  evaluation: 'Evaluation',
  signing: 'Signing',
  landing: 'Landing',
  production: 'Production',
  paused: 'Paused',
  terminated: 'Terminated',
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

export type Need = { field: keyof StageFacts; label: string; labelEn: string };
/** What each stage needs before a project may enter it. */
export const STAGE_NEEDS: Partial<Record<Stage, Need[]>> = {
  contact: [{ field: 'contactPerson', label: '对接人', labelEn: 'contact person' }],
  visit: [{ field: 'visitDate', label: '考察日期', labelEn: 'visit date' }],
  signing: [
    { field: 'contractDate', label: '签约日期', labelEn: 'contract date' },
    { field: 'contractAmount', label: '签约金额', labelEn: 'contract amount' },
  ],
  landing: [
    { field: 'localEnterpriseId', label: '落地注册企业', labelEn: 'local registered firm' },
    { field: 'landingDate', label: '落地日期', labelEn: 'landing date' },
  ],
  production: [{ field: 'productionDate', label: '投产日期', labelEn: 'production date' }],
  paused: [{ field: 'reason', label: '暂停原因', labelEn: 'reason for pausing' }],
  terminated: [{ field: 'reason', label: '终止原因', labelEn: 'reason for ending' }],
};

export type MoveCheck =
  | { ok: true }
  | {
      ok: false;
      code: 'stage.not_allowed' | 'stage.missing' | 'stage.date_order';
      message: string;
      /** The same reason in English. */
      messageEn: string;
      missing: string[];
    };

const filled = (v: unknown) => v !== null && v !== undefined && !(typeof v === 'string' && v.trim() === '');

/** Moves that exist: one step forward along the pipeline, any step back (re-opening a stage), 暂停 and
 *  终止 from any stage but 终止, and from 暂停 back to the stage it was paused in. */
export function checkMove(
  from: Stage,
  to: Stage,
  facts: StageFacts,
  opts: { pausedFrom?: PipelineStage | null } = {},
): MoveCheck {
  const refuse = (message: string, messageEn: string): MoveCheck => ({
    ok: false,
    code: 'stage.not_allowed',
    message,
    messageEn,
    missing: [],
  });
  const en = STAGE_NAMES_EN;
  if (from === to) return refuse(`项目已处于“${STAGE_NAMES[to]}”阶段`, `The project is already at ${en[to]}`);
  if (from === 'terminated') return refuse('项目已终止，不能再推进', 'The project has ended and cannot move');
  if (from === 'paused') {
    const back = opts.pausedFrom ?? 'lead';
    if (to !== 'terminated' && to !== opts.pausedFrom)
      return refuse(
        `暂停的项目只能恢复到暂停前的“${STAGE_NAMES[back]}”阶段，或终止`,
        `A paused project can only resume at ${en[back]}, where it was paused, or end`,
      );
  } else if (to !== 'paused' && to !== 'terminated') {
    const i = PIPELINE.indexOf(from);
    const j = PIPELINE.indexOf(to);
    if (j > i + 1)
      return refuse(
        `不能从“${STAGE_NAMES[from]}”直接跳到“${STAGE_NAMES[to]}”，请先推进到“${STAGE_NAMES[PIPELINE[i + 1]]}”`,
        `${en[from]} cannot jump to ${en[to]}; move it to ${en[PIPELINE[i + 1]]} first`,
      );
  }
  const back =
    from !== 'paused' &&
    PIPELINE.indexOf(to as PipelineStage) >= 0 &&
    PIPELINE.indexOf(to as PipelineStage) < PIPELINE.indexOf(from as PipelineStage);
  if (back || (from === 'paused' && to === opts.pausedFrom)) return { ok: true };
  const needs = (STAGE_NEEDS[to] ?? []).filter((n) => !filled(facts[n.field]));
  if (needs.length)
    return {
      ok: false,
      code: 'stage.missing',
      message: `进入“${STAGE_NAMES[to]}”阶段还需填写：${needs.map((n) => n.label).join('、')}`,
      messageEn: `To enter ${en[to]}, still needed: ${needs.map((n) => n.labelEn).join(', ')}`,
      missing: needs.map((n) => n.label),
    };
  const order = dateOrder(facts);
  if (order) return { ok: false, code: 'stage.date_order', missing: [], ...order };
  return { ok: true };
}

/** A move back along the pipeline (落地 → 签约, say, correcting a landing recorded by mistake): the facts
 *  of every stage after the one moved back to no longer stand — 签约日期/签约金额 when going back before
 *  签约, 落地注册企业/落地日期 before 落地, 投产日期 before 投产 — so the move clears them (the move's note
 *  and the audit log keep their values). Empty for a forward move, 暂停, 终止 or a resume. */
export function factsUndoneBy(from: Stage, to: Stage): Need[] {
  const i = PIPELINE.indexOf(from as PipelineStage);
  const j = PIPELINE.indexOf(to as PipelineStage);
  if (i < 0 || j < 0 || j >= i) return [];
  return PIPELINE.slice(j + 1).flatMap((s) => STAGE_NEEDS[s] ?? []);
}

/** The dates a project collects, in the order they happen. */
const DATED: Need[] = [
  { field: 'visitDate', label: '考察日期', labelEn: 'visit date' },
  { field: 'contractDate', label: '签约日期', labelEn: 'contract date' },
  { field: 'landingDate', label: '落地日期', labelEn: 'landing date' },
  { field: 'productionDate', label: '投产日期', labelEn: 'production date' },
];

/** The first pair of a project's dates out of order (signing before the visit, landing before signing,
 *  production before landing), or null: such a record reads as impossible in every report. */
export function dateOrder(facts: StageFacts): { message: string; messageEn: string } | null {
  for (let j = 1; j < DATED.length; j++)
    // Against the nearest earlier date first: a landing is measured against the signing, not the visit.
    for (let i = j - 1; i >= 0; i--) {
      const a = facts[DATED[i].field];
      const b = facts[DATED[j].field];
      if (typeof a === 'string' && typeof b === 'string' && b < a)
        return {
          message: `${DATED[j].label}（${b}）不能早于${DATED[i].label}（${a}）`,
          messageEn: `The ${DATED[j].labelEn} (${b}) cannot be before the ${DATED[i].labelEn} (${a})`,
        };
    }
  return null;
}
