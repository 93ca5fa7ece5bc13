/** The entry names of a ZIP, read from its central directory alone. Nothing is inflated, so a ZIP bomb
 *  costs no more than its own bytes, and the work is capped by the entry count. Synchronous and
 *  dependency-free so the type check of an upload stays a plain function of its bytes. */

const EOCD = 0x06054b50; // end of central directory
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50; // central directory file header
const LOCAL = 0x04034b50; // local file header

const bytesAt = (buf: Uint8Array, at: number, length: number) =>
  Buffer.from(buf.buffer, buf.byteOffset + at, length);

/** Office files hold tens to a few thousand parts; more is refused rather than walked. */
export const MAX_ZIP_ENTRIES = 10_000;

/**
 * Every entry name in the archive, or null when it cannot be read unambiguously: no end record,
 * records pointing outside the file, more than `maxEntries` entries, a count that disagrees with the
 * records, a local header whose name differs from the central one (a reader that walks local headers
 * would then see other files than we checked), or the same name twice.
 */
export function zipEntryNames(buf: Uint8Array, maxEntries = MAX_ZIP_ENTRIES): string[] | null {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);

  // The end record sits in the last 22 bytes plus a comment of at most 65535 bytes; its comment
  // length must reach exactly to the end, so a look-alike inside the comment is not taken.
  let eocd = -1;
  for (let at = buf.length - 22; at >= 0 && at >= buf.length - 22 - 0xffff; at--) {
    if (u32(at) === EOCD && at + 22 + u16(at + 20) === buf.length) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) return null;
  if (u16(eocd + 4) !== 0 && u16(eocd + 4) !== 0xffff) return null; // split archives are not files
  let total = u16(eocd + 10);
  let cdSize = u32(eocd + 12);
  let cdOffset = u32(eocd + 16);
  let cdLimit = eocd;
  if (total === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    // ZIP64: the real numbers are in the ZIP64 end record the locator (just before) points to.
    const locator = eocd - 20;
    if (locator < 0 || u32(locator) !== ZIP64_LOCATOR) return null;
    const record = Number(view.getBigUint64(locator + 8, true));
    if (record + 56 > locator || u32(record) !== ZIP64_EOCD) return null;
    total = Number(view.getBigUint64(record + 32, true));
    cdSize = Number(view.getBigUint64(record + 40, true));
    cdOffset = Number(view.getBigUint64(record + 48, true));
    cdLimit = record;
  }
  if (total > maxEntries || cdOffset + cdSize > cdLimit) return null;

  const names: string[] = [];
  const seen = new Set<string>();
  const end = cdOffset + cdSize;
  let at = cdOffset;
  while (names.length < total) {
    if (at + 46 > end || u32(at) !== CENTRAL) return null;
    const nameLength = u16(at + 28);
    const next = at + 46 + nameLength + u16(at + 30) + u16(at + 32);
    if (next > end) return null;
    const raw = bytesAt(buf, at + 46, nameLength);
    // Bit 11: the name is UTF-8; otherwise CP437, where latin1 keeps the ASCII we look at intact.
    const name = raw.toString(u16(at + 8) & 0x800 ? 'utf8' : 'latin1');
    const local = u32(at + 42);
    if (local !== 0xffffffff) {
      if (local + 30 > buf.length || u32(local) !== LOCAL) return null;
      const localLength = u16(local + 26);
      if (local + 30 + localLength > buf.length) return null;
      if (!bytesAt(buf, local + 30, localLength).equals(raw)) return null;
    }
    const key = name.toLowerCase();
    if (seen.has(key)) return null;
    seen.add(key);
    names.push(name);
    at = next;
  }
  return names;
}
