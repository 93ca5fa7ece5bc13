import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { checkFile, sniffFormat } from './file-type.js';

const bytes = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));

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
});
