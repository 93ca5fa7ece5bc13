// The one entry point for business plans: sniff the bytes, check the bounds, read within a deadline.
import { sniffFile } from '../../files/file-type.js';
import { readDocx } from './docx.js';
import { readPdf } from './pdf.js';
import { readText } from './text.js';
import { DEFAULT_LIMITS, DocumentError, type DocumentText, type ReadLimits } from './types.js';

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/**
 * Reads a PDF, DOCX, TXT or Markdown file into pages of text; throws DocumentError (Chinese message)
 * for anything empty, too big, too long, too slow, encrypted, damaged or of another type.
 */
export async function readDocument(
  data: Uint8Array,
  options: Partial<ReadLimits> = {},
): Promise<DocumentText> {
  const limits: ReadLimits = { ...DEFAULT_LIMITS, ...options };
  if (data.length === 0) throw new DocumentError('document.empty', '文件为空');
  if (data.length > limits.maxBytes)
    throw new DocumentError(
      'document.too_large',
      `文件超过 ${Math.round(limits.maxBytes / 1024 / 1024)} MB 上限，请压缩后上传`,
    );
  // Encrypted Office files and old .doc files are OLE containers, not ZIP.
  if (OLE.every((b, i) => data[i] === b))
    throw new DocumentError(
      'document.encrypted',
      '文件已加密或为旧版 Word（.doc）格式，请取消密码并另存为 DOCX 或 PDF 后上传',
    );
  const sniffed = sniffFile(data);
  // A plan stored before uploads were checked this strictly gets the same refusal as a new upload.
  if (!sniffed.format && sniffed.refusal)
    throw sniffed.refusal.kind === 'damaged'
      ? new DocumentError('document.malformed', '文档已损坏或结构异常（压缩包无法读取），请重新保存后上传')
      : new DocumentError('document.unsafe', sniffed.refusal.reason);
  const format = sniffed.format;
  let timedOut = false;
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    const fail = () => {
      timedOut = true;
      reject(
        new DocumentError(
          'document.timeout',
          `读取文档超过 ${Math.round(limits.timeoutMs / 1000)} 秒，已停止`,
        ),
      );
    };
    timer = setTimeout(fail, limits.timeoutMs);
    if (limits.signal?.aborted) fail();
    limits.signal?.addEventListener('abort', fail, { once: true });
  });
  // The clock is read too: a synchronous stretch of parsing can outrun the timer callback.
  const endsAt = Date.now() + limits.timeoutMs;
  const cancelled = () => timedOut || Date.now() >= endsAt;
  const work = (async (): Promise<DocumentText> => {
    if (format === 'pdf') return readPdf(data, limits, cancelled);
    if (format === 'docx') return readDocx(data, limits);
    if (format === 'txt') return readText(data, limits);
    throw new DocumentError(
      'document.unsupported',
      '只支持 PDF、Word（DOCX）、TXT 和 Markdown 格式的商业计划书',
    );
  })();
  work.catch(() => undefined); // the deadline may win; the loser's rejection is expected
  try {
    const doc = await Promise.race([work, deadline]);
    if (cancelled())
      throw new DocumentError(
        'document.timeout',
        `读取文档超过 ${Math.round(limits.timeoutMs / 1000)} 秒，已停止`,
      );
    if (doc.pages.length > limits.maxPages)
      throw new DocumentError('document.too_many_pages', `文档超过 ${limits.maxPages} 页上限，请精简后上传`);
    if (!doc.pages.some((p) => p.text.trim()))
      throw new DocumentError(
        'document.no_text',
        format === 'pdf' ? 'PDF 中没有可提取的文字（可能是扫描件），请上传文字版' : '文档中没有文字内容',
      );
    return doc;
  } finally {
    clearTimeout(timer);
  }
}
