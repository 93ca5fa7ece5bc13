/** The parts of an XLSX, found through the ZIP's central directory and handed to ExcelJS's streaming
 *  reader in an order it can stream: workbook, relations, styles and shared strings first, then the one
 *  sheet asked for. In file order that reader copies every sheet it meets before the shared strings to
 *  a temp file, and Excel and ExcelJS both store the shared strings after the sheets, so a preview would
 *  inflate the whole workbook before its first row. Each part is inflated here, held to its size in the
 *  directory and to caps (a ZIP bomb stops at the cap, not at the disk or the heap), and passed on stored,
 *  in chunks that end between characters: ExcelJS decodes each chunk by itself. */
import { closeSync, createReadStream, fstatSync, openSync, readSync } from 'node:fs';
import path from 'node:path';
import { pipeline, Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import { MAX_ZIP_ENTRIES } from '../domain/files/zip-entries.js';

/** A file that is not a readable workbook; read-table turns it into a TableError with the same text. */
export class XlsxError extends Error {}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MiB = 1024 * 1024;

/** Held in memory by ExcelJS (parsed whole), so capped hard: styles of a bloated office file stay far below. */
export const META_MAX_BYTES = 64 * MiB;
/** The shared-string table is cached in memory (sharedStrings: 'cache'); about 2× its XML size in heap. */
export const SHARED_STRINGS_MAX_BYTES = 256 * MiB;
/** A sheet streams, so this bounds time, not memory; 1,048,576 rows × 30 columns of XML is below it.
 *  Under 4 GiB, so its size fits the 32-bit fields of the stored entry. */
export const SHEET_MAX_BYTES = 4000 * MiB;
/** Real XLSX parts inflate 3–30×; a ZIP bomb ~1000×. Parts under 1 MiB are not held to the ratio. */
const MAX_RATIO = 200;
/** Excel keeps a cell under 32,767 characters; a longer run of text or of one tag is not a spreadsheet,
 *  and the parser would gather it into one string. */
const MAX_MARKUP_RUN = 4 * MiB;

export type ZipPart = {
  name: string;
  flags: number;
  method: number;
  compressedSize: number;
  /** Inflated size as the directory gives it: refused above a cap before inflating, then held to. */
  size: number;
  offset: number;
};

const sizeText = (bytes: number) =>
  bytes >= MiB ? `${Math.round(bytes / MiB)} MB` : `${Math.ceil(bytes / 1024)} KB`;

const broken = (why: string) => new XlsxError(`Excel 文件已损坏或不是 XLSX 工作簿（${why}）`);

/** The parts of the ZIP by lower-cased name, from its central directory; nothing is inflated. */
export function zipParts(file: string): Map<string, ZipPart> {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const read = (at: number, length: number) => {
      const buf = Buffer.alloc(length);
      if (at < 0 || readSync(fd, buf, 0, length, at) !== length) throw broken('目录越界');
      return buf;
    };
    const tailAt = Math.max(0, size - 22 - 0xffff);
    const tail = read(tailAt, size - tailAt);
    let eocd = -1;
    for (let at = tail.length - 22; at >= 0; at--) {
      if (tail.readUInt32LE(at) === EOCD && at + 22 + tail.readUInt16LE(at + 20) === tail.length) {
        eocd = at;
        break;
      }
    }
    if (eocd < 0) throw broken('找不到 ZIP 目录');
    let total = tail.readUInt16LE(eocd + 10);
    let cdSize = tail.readUInt32LE(eocd + 12);
    let cdOffset = tail.readUInt32LE(eocd + 16);
    if (total === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
      const locator = read(tailAt + eocd - 20, 20);
      if (locator.readUInt32LE(0) !== ZIP64_LOCATOR) throw broken('ZIP64 目录缺失');
      const record = read(Number(locator.readBigUInt64LE(8)), 56);
      if (record.readUInt32LE(0) !== ZIP64_EOCD) throw broken('ZIP64 目录缺失');
      total = Number(record.readBigUInt64LE(32));
      cdSize = Number(record.readBigUInt64LE(40));
      cdOffset = Number(record.readBigUInt64LE(48));
    }
    // A workbook has tens to a few thousand parts; the count bounds the directory we read.
    if (total > MAX_ZIP_ENTRIES)
      throw new XlsxError(`Excel 文件包含 ${total} 个部件，超过上限 ${MAX_ZIP_ENTRIES}`);
    if (cdOffset + cdSize > size) throw broken('目录越界');
    const cd = read(cdOffset, cdSize);
    const parts = new Map<string, ZipPart>();
    for (let at = 0, n = 0; n < total; n++) {
      if (at + 46 > cd.length || cd.readUInt32LE(at) !== CENTRAL) throw broken('目录记录无效');
      const nameLength = cd.readUInt16LE(at + 28);
      const extraLength = cd.readUInt16LE(at + 30);
      const next = at + 46 + nameLength + extraLength + cd.readUInt16LE(at + 32);
      if (next > cd.length) throw broken('目录记录无效');
      const part: ZipPart = {
        name: cd.toString('utf8', at + 46, at + 46 + nameLength),
        flags: cd.readUInt16LE(at + 8),
        method: cd.readUInt16LE(at + 10),
        compressedSize: cd.readUInt32LE(at + 20),
        size: cd.readUInt32LE(at + 24),
        offset: cd.readUInt32LE(at + 42),
      };
      zip64Sizes(part, cd, at + 46 + nameLength, extraLength);
      if (part.offset + part.compressedSize > cdOffset) throw broken('部件越界');
      const key = part.name.replace(/^\/+/, '').toLowerCase();
      // Two parts of one name: readers would differ on which is meant.
      if (parts.has(key)) throw broken(`“${part.name}”出现两次`);
      parts.set(key, part);
      at = next;
    }
    return parts;
  } finally {
    closeSync(fd);
  }
}

