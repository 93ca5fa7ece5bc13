/** The firm-facts JSON format (docs/ELIGIBILITY.md): what the API, the CLI and the screening job accept. */
import { z } from 'zod';
import { OTHER_TITLES, TIER_KEYS } from './tiers.js';

const count = z.int().min(0);
const yuan = z.number().min(0);
const isoDate = z.iso.date();

export const HNTE_FIELDS = [
  '电子信息',
  '生物与新医药',
  '航空航天',
  '新材料',
  '高技术服务',
  '新能源与节能',
  '资源与环境',
  '先进制造与自动化',
] as const;

export const CURRENCIES = ['CNY', 'USD', 'HKD', 'EUR'] as const;
export type Currency = (typeof CURRENCIES)[number];

/** One accounting year's figures (money in 元, people as the year's average headcount). */
export const yearFiguresSchema = z
  .strictObject({
    year: z.int().min(1949).max(2100),
    employees: count.optional(),
    techStaff: count.optional(),
    rdStaff: count.optional(),
    revenue: yuan.optional(),
    mainRevenue: yuan.optional(),
    highTechRevenue: yuan.optional(),
    rdExpense: yuan.optional(),
    rdExpenseDomestic: yuan.optional(),
    totalCosts: yuan.optional(),
    netProfit: z.number().optional(),
    totalAssets: yuan.optional(),
    totalLiabilities: yuan.optional(),
    convertedResults: count.optional(),
  })
  .superRefine((y, ctx) => {
    const notAbove = (part: keyof typeof y, whole: keyof typeof y, message: string) => {
      const a = y[part];
      const b = y[whole];
      if (typeof a === 'number' && typeof b === 'number' && a > b)
        ctx.addIssue({ code: 'custom', path: [part], message });
    };
    notAbove('techStaff', 'employees', '科技人员数不能多于职工总数');
    notAbove('rdStaff', 'employees', '研发人员数不能多于职工总数');
    notAbove('mainRevenue', 'revenue', '主营业务收入不能高于营业收入');
    notAbove('highTechRevenue', 'revenue', '高新技术产品（服务）收入不能高于营业收入');
    notAbove('rdExpenseDomestic', 'rdExpense', '境内研发费用不能高于研发费用总额');
  });

const ipSchema = z.strictObject({
  invention: count.optional(),
  defencePatent: count.optional(),
  plantVariety: count.optional(),
  nationalCropVariety: count.optional(),
  nationalNewDrug: count.optional(),
  tcmProtectedVariety: count.optional(),
  icLayout: count.optional(),
  utility: count.optional(),
  design: count.optional(),
  software: count.optional(),
  pct: count.optional(),
  trademark: count.optional(),
  classIOwnDeveloped: count.optional(),
  classIHighValue: count.optional(),
  classIInUse: count.optional(),
  obtainedBy: z.enum(['own_rd', 'transfer_only']).optional(),
});

const standardSchema = z.strictObject({
  level: z.enum(['international', 'national', 'industry', 'local', 'group']),
  role: z.enum(['lead', 'participant']),
  year: z.int().min(1949).max(2100),
  name: z.string().optional(),
});

const titleSchema = z
  .strictObject({
    title: z.enum([...TIER_KEYS, ...OTHER_TITLES]),
    issuedOn: isoDate,
    expiresOn: isoDate,
    certificateNo: z.string().optional(),
  })
  .refine((t) => t.expiresOn >= t.issuedOn, { message: '有效期截止日早于发证日', path: ['expiresOn'] });

const institutionSchema = z.strictObject({
  level: z.enum(['national', 'provincial', 'city', 'other']),
  name: z.string().optional(),
  recognizedOn: isoDate.optional(),
});

const awardSchema = z.strictObject({
  kind: z.enum(['science', 'makers_china_top500']),
  level: z.enum(['national', 'provincial', 'city']),
  year: z.int().min(1949).max(2100),
  rank: z.int().min(1).optional(),
  name: z.string().optional(),
});

const moneySchema = { amount: z.number().min(0), currency: z.enum(CURRENCIES) };

