// DOCX through jszip: only word/document.xml is read, and its inflated size is capped while it is
// inflated, because a 30 MB upload can be a ZIP bomb.
import JSZip from 'jszip';
import { parseDocumentXml } from './docx-xml.js';
import { paginate } from './paginate.js';
import { DocumentError, type DocumentText, type ReadLimits } from './types.js';

function inflateCapped(file: JSZip.JSZipObject, maxBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stream = file.nodeStream('nodebuffer');
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        stream.pause();
        stream.removeAllListeners('data');
        reject(new DocumentError('document.too_large', '文档解压后内容过大，疑似异常文件，已拒绝'));
        return;
      }
      chunks.push(chunk);
    });
    stream.on('error', () => reject(new DocumentError('document.malformed', 'Word 文档已损坏，无法读取')));
    stream.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

/** Reads the body of a DOCX into pages; hidden runs (vanish, white, under 2 pt) are listed apart. */
export async function readDocx(data: Uint8Array, limits: ReadLimits): Promise<DocumentText> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(data);
  } catch {
    throw new DocumentError('document.malformed', 'Word 文档已损坏或不是有效的 DOCX 文件');
  }
  if (zip.file('EncryptedPackage') || zip.file('EncryptionInfo'))
    throw new DocumentError('document.encrypted', 'Word 文档已加密，请取消密码保护后重新上传');
  const part = zip.file('word/document.xml');
  if (!part) throw new DocumentError('document.malformed', 'Word 文档缺少正文部分（word/document.xml）');
  const xml = await inflateCapped(part, limits.maxXmlBytes);
  const parsed = parseDocumentXml(xml);
  // Word marks page breaks only where it rendered them; without any, cut by length like plain text.
  const pages =
    parsed.pages.length > 1
      ? parsed.pages.map((text, i) => ({ page: i + 1, text }))
      : paginate(parsed.pages[0] ?? '', limits.charsPerPage);
  if (pages.length > limits.maxPages)
    throw new DocumentError('document.too_many_pages', `文档超过 ${limits.maxPages} 页，请精简后上传`);
  const hidden = parsed.hidden.map((h) => ({
    page: parsed.pages.length > 1 ? h.pageIndex + 1 : (pages.find((p) => p.text.includes(h.text))?.page ?? 1),
    text: h.text,
    reason: h.reason,
  }));
  return { format: 'docx', pages, hidden };
}
