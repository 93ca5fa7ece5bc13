/** Dates in China (ISO), as the bureaus count days: a server in UTC is still on yesterday until 08:00
 *  Beijing time. For "today" everywhere — "not in the future" checks, as-of dates, open windows, file
 *  names — never `toISOString().slice(0, 10)`, which is the UTC date. */
const CHINA_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' });

/** The date in China at an instant. */
export const chinaDate = (at: Date): string => CHINA_DAY.format(at);

export const chinaToday = (): string => chinaDate(new Date());

/** An instant as Beijing time, `2026-12-08 02:24:58`: what an exported timestamp shows, so it agrees
 *  with the file's date and the page's filters (both in Beijing time) instead of reading as UTC.
 *  A fixed +8 h is exact: China has kept UTC+8 without daylight saving since 1991. */
export const chinaDateTime = (at: Date): string =>
  new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
