// Which keyword names which fact, and what kind of figure it takes. A figure takes the nearest
// keyword before it in its clause whose kinds fit (研发投入占营业收入比例15% is a ratio, not revenue).
import type { MentionKind } from './numbers.js';
import type { FactKey, FactUnit } from './types.js';

export type KeyRule = { key: FactKey; re: RegExp; kinds: MentionKind[]; unit: FactUnit };

const MONEY: MentionKind[] = ['money'];
const COUNT: MentionKind[] = ['count', 'bare'];
const CN_DIGIT = '(?=\\d|[一二两三四五六七八九十百])';

export const KEY_RULES: KeyRule[] = [
  { key: 'patents.invention', re: /发明(?:专利)?(?!人)/g, kinds: COUNT, unit: 'count' },
  { key: 'patents.utility', re: /实用新型(?:专利)?/g, kinds: COUNT, unit: 'count' },
  { key: 'patents.design', re: /外观(?:设计)?(?:专利)?/g, kinds: COUNT, unit: 'count' },
  { key: 'patents.total', re: /专利(?:总数|数量)?|(?:已|获)授权/g, kinds: COUNT, unit: 'count' },
  { key: 'software_copyrights', re: /(?:计算机)?软件著作权|软著|著作权/g, kinds: COUNT, unit: 'count' },
  {
    key: 'rd_staff',
    re: new RegExp(`研发(?:技术)?人员|研究开发人员|研发团队|技术人员|科技人员|科研人员|研发${CN_DIGIT}`, 'g'),
    kinds: COUNT,
    unit: 'count',
  },
  {
    key: 'employees',
    re: new RegExp(
      // A core, founding or management team is a part of the staff, not its size.
      `员工(?:总数|人数)?|职工(?:总数|人数)?|从业人员|在职人员|人员规模|(?<!核心|创始|创业|管理|经营|研发)团队(?:规模|成员)?(?!中)|人员总数|整个公司|公司${CN_DIGIT}`,
      'g',
    ),
    kinds: COUNT,
    unit: 'count',
  },
  { key: 'team.phd', re: /博士(?!后|生导师)/g, kinds: COUNT, unit: 'count' },
  { key: 'team.academicians', re: /院士/g, kinds: COUNT, unit: 'count' },
  {
    key: 'team.national_talents',
    re: /国家杰青|国家杰出青年|长江学者|万人计划|国家级(?:高层次)?人才(?:计划入选者)?|海外高层次人才|千人计划|国家优青|优青/g,
    kinds: COUNT,
    unit: 'count',
  },
  {
    key: 'talents.planned',
    re: /引进[^，。；\d]{0,12}?(?:人才|专家|人员)|人才引进/g,
    kinds: COUNT,
    unit: 'count',
  },
  {
    key: 'rd_ratio',
    re: /研发(?:投入|费用|经费)?(?:强度|占比)|占(?:同期)?(?:营业|销售|主营业务)?(?:收入|营收)(?:总额)?的?(?:比例|比重)?|(?:费用|投入)占(?:比|营收)/g,
    kinds: ['percent'],
    unit: 'fraction',
  },
  { key: 'revenue_growth', re: /增长|增速|增幅/g, kinds: ['percent', 'times'], unit: 'fraction' },
  {
    key: 'rd_expense',
    re: new RegExp(`研发(?:投入|费用|支出|经费)|研究开发费用(?:总额)?|研发${CN_DIGIT}`, 'g'),
    kinds: MONEY,
    unit: '元',
  },
  { key: 'net_profit', re: /(?:归母)?净利润|净利/g, kinds: MONEY, unit: '元' },
  { key: 'output.expected', re: /年?产值/g, kinds: MONEY, unit: '元' },
  { key: 'revenue', re: /营业收入|营收|(?:销售|主营业务)?收入|销售额/g, kinds: MONEY, unit: '元' },
  { key: 'funding.total', re: /累计(?:获得|完成)?融资|融资总额|合计融资/g, kinds: MONEY, unit: '元' },
  {
    key: 'funding.last_round',
    re: /(?:天使|种子|Pre-?A|Pre-?IPO|[A-E]|战略)\+?轮(?:融资)?|Pre-?A\+?|Pre-?IPO|融资/g,
    kinds: MONEY,
    unit: '元',
  },
  { key: 'valuation', re: /(?:投前|投后)?估值/g, kinds: MONEY, unit: '元' },
  {
    key: 'investment.planned',
    re: /总投资|投资总额|固定资产投资|投资(?!方|人|机构|者)|投(?=\d|[一二两三四五六七八九十])/g,
    kinds: MONEY,
    unit: '元',
  },
  { key: 'land.area', re: /用地|占地|土地|拿地|需地|厂房|用房|面积/g, kinds: ['mu', 'm2'], unit: 'area_mu' },
];

/** Keys that name plans, not results: their figures are forecasts by nature. */
export const PLANNED_KEYS = new Set<FactKey>(['investment.planned', 'talents.planned', 'output.expected']);
