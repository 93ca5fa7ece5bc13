/** The optional language-model path of 三维评价: settings from the config, the reading, the verifier. */
import type { Config } from '../../../../config.js';
import type { LlmSettings } from './client.js';

export { chat, LlmError, type LlmSettings } from './client.js';
export { PURPOSE } from './prompt.js';
export { type LlmReading, readWithModel } from './reading.js';
export { mergeFacts, verifyFacts, verifyMemo } from './verify.js';

/** The model to call, or null when LLM_BASE_URL is not set (the offline path alone). */
export function llmSettings(config: Config): LlmSettings | null {
  if (!config.llmBaseUrl) return null;
  return {
    baseUrl: config.llmBaseUrl,
    apiKey: config.llmApiKey,
    model: config.llmModel,
    timeoutMs: config.llmTimeoutMs,
    concurrency: config.llmConcurrency,
  };
}
