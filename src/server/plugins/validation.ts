/** Request validation by the routes' zod schemas, with field errors a Chinese user can read. */
import type { FastifySchemaCompiler } from 'fastify';
import { validatorCompiler as zodValidatorCompiler } from 'fastify-type-provider-zod';
import { type ZodType, z } from 'zod';
import { zhIssueMessage } from '../../shared/zh-issues.js';

type Failure = { keyword: string; instancePath: string; message?: string; params: Record<string, unknown> };

function valueAt(data: unknown, instancePath: string): unknown {
  let v = data;
  for (const key of instancePath.split('/').filter(Boolean)) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

/** The zod provider's compiler, keeping each failing field's input beside its issue: a missing field
 *  (必填) and a wrong one (应为数字) read the same in zod's final issue otherwise. */
export const validatorCompiler: FastifySchemaCompiler<ZodType> = (route) => {
  const validate = zodValidatorCompiler(route);
  return (data) => {
    const result = validate(data) as { error?: Failure[] };
    for (const f of result.error ?? []) {
      if (!('input' in f.params)) f.params.input = valueAt(data, f.instancePath);
    }
    return result as ReturnType<typeof validate>;
  };
};

const zodEnglish = z.locales.en().localeError;

/** Whether a schema gave this failure its own message (ours are Chinese: “三方权重之和须为 1”). zod's
 *  English default can hold Chinese too — the allowed values of an enum (“expected one of "大院大所"|…”) —
 *  so a message that is just what zod would say is not ours. */
export function ownMessage(f: Pick<Failure, 'keyword' | 'message' | 'params'>): boolean {
  if (!/[\u4e00-\u9fff]/.test(f.message ?? '')) return false;
  const said = zodEnglish({ ...f.params, code: f.keyword } as Parameters<typeof zodEnglish>[0]);
  return f.message !== (typeof said === 'string' ? said : said?.message);
}

/** A validation failure's message in the request's language: our own messages keep their words;
 *  zod's English defaults are said in Chinese for a Chinese request. */
export function failureMessage(f: Failure, lang: 'zh' | 'en'): string | undefined {
  if (lang === 'en' || ownMessage(f)) return f.message;
  return (
    zhIssueMessage({ ...f.params, code: f.keyword, input: f.params.input } as Parameters<
      typeof zhIssueMessage
    >[0]) ?? f.message
  );
}
