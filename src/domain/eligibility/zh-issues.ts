// Plain Chinese for the mistakes people make in hand-written JSON; zod's own zh-CN text for the rest.
import { type core, z } from 'zod';

const TYPE_NAMES: Record<string, string> = {
  number: '数字',
  int: '整数',
  string: '文本',
  boolean: 'true 或 false',
  array: '列表',
  object: '对象',
  null: 'null',
};

const zhCN = z.locales.zhCN().localeError;

/** A zod error map: custom issues keep their own (Chinese) message. */
export function zhIssueMessage(issue: core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'custom':
      return undefined;
    case 'invalid_type':
      return issue.input === undefined ? '必填' : `应为${TYPE_NAMES[issue.expected] ?? issue.expected}`;
    case 'too_small':
      return issue.origin === 'array' ? `至少需要 ${issue.minimum} 项` : `不能小于 ${issue.minimum}`;
    case 'too_big':
      return `不能大于 ${issue.maximum}`;
    case 'invalid_format':
      return issue.format === 'date' ? '应为 YYYY-MM-DD 格式的有效日期' : '格式不正确';
    case 'invalid_value':
      return `应为以下之一：${issue.values.map(String).join('、')}`;
    case 'unrecognized_keys':
      return `未知字段：${issue.keys.join('、')}`;
    case 'invalid_union':
      return '不是任何一种允许的格式（请检查 kind / engine 字段）';
    default: {
      const m = zhCN(issue);
      return typeof m === 'string' ? m : m?.message;
    }
  }
}
