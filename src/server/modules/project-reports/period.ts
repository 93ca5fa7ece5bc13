/** Report periods are calendar periods in China's time, whatever the server's zone. */
import { sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

export const REPORT_TZ = 'Asia/Shanghai';

/** SQL: the local date of a timestamptz column. */
export const localDate = (col: AnyPgColumn | ReturnType<typeof sql>) =>
  sql`(${col} at time zone ${REPORT_TZ})::date`;

/** SQL: the column's local date lies in [from, to). */
export const inPeriod = (col: AnyPgColumn | ReturnType<typeof sql>, p: { from: string; to: string }) =>
  sql`(${localDate(col)} >= ${p.from}::date and ${localDate(col)} < ${p.to}::date)`;

/** SQL: today in China (the server may run in UTC, where 05:00 in Beijing is still yesterday). */
export const localToday = sql`(now() at time zone ${REPORT_TZ})::date`;
