/** Date options (--date, --from, --to) checked before any work starts, in Chinese. */
import { CliError } from './backup.js';

/** A real calendar day as YYYY-MM-DD. Parsed by hand: `new Date('2026-13-01')` is an Invalid Date whose
 *  toISOString() throws a bare RangeError, and `2026-02-30` would roll over to March. */
export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const at = new Date(Date.UTC(y, mo - 1, d));
  return at.getUTCFullYear() === y && at.getUTCMonth() === mo - 1 && at.getUTCDate() === d;
}

/** The option's value if it is a valid date, undefined if absent; otherwise a CliError naming the flag. */
export function dateOption(flag: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!isIsoDate(value)) throw new CliError(`${flag} 应为 YYYY-MM-DD 格式的有效日期，实际为 ${value}`);
  return value;
}
