import { describe, expect, it } from 'vitest';
import { parseAmount, parseCount, parseRatio } from './chinese-number.js';

describe('parseAmount', () => {
  it.each([
    ['1,200.5', 1200.5],
    ['12,345', 12345],
    ['1.2亿', 120_000_000],
    ['1.2 亿元', 120_000_000],
    ['300万元', 3_000_000],
    ['３００万', 3_000_000],
    ['１２，３４５．６７', 12345.67],
    ['5千万', 50_000_000],
    ['两千万', 20_000_000],
    ['0.8万', 8000],
    ['1.1万', 11000], // 1.1 × 10000 in floating point is 11000.000000000002
    ['1亿2千万', 120_000_000],
    ['3万5', 35000],
    ['一点五亿', 150_000_000],
    ['壹佰万元整', 1_000_000],
    ['十万', 100_000],
    ['1万亿', 1_000_000_000_000],
    ['0', 0],
    ['1.2E+5', 120_000],
  ])('reads %j as %d 元', (text, value) => {
    expect(parseAmount(text)).toEqual({ ok: true, value, qualifier: 'exact', currency: 'CNY' });
  });

  it.each(['', '—', '——', '-', '--', '/', 'N/A', 'n/a', '#N/A', '无', '暂无', '  ', null, undefined])(
    'reads the empty marker %j as no value',
    (text) => {
      expect(parseAmount(text)).toEqual({ ok: true, value: null, qualifier: 'exact', currency: 'CNY' });
    },
  );

  it.each([
    ['约300万', 3_000_000, 'approx'],
    ['大约 300 万元左右', 3_000_000, 'approx'],
    ['近3亿', 300_000_000, 'nearly'],
    ['超5000万元', 50_000_000, 'at_least'],
    ['逾百亿', 10_000_000_000, 'at_least'],
    ['300余万元', 3_000_000, 'at_least'],
    ['三千多万', 30_000_000, 'at_least'],
    ['300万元以上', 3_000_000, 'at_least'],
    ['有望突破10亿', 1_000_000_000, 'forecast'],
    ['预计超5亿', 500_000_000, 'forecast'],
    ['人民币约300万元', 3_000_000, 'approx'],
    ['累计投资5亿元', 500_000_000, 'exact'],
  ])('reads %j as %d with qualifier %s', (text, value, qualifier) => {
    expect(parseAmount(text)).toMatchObject({ ok: true, value, qualifier });
  });

  describe('with the column unit from a header such as 注册资本(万元)', () => {
    it('scales a bare number by the column unit', () => {
      expect(parseAmount('1,200.5', { unit: '万元' })).toMatchObject({ value: 12_005_000 });
      expect(parseAmount(300, { unit: '万元' })).toMatchObject({ value: 3_000_000 });
      expect(parseAmount('2.5', { unit: '亿元' })).toMatchObject({ value: 250_000_000 });
      expect(parseAmount('1,200', { unit: '千元' })).toMatchObject({ value: 1_200_000 });
      expect(parseAmount('约300', { unit: '万元' })).toMatchObject({ value: 3_000_000, qualifier: 'approx' });
    });

    it('lets a unit written in the cell win over the header', () => {
      expect(parseAmount('300万元', { unit: '万元' })).toMatchObject({ value: 3_000_000 });
      expect(parseAmount('1.2亿', { unit: '万元' })).toMatchObject({ value: 120_000_000 });
      expect(parseAmount('5000元', { unit: '万元' })).toMatchObject({ value: 5000 });
    });

    it('treats 千 as part of the numeral, so the header unit still applies to 5千', () => {
      expect(parseAmount('5千', { unit: '万元' })).toMatchObject({ value: 50_000_000 });
    });
  });

  it('keeps signs for losses', () => {
    expect(parseAmount('-120.5')).toMatchObject({ value: -120.5 });
    expect(parseAmount('－120', { unit: '万元' })).toMatchObject({ value: -1_200_000 });
    expect(parseAmount('负120万')).toMatchObject({ value: -1_200_000 });
    expect(parseAmount(-3)).toMatchObject({ value: -3 });
    // The accounting format of a loss, half- or full-width brackets.
    expect(parseAmount('(1,200.50)')).toMatchObject({ ok: true, value: -1200.5 });
    expect(parseAmount('（1,200）', { unit: '万元' })).toMatchObject({ ok: true, value: -12_000_000 });
    expect(parseAmount('(120万)')).toMatchObject({ ok: true, value: -1_200_000 });
  });

  it('reads numbers that exceljs gives as numbers', () => {
    expect(parseAmount(1200.5)).toMatchObject({ ok: true, value: 1200.5 });
    expect(parseAmount(Number.NaN)).toMatchObject({ ok: false, code: 'amount.invalid' });
  });

  it('reports the currency a figure is written in, in that currency’s base unit', () => {
    expect(parseAmount('1000万美元')).toEqual({
      ok: true,
      value: 10_000_000,
      qualifier: 'exact',
      currency: 'USD',
    });
    expect(parseAmount('500万港元')).toMatchObject({ currency: 'HKD', value: 5_000_000 });
    expect(parseAmount('¥1,200')).toMatchObject({ currency: 'CNY', value: 1200 });
    expect(parseAmount('US$300万')).toMatchObject({ currency: 'USD', value: 3_000_000 });
  });

  it.each([
    ['很多', 'amount.invalid'],
    ['待定', 'amount.invalid'],
    ['3%', 'amount.invalid'],
    ['1,2', 'amount.invalid'],
    ['万', 'amount.invalid'],
    ['300-500万', 'amount.range'],
    ['300~500万元', 'amount.range'],
    ['12345678901234567890', 'amount.too_large'],
  ])('rejects %j with %s and a Chinese message that quotes it', (text, code) => {
    const result = parseAmount(text);
    expect(result).toMatchObject({ ok: false, code });
    if (!result.ok) expect(result.message).toContain(`"${text}"`);
  });

  it('rejects values that are not text or numbers', () => {
    expect(parseAmount({ x: 1 })).toMatchObject({ ok: false, code: 'amount.invalid' });
    expect(parseAmount(true)).toMatchObject({ ok: false });
  });
});

