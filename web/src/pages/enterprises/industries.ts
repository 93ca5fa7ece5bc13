/** GB/T 4754-2017: the 20 门类 (sections A–T) and the two-digit 大类 the demo regions' firms fall in.
 *  Codes always show; labels are given for these common ones, in Chinese and English. */
type Label = readonly [zh: string, en: string];

export const INDUSTRY_SECTIONS: Record<string, Label> = {
  A: ['农、林、牧、渔业', 'Agriculture'],
  B: ['采矿业', 'Mining'],
  C: ['制造业', 'Manufacturing'],
  D: ['电力、热力、燃气及水生产和供应业', 'Utilities'],
  E: ['建筑业', 'Construction'],
  F: ['批发和零售业', 'Wholesale and retail'],
  G: ['交通运输、仓储和邮政业', 'Transport and logistics'],
  H: ['住宿和餐饮业', 'Hotels and catering'],
  I: ['信息传输、软件和信息技术服务业', 'Information and software'],
  J: ['金融业', 'Finance'],
  K: ['房地产业', 'Real estate'],
  L: ['租赁和商务服务业', 'Leasing and business services'],
  M: ['科学研究和技术服务业', 'Research and technical services'],
  N: ['水利、环境和公共设施管理业', 'Water, environment and public facilities'],
  O: ['居民服务、修理和其他服务业', 'Household and repair services'],
  P: ['教育', 'Education'],
  Q: ['卫生和社会工作', 'Health and social work'],
  R: ['文化、体育和娱乐业', 'Culture, sports and entertainment'],
  S: ['公共管理、社会保障和社会组织', 'Public administration'],
  T: ['国际组织', 'International organisations'],
};

export const INDUSTRY_DIVISIONS: Record<string, Label> = {
  C26: ['化学原料和化学制品制造业', 'Chemicals'],
  C27: ['医药制造业', 'Pharmaceuticals'],
  C29: ['橡胶和塑料制品业', 'Rubber and plastics'],
  C30: ['非金属矿物制品业', 'Non-metallic mineral products'],
  C32: ['有色金属冶炼和压延加工业', 'Non-ferrous metals'],
  C33: ['金属制品业', 'Metal products'],
  C34: ['通用设备制造业', 'General machinery'],
  C35: ['专用设备制造业', 'Special machinery'],
  C36: ['汽车制造业', 'Automobiles'],
  C37: ['铁路、船舶、航空航天和其他运输设备制造业', 'Rail, ships, aerospace'],
  C38: ['电气机械和器材制造业', 'Electrical machinery'],
  C39: ['计算机、通信和其他电子设备制造业', 'Computers and electronics'],
  C40: ['仪器仪表制造业', 'Instruments'],
  D44: ['电力、热力生产和供应业', 'Power and heat'],
  I63: ['电信、广播电视和卫星传输服务', 'Telecommunications'],
  I64: ['互联网和相关服务', 'Internet services'],
  I65: ['软件和信息技术服务业', 'Software and IT services'],
  M73: ['研究和试验发展', 'Research and development'],
  M74: ['专业技术服务业', 'Professional technical services'],
  M75: ['科技推广和应用服务业', 'Technology promotion'],
};

/** "C39" or "C" → the code, and its label in the UI language when we know one. */
export function industryLabel(code: string | null | undefined, en: boolean): string | null {
  if (!code) return null;
  const label = INDUSTRY_DIVISIONS[code] ?? (code.length === 1 ? INDUSTRY_SECTIONS[code] : undefined);
  return label ? label[en ? 1 : 0] : null;
}

/** The 门类 and 大类 of a firm as one code: the 大类 when known (C39), else the 门类 (C). */
export function industryCode(e: { industrySection: string | null; industryDivision: string | null }) {
  const div = e.industryDivision;
  if (div) return /^[A-T]/.test(div) ? div : `${e.industrySection ?? ''}${div}`;
  return e.industrySection;
}

/** Options of the 行业 filter: each section, followed by its common divisions (indented). */
export function industryOptions(en: boolean): { value: string; label: string }[] {
  const lang = en ? 1 : 0;
  return Object.entries(INDUSTRY_SECTIONS).flatMap(([code, label]) => [
    { value: code, label: `${code} ${label[lang]}` },
    ...Object.entries(INDUSTRY_DIVISIONS)
      .filter(([d]) => d.startsWith(code))
      .map(([d, l]) => ({ value: d, label: `\u3000${d} ${l[lang]}` })),
  ]);
}
