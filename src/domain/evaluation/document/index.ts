// Reading business plans into pages of text.
export { readDocument } from './read-document.js';
export {
  DEFAULT_LIMITS,
  DocumentError,
  type DocumentErrorCode,
  type DocumentPage,
  type DocumentText,
  type HiddenReason,
  type HiddenText,
  type ReadLimits,
} from './types.js';
