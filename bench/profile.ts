/** bench:profile — the AI研判 reading of business plans (issue #6), in process.
 *
 *  1. A 100-page PDF plan (built with the PDF fixture writer), read and profiled N times: per-document
 *     latency against the goal of < 3 s.
 *  2. A batch of 1,000 plans varied from test/fixtures/plans (figures, names, paragraph order; three in
 *     four as TXT, one in four as PDF): latency p50/p95 per format, throughput, peak RSS.
 *  3. The language-model path's overhead against a local OpenAI-protocol server answering at once with
 *     the plan's own facts: the request, the llm_calls rows and the verification, uncached and cached.
 *
 *  Baselines in the same run: reading the document alone (readDocument) and a plain regex pass over
 *  its text. Env: BENCH_BATCH (1000), BENCH_BIG_RUNS (5), BENCH_LLM_DOCS (100). */
import { createHash } from 'node:crypto';
import { openDatabase } from '../src/db/client.js';
import { migrate } from '../src/db/migrate.js';
import { buildPdf, type PdfRun } from '../src/domain/evaluation/document/pdf-fixture.js';
import { loadCorpus } from '../src/domain/evaluation/extract/load-corpus.js';
import { readDocument } from '../src/domain/evaluation/index.js';
import { DEFAULT_SCORING_MODEL } from '../src/domain/profile/default-model.js';
import { profileFactsFromPlan } from '../src/domain/profile/from-plan.js';
import { offlineMemo } from '../src/domain/profile/memo.js';
import { computeProfile, deriveFacts } from '../src/domain/profile/score.js';
import { PURPOSE, readWithModel } from '../src/server/modules/evaluation/llm/index.js';
import { mergeFacts } from '../src/server/modules/evaluation/llm/verify.js';
import { readPlan } from '../src/server/modules/evaluation/profile-run.js';
import { startFakeOpenAi } from '../test/helpers/fake-openai.js';
import { envInt, machine, median, round, table, writeResult } from './lib.js';

const BATCH = envInt('BENCH_BATCH', 1000);
const BIG_RUNS = envInt('BENCH_BIG_RUNS', 5);
const LLM_DOCS = envInt('BENCH_LLM_DOCS', 100);
const GOAL_100_PAGES_MS = 3000;

const log = (s: string) => process.stderr.write(`${s}\n`);
const pct = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
const mb = (bytes: number) => round(bytes / 2 ** 20, 1);

// Peak RSS seen by sampling after every document (sync work blocks a timer) and the kernel's maxRSS.
let peakRss = 0;
const sampleRss = () => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
};

// A deterministic generator, so two runs profile the same plans.
let seed = 42;
const rand = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed / 2 ** 31;
};

const corpus = loadCorpus().map((p) => p.text);
const NAMES = ['江苏', '苏州', '无锡', '盐城', '南通', '常州', '扬州', '泰州'];
const WORDS = ['清源', '博远', '华芯', '正衡', '启明', '远航', '拓新', '恒达'];

/** A corpus plan with its figures scaled, the firm renamed and its paragraphs shuffled after the first. */
function vary(text: string): string {
  const name = `${NAMES[Math.floor(rand() * NAMES.length)]}${WORDS[Math.floor(rand() * WORDS.length)]}`;
  const scaled = text
    .replace(
      /(江苏|苏州|无锡|盐城|南通)?[\u4e00-\u9fa5]{2,4}(?=(?:科技|能源|生物|材料|智能)[\u4e00-\u9fa5]*有限公司)/g,
      name,
    )
    .replace(/(\d+(?:\.\d+)?)(?=\s*(?:亿|万|%|人|项|亩|件|家|倍))/g, (m) => {
      const k = 0.5 + rand() * 1.5;
      const v = Number(m) * k;
      return m.includes('.') ? v.toFixed(1) : String(Math.max(1, Math.round(v)));
    });
  const [first, ...rest] = scaled.split('\n');
  for (let i = rest.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    if (rand() < 0.3) [rest[i], rest[j]] = [rest[j], rest[i]];
  }
  return [first, ...rest].join('\n');
}

const PER_PAGE = 45;
const WIDTH = 50;
/** Lines of at most WIDTH characters, as a PDF would lay them out at 10 pt. */
const wrap = (text: string) =>
  text
    .split('\n')
    .filter((l) => l.trim())
    .flatMap((l) =>
      Array.from({ length: Math.ceil(l.length / WIDTH) }, (_, i) => l.slice(i * WIDTH, (i + 1) * WIDTH)),
    );

/** A PDF of PER_PAGE lines a page. */
function pdfOf(text: string): Uint8Array {
  const lines = wrap(text);
  const pages: PdfRun[][] = [];
  for (let i = 0; i < lines.length; i += PER_PAGE)
    pages.push(lines.slice(i, i + PER_PAGE).map((t, j) => ({ text: t, size: 10, y: 800 - j * 16 })));
  return buildPdf(pages);
}

