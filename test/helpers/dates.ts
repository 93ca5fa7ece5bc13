/** Days as the server counts them: in China (the reports, follow-ups and expiries use Beijing's date). */
export const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

/** The ISO date `n` days after (or before, when negative) today in China. */
export function daysFromToday(n: number): string {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
