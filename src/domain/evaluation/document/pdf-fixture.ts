// Builds small PDFs for tests: no PDF writer is installed and fixtures checked in as binaries would
// hide what they contain. Chinese text is written with a Type0 font (Identity-H) whose ToUnicode map
// says which character each code is; no font program is embedded, which text extraction does not need.

/** One run of text; colour, size and render mode let tests hide text the way attackers do. */
export type PdfRun = {
  text: string;
  x?: number;
  y?: number;
  size?: number;
  /** Fill colour as RGB in 0–1; white hides text on a white page. */
  rgb?: [number, number, number];
  /** Text render mode 3 draws nothing. */
  renderMode?: number;
};

export type PdfFixtureOptions = {
  /** An /Encrypt entry whose keys match no password: readers must ask for one. */
  encrypted?: boolean;
};

const hex4 = (n: number) => n.toString(16).toUpperCase().padStart(4, '0');

function toUnicodeCMap(chars: string[]): string {
  const blocks: string[] = [];
  for (let i = 0; i < chars.length; i += 100) {
    const part = chars.slice(i, i + 100);
    const lines = part.map((c, j) => `<${hex4(i + j + 1)}> <${hex4(c.charCodeAt(0))}>`);
    blocks.push(`${part.length} beginbfchar\n${lines.join('\n')}\nendbfchar`);
  }
  return [
    '/CIDInit /ProcSet findresource begin 12 dict begin begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def /CMapType 2 def',
    '1 begincodespacerange <0000> <FFFF> endcodespacerange',
    ...blocks,
    'endcmap CMapName currentdict /CMap defineresource pop end end',
  ].join('\n');
}

/** A PDF whose pages hold the given runs (page size A4, 595 × 842 points). */
export function buildPdf(pages: PdfRun[][], options: PdfFixtureOptions = {}): Uint8Array {
  const chars = [...new Set(pages.flat().flatMap((r) => [...r.text]))];
  const code = new Map(chars.map((c, i) => [c, i + 1]));
  const objects: string[] = [];
  const add = (body: string) => objects.push(body);
  const pageCount = pages.length;
  // 1 catalog, 2 pages, 3 font, 4 descendant, 5 cmap, 6 descriptor, then per page: page object and its content.
  const kids = pages.map((_, i) => `${7 + i * 2} 0 R`).join(' ');
  add('<< /Type /Catalog /Pages 2 0 R >>');
  add(`<< /Type /Pages /Kids [${kids}] /Count ${pageCount} >>`);
  add(
    '<< /Type /Font /Subtype /Type0 /BaseFont /Fixture /Encoding /Identity-H /DescendantFonts [4 0 R] /ToUnicode 5 0 R >>',
  );
  add(
    '<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Fixture /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 6 0 R /DW 1000 /CIDToGIDMap /Identity >>',
  );
  const cmap = toUnicodeCMap(chars);
  add(`<< /Length ${Buffer.byteLength(cmap)} >>\nstream\n${cmap}\nendstream`);
  add(
    '<< /Type /FontDescriptor /FontName /Fixture /Flags 4 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 900 /Descent -200 /CapHeight 700 /StemV 80 >>',
  );
  pages.forEach((runs, i) => {
    const ops = runs.map((r, j) => {
      const [cr, cg, cb] = r.rgb ?? [0, 0, 0];
      const hex = [...r.text].map((c) => hex4(code.get(c) ?? 0)).join('');
      const y = r.y ?? 800 - j * 20;
      return `BT ${cr} ${cg} ${cb} rg ${r.renderMode ?? 0} Tr /F1 ${r.size ?? 12} Tf 1 0 0 1 ${r.x ?? 50} ${y} Tm <${hex}> Tj ET`;
    });
    const content = ops.join('\n');
    add(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${8 + i * 2} 0 R >>`,
    );
    add(`<< /Length ${Buffer.byteLength(content)} >>\nstream\n${content}\nendstream`);
  });
  if (options.encrypted) {
    const junk = 'A1'.repeat(32);
    add(`<< /Filter /Standard /V 1 /R 2 /Length 40 /P -4 /O <${junk}> /U <${junk}> >>`);
  }
  let out = '%PDF-1.7\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out);
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  const encrypt = options.encrypted
    ? ` /Encrypt ${objects.length} 0 R /ID [<${'0'.repeat(32)}> <${'0'.repeat(32)}>]`
    : '';
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R${encrypt} >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'utf8'));
}
