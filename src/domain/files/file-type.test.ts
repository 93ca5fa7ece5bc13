import { Document, Packer, Paragraph } from 'docx';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { checkFile, shortenFileName, sniffFile, sniffFormat } from './file-type.js';

const bytes = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));

/** A ZIP of the given entries, stored uncompressed so each file's text also sits in the raw bytes. */
function zipOf(files: Record<string, string>): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, text] of Object.entries(files)) zip.file(name, text, { createFolders: false });
  return zip.generateAsync({ type: 'uint8array' });
}
const TYPES = { '[Content_Types].xml': '<Types/>' };

describe('file type by content', () => {
  it('knows PDF, JPEG, PNG and UTF-8 text by their bytes', () => {
    expect(sniffFormat(bytes('%PDF-1.7\n%âãÏÓ\n'))).toBe('pdf');
    expect(sniffFormat(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe('jpeg');
    expect(sniffFormat(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('png');
    expect(sniffFormat(new Uint8Array(Buffer.from('商业计划书\n计划投资 5 亿元\n')))).toBe('txt');
  });
  it('tells a real XLSX from a bare ZIP', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('表').addRow(['a']);
    const xlsx = new Uint8Array(await wb.xlsx.writeBuffer());
    expect(sniffFormat(xlsx)).toBe('xlsx');
    expect(sniffFormat(bytes('PK\u0003\u0004\u0014\u0000evil.exe'))).toBeNull();
  });
  it('knows DOCX, XLSX and PPTX by the exact names of their parts', async () => {
    const doc = new Document({ sections: [{ children: [new Paragraph('商业计划书')] }] });
    expect(sniffFormat(new Uint8Array(await Packer.toBuffer(doc)))).toBe('docx');
    const pptx = await zipOf({ ...TYPES, 'ppt/presentation.xml': '<p/>', 'ppt/slides/slide1.xml': '<s/>' });
    expect(sniffFormat(pptx)).toBe('pptx');
    // The main part without [Content_Types].xml, or two formats' main parts at once, is no Office file.
    expect(sniffFormat(await zipOf({ 'word/document.xml': '<w/>' }))).toBeNull();
    expect(sniffFormat(await zipOf({ ...TYPES, 'word/document.xml': '', 'xl/workbook.xml': '' }))).toBeNull();
  });
  it('is not fooled by a part name written inside a file, or used as the start of another name', async () => {
    const disguised = await zipOf({ ...TYPES, 'readme.txt': 'word/document.xml', 'payload.exe': 'MZ' });
    expect(Buffer.from(disguised).includes('word/document.xml')).toBe(true); // the old test passed it
    expect(sniffFile(disguised)).toEqual({
      format: null,
      refusal: { kind: 'program', reason: '文件中夹带了程序文件（payload.exe），已拒绝' },
    });
    expect(sniffFormat(await zipOf({ 'word/document.xml.exe': 'MZ' }))).toBeNull();
    expect(sniffFormat(await zipOf({ ...TYPES, 'readme.txt': 'word/document.xml' }))).toBeNull();
  });
  it('refuses an Office file carrying a program or macros, and says which', async () => {
    const docx = { ...TYPES, 'word/document.xml': '<w:document/>' };
    for (const name of ['word/media/setup.EXE', 'x/run.bat', 'tools/a.js', 'a\\b.ps1', 'evil.exe. ']) {
      const r = checkFile('计划书.docx', await zipOf({ ...docx, [name]: 'x' }), ['docx']);
      expect(r).toEqual({ ok: false, reason: `文件中夹带了程序文件（${name}），已拒绝` });
    }
    const macro = sniffFile(await zipOf({ ...docx, 'word/vbaProject.bin': 'x' }));
    expect(macro).toMatchObject({ format: null, refusal: { kind: 'macro' } });
    const xlm = sniffFile(await zipOf({ ...TYPES, 'xl/workbook.xml': '', 'xl/macrosheets/sheet1.xml': '' }));
    expect(xlm).toMatchObject({ format: null, refusal: { kind: 'macro' } });
    // Embedded objects and pictures are ordinary parts of a business plan.
    const embedded = { ...docx, 'word/embeddings/oleObject1.bin': 'x', 'word/media/image1.png': 'x' };
    expect(sniffFormat(await zipOf(embedded))).toBe('docx');
  });
  it('says a damaged archive is damaged', async () => {
    const good = await zipOf({ ...TYPES, 'word/document.xml': '<w/>' });
    expect(sniffFile(good.subarray(0, good.length - 10))).toMatchObject({ refusal: { kind: 'damaged' } });
  });
  it('refuses programs and binaries whatever their name', () => {
    const exe = bytes('MZ\u0090\u0000\u0003\u0000\u0000\u0000\u0004\u0000');
    expect(sniffFormat(exe)).toBeNull();
    const r = checkFile('商业计划书.pdf', exe, ['pdf', 'docx']);
    expect(r).toEqual({
      ok: false,
      reason: expect.stringContaining('文件内容不是可接受的类型（PDF、Word (DOCX)）'),
    });
    expect(sniffFormat(new Uint8Array([0xc3, 0x28, 0x41]))).toBeNull(); // invalid UTF-8
  });
  it('refuses a name that lies about the content', () => {
    const r = checkFile('合同.docx', bytes('%PDF-1.4\n'), ['pdf', 'docx']);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain('文件内容是 PDF，与扩展名“.docx”不符');
    expect(checkFile('合同.PDF', bytes('%PDF-1.4\n'), ['pdf'])).toEqual({ ok: true, format: 'pdf' });
  });
  it('shortens a long name in its stem and keeps the extension', () => {
    expect(shortenFileName('合同.pdf')).toBe('合同.pdf');
    expect(shortenFileName(`${'x'.repeat(1000)}.pdf`)).toBe(`${'x'.repeat(196)}.pdf`);
    expect(shortenFileName(`${'😀'.repeat(10)}.docx`, 8)).toBe('😀😀😀.docx'); // no half emoji
    expect(shortenFileName(`a.${'b'.repeat(300)}`, 10)).toBe(`a.${'b'.repeat(8)}`);
    expect(shortenFileName('x'.repeat(300), 10)).toBe('x'.repeat(10));
  });
});
