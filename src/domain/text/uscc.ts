// 统一社会信用代码 (GB 32100-2015): 18 characters =
//   1 登记管理部门代码 + 1 机构类别代码 + 6 登记管理机关行政区划码 + 9 主体标识码 (组织机构代码) + 1 校验码.

/** The 31 characters a code may use: digits and upper-case letters without I, O, Z, S, V. */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

// Weight of position i is 3^i mod 31, as the standard prescribes.
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/**
 * 登记管理部门代码 → the 机构类别代码 it may be followed by (GB 32100-2015 附录 A).
 * The whole table is kept, not only 1/5/9/Y: 大院大所 register as 事业单位 (12…), 新型研发机构 often as
 * 民办非企业单位 (52…), and a registry of partners also meets 律师事务所 (31…) or 工会 (81…); rejecting
 * those would turn away real, valid codes.
 */
export const USCC_CATEGORIES: Readonly<Record<string, { department: string; categories: string }>> = {
  '1': { department: '机构编制', categories: '1239' },
  '2': { department: '外交', categories: '19' },
  '3': { department: '司法行政', categories: '1234569' },
  '4': { department: '文化', categories: '19' },
  '5': { department: '民政', categories: '1239' },
  '6': { department: '旅游', categories: '129' },
  '7': { department: '宗教', categories: '129' },
  '8': { department: '工会', categories: '19' },
  '9': { department: '市场监管（工商）', categories: '123' },
  A: { department: '中央军委改革和编制办公室', categories: '19' },
  N: { department: '农业', categories: '1239' },
  Y: { department: '其他', categories: '1' },
};

export type UsccErrorCode = 'uscc.length' | 'uscc.charset' | 'uscc.category' | 'uscc.check';

export type UsccResult = { ok: true; value: string } | { ok: false; code: UsccErrorCode; message: string };

/** Folds what people paste into the canonical form: full-width to half-width, upper case, no whitespace. */
export function normalizeUscc(input: string): string {
  // NFKC turns full-width letters and digits (９１３２…) into ASCII; \s covers the ideographic space U+3000.
  return input
    .normalize('NFKC')
    .replace(/[\s\u200b-\u200d\ufeff]/g, '')
    .toUpperCase();
}

/** The check character (position 18) for the first 17 characters of a code; throws on a character outside the charset. */
export function usccCheckChar(first17: string): string {
  if (first17.length !== 17) throw new RangeError(`expected 17 characters, got ${first17.length}`);
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_CHARSET.indexOf(first17[i]);
    if (v < 0) throw new RangeError(`character ${JSON.stringify(first17[i])} is not allowed in a USCC`);
    sum += v * WEIGHTS[i];
  }
  const c = 31 - (sum % 31);
  return USCC_CHARSET[c === 31 ? 0 : c];
}

/** Validates a code after normalising it: length, charset, department/category pair, then the check character. */
export function validateUscc(input: string): UsccResult {
  const value = normalizeUscc(input);
  if (value.length === 0) return fail('uscc.length', '统一社会信用代码为空');
  // Excel turns an all-digit code into a number and shows it as 9.14403E+17; the digits are lost by then.
  if (/^\d(\.\d+)?E\+?\d+$/.test(value)) {
    return fail(
      'uscc.length',
      `统一社会信用代码"${input.trim()}"已被 Excel 转成科学计数法，请将该列设为文本格式后重新导出`,
    );
  }
  if (value.length !== 18) {
    // Firms registered before 2015 still quote a 15-digit 工商注册号 or a 9-character 组织机构代码.
    const hint =
      value.length === 15 && /^\d{15}$/.test(value)
        ? '（这像是旧版 15 位工商注册号）'
        : value.length === 9 || value.length === 10
          ? '（这像是旧版组织机构代码）'
          : '';
    return fail('uscc.length', `统一社会信用代码应为 18 位，实际为 ${value.length} 位${hint}`);
  }
  for (let i = 0; i < 18; i++) {
    const ch = value[i];
    if (USCC_CHARSET.includes(ch)) continue;
    const hint = CONFUSABLE[ch] ? `，可能应为"${CONFUSABLE[ch]}"` : '';
    return fail(
      'uscc.charset',
      `统一社会信用代码第 ${i + 1} 位"${ch}"不合法：只能使用数字和除 I、O、Z、S、V 以外的大写字母${hint}`,
    );
  }
  if (!/^\d{6}$/.test(value.slice(2, 8))) {
    return fail('uscc.charset', '统一社会信用代码第 3–8 位（登记管理机关行政区划码）应全为数字');
  }
  const dept = USCC_CATEGORIES[value[0]];
  if (!dept) {
    return fail('uscc.category', `统一社会信用代码第 1 位（登记管理部门代码）"${value[0]}"不存在`);
  }
  if (!dept.categories.includes(value[1])) {
    return fail(
      'uscc.category',
      `统一社会信用代码第 2 位（机构类别代码）"${value[1]}"与登记管理部门"${dept.department}"不匹配`,
    );
  }
  const expected = usccCheckChar(value.slice(0, 17));
  if (value[17] !== expected) {
    return fail(
      'uscc.check',
      `统一社会信用代码校验位错误：第 18 位应为 "${expected}"，实际为 "${value[17]}"`,
    );
  }
  return { ok: true, value };
}

/** The 登记管理机关行政区划码 (characters 3–8) of a normalised code; null when the code is too short or not digits there. */
export function regionOfUscc(uscc: string): string | null {
  const code = normalizeUscc(uscc).slice(2, 8);
  return /^\d{6}$/.test(code) ? code : null;
}

// Letters a typist or OCR confuses with the digit the standard wants instead.
const CONFUSABLE: Record<string, string> = { O: '0', I: '1', Z: '2', S: '5' };

function fail(code: UsccErrorCode, message: string): UsccResult {
  return { ok: false, code, message };
}
