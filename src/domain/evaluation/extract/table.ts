// Table rows flattened with tabs (DOCX, spreadsheets pasted into Word) or Markdown pipes. A cell's
// figure takes its label from the nearest text cell to its left, its year and forecast flag from the
// header row above (项目 | 2023年 | 2024年（预测）).
import type { ClauseInput } from './clause-facts.js';
import { findMentions } from './numbers.js';

type Column = { year?: string; forecast: boolean };
type Row = Omit<ClauseInput, 'forecast'> & { forecast: boolean };

/** The header row in force; it ends at the first line that is not a table row. */
export type TableState = { columns?: Column[] };

function cellsOf(line: string): { text: string; start: number }[] | null {
  const pipe = /^\s*\|.*\|\s*$/.test(line);
  if (!pipe && !line.includes('\t')) return null;
  const sep = pipe ? '|' : '\t';
  const out: { text: string; start: number }[] = [];
  let start = 0;
  for (const part of line.split(sep)) {
    out.push({ text: part, start });
    start += part.length + 1;
  }
  return out.filter((c) => c.text.trim() !== '' && !/^\s*:?-{3,}:?\s*$/.test(c.text));
}

/** The figure cells of a table line as clauses, or null when the line is not a table row. */
export function tableRows(
  state: TableState,
  text: string,
  masked: string,
  line: { start: number; end: number },
): { cells: Row[] } | null {
  const lineText = text.slice(line.start, line.end).replace(/\n$/, '');
  const cells = cellsOf(lineText);
  if (!cells || cells.length < 2) {
    state.columns = undefined;
    return null;
  }
  const years = cells.map((c) => /((?:19|20)\d{2})(?:年|E|e|F)?/.exec(c.text));
  if (
    years.slice(1).some(Boolean) &&
    !/\d/.test(cells[0].text) &&
    cells.slice(1).every((c, i) => years[i + 1] || !/\d/.test(c.text))
  ) {
    state.columns = cells.map((c, i) => ({
      year: years[i]?.[1],
      forecast: /预测|预计|E|F|目标|规划|预期/.test(c.text),
    }));
    return { cells: [] };
  }
  const rows: Row[] = [];
  let label = '';
  cells.forEach((cell, i) => {
    const at = line.start + cell.start;
    const cellMasked = masked.slice(at, at + cell.text.length);
    const mentions = findMentions(cellMasked);
    if (!mentions.length || !/[\d一二两三四五六七八九十]/.test(cell.text)) {
      label = cell.text.trim();
      return;
    }
    if (i === 0) return;
    const column = state.columns?.[i];
    // The label comes first so its keyword stands before the figure; offsets shift by its length.
    const prefix = `${label}\t`;
    rows.push({
      text: prefix + cell.text,
      masked: prefix + cellMasked,
      mentions: mentions.map((m) => ({ ...m, start: m.start + prefix.length, end: m.end + prefix.length })),
      sentence: lineText,
      pending: false,
      tabular: true,
      forecast: column?.forecast ?? false,
      period: column?.year ?? /((?:19|20)\d{2})年/.exec(label)?.[1],
    });
  });
  return { cells: rows };
}
