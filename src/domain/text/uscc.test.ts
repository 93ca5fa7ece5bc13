import { describe, expect, it } from 'vitest';
import { normalizeUscc, regionOfUscc, USCC_CHARSET, usccCheckChar, validateUscc } from './uscc.js';

// Published codes of well-known firms; each passes the GB 32100 check (and the GB 11714 check of its 主体标识码).
const REAL = ['914403001922038216', '91440300708461136T', '91330100716105852F', '91110108551385082Q'];

/** Completes 17 characters with their check character, so tests can build codes of any shape. */
function withCheck(first17: string): string {
  return first17 + usccCheckChar(first17);
}

describe('usccCheckChar', () => {
  it.each(REAL)('reproduces the check character of the real code %s', (code) => {
    expect(usccCheckChar(code.slice(0, 17))).toBe(code[17]);
  });

  it('maps a remainder of 0 to "0" rather than to an out-of-range 31', () => {
    // All zeros sums to 0, so 31 - 0 = 31, which the standard writes as "0".
    expect(usccCheckChar('00000000000000000')).toBe('0');
  });

  it('uses weights 3^i mod 31, so moving one unit in position 2 moves the check by 3', () => {
    const a = USCC_CHARSET.indexOf(usccCheckChar('91320900000000000'));
    const b = USCC_CHARSET.indexOf(usccCheckChar('92320900000000000'));
    expect((a - b + 31) % 31).toBe(3);
  });

  it('refuses input it cannot weigh', () => {
    expect(() => usccCheckChar('9132')).toThrow(RangeError);
    expect(() => usccCheckChar('9132090OMA1MLQ0X2')).toThrow(/"O"/);
  });
});

describe('validateUscc', () => {
  it.each(REAL)('accepts the real code %s', (code) => {
    expect(validateUscc(code)).toEqual({ ok: true, value: code });
  });

  it('accepts generated codes of the organisation kinds a 科技局 meets', () => {
    const codes = [
      withCheck('91320902MA1MLQ0X2'), // 企业, Yancheng 亭湖
      withCheck('92320612MA1N0B3C4'), // 个体工商户
      withCheck('93320685MA1P8Q7R6'), // 农民专业合作社
      withCheck('12100000400000374'), // 事业单位 (research institute)
      withCheck('52320600MJ1234567'), // 民办非企业单位 (新型研发机构)
      withCheck('31320000K12345678'), // 律师事务所
      withCheck('Y1320000000000001'), // 其他
    ];
    for (const code of codes) expect(validateUscc(code)).toEqual({ ok: true, value: code });
  });

  it('names the expected and the actual check character when the last one is wrong', () => {
    const good = REAL[1]; // ends in T
    const result = validateUscc(`${good.slice(0, 17)}U`);
    expect(result).toEqual({
      ok: false,
      code: 'uscc.check',
      message: '统一社会信用代码校验位错误：第 18 位应为 "T"，实际为 "U"',
    });
  });

  it('catches one mistyped digit in the middle through the check character', () => {
    const typo = `91440300708461137T`;
    const result = validateUscc(typo);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.code).toBe('uscc.check');
  });

  it('rejects the example 91320000134777478X, whose check character should be U', () => {
    expect(validateUscc('91320000134777478X')).toMatchObject({ ok: false, code: 'uscc.check' });
    expect(usccCheckChar('91320000134777478')).toBe('U');
  });

  it.each([
    ['', '统一社会信用代码为空'],
    ['9144030019220382', '应为 18 位，实际为 16 位'],
    ['9144030019220382166', '实际为 19 位'],
    ['320902000012345', '旧版 15 位工商注册号'],
    ['71610585-2', '旧版组织机构代码'],
  ])('rejects %j for its length', (input, fragment) => {
    const result = validateUscc(input);
    expect(result).toMatchObject({ ok: false, code: 'uscc.length' });
    if (!result.ok) expect(result.message).toContain(fragment);
  });

  it('explains a code that Excel turned into a number', () => {
    const result = validateUscc('9.14403E+17');
    expect(result).toMatchObject({ ok: false, code: 'uscc.length' });
    if (!result.ok) expect(result.message).toContain('科学计数法');
  });

  it.each(['I', 'O', 'Z', 'S', 'V'])('rejects the forbidden letter %s with its position', (letter) => {
    const code = `91320902MA1MLQ${letter}X2H`;
    const result = validateUscc(code);
    expect(result).toMatchObject({ ok: false, code: 'uscc.charset' });
    if (!result.ok) expect(result.message).toContain(`第 15 位"${letter}"`);
  });

  it('suggests the digit a forbidden letter was probably meant to be', () => {
    const result = validateUscc('91320902MA1MLQOX2H');
    if (result.ok) throw new Error('expected a failure');
    expect(result.message).toContain('可能应为"0"');
  });

  it('rejects punctuation and non-ASCII characters', () => {
    expect(validateUscc('91320902-MA1MLQ0X2')).toMatchObject({ code: 'uscc.charset' });
    expect(validateUscc('91320902MA1MLQ0X2中')).toMatchObject({ code: 'uscc.charset' });
  });

  it('requires digits in the region part (characters 3–8)', () => {
    const result = validateUscc(withCheck('9132A902MA1MLQ0X2'));
    expect(result).toMatchObject({ ok: false, code: 'uscc.charset' });
    if (!result.ok) expect(result.message).toContain('行政区划码');
  });

  it('rejects an unknown 登记管理部门代码 even when the check character fits', () => {
    const result = validateUscc(withCheck('B1320902MA1MLQ0X2'));
    expect(result).toMatchObject({ ok: false, code: 'uscc.category' });
    if (!result.ok) expect(result.message).toContain('登记管理部门代码');
  });

  it('rejects a 机构类别 that its department does not have', () => {
    // 市场监管 (9) issues only 1 企业, 2 个体工商户, 3 农民专业合作社.
    const result = validateUscc(withCheck('94320902MA1MLQ0X2'));
    expect(result).toMatchObject({ ok: false, code: 'uscc.category' });
    if (!result.ok) expect(result.message).toContain('市场监管');
    expect(validateUscc(withCheck('Y2320902MA1MLQ0X2'))).toMatchObject({ code: 'uscc.category' });
  });

  it('accepts full-width, lower-case and spaced input and returns the canonical form', () => {
    const code = REAL[1];
    expect(validateUscc('９１４４０３００７０８４６１１３６Ｔ')).toEqual({ ok: true, value: code });
    expect(validateUscc(' 9144 0300 7084 6113 6t\u3000')).toEqual({ ok: true, value: code });
  });
});

describe('normalizeUscc', () => {
  it('folds width and case and drops every kind of space', () => {
    expect(normalizeUscc(' ９１３２０９０２ｍａ１\u00a0MLQ0X2H\t')).toBe('91320902MA1MLQ0X2H');
    expect(normalizeUscc('\ufeff91320902MA1MLQ0X2H\u200b')).toBe('91320902MA1MLQ0X2H');
  });
});

describe('regionOfUscc', () => {
  it('returns the registering authority region, characters 3–8', () => {
    expect(regionOfUscc('91440300708461136T')).toBe('440300');
    expect(regionOfUscc('９１３２０９０２ＭＡ１ＭＬＱ０Ｘ２Ｈ')).toBe('320902');
  });

  it('returns null when there is no six-digit region', () => {
    expect(regionOfUscc('9144')).toBeNull();
    expect(regionOfUscc('91AB0300708461136T')).toBeNull();
  });
});
