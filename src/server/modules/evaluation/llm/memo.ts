/** The 研判 memo stored with an evaluation: the model's, when it gave one that cites verified facts,
 *  else the offline one; either way it says where it came from and what the model cost. The offline
 *  memo's warnings about injected text and thin data are kept in the model's memo too: they are the
 *  system's findings, not something a model may leave out. */
import type { offlineMemo } from '../../../../domain/profile/memo.js';
import type { LlmReading } from './reading.js';

type OfflineMemo = ReturnType<typeof offlineMemo>;

export type LlmStats = {
  model: string;
  status: LlmReading['status'];
  cached: boolean;
  promptTokens: number;
  completionTokens: number;
  ms: number;
  attempts: number;
  factsVerified: number;
  factsAdded: number;
  factsDropped: number;
  dropReasons: Record<string, number>;
  memoPointsDropped: number;
  ignoredFields: string[];
  truncated: boolean;
};

export type StoredMemo = {
  source: 'llm' | 'offline';
  strengths: string[];
  risks: string[];
  questions: string[];
  note?: string;
  llm?: LlmStats;
};

const SYSTEM_RISK = /疑似注入|可信度有限/;

export function memoWith(offline: OfflineMemo, reading: LlmReading | null, added: number): StoredMemo {
  if (!reading) return offline;
  const dropReasons: Record<string, number> = {};
  for (const d of reading.dropped) dropReasons[d.reason] = (dropReasons[d.reason] ?? 0) + 1;
  const llm: LlmStats = {
    model: reading.model,
    status: reading.status,
    cached: reading.status === 'cached',
    promptTokens: reading.usage.promptTokens,
    completionTokens: reading.usage.completionTokens,
    ms: reading.ms,
    attempts: reading.attempts,
    factsVerified: reading.facts.length,
    factsAdded: added,
    factsDropped: reading.dropped.length,
    dropReasons,
    memoPointsDropped: reading.memoDropped,
    ignoredFields: reading.ignored,
    truncated: reading.truncated,
  };
  if (reading.status === 'failed')
    return { ...offline, note: `${reading.error ?? '语言模型调用失败'}，本次为离线研判`, llm };
  if (!reading.memo) return { ...offline, note: '语言模型的研判意见未引用核实过的事实，本次为离线研判', llm };
  return {
    source: 'llm',
    strengths: reading.memo.strengths,
    risks: [...reading.memo.risks, ...offline.risks.filter((r) => SYSTEM_RISK.test(r))],
    questions: reading.memo.questions,
    llm,
  };
}