const equityRoundSchema = z.strictObject({
  date: isoDate,
  ...moneySchema,
  round: z.string().optional(),
  postMoneyValuation: z.number().min(0).optional(),
  qualifiedInvestor: z.boolean().optional(),
});

const valuationSchema = z.strictObject({ date: isoDate, ...moneySchema, source: z.string().optional() });

/** Self-declared or expert-judged facts; each is optional and a missing one is reported, never assumed. */
const declaredSchema = z.strictObject({
  hnteField: z.enum([...HNTE_FIELDS, 'none']).optional(),
  noMajorIncidentLast365Days: z.boolean().optional(),
  noMajorIncidentThisOrLastYear: z.boolean().optional(),
  noResearchMisconduct: z.boolean().optional(),
  productsNotRestricted: z.boolean().optional(),
  notOnAbnormalList: z.boolean().optional(),
  strategicEmergingProduct: z.boolean().optional(),
  nicheYears: z.number().min(0).max(100).optional(),
  chainBreakthrough: z.boolean().optional(),
  leadProductInStrategicField: z.boolean().optional(),
  digitalLevel: z.int().min(0).max(6).optional(),
  provincialQualityAward: z.boolean().optional(),
  qualitySystemCertified: z.boolean().optional(),
  developedMarketProductCertified: z.boolean().optional(),
  ownBrand: z.boolean().optional(),
  standardSetting: z.boolean().optional(),
  provincialFeatureScore: z.number().min(0).max(15).optional(),
  coreProcessInformationSystem: z.boolean().optional(),
  nationalMarketShare: z.number().min(0).max(1).optional(),
  nationalMarketRank: z.int().min(1).optional(),
  keyChainPosition: z.boolean().optional(),
});

const upTo = (n: number) => z.number().min(0).max(n).optional();
/** 高企 expert scores; a band item's score is kept inside the band the figures put the firm in. */
const hnteExpertSchema = z.strictObject({
  techAdvancement: upTo(8),
  coreSupport: upTo(8),
  ipQuantity: upTo(8),
  ipAcquisition: upTo(6),
  standardBonus: upTo(2),
  conversion: upTo(30),
  rdManagement: upTo(6),
  rdInstitutionCooperation: upTo(6),
  conversionOrganisation: upTo(4),
  talentSystems: upTo(4),
  netAssetGrowth: upTo(10),
  salesGrowth: upTo(10),
});

export const firmFactsSchema = z
  .strictObject({
    name: z.string().optional(),
    uscc: z.string().optional(),
    asOf: isoDate,
    establishedOn: isoDate,
    listed: z.boolean().optional(),
    years: z.array(yearFiguresSchema),
    ip: ipSchema.optional(),
    standards: z.array(standardSchema).optional(),
    titles: z.array(titleSchema).optional(),
    rdInstitutions: z.array(institutionSchema).optional(),
    awards: z.array(awardSchema).optional(),
    equityRounds: z.array(equityRoundSchema).optional(),
    valuations: z.array(valuationSchema).optional(),
    declared: declaredSchema.optional(),
    expert: z.strictObject({ hnte: hnteExpertSchema.optional() }).optional(),
    fxToCny: z
      .strictObject({
        USD: z.number().positive().optional(),
        HKD: z.number().positive().optional(),
        EUR: z.number().positive().optional(),
      })
      .optional(),
  })
  .superRefine((f, ctx) => {
    if (f.establishedOn > f.asOf)
      ctx.addIssue({ code: 'custom', path: ['establishedOn'], message: '成立日期晚于评估日期' });
    const seen = new Set<number>();
    f.years.forEach((y, i) => {
      if (seen.has(y.year))
        ctx.addIssue({ code: 'custom', path: ['years', i, 'year'], message: `${y.year} 年度重复` });
      seen.add(y.year);
    });
  });

export type FirmFacts = z.infer<typeof firmFactsSchema>;
export type YearFigures = z.infer<typeof yearFiguresSchema>;
export type YearField = Exclude<keyof YearFigures, 'year'>;
