/** One CSV cell, quoted, and defused against formula injection: a cell that Excel would read as a
 *  formula (= + - @, tab, carriage return) gets a leading apostrophe. */
export function csvCell(value: unknown): string {
  const text =
    value === null || value === undefined
      ? ''
      : typeof value === 'object'
        ? JSON.stringify(value)
        : String(value);
  return `"${safeSpreadsheetText(text).replace(/"/g, '""')}"`;
}

/** Text a spreadsheet will show as text: a leading = + - @, tab or carriage return gets an apostrophe. */
export function safeSpreadsheetText(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** The inverse, for files coming back: "'-300万" from one of our exports reads as "-300万" again. */
export function unguardSpreadsheetText(text: string): string {
  return text.charCodeAt(0) === 39 && /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

export function csvLine(values: unknown[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}

/** A UTF-8 byte-order mark, so Excel on Chinese Windows opens the file as UTF-8 rather than GBK. */
export const UTF8_BOM = '\uFEFF';
