/** Who the demo relations name: Chinese persons (surname + two given characters, a keyed slot each),
 *  universities and institutes nearby and by industry, local and national funds, and which industries
 *  buy from which — the vocabulary relations.ts draws from. */
import { DEMO_ORGS } from './demo-data.js';
import type { IndustryKey } from './enterprises/industries.js';
import { permute } from './enterprises/random.js';

// ---------------------------------------------------------------------------------------------------
// Names

const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史陶贺顾毛龚邵万钱严戴孔汤',
];
const GIVEN = [
  ...new Set([
    ...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华飞鹏辉建国志宏斌波峰浩宇晨欣怡俊凯文博海燕红春林亮晓东雪梅玲兵',
    ...'立新永德荣光玉萍丹琳婷佳颖慧婧倩蕾璐嘉子涵思雨梓轩泽睿瑞哲航逸然昊天一铭锦蓉兰凤云琴莉晶庆卫忠福贵生山江长成清振宁安和昌茂卓彬翔',
  ]),
];
const PERSON_NAMES = SURNAMES.length * GIVEN.length * GIVEN.length;

/** The person name of slot `slot` of an org: surname + two given characters, distinct for distinct slots
 *  below PERSON_NAMES (≈1.4 M), scattered by a keyed permutation. */
export function personNameAt(slot: number, key: number): string {
  let v = permute(slot % PERSON_NAMES, PERSON_NAMES, key);
  const g2 = GIVEN[v % GIVEN.length];
  v = Math.floor(v / GIVEN.length);
  const g1 = GIVEN[v % GIVEN.length];
  v = Math.floor(v / GIVEN.length);
  return SURNAMES[v] + g1 + (g2 === g1 ? '' : g2);
}

// Nearby universities by org, then national ones, then institutes by industry.
export const NEAR: Record<string, string[]> = {
  yancheng: ['盐城工学院', '盐城师范学院', '南京大学', '东南大学', '河海大学'],
  nantong: ['南通大学', '东南大学', '南京大学', '江苏大学', '上海交通大学'],
  wuxi: ['江南大学', '东南大学', '南京大学', '无锡学院', '苏州大学', '清华大学无锡应用技术研究院'],
  jiaxing: ['嘉兴大学', '浙江大学', '同济大学', '浙江清华长三角研究院', '上海交通大学'],
};
export const NATIONAL = [
  '东南大学',
  '南京大学',
  '江南大学',
  '浙江大学',
  '上海交通大学',
  '复旦大学',
  '同济大学',
  '清华大学',
  '北京大学',
  '中国科学技术大学',
  '南京航空航天大学',
  '南京理工大学',
  '河海大学',
  '中国矿业大学',
  '苏州大学',
  '江苏大学',
  '哈尔滨工业大学',
  '西安交通大学',
  '华中科技大学',
  '合肥工业大学',
  '南方科技大学',
  '深圳大学',
  '江苏省产业技术研究院',
];
export const BY_INDUSTRY: Record<IndustryKey, string[]> = {
  pv: ['中国科学院电工研究所', '中国科学院半导体研究所', '南京航空航天大学', '上海交通大学'],
  wind: ['中国科学院电工研究所', '河海大学', '华北电力大学', '中国科学院工程热物理研究所'],
  storage: ['中国科学院大连化学物理研究所', '中国科学院物理研究所', '中国科学院青岛生物能源与过程研究所'],
  biomed: ['中国药科大学', '中国科学院上海药物研究所', '南京医科大学', '中国科学院深圳先进技术研究院'],
  ic: [
    '中国科学院微电子研究所',
    '中国科学院上海微系统与信息技术研究所',
    '中国科学院半导体研究所',
    '东南大学',
  ],
  newmat: [
    '中国科学院宁波材料技术与工程研究所',
    '中国科学院上海硅酸盐研究所',
    '中国科学院苏州纳米技术与纳米仿生研究所',
    '南京工业大学',
  ],
  equip: ['哈尔滨工业大学', '江苏大学', '中国科学院沈阳自动化研究所', '南京理工大学'],
  auto: ['江苏大学', '同济大学', '吉林大学', '中国科学院电工研究所'],
  ict: ['南京邮电大学', '北京邮电大学', '中国科学院计算技术研究所', '东南大学'],
  ai: ['中国科学院自动化研究所', '中国科学院深圳先进技术研究院', '南京大学', '浙江大学'],
};
export const CITY_OF_ORG = new Map<string, string>();
for (const o of DEMO_ORGS) {
  let c = o;
  while (c && c.kind !== 'city') c = DEMO_ORGS.find((p) => p.code === c.parent) ?? (undefined as never);
  if (c) CITY_OF_ORG.set(o.id, c.code);
}

// Well-known funds that join some rounds: local government funds by city, national ones anywhere.
export const LOCAL_FUNDS: Record<string, string[]> = {
  yancheng: ['盐城高新创投基金', '盐城市产业投资母基金', '盐南高新区科创天使基金'],
  nantong: ['南通产业投资基金', '南通开发区科创投资基金'],
  wuxi: ['无锡创投集团', '江阴市新动能产业基金', '宜兴科创投资基金'],
  jiaxing: ['嘉兴科技城创投', '嘉兴市南湖股权投资基金'],
};
export const NATIONAL_FUNDS = [
  '深创投',
  '元禾控股',
  '毅达资本',
  '江苏高投',
  '国投创新',
  '中金资本',
  '君联资本',
  '红杉中国',
  '高瓴创投',
  '启明创投',
  '达晨财智',
  '国家中小企业发展基金',
];

/** Customers' industries of a supplier's industry (first ones likelier). */
export const CUSTOMERS: Record<IndustryKey, IndustryKey[]> = {
  newmat: ['equip', 'auto', 'pv', 'storage', 'ic', 'wind', 'biomed'],
  pv: ['equip', 'storage', 'auto', 'wind'],
  storage: ['auto', 'equip', 'pv', 'wind', 'ict'],
  wind: ['equip', 'storage'],
  ic: ['auto', 'ict', 'ai', 'equip', 'pv'],
  equip: ['auto', 'pv', 'wind', 'storage', 'newmat'],
  auto: ['auto', 'equip'],
  ict: ['ai', 'auto', 'equip', 'biomed'],
  ai: ['auto', 'equip', 'ict', 'biomed'],
  biomed: ['biomed', 'ai'],
};