/** The offline path a profile run takes for a plan: read, clean, extract, score, memo. */
async function offlinePath(bytes: Uint8Array) {
  const plan = await readPlan(bytes);
  const facts = profileFactsFromPlan(plan.facts);
  const profile = computeProfile(DEFAULT_SCORING_MODEL, [...facts, ...deriveFacts(facts)]);
  offlineMemo(profile, plan.flags);
  return plan;
}

const FIGURES = /\d+(?:\.\d+)?\s*(?:亿|万)?元|\d+(?:\.\d+)?%|\d+\s*(?:项|人)/g;
/** Baselines: the document read alone, and that plus one plain regex pass over its text. */
async function readOnly(bytes: Uint8Array) {
  return readDocument(bytes);
}
async function readAndRegex(bytes: Uint8Array) {
  const doc = await readDocument(bytes);
  let n = 0;
  for (const p of doc.pages) n += p.text.match(FIGURES)?.length ?? 0;
  return n;
}

async function time(fn: () => Promise<unknown>) {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}
const stats = (ms: number[]) => ({
  n: ms.length,
  p50: round(median(ms)),
  p95: round(pct(ms, 0.95)),
  max: round(Math.max(...ms)),
});

async function bigPlan() {
  peakRss = 0;
  // 100 pages of plan text: the corpus varied until it fills them.
  const lines: string[] = [];
  while (lines.length < 100 * PER_PAGE) lines.push(...wrap(vary(corpus[Math.floor(rand() * corpus.length)])));
  const bytes = pdfOf(lines.slice(0, 100 * PER_PAGE).join('\n'));
  const plan = await readPlan(bytes);
  log(`100-page PDF: ${mb(bytes.length)} MB, ${plan.pages} pages, ${plan.facts.length} facts`);
  const full: number[] = [];
  const read: number[] = [];
  const regex: number[] = [];
  await offlinePath(bytes);
  for (let i = 0; i < BIG_RUNS; i++) {
    full.push(await time(() => offlinePath(bytes)));
    read.push(await time(() => readOnly(bytes)));
    regex.push(await time(() => readAndRegex(bytes)));
    sampleRss();
  }
  return {
    pages: plan.pages,
    bytes: bytes.length,
    facts: plan.facts.length,
    profile: stats(full),
    readOnly: stats(read),
    readAndRegex: stats(regex),
    peakRssMb: mb(peakRss),
    goalMs: GOAL_100_PAGES_MS,
    meetsGoal: pct(full, 0.95) < GOAL_100_PAGES_MS,
  };
}

async function batch() {
  const docs = Array.from({ length: BATCH }, (_, i) => {
    const text = vary(corpus[i % corpus.length]);
    const pdf = i % 4 === 3;
    return { format: pdf ? 'pdf' : 'txt', bytes: pdf ? pdfOf(text) : new Uint8Array(Buffer.from(text)) };
  });
  const ms: Record<string, number[]> = { txt: [], pdf: [] };
  const base: Record<string, number[]> = { txt: [], pdf: [] };
  let facts = 0;
  for (const d of docs.slice(0, 20)) await offlinePath(d.bytes);
  peakRss = 0;
  const rssBefore = process.memoryUsage().rss;
  const t0 = performance.now();
  for (const d of docs) {
    const t = performance.now();
    facts += (await offlinePath(d.bytes)).facts.length;
    ms[d.format].push(performance.now() - t);
    sampleRss();
  }
  const wall = performance.now() - t0;
  const b0 = performance.now();
  for (const d of docs) base[d.format].push(await time(() => readAndRegex(d.bytes)));
  const baseWall = performance.now() - b0;
  return {
    docs: docs.length,
    factsPerDoc: round(facts / docs.length, 1),
    throughputDocsPerS: round(docs.length / (wall / 1000), 1),
    baselineThroughputDocsPerS: round(docs.length / (baseWall / 1000), 1),
    txt: { profile: stats(ms.txt), readAndRegex: stats(base.txt) },
    pdf: { profile: stats(ms.pdf), readAndRegex: stats(base.pdf) },
    rssBeforeMb: mb(rssBefore),
    peakRssMb: mb(peakRss),
  };
}

