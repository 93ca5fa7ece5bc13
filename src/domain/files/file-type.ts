/** What a file is, judged by its bytes and never by its name: an attachment named 合同.pdf that is
 *  really a program is refused. Office files are ZIP containers, told apart by the part they must hold. */

export const FILE_FORMATS = {
  pdf: { ext: ['.pdf'], mime: 'application/pdf', name: 'PDF' },
  docx: {
    ext: ['.docx'],
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    name: 'Word (DOCX)',
  },
  xlsx: {
    ext: ['.xlsx'],
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    name: 'Excel (XLSX)',
  },
  pptx: {
    ext: ['.pptx'],
    mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    name: 'PowerPoint (PPTX)',
  },
  jpeg: { ext: ['.jpg', '.jpeg'], mime: 'image/jpeg', name: 'JPEG 图片' },
  png: { ext: ['.png'], mime: 'image/png', name: 'PNG 图片' },
  txt: { ext: ['.txt', '.md'], mime: 'text/plain; charset=utf-8', name: '文本' },
} as const;
export type FileFormat = keyof typeof FILE_FORMATS;

const startsWith = (buf: Uint8Array, bytes: number[]) => bytes.every((b, i) => buf[i] === b);

/** The OOXML part each Office format must contain; its name is stored uncompressed in the ZIP. */
const OOXML_PART: [FileFormat, string][] = [
  ['docx', 'word/document.xml'],
  ['xlsx', 'xl/workbook.xml'],
  ['pptx', 'ppt/presentation.xml'],
];

function isText(buf: Uint8Array): boolean {
  const head = buf.subarray(0, 64 * 1024);
  for (const b of head)
    if (b === 0 || (b < 0x20 && b !== 9 && b !== 10 && b !== 13 && b !== 12)) return false;
  try {
    // Cut at a character boundary could fail the decode: trim a possibly split last character.
    new TextDecoder('utf-8', { fatal: true }).decode(
      head.length < buf.length ? head.subarray(0, head.length - 4) : head,
    );
    return true;
  } catch {
    return false;
  }
}

/** The format the content is, or null when it is none of the accepted ones. */
export function sniffFormat(buf: Uint8Array): FileFormat | null {
  if (buf.length === 0) return null;
  if (startsWith(buf, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf'; // %PDF-
  if (startsWith(buf, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(buf, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(buf, [0x50, 0x4b, 0x03, 0x04])) {
    const names = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength).toString('latin1');
    for (const [format, part] of OOXML_PART) if (names.includes(part)) return format;
    return null;
  }
  // Executables and other binaries fail here: text has no NUL or control bytes and is valid UTF-8.
  return isText(buf) ? 'txt' : null;
}

/** Checks a file against the formats a place accepts: the content must be one of them and agree with
 *  the name's extension. Returns the format, or the Chinese reason for refusing. */
export function checkFile(
  fileName: string,
  buf: Uint8Array,
  accepted: readonly FileFormat[],
): { ok: true; format: FileFormat } | { ok: false; reason: string } {
  const list = accepted.map((f) => FILE_FORMATS[f].name).join('、');
  const format = sniffFormat(buf);
  if (!format || !accepted.includes(format))
    return { ok: false, reason: `文件内容不是可接受的类型（${list}），已拒绝` };
  const dot = fileName.lastIndexOf('.');
  const ext = dot >= 0 ? fileName.slice(dot).toLowerCase() : '';
  if (!(FILE_FORMATS[format].ext as readonly string[]).includes(ext))
    return {
      ok: false,
      reason: `文件内容是 ${FILE_FORMATS[format].name}，与扩展名“${ext || '无'}”不符，请改正文件名后重新上传`,
    };
  return { ok: true, format };
}
