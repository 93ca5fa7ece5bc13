import { describe, expect, it } from 'vitest';
import { csvCell, csvLine } from './csv.js';

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
