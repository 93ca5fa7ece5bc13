/** The optional language-model reading of a business plan: one chat completion per document, cached
 *  in llm_calls by document hash, model and purpose, every HTTP attempt and cache hit recorded with its
 *  tokens and time. It returns only verified facts and a memo that cites them; it never throws for a
 *  model's failure — the caller keeps the offline result and says why. */
import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../../../db/client.js';
import { llmCalls } from '../../../../db/schema/evaluation.js';
import type { DocumentPage, Fact } from '../../../../domain/evaluation/index.js';
import { chat, LlmError, type LlmSettings, type Usage } from './client.js';
import { PURPOSE, planMessages } from './prompt.js';
import { type Dropped, type ModelMemo, ReplySchema, verifyFacts, verifyMemo } from './verify.js';

export type LlmReading = {
  status: 'ok' | 'cached' | 'failed';
  model: string;
  /** Verified facts (all of them; the caller decides which join the offline ones). */
  facts: Fact[];
  memo: ModelMemo | null;
  dropped: Dropped[];
  memoDropped: number;
  /** Tokens spent by this run: 0 when the reply came from the cache. */
  usage: Usage;
  ms: number;
  attempts: number;
  truncated: boolean;
  /** Fields of the reply outside the schema (a "score", say): stored in llm_calls, read by nobody. */
  ignored: string[];
  error?: string;
};

/** Content of a reply as JSON: some servers wrap it in a Markdown fence despite json_object. */
function parseContent(content: string): unknown {
  const fenced = /^\s*```(?:json)?\s*([\s\S]*?)\s*```\s*$/i.exec(content);
  return JSON.parse(fenced ? fenced[1] : content);
}

async function cached(db: Db, hash: string, model: string) {
  const [row] = await db
    .select({ response: llmCalls.response })
    .from(llmCalls)
    .where(
      and(
        eq(llmCalls.documentHash, hash),
        eq(llmCalls.model, model),
        eq(llmCalls.purpose, PURPOSE),
        eq(llmCalls.status, 'ok'),
      ),
    )
    .orderBy(desc(llmCalls.createdAt))
    .limit(1);
  return row?.response ?? null;
}

export async function readWithModel(
  db: Db,
  s: LlmSettings,
  documentHash: string,
  pages: DocumentPage[],
): Promise<LlmReading> {
  const { messages, truncated } = planMessages(pages);
  const base = { model: s.model, truncated, dropped: [], memoDropped: 0, ignored: [] };
  const record = (row: Omit<typeof llmCalls.$inferInsert, 'documentHash' | 'model' | 'purpose'>) =>
    db.insert(llmCalls).values({ documentHash, model: s.model, purpose: PURPOSE, ...row });
  const failed = (error: string, usage: Usage, ms: number, attempts: number): LlmReading => ({
    ...base,
    status: 'failed',
    facts: [],
    memo: null,
    usage,
    ms,
    attempts,
    error,
  });

  const t0 = performance.now();
  let reply: unknown = await cached(db, documentHash, s.model);
  let status: 'ok' | 'cached' = 'cached';
  let usage: Usage = { promptTokens: 0, completionTokens: 0 };
  let attempts = 0;
  if (reply) {
    await record({
      status: 'cached',
      promptTokens: 0,
      completionTokens: 0,
      ms: Math.round(performance.now() - t0),
    });
  } else {
    status = 'ok';
    let result: Awaited<ReturnType<typeof chat>>;
    try {
      result = await chat(s, messages, (a) =>
        record({ status: 'error', ms: a.ms, error: `${a.kind}（第 ${a.attempt} 次）：${a.error}` }).then(
          () => {},
        ),
      );
    } catch (err) {
      const e = err instanceof LlmError ? err : new LlmError('network', String(err));
      return failed(
        e.kind === 'timeout' ? `语言模型超时（${s.timeoutMs} ms）` : `语言模型调用失败：${e.message}`,
        usage,
        Math.round(performance.now() - t0),
        (s.retries ?? 2) + 1,
      );
    }
    usage = result.usage;
    attempts = result.attempts;
    const tokens = {
      promptTokens: usage.promptTokens,
      completionTokens: usage.completionTokens,
      ms: result.ms,
    };
    let parsed: unknown;
    try {
      parsed = parseContent(result.content);
    } catch {
      await record({
        status: 'invalid',
        ...tokens,
        response: { raw: result.content.slice(0, 4000) },
        error: 'bad_json',
      });
      return failed('语言模型回复不是合法 JSON', usage, result.ms, attempts);
    }
    if (!ReplySchema.safeParse(parsed).success) {
      await record({ status: 'invalid', ...tokens, response: parsed, error: 'schema' });
      return failed('语言模型回复不符合事实结构', usage, result.ms, attempts);
    }
    await record({ status: 'ok', ...tokens, response: parsed });
    reply = parsed;
  }

  const shape = ReplySchema.parse(reply);
  const { facts, dropped, index } = verifyFacts(shape.facts, pages);
  const memo = verifyMemo(shape.memo, index);
  const ignored = Object.keys(reply as object).filter((k) => k !== 'facts' && k !== 'memo');
  return {
    ...base,
    status,
    facts,
    memo: memo.memo,
    dropped,
    memoDropped: memo.dropped,
    ignored,
    usage,
    ms: Math.round(performance.now() - t0),
    attempts,
  };
}
