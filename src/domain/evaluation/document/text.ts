// Plain text and Markdown: sniffFormat already proved the bytes are UTF-8.
import { paginate } from './paginate.js';
import type { DocumentText, ReadLimits } from './types.js';

/** Decodes UTF-8 (without BOM) and cuts it into pages. */
export function readText(data: Uint8Array, limits: ReadLimits): DocumentText {
  const text = new TextDecoder('utf-8')
    .decode(data)
    .replace(/^\ufeff/, '')
    .replace(/\r\n?/g, '\n');
  return { format: 'txt', pages: paginate(text, limits.charsPerPage), hidden: [] };
}
