import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { zipEntryNames } from './zip-entries.js';

async function zipOf(files: Record<string, string>, comment?: string): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, text] of Object.entries(files)) zip.file(name, text, { createFolders: false });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', comment });
}

/** The same archive with its counts moved to ZIP64 end records, as some writers always do. */
function asZip64(zip: Buffer): Buffer {
  const eocd = zip.length - 22;
  const record = Buffer.alloc(56);
  record.writeUInt32LE(0x06064b50, 0);
  record.writeBigUInt64LE(44n, 4);
  record.writeBigUInt64LE(BigInt(zip.readUInt16LE(eocd + 8)), 24);
  record.writeBigUInt64LE(BigInt(zip.readUInt16LE(eocd + 10)), 32);
  record.writeBigUInt64LE(BigInt(zip.readUInt32LE(eocd + 12)), 40);
  record.writeBigUInt64LE(BigInt(zip.readUInt32LE(eocd + 16)), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(BigInt(eocd), 8);
  locator.writeUInt32LE(1, 16);
  const end = Buffer.from(zip.subarray(eocd));
  end.writeUInt16LE(0xffff, 8);
  end.writeUInt16LE(0xffff, 10);
  end.writeUInt32LE(0xffffffff, 12);
  end.writeUInt32LE(0xffffffff, 16);
  return Buffer.concat([zip.subarray(0, eocd), record, locator, end]);
}

describe('ZIP entry names from the central directory', () => {
  it('lists the names, not what the files say, with or without a comment or ZIP64 records', async () => {
    const zip = await zipOf({ 'a/报告.txt': 'word/document.xml', 'payload.exe': 'MZ' });
    expect(zipEntryNames(zip)).toEqual(['a/报告.txt', 'payload.exe']);
    // A comment that itself looks like an end record does not fool the search from the end.
    const commented = await zipOf({ 'x.txt': 'x' }, 'PK\u0005\u0006 not the end');
    expect(zipEntryNames(commented)).toEqual(['x.txt']);
    expect(zipEntryNames(asZip64(zip))).toEqual(['a/报告.txt', 'payload.exe']);
  });

  it('refuses damaged, ambiguous and oversized archives instead of guessing', async () => {
    const zip = await zipOf({ 'word/document.xml': '<w/>', '[Content_Types].xml': '<Types/>' });
    expect(zipEntryNames(zip.subarray(0, zip.length - 30))).toBeNull(); // cut off
    expect(zipEntryNames(Buffer.from('PK\u0003\u0004word/document.xml'))).toBeNull(); // no directory
    // A local header naming another file than the central directory: a streaming reader would see it.
    const swapped = Buffer.from(zip);
    swapped.write('x', swapped.indexOf('word/document.xml') + 5, 'latin1');
    expect(zipEntryNames(swapped)).toBeNull();
    // The same name twice (case aside): which copy a reader takes is up to the reader.
    const twice = await zipOf({ 'Word/Document.xml': '<a/>', 'word/document.xml': '<b/>' });
    expect(zipEntryNames(twice)).toBeNull();
    // Entry count is capped before any entry is read.
    expect(zipEntryNames(zip, 1)).toBeNull();
    expect(zipEntryNames(zip, 2)).toHaveLength(2);
  });
});
