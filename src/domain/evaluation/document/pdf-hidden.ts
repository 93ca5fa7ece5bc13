// Finds text drawn so that a person cannot see it while a text extractor (and so a model) reads it:
// white fill, render mode 3 (invisible) or 7 (clip only), under 2 pt, or placed outside the page.
// It walks pdf.js's operator list and tracks just the graphics state these tests need.
import type { HiddenReason } from './types.js';

export type OperatorList = { fnArray: number[]; argsArray: unknown[][] };
type Matrix = [number, number, number, number, number, number];
type Glyph = { unicode?: string } | number | null;

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];

/** Fill colours near white: #f0f0f0 and lighter is unreadable on a white page. */
function isWhite(color: unknown): boolean {
  if (typeof color !== 'string' || !/^#[0-9a-f]{6}$/i.test(color)) return false;
  return [1, 3, 5].every((i) => Number.parseInt(color.slice(i, i + 2), 16) >= 0xf0);
}

function matrixArg(a: unknown): Matrix | null {
  if (!a || typeof a !== 'object') return null;
  const v = Array.from(Object.values(a as Record<string, number>)).slice(0, 6);
  return v.length === 6 && v.every((x) => typeof x === 'number') ? (v as Matrix) : null;
}

/** Hidden runs of one page; `ops` maps operator names to pdf.js's numeric codes (pdfjs.OPS). */
export function findHiddenText(
  list: OperatorList,
  ops: Record<string, number>,
  view: number[],
): { text: string; reason: HiddenReason }[] {
  const out: { text: string; reason: HiddenReason }[] = [];
  let state = { ctm: IDENTITY, fill: '#000000' as unknown, mode: 0, size: 12 };
  const stack: (typeof state)[] = [];
  let tm: Matrix = IDENTITY;
  let line: Matrix = IDENTITY;
  const [x0, y0, x1, y1] = view;
  for (let i = 0; i < list.fnArray.length; i++) {
    const fn = list.fnArray[i];
    const args = list.argsArray[i] ?? [];
    if (fn === ops.save) stack.push({ ...state });
    else if (fn === ops.restore) state = stack.pop() ?? state;
    else if (fn === ops.transform) state.ctm = multiply(state.ctm, (matrixArg(args) ?? IDENTITY) as Matrix);
    else if (fn === ops.setFillRGBColor || fn === ops.setFillGray || fn === ops.setFillCMYKColor)
      state.fill = args[0];
    else if (fn === ops.setTextRenderingMode) state.mode = Number(args[0]);
    else if (fn === ops.setFont) state.size = Number(args[1]);
    else if (fn === ops.beginText) tm = line = IDENTITY;
    else if (fn === ops.setTextMatrix) tm = line = matrixArg(args[0]) ?? matrixArg(args) ?? IDENTITY;
    else if (fn === ops.moveText || fn === ops.setLeadingMoveText) {
      line = multiply(line, [1, 0, 0, 1, Number(args[0]), Number(args[1])]);
      tm = line;
    } else if (fn === ops.showText || fn === ops.showSpacedText || fn === ops.nextLineShowText) {
      const glyphs = (args[0] ?? []) as Glyph[];
      const text = glyphs.map((g) => (g && typeof g === 'object' ? (g.unicode ?? '') : '')).join('');
      if (!text.trim()) continue;
      const m = multiply(state.ctm, tm);
      const size = Math.abs(state.size) * Math.hypot(m[2], m[3]);
      const [x, y] = [m[4], m[5]];
      let reason: HiddenReason | null = null;
      if (state.mode === 3 || state.mode === 7) reason = 'invisible';
      else if (isWhite(state.fill)) reason = 'white';
      else if (size < 2) reason = 'tiny';
      else if (x < x0 - 1 || x > x1 || y < y0 - size || y > y1 + 1) reason = 'off_page';
      if (reason) out.push({ text, reason });
    }
  }
  return out;
}
