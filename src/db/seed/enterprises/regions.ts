/** Where the demo firms sit: the districts of each demo org (local universe) and the cities of the target
 *  universe, with the industries each is known for and the prefixes firms there put in their names. */
import type { IndustryKey } from './industries.js';

export type Place = {
  /** GB/T 2260 county-level code. */
  code: string;
  /** Written region prefixes of a firm name, most usual first: 盐城 / 盐城市 / 江苏. */
  prefixes: readonly string[];
  /** The city as written in brackets: 中交慧运（盐城）科技有限公司. */
  bracket: string;
  /** Province prefix for the larger firms: 江苏润阳光伏材料股份有限公司. */
  province: string;
  weight: number;
};

export type Area = {
  /** Org code of shared demo data (local universe), or the city's key (target universe). */
  key: string;
  label: string;
  weight: number;
  places: readonly Place[];
  industries: readonly (readonly [IndustryKey, number])[];
  roads: readonly string[];
};

const js = (code: string, prefixes: string[], bracket: string, weight = 1): Place => ({
  code,
  prefixes,
  bracket,
  province: '江苏',
  weight,
});

/** Local universe: the park / district / county orgs of src/db/seed/demo-data.ts. */
export const LOCAL_AREAS: readonly Area[] = [
  {
    key: 'yannan',
    label: '盐南高新区',
    weight: 20,
    // 盐南 has no code of its own; its firms register in 亭湖 / 盐都, a few in 大丰.
    places: [
      js('320902', ['盐城', '盐城市'], '盐城', 5),
      js('320903', ['盐城', '盐城市'], '盐城', 4),
      js('320904', ['盐城', '盐城市', '盐城市大丰区'], '盐城', 1),
    ],
    industries: [
      ['pv', 18],
      ['wind', 16],
      ['storage', 14],
      ['ict', 18],
      ['ai', 14],
      ['equip', 8],
      ['auto', 7],
      ['newmat', 5],
    ],
    roads: ['新都东路', '世纪大道', '文港南路', '希望大道', '黄海西路', '新洋港路', '华锐北路', '范公路'],
  },
  {
    key: 'ntkfq',
    label: '南通开发区',
    weight: 15,
    places: [
      js('320671', ['南通', '南通市'], '南通', 4),
      js('320612', ['南通', '南通市', '南通市通州区'], '南通', 1),
    ],
    industries: [
      ['ict', 16],
      ['equip', 16],
      ['biomed', 16],
      ['newmat', 12],
      ['ic', 10],
      ['auto', 10],
      ['storage', 6],
      ['ai', 6],
    ],
    roads: ['通盛大道', '星湖大道', '通达路', '富民港路', '广州路', '振兴路', '复兴路', '新开北路'],
  },
  {
    key: 'haian',
    label: '海安市',
    weight: 12,
    places: [js('320685', ['海安', '海安市', '南通'], '海安')],
    industries: [
      ['equip', 22],
      ['newmat', 22],
      ['auto', 16],
      ['storage', 8],
      ['ict', 6],
      ['biomed', 4],
    ],
    roads: ['长江中路', '宁海南路', '开发大道', '黄海大道', '中坝南路', '海防路'],
  },
  {
    key: 'jiangyin',
    label: '江阴市',
    weight: 16,
    places: [js('320281', ['江阴', '江阴市', '无锡'], '江阴')],
    industries: [
      ['newmat', 22],
      ['equip', 18],
      ['ic', 16],
      ['auto', 8],
      ['storage', 8],
      ['biomed', 6],
      ['pv', 6],
    ],
    roads: ['澄江中路', '长江路', '芙蓉大道', '滨江西路', '人民东路', '延陵路', '中山北路'],
  },
  {
    key: 'yixing',
    label: '宜兴市',
    weight: 10,
    places: [js('320282', ['宜兴', '宜兴市', '无锡'], '宜兴')],
    industries: [
      ['newmat', 24],
      ['equip', 14],
      ['pv', 10],
      ['storage', 8],
      ['biomed', 6],
      ['ict', 6],
    ],
    roads: ['东虹路', '荆溪北路', '解放东路', '绿园路', '陶都路', '氿滨大道'],
  },
  {
    key: 'liangxi',
    label: '梁溪区',
    weight: 9,
    places: [js('320213', ['无锡', '无锡市'], '无锡')],
    industries: [
      ['ict', 24],
      ['ai', 18],
      ['ic', 12],
      ['biomed', 8],
      ['equip', 4],
    ],
    roads: ['中山路', '解放北路', '人民西路', '兴源北路', '广瑞路', '通扬路', '学前街'],
  },
  {
    key: 'xishan',
    label: '锡山区',
    weight: 10,
    places: [js('320205', ['无锡', '无锡市', '无锡市锡山区'], '无锡')],
    industries: [
      ['auto', 20],
      ['equip', 18],
      ['ic', 14],
      ['storage', 10],
      ['newmat', 8],
      ['ai', 6],
    ],
    roads: ['友谊北路', '团结中路', '春晖中路', '锡沪中路', '安泰三路', '东亭北路'],
  },
  {
    key: 'nanhu',
    label: '南湖区',
    weight: 8,
    places: [{ code: '330402', prefixes: ['嘉兴', '嘉兴市'], bracket: '嘉兴', province: '浙江', weight: 1 }],
    industries: [
      ['newmat', 14],
      ['ic', 14],
      ['auto', 12],
      ['ai', 10],
      ['equip', 10],
      ['pv', 8],
      ['ict', 8],
    ],
    roads: ['亚太路', '凌公塘路', '中环南路', '纺工路', '文昌路', '昌盛南路', '大桥镇亚中路'],
  },
];

