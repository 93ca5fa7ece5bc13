/** Plain-text columns for the terminal. A CJK character takes two columns, so `padEnd` would leave
 *  Chinese names out of line with the Latin ones below them. */
export function width(s: string): number {
  let w = 0;
  for (const ch of s)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(
      ch,
    )
      ? 2
      : 1;
  return w;
}

export const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - width(s)));

/** Rows as aligned columns, two spaces apart; the last column is not padded. */
export function table(rows: string[][]): string[] {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => width(r[i] ?? '')))) ?? [];
  return rows.map((r) =>
    r
      .map((c, i) => (i === r.length - 1 ? c : pad(c, widths[i])))
      .join('  ')
      .trimEnd(),
  );
}
