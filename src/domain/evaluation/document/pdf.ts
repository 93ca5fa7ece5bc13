// PDF through unpdf (a bundled, dependency-free build of Mozilla's PDF.js that runs offline).
// Text per page from getTextContent; hidden text from the operator list (see pdf-hidden.ts).
import { getDocumentProxy, getResolvedPDFJS } from 'unpdf';
import { findHiddenText, type OperatorList } from './pdf-hidden.js';
import { DocumentError, type DocumentText, type HiddenText, type ReadLimits } from './types.js';

// The bundled PDF.js calls ArrayBuffer#transferToFixedLength, which Node 20 lacks; a copy is an
// adequate stand-in here because the source buffer is never used again.
const proto = ArrayBuffer.prototype as ArrayBuffer & { transferToFixedLength?: (n?: number) => ArrayBuffer };
if (!proto.transferToFixedLength)
  proto.transferToFixedLength = function (this: ArrayBuffer, n?: number) {
    return this.slice(0, n ?? this.byteLength);
  };

type TextItem = { str?: string; transform?: number[]; hasEOL?: boolean };

/** Joins text items into lines: a new line where PDF.js says so or where the baseline moves. */
function pageText(items: TextItem[]): string {
  let out = '';
  items.forEach((item, i) => {
    if (typeof item.str !== 'string') return;
    out += item.str;
    const next = items[i + 1];
    const y = item.transform?.[5];
    const nextY = next?.transform?.[5];
    if (item.hasEOL) out += '\n';
    else if (next && y !== undefined && nextY !== undefined && Math.abs(y - nextY) > 1 && next.str)
      out += '\n';
  });
  return out;
}

function mapError(e: unknown): DocumentError {
  const name = (e as { name?: string })?.name;
  if (name === 'PasswordException')
    return new DocumentError('document.encrypted', 'PDF 文件已加密，请取消密码保护后重新上传');
  if (e instanceof DocumentError) return e;
  return new DocumentError('document.malformed', 'PDF 文件已损坏或格式不正确，无法读取');
}

/** Reads every page's text and the hidden runs; stops between pages when `isCancelled` says so. */
export async function readPdf(
  data: Uint8Array,
  limits: ReadLimits,
  isCancelled: () => boolean,
): Promise<DocumentText> {
  // PDF.js takes ownership of (and may detach) the buffer it is given: pass a copy.
  const pdf = await getDocumentProxy(data.slice(), { verbosity: 0, isEvalSupported: false }).catch((e) => {
    throw mapError(e);
  });
  try {
    if (pdf.numPages > limits.maxPages)
      throw new DocumentError(
        'document.too_many_pages',
        `PDF 共 ${pdf.numPages} 页，超过 ${limits.maxPages} 页上限，请精简后上传`,
      );
    const pdfjs = (await getResolvedPDFJS()) as unknown as { OPS: Record<string, number> };
    const pages: DocumentText['pages'] = [];
    const hidden: HiddenText[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      if (isCancelled()) throw new DocumentError('document.timeout', '读取文档超时，已停止');
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      pages.push({ page: n, text: pageText(content.items as TextItem[]) });
      const list = (await page.getOperatorList()) as unknown as OperatorList;
      for (const h of findHiddenText(list, pdfjs.OPS, page.view)) hidden.push({ page: n, ...h });
      page.cleanup();
    }
    return { format: 'pdf', pages, hidden };
  } catch (e) {
    throw mapError(e);
  } finally {
    await pdf.destroy().catch(() => undefined);
  }
}
