import { describe, expect, it } from 'vitest';
import { csvCell, csvLine, safeSpreadsheetText, unguardSpreadsheetText } from './csv.js';

describe('csvCell', () => {
  it.each(['=1+1', '+86 138', '-2', '@SUM(A1)', '\tX', '\rX'])(
    'defuses %j so a spreadsheet shows it as text',
    (v) => {
      expect(csvCell(v)).toBe(`"'${v}"`);
    },
  );
  it('quotes and escapes ordinary text, numbers, empties and objects', () => {
    expect(csvCell('盐南高新区')).toBe('"盐南高新区"');
    expect(csvCell('他说"好"')).toBe('"他说""好"""');
    expect(csvCell(12.5)).toBe('"12.5"');
    expect(csvCell(null)).toBe('""');
    expect(csvCell({ a: 1 })).toBe('"{""a"":1}"');
  });
  it('ends a line with CRLF as Excel expects', () => {
    expect(csvLine(['a', 'b'])).toBe('"a","b"\r\n');
  });
});

describe('unguardSpreadsheetText', () => {
  it.each(['=1+1', '+86 138', '-300万', '@SUM(A1)', '\tX'])(
    'gives %j back as it was before the guard',
    (v) => {
      expect(unguardSpreadsheetText(safeSpreadsheetText(v))).toBe(v);
    },
  );
  it("leaves a user's own apostrophes alone", () => {
    expect(unguardSpreadsheetText("'盐南'")).toBe("'盐南'");
    expect(unguardSpreadsheetText("O'Brien")).toBe("O'Brien");
    expect(unguardSpreadsheetText('-5')).toBe('-5');
  });
});
