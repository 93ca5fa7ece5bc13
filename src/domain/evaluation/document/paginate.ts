// Formats without pages of their own are cut into pages of about `size` characters, at a line end
// when there is one, so that evidence can still point at a page.
import type { DocumentPage } from './types.js';

/** Splits at form feeds first, then cuts long parts near `size` characters on a line break. */
export function paginate(text: string, size: number): DocumentPage[] {
  const pages: string[] = [];
  for (const part of text.split('\f')) {
    let rest = part;
    while (rest.length > size) {
      const cut = rest.lastIndexOf('\n', size);
      const at = cut > size / 2 ? cut + 1 : size;
      pages.push(rest.slice(0, at));
      rest = rest.slice(at);
    }
    pages.push(rest);
  }
  const kept = pages.filter((p, i) => p.trim() !== '' || i === 0);
  return kept.map((text, i) => ({ page: i + 1, text }));
}
