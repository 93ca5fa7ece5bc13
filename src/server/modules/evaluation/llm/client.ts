/** A small OpenAI chat-completions client over fetch, for any compatible endpoint (DeepSeek, Qwen,
 *  vLLM, Ollama): JSON replies at temperature 0, a per-process concurrency limit, a timeout per
 *  attempt, and retries with backoff on 429, 5xx and network errors. A timeout is not retried: a user
 *  is waiting, and the offline reading is already there. Every attempt is reported to `onAttempt`,
 *  failed attempt is reported to `onFailure`, so each HTTP request can leave a row. */

export type LlmSettings = {
  baseUrl: string;
  apiKey?: string;
  model: string;
  timeoutMs: number;
  concurrency: number;
  /** Retries after the first attempt; 2 unless a test says otherwise. */
  retries?: number;
  /** First backoff; doubled per retry. */
  backoffMs?: number;
};

export type ChatMessage = { role: 'system' | 'user' | 'assistant'; content: string };
export type Usage = { promptTokens: number; completionTokens: number };

export type FailedAttempt = { attempt: number; ms: number; error: string; kind: LlmErrorKind };

/** `ms` is the successful attempt's time, without waiting for a slot or earlier attempts. */
export type ChatResult = { content: string; usage: Usage; ms: number; attempts: number };

export type LlmErrorKind = 'timeout' | 'http' | 'network' | 'bad_response';

export class LlmError extends Error {
  override name = 'LlmError';
  constructor(
    readonly kind: LlmErrorKind,
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

/** A counting semaphore: at most `limit` holders, the rest wait in order. */
class Limiter {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(readonly limit: number) {}
  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.active++;
    try {
      return await fn();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    }
  }
}

// One limiter per endpoint and limit, shared by every request of the process: the limit is on what
// the provider sees, not on one evaluation.
const limiters = new Map<string, Limiter>();
function limiterFor(s: LlmSettings): Limiter {
  const key = `${s.baseUrl}|${s.concurrency}`;
  let l = limiters.get(key);
  if (!l) {
    l = new Limiter(Math.max(1, s.concurrency));
    limiters.set(key, l);
  }
  return l;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const retryable = (e: LlmError) =>
  e.kind === 'network' || (e.kind === 'http' && (e.status === 429 || (e.status ?? 0) >= 500));

type Completion = {
  choices?: { message?: { content?: unknown } }[];
  usage?: { prompt_tokens?: unknown; completion_tokens?: unknown };
};

async function attemptOnce(s: LlmSettings, messages: ChatMessage[]) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), s.timeoutMs);
  try {
    const res = await fetch(`${s.baseUrl.replace(/\/+$/, '')}/chat/completions`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(s.apiKey ? { authorization: `Bearer ${s.apiKey}` } : {}),
      },
      body: JSON.stringify({
        model: s.model,
        messages,
        temperature: 0,
        response_format: { type: 'json_object' },
      }),
      signal: controller.signal,
    });
    const body = await res.text();
    if (!res.ok) throw new LlmError('http', `HTTP ${res.status}: ${body.slice(0, 200)}`, res.status);
    let data: Completion;
    try {
      data = JSON.parse(body) as Completion;
    } catch {
      throw new LlmError('bad_response', `回复不是 JSON：${body.slice(0, 200)}`);
    }
    const content = data.choices?.[0]?.message?.content;
    if (typeof content !== 'string')
      throw new LlmError('bad_response', '回复中没有 choices[0].message.content');
    const n = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
    return {
      content,
      usage: {
        promptTokens: n(data.usage?.prompt_tokens),
        completionTokens: n(data.usage?.completion_tokens),
      },
    };
  } catch (err) {
    if (err instanceof LlmError) throw err;
    if (controller.signal.aborted) throw new LlmError('timeout', `超过 ${s.timeoutMs} ms 未回复`);
    throw new LlmError('network', err instanceof Error ? `${err.message}` : String(err));
  } finally {
    clearTimeout(timer);
  }
}

/** One chat completion under the concurrency limit; throws LlmError after the last failed attempt. */
export async function chat(
  s: LlmSettings,
  messages: ChatMessage[],
  onFailure: (a: FailedAttempt) => Promise<void> | void = () => {},
): Promise<ChatResult> {
  const retries = s.retries ?? 2;
  const backoff = s.backoffMs ?? 500;
  return limiterFor(s).run(async () => {
    for (let attempt = 1; ; attempt++) {
      const t0 = performance.now();
      try {
        const { content, usage } = await attemptOnce(s, messages);
        return { content, usage, ms: Math.round(performance.now() - t0), attempts: attempt };
      } catch (err) {
        const e = err instanceof LlmError ? err : new LlmError('network', String(err));
        await onFailure({ attempt, ms: Math.round(performance.now() - t0), error: e.message, kind: e.kind });
        if (attempt > retries || !retryable(e)) throw e;
        await sleep(backoff * 2 ** (attempt - 1));
      }
    }
  });
}