/** ZIP64 keeps sizes and offsets that do not fit 32 bits in extra field 0x0001, in this order. */
function zip64Sizes(part: ZipPart, cd: Buffer, extra: number, length: number) {
  for (let at = extra; at + 4 <= extra + length; at += 4 + cd.readUInt16LE(at + 2)) {
    if (cd.readUInt16LE(at) !== 1) continue;
    let field = at + 4;
    const next = () => {
      if (field + 8 > at + 4 + cd.readUInt16LE(at + 2)) throw broken('ZIP64 字段无效');
      const v = Number(cd.readBigUInt64LE(field));
      field += 8;
      return v;
    };
    if (part.size === 0xffffffff) part.size = next();
    if (part.compressedSize === 0xffffffff) part.compressedSize = next();
    if (part.offset === 0xffffffff) part.offset = next();
  }
}

/** Where the part's data starts: after its local header, whose name and extra lengths are its own. */
function dataStart(file: string, part: ZipPart): number {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(30);
    if (readSync(fd, head, 0, 30, part.offset) !== 30 || head.readUInt32LE(0) !== LOCAL)
      throw broken(`“${part.name}”的文件头无效`);
    return part.offset + 30 + head.readUInt16LE(26) + head.readUInt16LE(28);
  } finally {
    closeSync(fd);
  }
}

/** The part's bytes as they inflate. Refused up front when its size passes `maxBytes` or the ratio cap,
 *  and stopped when it inflates to more or fewer bytes than that size says. */
export async function* inflatePart(file: string, part: ZipPart, maxBytes: number): AsyncGenerator<Buffer> {
  if (part.flags & 1)
    throw new XlsxError('Excel 文件已加密（设置了打开密码），请在 Excel 中取消密码后再导入');
  if (part.method !== 0 && part.method !== 8)
    throw new XlsxError(`Excel 文件中的“${part.name}”使用了不支持的压缩方式（${part.method}）`);
  const cap = Math.min(maxBytes, Math.max(MiB, part.compressedSize * MAX_RATIO));
  if (part.size > cap)
    throw new XlsxError(
      `Excel 文件中的“${part.name}”解压后有 ${sizeText(part.size)}（压缩时 ${sizeText(part.compressedSize)}），超过上限 ${sizeText(cap)}，可能是压缩炸弹；如确为正常文件，请另存为 CSV 后导入`,
    );
  if (part.compressedSize === 0) {
    if (part.size > 0) throw broken(`“${part.name}”的大小不符`);
    return;
  }
  const start = dataStart(file, part);
  const raw = createReadStream(file, {
    start,
    end: start + part.compressedSize - 1,
    highWaterMark: 64 * 1024,
  });
  const source =
    part.method === 8 ? pipeline(raw, createInflateRaw({ chunkSize: 64 * 1024 }), () => {}) : raw;
  let total = 0;
  let run = 0; // bytes since the last '<' or '>'
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > part.size) throw broken(`“${part.name}”解压后比目录所记的 ${part.size} 字节多`);
      const lastMarkup = Math.max(chunk.lastIndexOf(60), chunk.lastIndexOf(62));
      run = lastMarkup < 0 ? run + chunk.length : chunk.length - 1 - lastMarkup;
      if (run > MAX_MARKUP_RUN) throw broken(`“${part.name}”中有超过 4 MB 的单个文本或标签`);
      yield chunk;
    }
  } catch (err) {
    if (err instanceof XlsxError) throw err;
    throw broken(`“${part.name}”无法解压：${err instanceof Error ? err.message : String(err)}`);
  } finally {
    raw.destroy();
  }
  if (total !== part.size) throw broken(`“${part.name}”解压后比目录所记的 ${part.size} 字节少`);
}

