/** The industries of the demo regions: GB/T 4754-2017 division, the words firms put in their names, their
 *  products and business scope, and the shape of their figures (productivity, R&D intensity, IP habits). */

export type IndustryKey =
  | 'pv'
  | 'wind'
  | 'storage'
  | 'biomed'
  | 'ic'
  | 'newmat'
  | 'equip'
  | 'auto'
  | 'ict'
  | 'ai';

export type NameWord = {
  /** Industry words between the 字号 and the legal form: 储能科技 in 盐城海辰储能科技有限公司. */
  word: string;
  /** The part kept in a short name (简称): 储能 → 海辰储能. */
  short: string;
};

export type Industry = {
  key: IndustryKey;
  label: string;
  /** GB/T 4754-2017 两位大类 with weights (the 门类 follows from it). */
  divisions: readonly (readonly [string, number])[];
  words: readonly NameWord[];
  products: readonly string[];
  scope: readonly string[];
  /** R&D centre subjects: 江苏省{subject}工程技术研究中心. */
  rdSubjects: readonly string[];
  /** Median revenue per employee, 万元. */
  productivity: number;
  /** R&D expense as a share of revenue, typical range. */
  rdRatio: readonly [number, number];
  /** Tech staff as a share of employees, typical range. */
  techShare: readonly [number, number];
  /** Patents per R&D person per year of age (rough), and the mix of IP kinds. */
  ip: { invention: number; utility: number; design: number; software: number; icLayout: number };
};

const w = (word: string, short: string): NameWord => ({ word, short });

