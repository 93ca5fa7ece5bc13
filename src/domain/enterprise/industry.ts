/** GB/T 4754-2017: the 门类 (section letter) of each 两位大类 (division), and the names offices
 *  most often write instead of a code. */
const SECTION_RANGES: [string, number, number][] = [
  ['A', 1, 5],
  ['B', 6, 12],
  ['C', 13, 43],
  ['D', 44, 46],
  ['E', 47, 50],
  ['F', 51, 52],
  ['G', 53, 60],
  ['H', 61, 62],
  ['I', 63, 65],
  ['J', 66, 69],
  ['K', 70, 70],
  ['L', 71, 72],
  ['M', 73, 75],
  ['N', 76, 79],
  ['O', 80, 82],
  ['P', 83, 83],
  ['Q', 84, 85],
  ['R', 86, 90],
  ['S', 91, 97],
  ['T', 98, 98],
];

const COMMON_NAMES: Record<string, string> = {
  农业: '01',
  化学原料和化学制品制造业: '26',
  医药制造业: '27',
  化学纤维制造业: '28',
  橡胶和塑料制品业: '29',
  非金属矿物制品业: '30',
  黑色金属冶炼和压延加工业: '31',
  有色金属冶炼和压延加工业: '32',
  金属制品业: '33',
  通用设备制造业: '34',
  专用设备制造业: '35',
  汽车制造业: '36',
  '铁路、船舶、航空航天和其他运输设备制造业': '37',
  电气机械和器材制造业: '38',
  '计算机、通信和其他电子设备制造业': '39',
  仪器仪表制造业: '40',
  纺织业: '17',
  纺织服装服饰业: '18',
  食品制造业: '14',
  电力热力生产和供应业: '44',
  '电力、热力生产和供应业': '44',
  互联网和相关服务: '64',
  软件和信息技术服务业: '65',
  研究和试验发展: '73',
  专业技术服务业: '74',
  科技推广和应用服务业: '75',
  商务服务业: '72',
  批发业: '51',
  零售业: '52',
};

export function sectionOfDivision(division: string): string | null {
  const n = Number(division);
  const hit = SECTION_RANGES.find(([, lo, hi]) => n >= lo && n <= hi);
  return hit ? hit[0] : null;
}

export type IndustryResult =
  | { ok: true; section: string; division: string | null }
  | { ok: false; message: string };

/** Reads "C39", "C3976", "3976", "39", "C" or a common division name into section + division. */
export function parseIndustry(text: string): IndustryResult {
  const t = text.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
  const byName = COMMON_NAMES[t.replace(/[()（）]/g, '')];
  if (byName) return { ok: true, section: sectionOfDivision(byName) as string, division: byName };
  const m = t.match(/^([A-T])?(\d{2})(\d{1,2})?$/);
  if (m) {
    const section = sectionOfDivision(m[2]);
    if (section && (!m[1] || m[1] === section)) return { ok: true, section, division: m[2] };
    return {
      ok: false,
      message: `行业代码“${text}”不符合 GB/T 4754-2017：大类 ${m[2]} 不属于门类 ${m[1] ?? '?'}`,
    };
  }
  if (/^[A-T]$/.test(t)) return { ok: true, section: t, division: null };
  return { ok: false, message: `无法识别行业“${text}”：请填写 GB/T 4754-2017 行业代码，如 C39 或 3976` };
}
