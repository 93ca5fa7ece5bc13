/** `kezhao eligibility <file.json> [--date YYYY-MM-DD] [--json]`: every tier's verdict for one firm's facts.
 *  Pure computation: no database, so it runs anywhere the file is. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { assessAll, parseFirmFacts, type Verdict } from '../domain/eligibility/index.js';
import { CliError } from './backup.js';
import { pad, width } from './columns.js';
import { dateOption } from './dates.js';

const USAGE = '用法：kezhao eligibility <文件.json> [--date YYYY-MM-DD] [--json]';

/** Reads and validates the file; every problem becomes a Chinese CliError (exit code 1). */
function readFacts(file: string) {
  const abs = path.resolve(file);
  if (!existsSync(abs)) throw new CliError(`文件不存在：${abs}`);
  const text = readFileSync(abs, 'utf8').replace(/^\uFEFF/, '');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new CliError(`文件不是有效的 JSON${where(text, err)}：${abs}`);
  }
  const r = parseFirmFacts(raw);
  if (!r.ok)
    throw new CliError(
      `输入数据有 ${r.errors.length} 处错误（格式见 docs/ELIGIBILITY.md）：\n${r.errors
        .map((e) => `  - ${e.path === '(根)' ? e.field : `${e.field}（${e.path}）`}：${e.message}`)
        .join('\n')}`,
    );
  return r.facts;
}

/** Where a JSON.parse error is, in Chinese: "（第 3 行第 14 列附近）" when V8 gives a position, else what it saw. */
function where(text: string, err: unknown): string {
  const message = err instanceof Error ? err.message : '';
  const m = /position (\d+)/.exec(message);
  if (m) {
    const before = text.slice(0, Number(m[1]));
    return `（第 ${before.split('\n').length} 行第 ${Number(m[1]) - before.lastIndexOf('\n')} 列附近）`;
  }
  if (/Unexpected end/.test(message)) return '（文件不完整，可能缺少右括号或引号）';
  const token = /Unexpected token '?(.)'?/.exec(message);
  return token ? `（出现意外的字符“${token[1]}”，请检查括号、逗号和引号）` : '';
}

function checkDate(date: string | undefined, establishedOn: string): string | undefined {
  const d = dateOption('--date', date);
  if (d !== undefined && d < establishedOn)
    throw new CliError(`--date ${d} 早于企业成立日期 ${establishedOn}`);
  return d;
}

export function eligibilityCommand(file: string | undefined, opts: { date?: string; json?: boolean }): void {
  if (!file) throw new CliError(USAGE);
  const facts = readFacts(file);
  const date = checkDate(opts.date, facts.establishedOn) ?? facts.asOf;
  const verdicts = assessAll(facts, { date });
  if (opts.json) {
    console.log(
      JSON.stringify({ firm: facts.name ?? null, date, tiers: verdicts.map((v) => v.toJSON()) }, null, 2),
    );
    return;
  }
  console.log(report(facts.name, date, verdicts));
}

const CONCLUSION = { true: '符合', false: '不符合', null: '待定（缺少数据或专家评分）' } as const;

function conclusion(v: Verdict): string {
  return CONCLUSION[String(v.eligible) as keyof typeof CONCLUSION];
}

function scoreText(v: Verdict): string {
  const s = v.score !== null ? `${v.score}` : v.scoreRange ? `${v.scoreRange[0]}–${v.scoreRange[1]}` : '—';
  return v.passScore !== null && s !== '—' ? `${s}（需 ≥ ${v.passScore}）` : s;
}

/** A readable Chinese report: a summary table, then each tier's reasons. */
function report(name: string | undefined, date: string, verdicts: Verdict[]): string {
  const lines: string[] = [];
  lines.push(
    '梯度培育资格评估',
    `企业：${name ?? '（未命名）'}    评估日期：${date}（上年度 = ${Number(date.slice(0, 4)) - 1} 年）`,
    '',
  );
  const rows = verdicts.map((v) => [
    v.tierName,
    v.document || '—',
    conclusion(v).replace(/（.*）/, ''),
    scoreText(v),
  ]);
  const header = ['梯队', '依据', '结论', '得分'];
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]))));
  const line = (r: string[]) =>
    r
      .map((c, i) => pad(c, widths[i]))
      .join('  ')
      .trimEnd();
  lines.push(line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line));
  for (const v of verdicts) {
    lines.push('', `【${v.tierName}】${conclusion(v)}`);
    if (v.ruleset)
      lines.push(`  规则集：${v.rulesetName}（${v.ruleset}${v.provisional ? '，暂行口径' : ''}）`);
    if (v.score !== null || v.scoreRange) lines.push(`  得分：${scoreText(v)}`);
    if (v.directPath) lines.push(`  直通：${v.directPath}`);
    if (v.unmet.length) {
      lines.push('  未满足：');
      for (const u of v.unmet) lines.push(`    - ${u.criterion}：实际 ${u.actual}，要求 ${u.required}`);
    }
    if (v.gap.length) {
      lines.push('  还差什么：');
      for (const g of v.gap) lines.push(`    - ${g}`);
    }
    if (v.missing.length) lines.push(`  缺少数据：${v.missing.join('；')}`);
    for (const n of v.notes) lines.push(`  说明：${n}`);
  }
  return lines.join('\n');
}