/** The whole (small) part as text, capped. */
export async function partText(file: string, part: ZipPart, maxBytes = META_MAX_BYTES): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of inflatePart(file, part, maxBytes)) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

/** One part of the ZIP handed to ExcelJS: the file's part under another name, or bytes of our own. */
export type StoredEntry = { as: string; part?: ZipPart; bytes?: Buffer; maxBytes: number };

/**
 * A ZIP stream of `entries`, each stored (not compressed) with its size in the local header, so unzipper
 * (under ExcelJS) passes our chunks on as they are, each ending between two UTF-8 characters.
 * `read(p)` awaits a read from ExcelJS but rejects when a part fails, since unzipper would otherwise
 * wait for the rest of the entry for ever. Destroying `stream` stops the inflating and closes the file.
 */
export function storedZip(file: string, entries: StoredEntry[]) {
  let error: Error | null = null;
  // The one read waiting now. Not Promise.race with a long-lived promise: each race would leave a
  // handler on it holding that read's row, for as long as the file is read.
  let waiting: ((err: Error) => void) | null = null;
  const read = <T>(pending: Promise<T>): Promise<T> =>
    error
      ? Promise.reject(error)
      : new Promise<T>((resolve, reject) => {
          waiting = reject;
          const done = () => {
            if (waiting === reject) waiting = null;
          };
          pending.then(
            (value) => {
              done();
              resolve(value);
            },
            (err) => {
              done();
              reject(err);
            },
          );
        });
  async function* chunks(): AsyncGenerator<Buffer> {
    try {
      for (const e of entries) {
        const size = e.bytes ? e.bytes.length : (e.part?.size ?? 0);
        yield localHeader(e.as, size);
        let carry: Buffer | null = null;
        for await (let chunk of e.bytes ? [e.bytes] : e.part ? inflatePart(file, e.part, e.maxBytes) : []) {
          if (carry) chunk = Buffer.concat([carry, chunk]);
          const end = charBoundary(chunk);
          carry = end < chunk.length ? chunk.subarray(end) : null;
          if (end > 0) yield chunk.subarray(0, end);
        }
        if (carry) yield carry;
      }
      yield Buffer.from([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]); // end of the archive
    } catch (err) {
      error = err instanceof Error ? err : new Error(String(err));
      waiting?.(error);
    }
  }
  return {
    stream: Readable.from(chunks()),
    read,
    error: () => error,
  };
}

/** Where the last whole UTF-8 character of `buf` ends. */
function charBoundary(buf: Buffer): number {
  for (let i = buf.length - 1; i >= 0 && i >= buf.length - 4; i--) {
    const b = buf[i];
    if ((b & 0xc0) === 0x80) continue; // a continuation byte: look further back for the lead
    const length = b < 0x80 ? 1 : b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
    return i + length <= buf.length ? buf.length : i;
  }
  return buf.length;
}

function localHeader(name: string, size: number): Buffer {
  const bytes = Buffer.from(name, 'utf8');
  const head = Buffer.alloc(30);
  head.writeUInt32LE(LOCAL, 0);
  head.writeUInt16LE(20, 4);
  head.writeUInt16LE(0x0800, 6); // the name is UTF-8
  head.writeUInt32LE(size, 18); // stored: compressed size = size
  head.writeUInt32LE(size, 22);
  head.writeUInt16LE(bytes.length, 26);
  return Buffer.concat([head, bytes]);
}

/** A part named by a relationship target, which is relative to the part holding it unless it starts with '/'. */
export function resolveTarget(from: string, target: string): string {
  const joined = target.startsWith('/') ? target.slice(1) : path.posix.join(path.posix.dirname(from), target);
  return path.posix.normalize(joined).toLowerCase();
}
