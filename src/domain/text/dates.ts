// Dates as they arrive: "2019/5/1", "2019年5月1日", "20190501", Excel serials, exceljs Date objects.
// The result is always an ISO calendar date ('YYYY-MM-DD'); a time of day is dropped, never shifted.
import { parseNumeral } from './numeral.js';

export type DateResult = { ok: true; value: string | null } | { ok: false; code: string; message: string };

// Years outside this window are typos (2109, 1019) in every column KeZhao imports.
const MIN_YEAR = 1900;
const MAX_YEAR = 2100;
// A bare number in this window is an Excel serial (1954-10-03 … 2119-01-11); below it, 2019 or 500 is
// far more likely a year or a mistake than a date in the 1900s.
const SERIAL_MIN = 20000;
const SERIAL_MAX = 80000;

const BLANK = /^(|-+|—+|–+|\/|N\/?A|#N\/A|NULL|无|暂无|不详|未知)$/i;
const DAY_MS = 86_400_000;

/** The ISO date of an Excel serial (1900 system unless `date1904`); null for serials that name no day. */
export function excelSerialToIso(serial: number, options: { date1904?: boolean } = {}): string | null {
  if (!Number.isFinite(serial)) return null;
  const day = Math.floor(serial); // the fraction is the time of day
  if (options.date1904)
    return day >= 0 && day <= 2957003 ? utcIso(Date.UTC(1904, 0, 1) + day * DAY_MS) : null;
  if (day < 1 || day > 2958465) return null;
  // Excel keeps Lotus 1-2-3's fictitious 1900-02-29 as serial 60, so serials after it are one day ahead.
  if (day === 60) return null;
  const epoch = day < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  return utcIso(epoch + day * DAY_MS);
}

/** Parses a cell into an ISO date, null for an empty cell, or a Chinese reason the value is not a date. */
export function parseDate(value: unknown, options: { date1904?: boolean } = {}): DateResult {
  if (value === null || value === undefined) return { ok: true, value: null };
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return failure('date.invalid', '无效的日期');
    // exceljs gives a date cell as midnight UTC of that day; local parts would slip a day east of UTC.
    return checked(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate(), value.toISOString());
  }
  if (typeof value === 'number') return fromNumber(value, String(value), options);
  if (typeof value !== 'string') return failure('date.invalid', '无法识别的日期');
  const original = value.trim();
  const text = original.normalize('NFKC').replace(/\s+/g, ' ').trim();
  if (BLANK.test(text)) return { ok: true, value: null };

  if (/^\d{5}(\.\d+)?$/.test(text) || /^\d{8}$/.test(text))
    return fromNumber(Number(text), original, options);

  // 2019-05-01, 2019/5/1, 2019.5.1, 2019年5月1日, each optionally followed by a time.
  const ymd = /^(\d{4}) ?[-/.年] ?(\d{1,2}) ?[-/.月] ?(\d{1,2}) ?日?(?:[T ].*)?$/.exec(text);
  if (ymd) return checked(Number(ymd[1]), Number(ymd[2]), Number(ymd[3]), original);

  // 二〇一九年五月一日, as official documents write it.
  const zh =
    /^([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日$/.exec(
      text,
    );
  if (zh) {
    const year = Number(
      [...zh[1]].map((c) => '〇一二三四五六七八九'.indexOf(c.replace('零', '〇'))).join(''),
    );
    const month = chineseSmall(zh[2]);
    const day = chineseSmall(zh[3]);
    if (month !== null && day !== null) return checked(year, month, day, original);
  }

  if (/^\d{4} ?[-/.年] ?\d{1,2} ?月?$/.test(text)) {
    return failure('date.incomplete', `日期"${original}"缺少日，请填写到日，例如 2019-05-01`);
  }
  return failure('date.invalid', `无法识别的日期"${original}"，请使用 2019-05-01 或 2019年5月1日 的格式`);
}

function fromNumber(n: number, original: string, options: { date1904?: boolean }): DateResult {
  if (Number.isInteger(n) && n >= MIN_YEAR * 10000 + 101 && n <= MAX_YEAR * 10000 + 1231) {
    // 20190501 typed into a number cell.
    return checked(Math.floor(n / 10000), Math.floor(n / 100) % 100, n % 100, original);
  }
  if (n >= SERIAL_MIN && n < SERIAL_MAX) {
    const iso = excelSerialToIso(n, options);
    if (iso) return { ok: true, value: iso };
  }
  return failure(
    'date.invalid',
    `无法识别的日期"${original}"：既不是 Excel 日期序号，也不是 20190501 这样的 8 位日期`,
  );
}

function checked(year: number, month: number, day: number, original: string): DateResult {
  if (year < MIN_YEAR || year > MAX_YEAR) {
    return failure('date.range', `日期"${original}"的年份 ${year} 超出合理范围（${MIN_YEAR}–${MAX_YEAR}）`);
  }
  if (month < 1 || month > 12) return failure('date.impossible', `日期"${original}"不存在：没有 ${month} 月`);
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > last) {
    return failure('date.impossible', `日期"${original}"不存在：${year} 年 ${month} 月只有 ${last} 天`);
  }
  return { ok: true, value: `${year}-${pad(month)}-${pad(day)}` };
}

function chineseSmall(text: string): number | null {
  const r = parseNumeral(text);
  return r && r.value.e >= 0 ? Number(r.value.m) * 10 ** r.value.e : null;
}

function utcIso(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function failure(code: string, message: string): DateResult {
  return { ok: false, code, message };
}
