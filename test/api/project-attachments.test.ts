/** Project attachments: typed by their content, not their name — a PDF is a PDF, an Office file is read
 *  by the entries of its ZIP, programs and macros are refused; long names keep their extension. */
import { Document, Packer, Paragraph } from 'docx';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, login, type TestContext } from '../helpers/app.js';
import { addFirm } from '../helpers/firms.js';
import { multipart } from '../helpers/multipart.js';

let t: TestContext;
let officer: Client;

async function newProject(client: Client, name: string) {
  const res = await client.post('/api/v1/projects', {
    name,
    enterpriseId: await addFirm(t.database.db, `${name}科技有限公司`),
    source: '路演',
    type: '初创',
  });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; version: number; name: string };
}

function upload(
  client: Client,
  projectId: string,
  fileName: string,
  content: Buffer,
  category = '商业计划书',
) {
  return client.postForm(
    `/api/v1/projects/${projectId}/attachments`,
    { category },
    { name: fileName, content },
  );
}

beforeAll(async () => {
  t = await createTestApp();
  officer = await login(t.app, 'officer');
});
afterAll(() => t.close());

describe('attachments', () => {
  it('keeps a PDF and gives it back with its type; refuses a program named .pdf and a lying extension', async () => {
    const p = await newProject(officer, '附件测试项目');
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    const ok = await upload(officer, p.id, '商业计划书.pdf', pdf);
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({
      fileName: '商业计划书.pdf',
      format: 'pdf',
      size: pdf.length,
      category: '商业计划书',
      uploadedByName: '张专员',
    });
    const down = await officer.get(`/api/v1/projects/${p.id}/attachments/${ok.json().id}`);
    expect(down.headers['content-type']).toBe('application/pdf');
    expect(down.rawPayload.equals(pdf)).toBe(true);

    const exe = await upload(
      officer,
      p.id,
      '合同.pdf',
      Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\xff\xff', 'latin1'),
      '合同',
    );
    expect(exe.statusCode).toBe(415);
    expect(exe.json().message).toContain('文件内容不是可接受的类型');
    const lying = await upload(officer, p.id, '照片.png', pdf, '照片');
    expect(lying.statusCode).toBe(415);
    expect(lying.json().message).toContain('文件内容是 PDF，与扩展名“.png”不符');
    const big = await upload(officer, p.id, '大文件.txt', Buffer.alloc(21 * 1024 * 1024, 0x61));
    expect(big.statusCode).toBe(413);
    const badCategory = await upload(officer, p.id, 'a.pdf', pdf, '机密');
    expect(badCategory.statusCode).toBe(400);
    // An upload that breaks off halfway (the network dropped) is the client's failure, said as such.
    const { payload, headers } = multipart({ category: '合同' }, { name: '合同.pdf', content: pdf });
    const broken = await t.app.inject({
      method: 'POST',
      url: `/api/v1/projects/${p.id}/attachments`,
      payload: payload.subarray(0, payload.length - 30),
      headers: { ...headers, cookie: officer.cookie, 'x-csrf-token': officer.csrf },
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json()).toMatchObject({
      code: 'upload.malformed',
      message: '上传中断或内容不完整，请重新上传',
    });

    const detail = (await officer.get(`/api/v1/projects/${p.id}`)).json();
    expect(detail.attachments.map((a: { fileName: string }) => a.fileName)).toEqual(['商业计划书.pdf']);
    // Another city's officer cannot see it; an analyst can read but not delete.
    const nt = await login(t.app, 'nt_officer');
    expect((await nt.get(`/api/v1/projects/${p.id}/attachments/${ok.json().id}`)).statusCode).toBe(404);
    const analyst = await login(t.app, 'analyst');
    expect((await analyst.del(`/api/v1/projects/${p.id}/attachments/${ok.json().id}`)).statusCode).toBe(403);
    expect((await officer.del(`/api/v1/projects/${p.id}/attachments/${ok.json().id}`)).statusCode).toBe(204);
    expect((await officer.get(`/api/v1/projects/${p.id}`)).json().attachments).toEqual([]);
  });

  it('reads an Office file by the entries of its ZIP, refusing programs and macros inside', async () => {
    const p = await newProject(officer, '附件压缩包项目');
    const zipOf = (files: Record<string, string>) => {
      const zip = new JSZip();
      for (const [name, text] of Object.entries(files)) zip.file(name, text);
      return zip.generateAsync({ type: 'nodebuffer' }); // stored: each file's text is in the raw bytes
    };
    const types = { '[Content_Types].xml': '<Types/>' };
    // A program beside a text file that merely says "word/document.xml".
    const disguised = await zipOf({ ...types, 'payload.exe': 'MZ', 'readme.txt': 'word/document.xml' });
    const r1 = await upload(officer, p.id, 'plan.docx', disguised);
    expect(r1.statusCode).toBe(415);
    expect(r1.json()).toMatchObject({
      code: 'attachment.bad_type',
      message: '附件类型不被接受：文件中夹带了程序文件（payload.exe），已拒绝',
    });
    const r2 = await upload(officer, p.id, 'plan.docx', await zipOf({ 'word/document.xml.exe': 'MZ' }));
    expect(r2.statusCode).toBe(415);
    expect(r2.json().message).toContain('程序文件（word/document.xml.exe）');
    // The real structure without a program is still a Word file; with macros it is not.
    const docx = { ...types, 'word/document.xml': '<w:document/>' };
    const macro = await upload(
      officer,
      p.id,
      'plan.docx',
      await zipOf({ ...docx, 'word/vbaProject.bin': 'x' }),
    );
    expect(macro.statusCode).toBe(415);
    expect(macro.json().message).toContain('文件中含有宏代码');
    const onlyText = await upload(
      officer,
      p.id,
      'plan.docx',
      await zipOf({ ...types, 'a.txt': 'word/document.xml' }),
    );
    expect(onlyText.statusCode).toBe(415);
    expect(onlyText.json().message).toContain('文件内容不是可接受的类型');

    // Files as Word and Excel write them are kept.
    const word = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('计划书')] }] }));
    const okDocx = await upload(officer, p.id, '商业计划书.docx', word);
    expect(okDocx.statusCode).toBe(201);
    expect(okDocx.json().format).toBe('docx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('财务').addRow(['营收', 5600]);
    const okXlsx = await upload(officer, p.id, '财务预测.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(okXlsx.statusCode).toBe(201);
    expect(okXlsx.json().format).toBe('xlsx');
  });

  it('keeps the extension of a long name and says when a file is empty', async () => {
    const p = await newProject(officer, '附件文件名项目');
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    const long = await upload(officer, p.id, `${'x'.repeat(1000)}.pdf`, pdf);
    expect(long.statusCode).toBe(201);
    expect(long.json()).toMatchObject({ format: 'pdf', fileName: `${'x'.repeat(196)}.pdf` });
    const down = await officer.get(`/api/v1/projects/${p.id}/attachments/${long.json().id}`);
    expect(down.headers['content-disposition']).toContain('.pdf');
    // The extension checked is the full name's, not what is left after shortening.
    const lying = await upload(officer, p.id, `${'长'.repeat(300)}.png`, pdf, '照片');
    expect(lying.statusCode).toBe(415);
    expect(lying.json().message).toContain('与扩展名“.png”不符');

    const empty = await upload(officer, p.id, '合同.pdf', Buffer.alloc(0), '合同');
    expect(empty.statusCode).toBe(400);
    expect(empty.json()).toMatchObject({
      code: 'upload.empty_file',
      message: '文件是空的（0 字节），请检查后重新上传',
    });
    const none = await officer.postForm(`/api/v1/projects/${p.id}/attachments`, { category: '合同' });
    expect(none.statusCode).toBe(400);
    expect(none.json().code).toBe('upload.missing_file');
    expect((await officer.get(`/api/v1/projects/${p.id}`)).json().attachments).toHaveLength(1);
  });

  it('names the download in an RFC 5987 value a browser accepts, even with an apostrophe or brackets', async () => {
    const p = await newProject(officer, '附件下载名项目');
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    const name = "O'Brien 计划书(终稿)*.pdf";
    const up = await upload(officer, p.id, name, pdf);
    expect(up.statusCode).toBe(201);
    const down = await officer.get(`/api/v1/projects/${p.id}/attachments/${up.json().id}`);
    const header = String(down.headers['content-disposition']);
    const ext = header.split("filename*=UTF-8''")[1];
    // A bare ' ends the value early, and ( ) * are not attr-chars: each is percent-encoded.
    expect(ext).toMatch(/^[A-Za-z0-9!#$&+\-.^_`|~%]+$/);
    expect(decodeURIComponent(ext)).toBe(name);
  });
});