/** The model path's own cost: a server that answers at once with the plan's facts as quotes. */
async function llmOverhead() {
  const fake = await startFakeOpenAi();
  peakRss = 0;
  const database = await openDatabase({ dataDir: 'memory://' });
  await migrate(database);
  const settings = { baseUrl: fake.url, model: 'bench-model', timeoutMs: 10_000, concurrency: 2 };
  const docs = Array.from(
    { length: LLM_DOCS },
    (_, i) => new Uint8Array(Buffer.from(vary(corpus[i % corpus.length]))),
  );
  const offline: number[] = [];
  const uncached: number[] = [];
  const cached: number[] = [];
  let verified = 0;
  let offered = 0;
  let tokens = 0;
  for (const [i, bytes] of docs.entries()) {
    const plan = await readPlan(bytes);
    const hash = createHash('sha256').update(bytes).digest('hex');
    const reply = {
      facts: plan.facts.map((f) => ({
        key: f.key,
        value: f.value,
        unit: f.unit,
        qualifier: f.qualifier,
        period: f.period,
        page: f.evidence.page,
        quote: f.evidence.quote,
      })),
      memo: { strengths: [{ text: '要点', facts: [0] }], risks: [], questions: [] },
    };
    fake.program([{ content: reply }]);
    const withModel = async () => {
      const p = await readPlan(bytes);
      const r = await readWithModel(database.db, settings, hash, p.cleaned);
      const merged = mergeFacts(p.facts, r.facts);
      const facts = profileFactsFromPlan(merged.facts);
      computeProfile(DEFAULT_SCORING_MODEL, [...facts, ...deriveFacts(facts)]);
      return r;
    };
    if (i === 0) await withModel();
    offline.push(await time(() => offlinePath(bytes)));
    const t = performance.now();
    const first = await withModel();
    uncached.push(performance.now() - t);
    verified += first.facts.length;
    offered += reply.facts.length;
    tokens += first.usage.promptTokens + first.usage.completionTokens;
    cached.push(await time(withModel));
    sampleRss();
  }
  const rows = await database.db.execute(
    `select count(*)::int as n from llm_calls where purpose = '${PURPOSE}'`,
  );
  await database.close();
  await fake.close();
  const over = (xs: number[]) => round(median(xs) - median(offline));
  return {
    docs: docs.length,
    offline: stats(offline),
    uncached: stats(uncached),
    cached: stats(cached),
    overheadP50Ms: { uncached: over(uncached), cached: over(cached) },
    verifiedFactsPerDoc: round(verified / docs.length, 1),
    /** The offline facts sent back as the model's: the share whose quote and value verify. */
    verifiedShare: round(verified / offered, 3),
    peakRssMb: mb(peakRss),
    fakeTokensPerDoc: round(tokens / docs.length),
    llmCallRows: (rows as unknown as { rows: { n: number }[] }).rows[0]?.n,
  };
}

const big = await bigPlan();
log(`100 pages: p50 ${big.profile.p50} ms (read alone ${big.readOnly.p50} ms)`);
const many = await batch();
log(`batch: ${many.throughputDocsPerS} docs/s, peak RSS ${many.peakRssMb} MB`);
const llm = await llmOverhead();
log(`LLM path: +${llm.overheadP50Ms.uncached} ms uncached, +${llm.overheadP50Ms.cached} ms cached`);
const maxRssMb = mb(process.resourceUsage().maxRSS * 1024);

const rows: (string | number)[][] = [
  ['100-page PDF: read+clean+extract+profile', big.profile.n, big.profile.p50, big.profile.p95, '< 3000 ms'],
  ['100-page PDF: readDocument alone (baseline)', big.readOnly.n, big.readOnly.p50, big.readOnly.p95, ''],
  [
    '100-page PDF: read + regex pass (baseline)',
    big.readAndRegex.n,
    big.readAndRegex.p50,
    big.readAndRegex.p95,
    '',
  ],
  ['batch TXT: profile', many.txt.profile.n, many.txt.profile.p50, many.txt.profile.p95, ''],
  [
    'batch TXT: read + regex (baseline)',
    many.txt.readAndRegex.n,
    many.txt.readAndRegex.p50,
    many.txt.readAndRegex.p95,
    '',
  ],
  ['batch PDF: profile', many.pdf.profile.n, many.pdf.profile.p50, many.pdf.profile.p95, ''],
  [
    'batch PDF: read + regex (baseline)',
    many.pdf.readAndRegex.n,
    many.pdf.readAndRegex.p50,
    many.pdf.readAndRegex.p95,
    '',
  ],
  ['LLM docs: offline path', llm.offline.n, llm.offline.p50, llm.offline.p95, ''],
  ['LLM docs: + model, uncached (0 ms server)', llm.uncached.n, llm.uncached.p50, llm.uncached.p95, ''],
  ['LLM docs: + model, cached', llm.cached.n, llm.cached.p50, llm.cached.p95, ''],
];
console.log(table(['what', 'n', 'p50 ms', 'p95 ms', 'goal'], rows));
console.log(
  `\nbatch of ${many.docs}: ${many.throughputDocsPerS} docs/s (baseline read+regex ${many.baselineThroughputDocsPerS} docs/s), ` +
    `${many.factsPerDoc} facts/doc; peak RSS (sampled per doc) 100-page ${big.peakRssMb} MB, ` +
    `batch ${many.peakRssMb} MB, LLM phase ${llm.peakRssMb} MB; process maxRSS ${maxRssMb} MB`,
);
console.log(
  `LLM path overhead at p50: +${llm.overheadP50Ms.uncached} ms uncached, +${llm.overheadP50Ms.cached} ms cached; ` +
    `${llm.verifiedFactsPerDoc} verified facts/doc (${round(llm.verifiedShare * 100, 1)}% of the quotes sent), ${llm.llmCallRows} llm_calls rows`,
);
const file = writeResult('profile.json', {
  machine: machine(),
  bigPlan: big,
  batch: many,
  llm,
  maxRssMb,
});
log(`wrote ${file}`);
