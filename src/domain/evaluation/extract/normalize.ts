// Text as the extractor reads it, with a map back to the original so every quote is an exact
// substring of the document. Full-width forms fold to ASCII (１２００万 → 1200万, ％ → %), and spaces
// that PDF extraction scatters between Chinese characters (营 业 收 入) are dropped.

export type Normalized = { text: string /** index in text → index in the original */; map: number[] };

const SPACE = /[ \u00a0\u3000]/;
const ASCII_WORD = /[A-Za-z]/;

/** Folds width per character (so lengths stay known) and drops spaces except between Latin words. */
export function normalizeText(original: string): Normalized {
  let text = '';
  const map: number[] = [];
  for (let i = 0; i < original.length; i++) {
    const ch = original[i];
    if (SPACE.test(ch)) {
      let j = i;
      while (j < original.length && SPACE.test(original[j])) j++;
      const before = original[i - 1] ?? '';
      const after = original[j] ?? '';
      // A wide gap separates columns of a layout (职工总数：185人    博士：9人) and stays one space.
      if ((ASCII_WORD.test(before) && ASCII_WORD.test(after)) || j - i >= 2) {
        text += ' ';
        map.push(i);
      }
      i = j - 1;
      continue;
    }
    const folded = ch.normalize('NFKC');
    text += folded.length === 1 ? folded : ch;
    map.push(i);
  }
  return { text, map };
}

/** The original substring behind text[start, end). */
export function originalSlice(original: string, n: Normalized, start: number, end: number): string {
  if (end <= start) return '';
  return original.slice(n.map[start], n.map[end - 1] + 1);
}
