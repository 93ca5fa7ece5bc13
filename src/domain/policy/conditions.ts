/** 政策条件: the typed clauses a policy's conditions are built from (the same vocabulary as the tier
 *  rules: titles, region, industry, size, age, R&D, IP), validated with Chinese messages. A policy
 *  matches when every clause of `all` holds and, if `anyOf` is given, at least one of its clauses. */
import { z } from 'zod';
import { TIER_KEYS } from '../eligibility/tiers.js';
import { CLAUSE_KINDS } from './clause-kinds.js';

const tier = z.enum(TIER_KEYS, { error: '梯队应为 tech_sme、innovative_sme、hnte 等培育梯队之一' });
const isoDate = (label: string) => z.iso.date({ error: `${label}应为 YYYY-MM-DD 格式的日期` });
const MAX_MONEY = 1e15;

/** Objects refuse fields they do not know, in Chinese: a typo must not silently drop a condition. */
const strict = <T extends z.core.$ZodLooseShape>(shape: T) =>
  z.strictObject(shape, {
    error: (iss) =>
      iss.code === 'unrecognized_keys' ? `未知的字段：${(iss.keys as string[]).join('、')}` : '条件应为对象',
  });

const money = (label: string) =>
  z
    .number({ error: `${label}应为数字（单位：元）` })
    .min(0, `${label}不能为负数`)
    .max(MAX_MONEY, `${label}数额过大，请检查单位（应为元）`);
const headcount = (label: string) =>
  z
    .int({ error: `${label}应为整数` })
    .min(0, `${label}不能为负数`)
    .max(10_000_000, `${label}过大`);

const regionPrefix = z
  .string({ error: '行政区划代码前缀应为字符串' })
  .regex(/^(\d{2}|\d{4}|\d{6})$/, '行政区划代码前缀应为 2、4 或 6 位数字（如 32 江苏省、3209 盐城市）');

const tierHeld = strict({
  kind: z.literal('tier_held'),
  tier,
  /** The title must have been issued in this window (e.g. this year's newly certified firms). */
  issuedFrom: isoDate('认定日期起').optional(),
  issuedTo: isoDate('认定日期止').optional(),
  /** No title of the tier issued before this one (首次认定). */
  firstTime: z.boolean({ error: 'firstTime 应为 true 或 false' }).optional(),
}).refine((c) => !c.issuedFrom || !c.issuedTo || c.issuedFrom <= c.issuedTo, {
  path: ['issuedTo'],
  message: '认定日期止不能早于认定日期起',
});

const rangeClause = <K extends string, T extends z.ZodType<number>>(kind: K, label: string, bound: T) =>
  strict({ kind: z.literal(kind), min: bound.optional(), max: bound.optional() })
    .refine((r) => r.min !== undefined || r.max !== undefined, `${label}至少要填写下限或上限`)
    .refine((r) => r.min === undefined || r.max === undefined || r.min <= r.max, {
      path: ['max'],
      message: `${label}的上限不能小于下限`,
    });

export const clauseSchema = z.discriminatedUnion(
  'kind',
  [
    tierHeld,
    strict({
      kind: z.literal('tier_eligible'),
      tier,
      /** Whether a firm already holding the title counts (default true); false = eligible, not yet held. */
      includeHolding: z.boolean({ error: 'includeHolding 应为 true 或 false' }).optional(),
    }),
    strict({
      kind: z.literal('tier_not_held'),
      tier,
      /** Never held it at all, not only "holds no valid title now". */
      ever: z.boolean({ error: 'ever 应为 true 或 false' }).optional(),
    }),
    strict({
      kind: z.literal('region'),
      prefixes: z
        .array(regionPrefix, { error: '注册地应为行政区划代码前缀的列表' })
        .min(1, '注册地至少要有一个行政区划代码前缀')
        .max(50, '注册地最多 50 个行政区划代码前缀'),
    }),
    strict({
      kind: z.literal('industry'),
      sections: z
        .array(z.string().regex(/^[A-T]$/, '行业门类应为 A–T 之间的大写字母'))
        .max(20, '行业门类最多 20 个')
        .optional(),
      divisions: z
        .array(z.string().regex(/^\d{2}$/, '行业大类应为两位数字代码（如 39）'))
        .max(97, '行业大类过多')
        .optional(),
    }).refine(
      (c) => (c.sections?.length ?? 0) + (c.divisions?.length ?? 0) > 0,
      '行业条件至少要列出一个门类或大类',
    ),
    rangeClause(
      'age',
      '成立年限',
      z.number({ error: '成立年限应为数字（年）' }).min(0, '成立年限不能为负数').max(200, '成立年限过大'),
    ),
    rangeClause('revenue', '上年度营业收入', money('上年度营业收入')),
    rangeClause('employees', '上年度职工人数', headcount('上年度职工人数')),
    strict({
      kind: z.literal('rd_ratio'),
      min: z
        .number({ error: '研发费用占比应为数字' })
        .gt(0, '研发费用占比下限应大于 0')
        .max(1, '研发费用占比应为 0–1 之间的小数（如 0.03 表示 3%）'),
    }),
    strict({
      kind: z.literal('rd_expense'),
      /** Omitted: any R&D at all (> 0 元). */
      min: money('上年度研发费用').optional(),
    }),
    strict({
      kind: z.literal('invention_patents'),
      min: headcount('发明专利数').min(1, '发明专利数下限至少为 1'),
    }),
    strict({
      kind: z.literal('class1_ip'),
      min: headcount('I 类知识产权数').min(1, 'I 类知识产权数下限至少为 1'),
    }),
    strict({ kind: z.literal('universe_local') }),
  ],
  { error: '未知的条件类型' },
);

export const policyConditionsSchema = strict({
  all: z.array(clauseSchema, { error: '条件应为列表' }).max(30, '条件最多 30 项').default([]),
  anyOf: z
    .array(clauseSchema, { error: '“满足其一”应为条件列表' })
    .min(2, '“满足其一”至少要有两项条件')
    .max(10, '“满足其一”最多 10 项条件')
    .optional(),
}).describe('政策条件：all 中的条件须全部满足；anyOf 中的条件至少满足一项');

export type Clause = z.infer<typeof clauseSchema>;
export type ClauseKind = Clause['kind'];
export type PolicyConditions = z.infer<typeof policyConditionsSchema>;

// Every kind the schema knows is offered by the editor, and nothing else.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const kindsAgree: Same<(typeof CLAUSE_KINDS)[number], ClauseKind> = true;
void kindsAgree;

export { CLAUSE_KINDS };
