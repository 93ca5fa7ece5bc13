/** Plain Chinese for the mistakes people make in a form or in hand-written JSON; zod's own zh-CN text
 *  for the rest. Used by the API's validation errors and by the eligibility files' checks. */
import { type core, z } from 'zod';

const TYPE_NAMES: Record<string, string> = {
  number: '数字',
  int: '整数',
  string: '文本',
  boolean: 'true 或 false',
  array: '列表',
  object: '对象',
  record: '对象',
  date: '日期',
  null: 'null',
};

const zhCN = z.locales.zhCN().localeError;

/** The parts of an issue the message needs (a raw issue in an error map, or a final one with input). */
type Issue = Pick<core.$ZodRawIssue, 'code' | 'input'> & Record<string, unknown>;

/** A zod error map: custom issues keep their own (Chinese) message. */
export function zhIssueMessage(issue: Issue): string | undefined {
  const i = issue as core.$ZodRawIssue;
  switch (i.code) {
    case 'custom':
      return undefined;
    case 'invalid_type':
      return i.input === undefined ? '必填' : `应为${TYPE_NAMES[i.expected] ?? i.expected}`;
    case 'too_small':
      if (i.origin === 'array') return `至少需要 ${i.minimum} 项`;
      if (i.origin === 'string') return Number(i.minimum) <= 1 ? '不能为空' : `至少 ${i.minimum} 个字`;
      return `不能小于 ${i.minimum}`;
    case 'too_big':
      if (i.origin === 'array') return `至多 ${i.maximum} 项`;
      if (i.origin === 'string') return `不能超过 ${i.maximum} 个字`;
      return `不能大于 ${i.maximum}`;
    case 'invalid_format':
      if (i.format === 'date') return '应为 YYYY-MM-DD 格式的有效日期';
      if (i.format === 'uuid' || i.format === 'guid') return '不是有效的编号';
      return '格式不正确';
    case 'invalid_value':
      return `应为以下之一：${i.values.map(String).join('、')}`;
    case 'unrecognized_keys':
      return `未知字段：${i.keys.join('、')}`;
    case 'invalid_union':
      return '不是任何一种允许的格式';
    default: {
      const m = zhCN(i);
      return typeof m === 'string' ? m : m?.message;
    }
  }
}
