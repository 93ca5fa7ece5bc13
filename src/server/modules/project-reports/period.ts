/** Report periods are calendar periods in China's time, whatever the server's zone. */
import { sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { HIGH_QUALITY_TYPES } from '../../../domain/project/catalog.js';
import { PIPELINE, type PipelineStage } from '../../../domain/project/stages.js';

export const REPORT_TZ = 'Asia/Shanghai';

/** SQL: the local date of a timestamptz column. */
export const localDate = (col: AnyPgColumn | ReturnType<typeof sql>) =>
  sql`(${col} at time zone ${REPORT_TZ})::date`;

/** SQL: the column's local date lies in [from, to). */
export const inPeriod = (col: AnyPgColumn | ReturnType<typeof sql>, p: { from: string; to: string }) =>
  sql`(${localDate(col)} >= ${p.from}::date and ${localDate(col)} < ${p.to}::date)`;

/** SQL: today in China (the server may run in UTC, where 05:00 in Beijing is still yesterday). */
export const localToday = sql`(now() at time zone ${REPORT_TZ})::date`;

/** SQL: the pipeline in order, and a stage's place in it (null for 暂停 and 终止). */
const PIPELINE_SQL = sql`array[${sql.join(
  PIPELINE.map((s) => sql`${s}`),
  sql`, `,
)}]::text[]`;
const place = (stage: ReturnType<typeof sql>) => sql`array_position(${PIPELINE_SQL}, ${stage})`;

/** SQL, for a stage event aliased `ev`: a later move took the project back before `ev`'s stage (落地
 *  → 签约 undoes the landing, not the signing), so `ev` no longer stands. */
export const undoneLater = (ev: string) => sql`exists (
    select 1 from project_events b
     where b.project_id = ${sql.raw(ev)}.project_id and b.at > ${sql.raw(ev)}.at
       and ${place(sql`b.to_stage`)} < ${place(sql.raw(`${ev}.to_stage`))})`;

/** SQL: the projects moved into `stage` within the period and still standing there. An entry is a move
 *  forward into the stage (from an earlier one: not a resume from 暂停, not a step back from a later
 *  stage), and it stands unless a later move took the project back before the stage — a landing
 *  corrected back to 签约 is no landing, in this period or any other, until the project lands again. */
export const movedInto = (stage: PipelineStage, p: { from: string; to: string }) => sql`(
    select distinct ev.project_id from project_events ev
     where ev.to_stage = ${stage} and ${place(sql`ev.from_stage`)} < ${place(sql`ev.to_stage`)}
       and ${inPeriod(sql`ev.at`, p)} and not ${undoneLater('ev')})`;

/** SQL list of the high-quality project types, for `p.type in (…)`. */
export const highQualityTypes = sql.join(
  HIGH_QUALITY_TYPES.map((t) => sql`${t}`),
  sql`, `,
);

/** 元 → 亿元 with two decimals, as the reports print money. */
export const toYi = (v: unknown) => Math.round((Number(v ?? 0) / 1e8) * 100) / 100;