export const INDUSTRIES: Record<IndustryKey, Industry> = {
  pv: {
    key: 'pv',
    label: '新能源/光伏',
    divisions: [['38', 1]],
    words: [
      w('光伏科技', '光伏'),
      w('新能源科技', '新能源'),
      w('光伏材料', '光伏'),
      w('太阳能科技', '太阳能'),
      w('光电科技', '光电'),
      w('光能科技', '光能'),
    ],
    products: [
      'TOPCon高效光伏电池片',
      '异质结光伏组件',
      '光伏逆变器',
      '光伏跟踪支架',
      '光伏背板',
      '单晶硅片',
      '光伏焊带',
      '分布式光伏电站系统',
    ],
    scope: [
      '光伏设备及元器件制造',
      '太阳能发电技术服务',
      '电池制造',
      '新兴能源技术研发',
      '光伏设备及元器件销售',
      '合同能源管理',
    ],
    rdSubjects: ['高效光伏电池', '光伏组件封装', '光伏逆变与并网'],
    productivity: 160,
    rdRatio: [0.025, 0.07],
    techShare: [0.12, 0.3],
    ip: { invention: 0.06, utility: 0.3, design: 0.02, software: 0.02, icLayout: 0 },
  },
  wind: {
    key: 'wind',
    label: '风电',
    divisions: [
      ['34', 2],
      ['38', 1],
    ],
    words: [
      w('风电装备', '风电'),
      w('风能科技', '风能'),
      w('风电科技', '风电'),
      w('新能源装备', '新能源'),
      w('海上风电', '风电'),
    ],
    products: [
      '风电齿轮箱',
      '风电叶片',
      '风电塔筒',
      '海上风电主轴轴承',
      '风电变流器',
      '风电偏航变桨系统',
      '海上升压站设备',
    ],
    scope: [
      '风力发电机组及零部件销售',
      '风电场相关装备销售',
      '发电机及发电机组制造',
      '海上风电相关系统研发',
      '轴承制造',
    ],
    rdSubjects: ['海上风电装备', '风电传动系统', '大型风电叶片'],
    productivity: 180,
    rdRatio: [0.02, 0.06],
    techShare: [0.1, 0.25],
    ip: { invention: 0.05, utility: 0.35, design: 0.01, software: 0.02, icLayout: 0 },
  },
  storage: {
    key: 'storage',
    label: '储能/锂电',
    divisions: [['38', 1]],
    words: [
      w('储能科技', '储能'),
      w('锂电科技', '锂电'),
      w('电池科技', '电池'),
      w('能源科技', '能源'),
      w('储能技术', '储能'),
      w('动力电池', '动力'),
      w('新能源材料', '新能源'),
    ],
    products: [
      '磷酸铁锂储能电芯',
      '工商业储能系统',
      '电池管理系统（BMS）',
      '储能变流器（PCS）',
      '三元正极材料',
      '锂电池电解液',
      '锂电池隔膜',
      '钠离子电池',
    ],
    scope: [
      '电池制造',
      '储能技术服务',
      '电池零配件生产',
      '新材料技术研发',
      '输配电及控制设备制造',
      '电池销售',
    ],
    rdSubjects: ['电化学储能', '动力电池安全', '锂电池材料'],
    productivity: 140,
    rdRatio: [0.03, 0.08],
    techShare: [0.15, 0.35],
    ip: { invention: 0.08, utility: 0.3, design: 0.02, software: 0.05, icLayout: 0 },
  },
  biomed: {
    key: 'biomed',
    label: '生物医药',
    divisions: [['27', 1]],
    words: [
      w('生物医药', '生物'),
      w('医药科技', '医药'),
      w('生物科技', '生物'),
      w('制药', '制药'),
      w('生物技术', '生物'),
      w('药业', '药业'),
    ],
    products: [
      '单克隆抗体药物',
      '小分子创新药',
      '化学原料药',
      '体外诊断试剂',
      '多肽药物',
      '细胞治疗产品',
      '中药配方颗粒',
      '医药中间体',
    ],
    scope: [
      '药品生产',
      '药品批发',
      '医学研究和试验发展',
      '生物化工产品技术研发',
      '第二类医疗器械销售',
      '技术进出口',
    ],
    rdSubjects: ['创新药物', '生物制药', '体外诊断'],
    productivity: 90,
    rdRatio: [0.05, 0.12],
    techShare: [0.25, 0.5],
    ip: { invention: 0.15, utility: 0.05, design: 0.01, software: 0.02, icLayout: 0 },
  },
  ic: {
    key: 'ic',
    label: '集成电路',
    divisions: [['39', 1]],
    words: [
      w('半导体', '半导体'),
      w('微电子', '微电子'),
      w('芯片科技', '芯片'),
      w('集成电路', '集成电路'),
      w('电子科技', '电子'),
      w('半导体科技', '半导体'),
    ],
    products: [
      '功率半导体器件（IGBT）',
      'MCU芯片',
      '晶圆测试服务',
      '先进封装测试',
      'MEMS传感器芯片',
      '光掩模版',
      '碳化硅功率模块',
      '模拟芯片',
    ],
    scope: [
      '集成电路设计',
      '集成电路制造',
      '集成电路芯片及产品销售',
      '半导体分立器件制造',
      '电子元器件制造',
      '软件开发',
    ],
    rdSubjects: ['功率半导体', '集成电路封装测试', '芯片设计'],
    productivity: 120,
    rdRatio: [0.06, 0.12],
    techShare: [0.3, 0.6],
    ip: { invention: 0.12, utility: 0.15, design: 0, software: 0.05, icLayout: 0.1 },
  },
  newmat: {
    key: 'newmat',
    label: '新材料',
    divisions: [
      ['26', 3],
      ['30', 2],
    ],
    words: [
      w('新材料', '新材'),
      w('材料科技', '材料'),
      w('化工新材料', '化工'),
      w('复合材料', '复材'),
      w('高分子材料', '高分子'),
      w('新材料科技', '新材'),
    ],
    products: [
      '碳纤维复合材料',
      '特种陶瓷',
      '电子级化学品',
      '高性能工程塑料',
      '石墨烯导热膜',
      '高性能玻璃纤维',
      '特种涂料',
      '气凝胶',
    ],
    scope: [
      '新材料技术研发',
      '化工产品生产（不含许可类化工产品）',
      '合成材料制造',
      '非金属矿物制品制造',
      '技术玻璃制品制造',
      '专用化学产品销售',
    ],
    rdSubjects: ['先进复合材料', '电子化学品', '高性能纤维'],
    productivity: 170,
    rdRatio: [0.025, 0.06],
    techShare: [0.1, 0.3],
    ip: { invention: 0.08, utility: 0.25, design: 0.01, software: 0.01, icLayout: 0 },
  },
  equip: {
    key: 'equip',
    label: '高端装备',
    divisions: [
      ['34', 1],
      ['35', 1],
    ],
    words: [
      w('智能装备', '装备'),
      w('机械科技', '机械'),
      w('精密机械', '精机'),
      w('自动化科技', '自动化'),
      w('装备制造', '装备'),
      w('机器人', '机器人'),
      w('重工', '重工'),
    ],
    products: [
      '工业机器人',
      '五轴数控机床',
      '智能仓储物流系统',
      '精密减速器',
      '激光加工设备',
      '锻压机床',
      '液压元件',
      '半导体专用设备',
    ],
    scope: [
      '智能基础制造装备制造',
      '通用设备制造（不含特种设备制造）',
      '专用设备制造（不含许可类专业设备制造）',
      '工业机器人制造',
      '机械设备研发',
      '工业自动控制系统装置制造',
    ],
    rdSubjects: ['智能制造装备', '精密传动', '工业机器人'],
    productivity: 110,
    rdRatio: [0.03, 0.07],
    techShare: [0.15, 0.35],
    ip: { invention: 0.06, utility: 0.45, design: 0.03, software: 0.04, icLayout: 0 },
  },
  auto: {
    key: 'auto',
    label: '汽车零部件',
    divisions: [['36', 1]],
    words: [
      w('汽车零部件', '汽车'),
      w('汽车部件', '汽车'),
      w('汽车电子', '汽车电子'),
      w('车辆科技', '车辆'),
      w('动力科技', '动力'),
      w('汽车科技', '汽车'),
    ],
    products: [
      '新能源汽车电驱系统',
      '汽车座椅总成',
      '线控制动系统',
      '高压线束',
      '铝合金轻量化车身件',
      '汽车热管理系统',
      '车载摄像头模组',
      '底盘悬架总成',
    ],
    scope: [
      '汽车零部件及配件制造',
      '汽车零部件研发',
      '汽车零配件批发',
      '电机制造',
      '模具制造',
      '智能车载设备制造',
    ],
    rdSubjects: ['新能源汽车零部件', '汽车轻量化', '汽车电子'],
    productivity: 150,
    rdRatio: [0.025, 0.06],
    techShare: [0.1, 0.25],
    ip: { invention: 0.04, utility: 0.4, design: 0.04, software: 0.02, icLayout: 0 },
  },
  ict: {
    key: 'ict',
    label: '新一代信息技术',
    divisions: [
      ['65', 3],
      ['39', 1],
    ],
    words: [
      w('信息科技', '信息'),
      w('网络科技', '网络'),
      w('软件', '软件'),
      w('数字科技', '数字'),
      w('通信科技', '通信'),
      w('信息技术', '信息'),
      w('数据科技', '数据'),
    ],
    products: [
      '工业互联网平台',
      '政务云服务',
      '智能终端',
      '5G通信模组',
      '光通信模块',
      '数据中台',
      '企业管理软件',
      '网络安全产品',
    ],
    scope: [
      '软件开发',
      '信息系统集成服务',
      '信息技术咨询服务',
      '数据处理和存储支持服务',
      '物联网技术服务',
      '通信设备制造',
    ],
    rdSubjects: ['工业互联网', '大数据', '网络安全'],
    productivity: 70,
    rdRatio: [0.05, 0.12],
    techShare: [0.4, 0.8],
    ip: { invention: 0.05, utility: 0.05, design: 0.01, software: 0.6, icLayout: 0 },
  },
  ai: {
    key: 'ai',
    label: '人工智能',
    divisions: [['65', 1]],
    words: [
      w('智能科技', '智能'),
      w('人工智能', '智能'),
      w('智能技术', '智能'),
      w('视觉科技', '视觉'),
      w('智能信息', '智能'),
      w('机器人科技', '机器人'),
    ],
    products: [
      '机器视觉检测系统',
      '智能语音交互平台',
      '行业大模型应用',
      '自动驾驶感知系统',
      '智慧交通管理平台',
      '智能客服系统',
      '智慧园区平台',
      'AI质检设备',
    ],
    scope: [
      '人工智能应用软件开发',
      '人工智能基础软件开发',
      '智能机器人的研发',
      '人工智能行业应用系统集成服务',
      '软件开发',
      '信息技术咨询服务',
    ],
    rdSubjects: ['人工智能', '机器视觉', '智能语音'],
    productivity: 60,
    rdRatio: [0.06, 0.12],
    techShare: [0.45, 0.85],
    ip: { invention: 0.08, utility: 0.04, design: 0.01, software: 0.8, icLayout: 0 },
  },
};

/** Division → 门类 for the industries used here (all manufacturing C, except software I). */
export function sectionOf(division: string): string {
  return division === '65' || division === '64' ? 'I' : 'C';
}
