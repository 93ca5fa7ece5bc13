/** A local HTTP server speaking the OpenAI chat-completions protocol, for tests and the benchmark: the
 *  only stand-in allowed for a language model. Each request is answered by the programmed replies in
 *  order (the last one repeats), or by a function of the request; it counts requests and the most in
 *  flight at once, and keeps the bodies it received. */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type ChatRequest = {
  model: string;
  messages: { role: string; content: string }[];
  temperature?: number;
  response_format?: { type: string };
};

/** One programmed answer: a JSON content (object or raw string), an HTTP error, or a delay first. */
export type FakeReply = {
  /** An object is sent as its JSON; a string is sent as is (malformed JSON, say). */
  content?: unknown;
  status?: number;
  /** Milliseconds to wait before answering. */
  delayMs?: number;
  usage?: { prompt_tokens: number; completion_tokens: number };
  /** Close the connection without answering. */
  hangUp?: boolean;
};

export type FakeOpenAi = {
  url: string;
  requests: ChatRequest[];
  /** Requests received, including failed ones. */
  readonly count: number;
  readonly maxInFlight: number;
  /** Replace the programme: replies in order, the last one repeating. */
  program(replies: FakeReply[] | ((req: ChatRequest, n: number) => FakeReply)): void;
  reset(): void;
  close(): Promise<void>;
};

async function body(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startFakeOpenAi(
  initial: FakeReply[] = [{ content: { facts: [] } }],
): Promise<FakeOpenAi> {
  let programme: FakeReply[] | ((req: ChatRequest, n: number) => FakeReply) = initial;
  let count = 0;
  let inFlight = 0;
  let maxInFlight = 0;
  // A request left sleeping by an earlier test (one its client gave up on) must not count in the next
  // test's concurrency: each program() / reset() starts a new generation with its own count.
  let generation = 0;
  const requests: ChatRequest[] = [];
  const server: Server = createServer(async (req, res) => {
    if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
      res.writeHead(404).end();
      return;
    }
    const n = count++;
    const mine = generation;
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    try {
      const parsed = JSON.parse(await body(req)) as ChatRequest;
      requests.push(parsed);
      const reply =
        typeof programme === 'function' ? programme(parsed, n) : programme[Math.min(n, programme.length - 1)];
      if (reply.delayMs) await new Promise((r) => setTimeout(r, reply.delayMs));
      if (reply.hangUp) {
        req.socket.destroy();
        return;
      }
      if (reply.status && reply.status >= 400) {
        res.writeHead(reply.status, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { message: 'programmed failure', type: 'server_error' } }));
        return;
      }
      const content = typeof reply.content === 'string' ? reply.content : JSON.stringify(reply.content ?? {});
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          id: `chatcmpl-${n}`,
          object: 'chat.completion',
          created: Math.floor(Date.now() / 1000),
          model: parsed.model,
          choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
          usage: reply.usage
            ? { ...reply.usage, total_tokens: reply.usage.prompt_tokens + reply.usage.completion_tokens }
            : { prompt_tokens: 1000, completion_tokens: 200, total_tokens: 1200 },
        }),
      );
    } finally {
      if (mine === generation) inFlight--;
    }
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    get count() {
      return count;
    },
    get maxInFlight() {
      return maxInFlight;
    },
    program(replies) {
      programme = replies;
      count = 0;
      generation++;
      inFlight = 0;
      maxInFlight = 0;
      requests.length = 0;
    },
    reset() {
      count = 0;
      generation++;
      inFlight = 0;
      maxInFlight = 0;
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
