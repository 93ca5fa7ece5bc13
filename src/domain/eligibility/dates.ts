// ISO calendar dates ('YYYY-MM-DD') as the engines use them. ISO strings compare correctly as strings,
// so most checks are string comparisons; day numbers are only needed for "days since".

/** Days since 1970-01-01 of an ISO date, by integer arithmetic (days from civil, proleptic Gregorian): no
 *  Date object, no time zone, and cheap enough to run for every firm of a screening. */
export function dayNumber(iso: string): number {
  let y =
    (iso.charCodeAt(0) - 48) * 1000 +
    (iso.charCodeAt(1) - 48) * 100 +
    (iso.charCodeAt(2) - 48) * 10 +
    iso.charCodeAt(3) -
    48;
  const m = (iso.charCodeAt(5) - 48) * 10 + iso.charCodeAt(6) - 48;
  const d = (iso.charCodeAt(8) - 48) * 10 + iso.charCodeAt(9) - 48;
  if (m <= 2) y--;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function isoYear(iso: string): number {
  return Number(iso.slice(0, 4));
}

/** The same calendar day `years` later (29 February becomes 28 February in a common year). */
export function addYears(iso: string, years: number): string {
  const y = Number(iso.slice(0, 4)) + years;
  const md = iso.slice(5, 10);
  if (md === '02-29' && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0))) return `${y}-02-28`;
  return `${String(y).padStart(4, '0')}-${md}`;
}

/** Whole years from `from` to `to` by calendar (a birthday count), 0 when `to` is before `from`. */
export function fullYears(from: string, to: string): number {
  let n = isoYear(to) - isoYear(from);
  if (to.slice(5, 10) < from.slice(5, 10)) n--;
  return Math.max(0, n);
}

/** Age as a person reads it: "10 年 1 个月" (whole months, by calendar). */
export function ageText(from: string, to: string): string {
  let months = (isoYear(to) - isoYear(from)) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7));
  if (to.slice(8, 10) < from.slice(8, 10)) months--;
  if (months < 0) months = 0;
  const y = Math.floor(months / 12);
  const m = months % 12;
  return y === 0 ? `${m} 个月` : m === 0 ? `${y} 年` : `${y} 年 ${m} 个月`;
}
