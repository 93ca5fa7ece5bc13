/** Validates a rule set someone typed or edited (the admin UI, an org's variant) with Chinese messages. */

import { zhIssueMessage } from '../../shared/zh-issues.js';
import { type Ruleset, rulesetSchema } from './ruleset-schema.js';

export type RulesetError = { path: string; message: string };
export type RulesetResult = { ok: true; ruleset: Ruleset } | { ok: false; errors: RulesetError[] };

const LABELS: Record<string, string> = {
  id: '编号',
  tier: '梯队',
  alsoFor: '同时适用的梯队',
  engine: '引擎',
  name: '名称',
  document: '文号',
  version: '版本',
  validFrom: '生效日期',
  validTo: '失效日期',
  reReviewValidTo: '复核适用截止日',
  provisional: '是否暂行',
  default: '是否按日期默认选用',
  params: '参数',
  op: '比较符',
  value: '阈值',
  points: '分值',
  pointsMax: '分值上限',
  directPaths: '直通条件',
  routes: '路径',
};

function pathText(path: PropertyKey[]): string {
  return path
    .map((k) => (typeof k === 'number' ? `第 ${k + 1} 项` : (LABELS[String(k)] ?? String(k))))
    .join(' · ');
}

/** Parses a rule-set object; never throws. `known` ids (other rule sets) must not be reused. */
export function validateRuleset(raw: unknown, known: readonly string[] = []): RulesetResult {
  const r = rulesetSchema.safeParse(raw, {
    // A rule's shape is chosen by its kind / engine: a union failure means one of those is off.
    error: (issue) =>
      issue.code === 'invalid_union'
        ? '不是任何一种允许的格式（请检查 kind / engine 字段）'
        : zhIssueMessage(issue),
  });
  if (!r.success)
    return {
      ok: false,
      errors: r.error.issues.map((i) => ({ path: pathText(i.path) || '整个规则集', message: i.message })),
    };
  if (known.includes(r.data.id))
    return { ok: false, errors: [{ path: '编号', message: `编号 ${r.data.id} 已被其他规则集使用` }] };
  return { ok: true, ruleset: r.data };
}
