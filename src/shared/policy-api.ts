/** The 政策找企业 API's shapes: policies with their conditions, the firms they match, a firm's claimable
 *  policies, and the officers' push lists. */
import { z } from 'zod';
import { policyConditionsSchema } from '../domain/policy/conditions.js';
import { Paging } from './api.js';

export { policyConditionsSchema };

export const BENEFIT_KINDS = ['subsidy', 'tax', 'voucher', 'other'] as const;
export const BENEFIT_KIND_LABELS: Record<(typeof BENEFIT_KINDS)[number], string> = {
  subsidy: '资金奖补',
  tax: '税收优惠',
  voucher: '创新券',
  other: '其他',
};
export const POLICY_STATUSES = ['draft', 'published'] as const;
export const PUSH_STATUSES = ['pending', 'told'] as const;
export const MATCH_STATUSES = ['match', 'close', 'unknown'] as const;

const isoDate = (label: string) => z.iso.date({ error: `${label}应为 YYYY-MM-DD 格式的日期` });
const optionalDate = (label: string) => isoDate(label).nullable().optional();

export const Benefit = z.object({
  kind: z.enum(BENEFIT_KINDS, {
    error: '兑现方式应为 subsidy（资金奖补）、tax（税收优惠）、voucher（创新券）或 other（其他）',
  }),
  amount: z
    .number({ error: '金额应为数字（单位：元）' })
    .min(0, '金额不能为负数')
    .max(1e12, '金额过大，请检查单位（应为元）')
    .nullable()
    .default(null)
    .describe('金额（元），没有固定金额时为 null'),
  text: z.string({ error: '请填写兑现内容' }).trim().min(1, '请填写兑现内容').max(500, '兑现内容最多 500 字'),
});

const fields = {
  title: z
    .string({ error: '请填写政策名称' })
    .trim()
    .min(2, '政策名称至少 2 个字')
    .max(200, '政策名称最多 200 字'),
  issuer: z
    .string({ error: '请填写发文单位' })
    .trim()
    .min(2, '发文单位至少 2 个字')
    .max(200, '发文单位最多 200 字'),
  documentNo: z.string().trim().max(100, '文号最多 100 字').nullable().optional().describe('文号'),
  summary: z.string().trim().max(2000, '政策摘要最多 2000 字').nullable().optional(),
  regionScope: z
    .string()
    .regex(/^(\d{2}|\d{4}|\d{6})$/, '适用地区应为 2、4 或 6 位行政区划代码前缀（如 3209 表示盐城市）')
    .nullable()
    .optional()
    .describe('适用地区：行政区划代码前缀，注册地以此开头的企业才会匹配'),
  validFrom: optionalDate('有效期起'),
  validTo: optionalDate('有效期止'),
  applyFrom: optionalDate('申报开始日期'),
  applyTo: optionalDate('申报截止日期').describe('申报截止日期，即推送清单的截止日'),
  benefits: z.array(Benefit, { error: '兑现内容应为列表' }).max(20, '兑现内容最多 20 项').optional(),
  conditions: policyConditionsSchema.optional(),
  status: z.enum(POLICY_STATUSES, { error: '状态应为 draft（草稿）或 published（已发布）' }).optional(),
};

export const PolicyCreate = z.object({
  ...fields,
  orgId: z.uuid().optional().describe('发布组织，默认为本人所在组织'),
});
export const PolicyUpdate = z.object({
  version: z.int({ error: 'version 应为整数' }).min(1),
  ...fields,
  title: fields.title.optional(),
  issuer: fields.issuer.optional(),
});

const ClauseResult = z.object({
  kind: z.string(),
  clause: z.string().describe('条件原文，如“上年度研发费用占营业收入比例 ≥ 3%”'),
  required: z.string(),
  actual: z.string().nullable(),
  text: z.string().describe('条件与实际值，如“…≥ 3%（实际 2.1%）”'),
  shortBy: z.number().nullable().describe('未达到的数值门槛还差多少（相对门槛的比例）'),
});
const MissingData = z.object({ clause: z.string(), data: z.string() });
export const Evaluation = z.object({
  matches: z.boolean().nullable().describe('true 符合；false 不符合；null 数据不足无法判断'),
  close: z.boolean().describe('接近：只差一项数值条件，且差距在门槛的 20% 以内'),
  met: z.array(ClauseResult),
  unmet: z.array(ClauseResult),
  missing: z.array(MissingData),
});

