import { describe, expect, it } from 'vitest';
import { excelSerialToIso, parseDate } from './dates.js';

describe('parseDate', () => {
  it.each([
    ['2019/5/1'],
    ['2019-05-01'],
    ['2019.5.1'],
    ['2019年5月1日'],
    ['2019 年 5 月 1 日'],
    ['20190501'],
    ['２０１９－０５－０１'],
    ['2019-05-01 08:30:00'],
    ['2019/5/1 0:00'],
    ['2019-05-01T00:00:00.000Z'],
    ['二〇一九年五月一日'],
    ['43586'],
    ['43586.75'],
    [43586],
    [43586.5],
    [20190501],
    [new Date(Date.UTC(2019, 4, 1))],
  ])('reads %j as 2019-05-01', (value) => {
    expect(parseDate(value)).toEqual({ ok: true, value: '2019-05-01' });
  });

  it('reads Chinese numerals with tens in month and day', () => {
    expect(parseDate('二〇二〇年十二月三十一日')).toEqual({ ok: true, value: '2020-12-31' });
    expect(parseDate('二零二一年十月二十日')).toEqual({ ok: true, value: '2021-10-20' });
  });

  it('uses the UTC day of a Date, as exceljs builds date cells at midnight UTC', () => {
    expect(parseDate(new Date('2019-05-01T23:30:00Z'))).toEqual({ ok: true, value: '2019-05-01' });
  });

  it('accepts 29 February in a leap year only', () => {
    expect(parseDate('2020-02-29')).toEqual({ ok: true, value: '2020-02-29' });
    expect(parseDate('2000/2/29')).toEqual({ ok: true, value: '2000-02-29' });
    expect(parseDate('1900-02-29')).toMatchObject({ ok: false, code: 'date.impossible' });
  });

  it.each([
    ['2019-02-30', '2019 年 2 月只有 28 天'],
    ['2019-02-29', '2019 年 2 月只有 28 天'],
    ['2019-04-31', '2019 年 4 月只有 30 天'],
    ['2019-13-01', '没有 13 月'],
    ['2019-00-10', '没有 0 月'],
    ['20190230', '2019 年 2 月只有 28 天'],
  ])('rejects the impossible date %j in Chinese', (text, fragment) => {
    const result = parseDate(text);
    expect(result).toMatchObject({ ok: false, code: 'date.impossible' });
    if (!result.ok) expect(result.message).toContain(fragment);
  });

  it('rejects years that can only be typos', () => {
    expect(parseDate('2109-05-01')).toMatchObject({ ok: false, code: 'date.range' });
    expect(parseDate('1019年5月1日')).toMatchObject({ ok: false, code: 'date.range' });
  });

  it('asks for the day when only a month is given', () => {
    const result = parseDate('2019年5月');
    expect(result).toMatchObject({ ok: false, code: 'date.incomplete' });
    expect(parseDate('2019-05')).toMatchObject({ ok: false, code: 'date.incomplete' });
  });

  it.each([['19/5/1'], ['5/1/2019'], ['abc'], ['2019'], [2019], [123], [1e10], [Number.NaN], [true]])(
    'rejects %j, which is not a date it can read safely',
    (value) => {
      expect(parseDate(value)).toMatchObject({ ok: false, code: 'date.invalid' });
    },
  );

  it('rejects an invalid Date object', () => {
    expect(parseDate(new Date('not a date'))).toMatchObject({ ok: false, code: 'date.invalid' });
  });

  it.each(['', '  ', '—', '-', '无', null, undefined])('reads the empty cell %j as no date', (value) => {
    expect(parseDate(value)).toEqual({ ok: true, value: null });
  });

  it('reads serials of a workbook in the 1904 date system when told', () => {
    expect(parseDate(42124, { date1904: true })).toEqual({ ok: true, value: '2019-05-01' });
  });
});

describe('excelSerialToIso', () => {
  it('matches Excel for modern dates', () => {
    expect(excelSerialToIso(43586)).toBe('2019-05-01');
    expect(excelSerialToIso(45658)).toBe('2025-01-01');
    expect(excelSerialToIso(36526)).toBe('2000-01-01');
  });

  it('follows Excel across its fictitious 1900-02-29 (serial 60)', () => {
    expect(excelSerialToIso(1)).toBe('1900-01-01');
    expect(excelSerialToIso(59)).toBe('1900-02-28');
    expect(excelSerialToIso(60)).toBeNull();
    expect(excelSerialToIso(61)).toBe('1900-03-01');
  });

  it('drops the time of day', () => {
    expect(excelSerialToIso(43586.999)).toBe('2019-05-01');
  });

  it('returns null outside Excel’s range', () => {
    expect(excelSerialToIso(0)).toBeNull();
    expect(excelSerialToIso(2958465)).toBe('9999-12-31');
    expect(excelSerialToIso(2958466)).toBeNull();
    expect(excelSerialToIso(Number.POSITIVE_INFINITY)).toBeNull();
  });

  it('counts from 1904-01-01 in the 1904 date system', () => {
    expect(excelSerialToIso(0, { date1904: true })).toBe('1904-01-01');
    expect(excelSerialToIso(42124, { date1904: true })).toBe('2019-05-01');
  });
});