const city = (codes: string[], prefixes: string[], bracket: string, province: string): Place[] =>
  codes.map((code) => ({ code, prefixes, bracket, province, weight: 1 }));

/** Target universe (外地目标企业): the cities a 招商 team scouts for firms to attract. */
export const TARGET_AREAS: readonly Area[] = [
  {
    key: 'shanghai',
    label: '上海',
    weight: 24,
    places: city(['310104', '310115', '310112', '310114', '310117'], ['上海'], '上海', '上海'),
    industries: [
      ['ic', 22],
      ['biomed', 22],
      ['ai', 18],
      ['ict', 12],
      ['equip', 10],
      ['auto', 8],
      ['newmat', 8],
      // 海上风电 整机 and its suppliers (上海电气风电 is at home here).
      ['wind', 10],
    ],
    roads: ['张江路', '碧波路', '祖冲之路', '宜山路', '漕河泾开发区桂平路', '嘉松北路', '莘庄工业区春东路'],
  },
  {
    key: 'shenzhen',
    label: '深圳',
    weight: 22,
    places: city(['440305', '440306', '440307', '440309', '440304'], ['深圳', '深圳市'], '深圳', '广东'),
    industries: [
      ['ict', 20],
      ['storage', 18],
      ['ai', 16],
      ['ic', 16],
      ['equip', 8],
      ['pv', 6],
      ['auto', 6],
    ],
    roads: ['科技南十二路', '高新南七道', '宝安大道', '坂雪岗大道', '民治大道', '深南大道'],
  },
  {
    key: 'beijing',
    label: '北京',
    weight: 18,
    places: city(['110108', '110105', '110115', '110114', '110106'], ['北京', '北京市'], '北京', '北京'),
    industries: [
      ['ai', 26],
      ['ict', 22],
      ['biomed', 18],
      ['ic', 12],
      ['equip', 6],
      ['newmat', 6],
      // 风电整机 headquarters (金风科技).
      ['wind', 8],
    ],
    roads: ['中关村大街', '上地信息路', '海淀东三街', '酒仙桥路', '荣华中路', '生命园路', '丰台科技园汉威路'],
  },
  {
    key: 'suzhou',
    label: '苏州',
    weight: 16,
    places: city(['320505', '320506', '320507', '320508', '320509'], ['苏州', '苏州市'], '苏州', '江苏'),
    industries: [
      ['biomed', 20],
      ['ic', 16],
      ['equip', 16],
      ['newmat', 14],
      ['ai', 8],
      ['auto', 8],
      ['pv', 6],
    ],
    roads: ['星湖街', '金鸡湖大道', '狮山路', '东吴南路', '澄阳路', '江陵西路', '长江路'],
  },
  {
    key: 'hefei',
    label: '合肥',
    weight: 10,
    places: city(['340104', '340111', '340103', '340102', '340121'], ['合肥', '合肥市'], '合肥', '安徽'),
    industries: [
      ['storage', 22],
      ['ic', 18],
      ['ai', 16],
      ['auto', 16],
      ['pv', 10],
      ['newmat', 8],
    ],
    roads: ['望江西路', '习友路', '创新大道', '繁华大道', '方兴大道', '长江东路'],
  },
  {
    key: 'hangzhou',
    label: '杭州',
    weight: 10,
    places: city(['330106', '330108', '330110', '330105', '330109'], ['杭州', '杭州市'], '杭州', '浙江'),
    industries: [
      ['ict', 24],
      ['ai', 22],
      ['biomed', 16],
      ['ic', 10],
      ['equip', 8],
    ],
    roads: ['文一西路', '江南大道', '网商路', '莫干山路', '市心中路', '西溪路', '物联网街'],
  },
];
