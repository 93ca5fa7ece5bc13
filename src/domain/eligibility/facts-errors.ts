/** Validates raw firm facts once at the boundary and says what is wrong in Chinese, field by field. */

import { zhIssueMessage } from '../../shared/zh-issues.js';
import { type FirmFacts, firmFactsSchema } from './facts-schema.js';
import { FIELD_NAMES } from './prepare.js';

export type FactsError = { path: string; field: string; message: string };
export type FactsResult = { ok: true; facts: FirmFacts } | { ok: false; errors: FactsError[] };

const LABELS: Record<string, string> = {
  name: '企业名称',
  uscc: '统一社会信用代码',
  asOf: '评估日期',
  establishedOn: '成立日期',
  listed: '是否上市',
  years: '年度数据',
  year: '年度',
  ...FIELD_NAMES,
  ip: '知识产权',
  invention: '发明专利',
  defencePatent: '国防专利',
  plantVariety: '植物新品种',
  nationalCropVariety: '国家级农作物品种',
  nationalNewDrug: '国家新药',
  tcmProtectedVariety: '国家一级中药保护品种',
  icLayout: '集成电路布图设计',
  utility: '实用新型专利',
  design: '外观设计专利',
  software: '软件著作权',
  pct: 'PCT 申请',
  trademark: '商标',
  classIOwnDeveloped: '自主研发 I 类知识产权数',
  classIHighValue: 'I 类高价值知识产权数',
  classIInUse: '已实际应用的 I 类知识产权数',
  obtainedBy: '知识产权获得方式',
  standards: '标准',
  titles: '已获资质',
  title: '资质',
  issuedOn: '发证日期',
  expiresOn: '有效期截止日',
  rdInstitutions: '研发机构',
  level: '级别',
  awards: '奖励',
  kind: '类别',
  rank: '排名',
  equityRounds: '股权融资',
  valuations: '估值',
  date: '日期',
  amount: '金额',
  currency: '币种',
  declared: '自评事项',
  expert: '专家评分',
  fxToCny: '汇率',
};

function describePath(path: PropertyKey[], raw: unknown): { path: string; field: string } {
  let dotted = '';
  const parts: string[] = [];
  let node: unknown = raw;
  for (const key of path) {
    if (typeof key === 'number') {
      dotted += `[${key}]`;
      node = Array.isArray(node) ? node[key] : undefined;
      const year = (node as { year?: unknown } | undefined)?.year;
      parts.push(typeof year === 'number' ? `第 ${key + 1} 条（${year} 年）` : `第 ${key + 1} 条`);
      continue;
    }
    const k = String(key);
    dotted += dotted ? `.${k}` : k;
    node = node && typeof node === 'object' ? (node as Record<string, unknown>)[k] : undefined;
    parts.push(LABELS[k] ?? k);
  }
  return { path: dotted || '(根)', field: parts.join(' · ') || '整个文件' };
}

/** Parses and validates a firm-facts object; never throws, returns Chinese errors instead. */
export function parseFirmFacts(raw: unknown): FactsResult {
  const r = firmFactsSchema.safeParse(raw, { error: zhIssueMessage });
  if (r.success) return { ok: true, facts: r.data };
  return {
    ok: false,
    errors: r.error.issues.map((i) => ({ ...describePath(i.path, raw), message: i.message })),
  };
}
