/** Report periods are calendar periods in China's time, whatever the server's zone. */
import { sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { HIGH_QUALITY_TYPES } from '../../../domain/project/catalog.js';

export const REPORT_TZ = 'Asia/Shanghai';

/** SQL: the local date of a timestamptz column. */
export const localDate = (col: AnyPgColumn | ReturnType<typeof sql>) =>
  sql`(${col} at time zone ${REPORT_TZ})::date`;

/** SQL: the column's local date lies in [from, to). */
export const inPeriod = (col: AnyPgColumn | ReturnType<typeof sql>, p: { from: string; to: string }) =>
  sql`(${localDate(col)} >= ${p.from}::date and ${localDate(col)} < ${p.to}::date)`;

/** SQL: today in China (the server may run in UTC, where 05:00 in Beijing is still yesterday). */
export const localToday = sql`(now() at time zone ${REPORT_TZ})::date`;

/** SQL: the projects moved into `stage` within the period (a same-stage note is not a move). */
export const movedInto = (stage: string, p: { from: string; to: string }) => sql`(
    select distinct ev.project_id from project_events ev
     where ev.to_stage = ${stage} and ev.from_stage is distinct from ev.to_stage and ${inPeriod(sql`ev.at`, p)})`;

/** SQL list of the high-quality project types, for `p.type in (…)`. */
export const highQualityTypes = sql.join(
  HIGH_QUALITY_TYPES.map((t) => sql`${t}`),
  sql`, `,
);

/** 元 → 亿元 with two decimals, as the reports print money. */
export const toYi = (v: unknown) => Math.round((Number(v ?? 0) / 1e8) * 100) / 100;
