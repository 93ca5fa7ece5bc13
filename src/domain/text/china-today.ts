/** Dates in China (ISO), as the bureaus count days: a server in UTC is still on yesterday until 08:00
 *  Beijing time. For "today" everywhere — "not in the future" checks, as-of dates, open windows, file
 *  names — never `toISOString().slice(0, 10)`, which is the UTC date. */
const CHINA_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' });

/** The date in China at an instant. */
export const chinaDate = (at: Date): string => CHINA_DAY.format(at);

export const chinaToday = (): string => chinaDate(new Date());