export const Policy = z
  .object({
    id: z.uuid(),
    orgId: z.uuid(),
    orgName: z.string(),
    title: z.string(),
    issuer: z.string(),
    documentNo: z.string().nullable(),
    summary: z.string().nullable(),
    regionScope: z.string().nullable(),
    regionScopeName: z.string().nullable(),
    validFrom: z.string().nullable(),
    validTo: z.string().nullable(),
    applyFrom: z.string().nullable(),
    applyTo: z.string().nullable(),
    benefits: z.array(Benefit),
    conditions: policyConditionsSchema,
    /** The conditions as sentences, for reading. */
    clauses: z.object({ all: z.array(z.string()), anyOf: z.array(z.string()).nullable() }),
    status: z.enum(POLICY_STATUSES),
    /** Whether the caller may change it (a higher org's policy is read-only below it). */
    editable: z.boolean(),
    version: z.int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Policy' });
export const PolicyQuery = Paging.extend({
  q: z.string().trim().max(100).optional().describe('按名称、发文单位或文号查找'),
  status: z.enum(POLICY_STATUSES).optional(),
  open: z.stringbool().optional().describe('只看申报尚未截止的'),
});
export const PolicyList = z.object({ items: z.array(Policy), total: z.int() });

export const MatchQuery = Paging.extend({
  status: z.enum(MATCH_STATUSES).default('match').describe('match 符合；close 接近；unknown 数据不足'),
  date: isoDate('评估日期').optional().describe('评估日期，默认今天'),
  tolerance: z.coerce.number().min(0).max(1).optional().describe('“接近”的差距上限（门槛的比例，默认 0.2）'),
  q: z.string().trim().max(100).optional(),
});
const PushRef = z.object({ id: z.uuid(), status: z.enum(PUSH_STATUSES) }).nullable();
export const MatchItem = Evaluation.extend({
  enterpriseId: z.uuid(),
  name: z.string(),
  uscc: z.string().nullable(),
  regionCode: z.string().nullable(),
  orgName: z.string(),
  push: PushRef,
});
export const MatchList = z.object({
  policy: z.object({
    id: z.uuid(),
    title: z.string(),
    status: z.enum(POLICY_STATUSES),
    applyTo: z.string().nullable(),
  }),
  date: z.string(),
  counts: z.object({ match: z.int(), close: z.int(), unknown: z.int(), far: z.int() }),
  items: z.array(MatchItem),
  total: z.int(),
});

export const FirmPolicyQuery = z.object({ date: isoDate('评估日期').optional() });
export const FirmPolicyItem = Evaluation.extend({
  policy: Policy,
  deadline: z.string().nullable(),
  daysLeft: z.int().nullable(),
  push: PushRef,
});
export const FirmPolicies = z.object({
  enterpriseId: z.uuid(),
  date: z.string(),
  claimable: z.array(FirmPolicyItem).describe('现在即可申报的政策，按截止日期排序'),
  close: z.array(FirmPolicyItem).describe('接近的政策，附未满足的条件'),
  incomplete: z.array(FirmPolicyItem).describe('数据不足、无法判断的政策，附缺少的数据'),
});

export const PushCreate = z.object({
  ownerId: z.uuid().optional().describe('负责告知的人，默认为自己'),
});
export const PushCreated = z.object({
  matched: z.int(),
  created: z.int(),
  existing: z.int(),
  /** Pending pushes whose owner could no longer act (disabled, or not covering the firm), now the new owner's. */
  reassigned: z.int(),
});

export const Push = z
  .object({
    id: z.uuid(),
    policyId: z.uuid(),
    policyTitle: z.string(),
    documentNo: z.string().nullable(),
    enterpriseId: z.uuid(),
    enterpriseName: z.string(),
    uscc: z.string().nullable(),
    ownerId: z.uuid().nullable(),
    ownerName: z.string().nullable(),
    dueOn: z.string().nullable(),
    daysLeft: z.int().nullable(),
    status: z.enum(PUSH_STATUSES),
    toldAt: z.string().nullable(),
    toldByName: z.string().nullable(),
    note: z.string().nullable(),
    version: z.int(),
    createdAt: z.string(),
  })
  .meta({ id: 'PolicyPush' });
export const PushQuery = Paging.extend({
  mine: z.stringbool().optional().describe('只看我负责的'),
  status: z.enum(PUSH_STATUSES).optional(),
  policyId: z.uuid().optional(),
  enterpriseId: z.uuid().optional(),
});
export const PushList = z.object({ items: z.array(Push), total: z.int() });
export const PushHandover = z.object({
  version: z.int({ error: 'version 应为整数' }).min(1),
  ownerId: z.uuid().describe('接手告知的人：本组织或下级组织能看到该企业的专员、领导或管理员'),
});
export const PushUpdate = z.object({
  version: z.int({ error: 'version 应为整数' }).min(1),
  status: z.enum(PUSH_STATUSES, { error: '状态应为 pending（待告知）或 told（已告知）' }),
  note: z
    .string()
    .trim()
    .max(500, '备注最多 500 字')
    .nullable()
    .optional()
    .describe('告知情况，如“已电话告知财务负责人”'),
});
