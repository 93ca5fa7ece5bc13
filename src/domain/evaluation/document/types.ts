// What the business-plan reader returns and how it fails. Plain data, so the server, a job and the
// tests read a document the same way.

/** Text of one page (1-based), as a reader in the office would see it, tables flattened with tabs. */
export type DocumentPage = { page: number; text: string };

/** Why text is judged hidden from a human reader while a model would still read it. */
export type HiddenReason = 'white' | 'tiny' | 'off_page' | 'invisible' | 'vanish';

/** Text a person cannot see on the page: white fill, under 2 pt, off the page, render mode 3, Word "hidden". */
export type HiddenText = { page: number; text: string; reason: HiddenReason };

export type DocumentText = {
  format: 'pdf' | 'docx' | 'txt';
  pages: DocumentPage[];
  hidden: HiddenText[];
};

/** Bounds that keep one hostile upload from exhausting the server. */
export type ReadLimits = {
  maxBytes: number;
  maxPages: number;
  timeoutMs: number;
  /** Inflated size of a DOCX's document.xml: a small ZIP can unpack to gigabytes. */
  maxXmlBytes: number;
  /** Characters per page when a format has no pages of its own (TXT, DOCX without page breaks). */
  charsPerPage: number;
  signal?: AbortSignal;
};

export const DEFAULT_LIMITS: ReadLimits = {
  maxBytes: 30 * 1024 * 1024,
  maxPages: 300,
  timeoutMs: 20_000,
  maxXmlBytes: 100 * 1024 * 1024,
  charsPerPage: 3000,
};

export type DocumentErrorCode =
  | 'document.empty'
  | 'document.too_large'
  | 'document.too_many_pages'
  | 'document.timeout'
  | 'document.encrypted'
  | 'document.malformed'
  | 'document.unsupported'
  | 'document.unsafe'
  | 'document.no_text';

/** A document that cannot be read; `message` is shown to the user as is. */
export class DocumentError extends Error {
  override name = 'DocumentError';
  constructor(
    readonly code: DocumentErrorCode,
    message: string,
  ) {
    super(message);
  }
}
