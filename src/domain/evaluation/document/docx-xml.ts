// Reads word/document.xml without a DOM: a flat scan over the WordprocessingML tags that carry text.
// Paragraphs become lines, table rows become one line with cells joined by tabs, explicit and
// rendered page breaks start a new page, and runs a reader cannot see are reported as hidden.
import type { HiddenReason } from './types.js';

export type DocxPart = {
  pages: string[];
  hidden: { pageIndex: number; text: string; reason: HiddenReason }[];
};

const TAG =
  /<(\/?)(w:p|w:tbl|w:tr|w:tc|w:r|w:rPr|w:t|w:tab|w:br|w:cr|w:vanish|w:color|w:sz|w:lastRenderedPageBreak|w:delText|w:instrText)(?=[\s/>])([^>]*?)(\/?)>/g;

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
function decode(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const n = e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1));
      return Number.isFinite(n) && n > 0 && n < 0x110000 ? String.fromCodePoint(n) : '';
    }
    return ENTITIES[e] ?? m;
  });
}

const attr = (attrs: string, name: string) => new RegExp(`${name}="([^"]*)"`).exec(attrs)?.[1];

/** Pages of text and hidden runs of one document.xml. */
export function parseDocumentXml(xml: string): DocxPart {
  const pages: string[] = [];
  const hidden: DocxPart['hidden'] = [];
  let page = '';
  let para = '';
  let cells: string[] | null = null; // the row being read, outermost table only
  let tableDepth = 0;
  let run = { text: '', reason: null as HiddenReason | null };
  let inText = false;
  let textStart = 0;
  const newPage = () => {
    pages.push(page);
    page = '';
  };
  const endParagraph = () => {
    if (cells && tableDepth > 0) {
      // A cell holds paragraphs: keep them in the cell, separated by a space.
      cells[cells.length - 1] += (cells[cells.length - 1] ? ' ' : '') + para;
    } else {
      page += `${para}\n`;
    }
    para = '';
  };
  for (const m of xml.matchAll(TAG)) {
    const [, close, name, attrs, selfClose] = m;
    if (inText) {
      if (name === 'w:t' && close) {
        const text = decode(xml.slice(textStart, m.index));
        para += text;
        run.text += text;
        inText = false;
      }
      continue;
    }
    switch (name) {
      case 'w:t':
        if (!close && !selfClose) {
          inText = true;
          textStart = (m.index ?? 0) + m[0].length;
        }
        break;
      case 'w:r':
        if (!close) run = { text: '', reason: null };
        else if (run.reason && run.text.trim())
          hidden.push({ pageIndex: pages.length, text: run.text, reason: run.reason });
        break;
      case 'w:vanish':
        if (attr(attrs, 'w:val') !== 'false' && attr(attrs, 'w:val') !== '0') run.reason = 'vanish';
        break;
      case 'w:color':
        if (/^(FFFFFF|FEFEFE|FDFDFD)$/i.test(attr(attrs, 'w:val') ?? '')) run.reason ??= 'white';
        break;
      case 'w:sz': {
        // Half-points: under 4 is under 2 pt.
        const half = Number(attr(attrs, 'w:val'));
        if (Number.isFinite(half) && half < 4) run.reason ??= 'tiny';
        break;
      }
      case 'w:tab':
        if (!close) para += '\t';
        break;
      case 'w:br':
      case 'w:cr':
        if (close) break;
        if (attr(attrs, 'w:type') === 'page') {
          endParagraph();
          if (tableDepth === 0) newPage();
        } else para += '\n';
        break;
      case 'w:lastRenderedPageBreak':
        // Word records where its own layout broke pages: the pages a reviewer saw.
        if (tableDepth === 0 && (page || para)) {
          const carry = para;
          para = '';
          newPage();
          para = carry;
        }
        break;
      case 'w:p':
        if (close || selfClose) endParagraph();
        break;
      case 'w:tbl':
        tableDepth += close ? -1 : 1;
        break;
      case 'w:tr':
        if (tableDepth !== 1) break;
        if (!close) cells = [];
        else if (cells) {
          page += `${cells.join('\t')}\n`;
          cells = null;
        }
        break;
      case 'w:tc':
        if (!close && tableDepth === 1 && cells) cells.push('');
        break;
    }
  }
  if (para) endParagraph();
  pages.push(page);
  return { pages, hidden };
}