describe('parseCount', () => {
  it.each([
    ['120人', 120, 'exact'],
    ['1,200', 1200, 'exact'],
    ['1,200名', 1200, 'exact'],
    ['约50', 50, 'approx'],
    ['50余人', 50, 'at_least'],
    ['三十余人', 30, 'at_least'],
    ['100+', 100, 'at_least'],
    ['1.2万人', 12000, 'exact'],
    ['两百人', 200, 'exact'],
    ['一百零五人', 105, 'exact'],
    ['５项', 5, 'exact'],
    ['０', 0, 'exact'],
  ])('reads %j as %d (%s)', (text, value, qualifier) => {
    expect(parseCount(text)).toEqual({ ok: true, value, qualifier });
  });

  it('reads a number cell and an empty cell', () => {
    expect(parseCount(35)).toEqual({ ok: true, value: 35, qualifier: 'exact' });
    expect(parseCount('—')).toEqual({ ok: true, value: null, qualifier: 'exact' });
  });

  it.each([
    ['12.5', 'count.fraction'],
    [12.5, 'count.fraction'],
    ['-3', 'count.negative'],
    ['很多人', 'count.invalid'],
    ['50-60人', 'count.range'],
  ])('rejects %j with %s', (text, code) => {
    expect(parseCount(text)).toMatchObject({ ok: false, code });
  });
});

describe('parseRatio', () => {
  it.each([
    ['3.5%', 0.035],
    ['3.5％', 0.035],
    ['３.５％', 0.035],
    ['0.035', 0.035],
    ['百分之三点五', 0.035],
    ['5‰', 0.005],
    ['150%', 1.5],
    ['-5%', -0.05],
    ['0', 0],
  ])('reads %j as %d', (text, value) => {
    expect(parseRatio(text)).toEqual({ ok: true, value, qualifier: 'exact' });
  });

  it('keeps qualifiers', () => {
    expect(parseRatio('超过30%')).toEqual({ ok: true, value: 0.3, qualifier: 'at_least' });
    expect(parseRatio('30%以上')).toEqual({ ok: true, value: 0.3, qualifier: 'at_least' });
    expect(parseRatio('约3%')).toEqual({ ok: true, value: 0.03, qualifier: 'approx' });
  });

  it('refuses a bare number above 1 unless the column is declared in percent', () => {
    const result = parseRatio('3.5');
    expect(result).toMatchObject({ ok: false, code: 'ratio.range' });
    if (!result.ok) expect(result.message).toContain('3.5%');
    expect(parseRatio('3.5', { unit: 'percent' })).toEqual({ ok: true, value: 0.035, qualifier: 'exact' });
    expect(parseRatio('3.5%', { unit: 'percent' })).toMatchObject({ value: 0.035 });
  });

  it('reads number cells and empty cells', () => {
    expect(parseRatio(0.035)).toMatchObject({ ok: true, value: 0.035 });
    expect(parseRatio('N/A')).toEqual({ ok: true, value: null, qualifier: 'exact' });
  });

  it.each(['abc', '1万%', '%', '3.5元'])('rejects %j', (text) => {
    expect(parseRatio(text)).toMatchObject({ ok: false, code: 'ratio.invalid' });
  });
});

// A bare number takes a short path; a space around it sends it through the full parser. Both must
// agree on every value, unit and edge (zero, minus zero, fractions past double precision, too large).
describe('the short path for bare numbers', () => {
  let seed = 7;
  const rand = (n: number) => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed % n;
  };
  const digits = (n: number) => Array.from({ length: n }, () => rand(10)).join('');
  const samples = [
    '0',
    '-0',
    '0.0',
    '1200.5',
    '-3.25',
    '999999999999999',
    '0.1',
    '123456789012345.123456789012345',
    ...Array.from({ length: 300 }, () => {
      const int = digits(1 + rand(13));
      const frac = rand(2) ? `.${digits(1 + rand(8))}` : '';
      return `${rand(6) === 0 ? '-' : ''}${int}${frac}`;
    }),
  ];
  it.each(['元', '千元', '万元', '亿元'] as const)(
    'parseAmount agrees with the full parser in %s',
    (unit) => {
      for (const s of samples) expect(parseAmount(s, { unit }), s).toEqual(parseAmount(` ${s} `, { unit }));
    },
  );
  it('parseCount agrees with the full parser', () => {
    for (const s of samples) expect(parseCount(s), s).toEqual(parseCount(` ${s} `));
  });
  it('numbers from a spreadsheet read as their text does', () => {
    for (const n of [0, 35, 1200.5, -7, 0.1 + 0.2])
      expect(parseAmount(n, { unit: '万元' })).toEqual(parseAmount(` ${String(n)} `, { unit: '万元' }));
  });
});
