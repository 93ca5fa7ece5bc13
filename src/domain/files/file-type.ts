/** What a file is, judged by its bytes and never by its name: an attachment named 合同.pdf that is
 *  really a program is refused. Office files are ZIP containers, told apart by the parts their central
 *  directory lists; one that also carries a program or macros is refused whatever it claims to be. */
import { zipEntryNames } from './zip-entries.js';

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

/** The main part each Office format must hold, by its exact entry name, beside [Content_Types].xml. */
const OOXML_MAIN_PART: [FileFormat, string][] = [
  ['docx', 'word/document.xml'],
  ['xlsx', 'xl/workbook.xml'],
  ['pptx', 'ppt/presentation.xml'],
];

/** Entry extensions that run when opened or extracted on Windows, macOS or Linux. No Office part has one. */
const PROGRAM_EXT = new Set([
  ...'exe dll com scr pif cpl sys msi msp msc bat cmd ps1 psm1'.split(' '),
  ...'vbs vbe js jse wsf wsh hta lnk reg jar sh apk'.split(' '),
]);

/** VBA projects and Excel 4.0 macro sheets: code that would run in the office. Saved as .docx/.xlsx/.pptx,
 *  Office holds none; a file that has them is a renamed .docm/.xlsm/.pptm or was built to carry them. */
const MACRO_PART = /(^|\/)vbaProject\.bin$|^xl\/(intl)?macrosheets\//i;

/** Why a file is refused beyond "not an accepted type": `damaged` when its ZIP structure cannot be read. */
export type Refusal = { kind: 'damaged' | 'program' | 'macro'; reason: string };

/** A ZIP is one of the Office formats when its central directory has the parts that format needs,
 *  one main part only, and nothing that runs. */
function sniffOoxml(buf: Uint8Array): { format: FileFormat } | { format: null; refusal?: Refusal } {
  const names = zipEntryNames(buf);
  if (!names)
    return { format: null, refusal: { kind: 'damaged', reason: '压缩包结构已损坏或异常，无法识别文件类型' } };
  for (const name of names) {
    // Windows drops trailing dots and spaces, so "a.exe. " is extracted and run as a.exe.
    const base = (name.split(/[\\/]/).pop() ?? '').replace(/[. ]+$/, '').toLowerCase();
    const dot = base.lastIndexOf('.');
    if (dot >= 0 && PROGRAM_EXT.has(base.slice(dot + 1)))
      return {
        format: null,
        refusal: { kind: 'program', reason: `文件中夹带了程序文件（${name}），已拒绝` },
      };
    if (MACRO_PART.test(name))
      return {
        format: null,
        refusal: {
          kind: 'macro',
          reason: '文件中含有宏代码，已拒绝；请另存为不含宏的 Word、Excel 或 PowerPoint 文件后上传',
        },
      };
  }
  if (!names.includes('[Content_Types].xml')) return { format: null };
  const found = OOXML_MAIN_PART.filter(([, part]) => names.includes(part));
  return found.length === 1 ? { format: found[0][0] } : { format: null };
}

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

/** The format the content is, or null when it is none of the accepted ones — with the reason when
 *  there is more to say than that (a damaged archive, a program or macros inside). */
export function sniffFile(buf: Uint8Array): { format: FileFormat } | { format: null; refusal?: Refusal } {
  if (buf.length === 0) return { format: null };
  if (startsWith(buf, [0x25, 0x50, 0x44, 0x46, 0x2d])) return { format: 'pdf' }; // %PDF-
  if (startsWith(buf, [0xff, 0xd8, 0xff])) return { format: 'jpeg' };
  if (startsWith(buf, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { format: 'png' };
  if (startsWith(buf, [0x50, 0x4b, 0x03, 0x04])) return sniffOoxml(buf);
  // Executables and other binaries fail here: text has no NUL or control bytes and is valid UTF-8.
  return { format: isText(buf) ? 'txt' : null };
}

/** The format the content is, or null when it is none of the accepted ones. */
export function sniffFormat(buf: Uint8Array): FileFormat | null {
  return sniffFile(buf).format;
}

/** Checks a file against the formats a place accepts: the content must be one of them and agree with
 *  the name's extension. Returns the format, or the Chinese reason for refusing. */
export function checkFile(
  fileName: string,
  buf: Uint8Array,
  accepted: readonly FileFormat[],
): { ok: true; format: FileFormat } | { ok: false; reason: string } {
  const list = accepted.map((f) => FILE_FORMATS[f].name).join('、');
  const sniffed = sniffFile(buf);
  const format = sniffed.format;
  if (!format && sniffed.refusal) return { ok: false, reason: sniffed.refusal.reason };
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

/** A name cut to `max` characters for storing: the stem loses its end, never the extension, which the
 *  download and the type shown depend on. Counted in code points so no character is cut in half. */
export function shortenFileName(name: string, max = 200): string {
  const chars = Array.from(name);
  if (chars.length <= max) return name;
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? Array.from(name.slice(dot)) : [];
  // Only a short extension is kept whole; a name that is mostly "extension" is cut like any other.
  if (ext.length === 0 || ext.length > 16) return chars.slice(0, max).join('');
  return chars.slice(0, max - ext.length).join('') + ext.join('');
}
