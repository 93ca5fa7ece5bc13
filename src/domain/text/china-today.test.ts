import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chinaDate, chinaDateTime } from './china-today.js';

describe('chinaDate', () => {
  it('is already tomorrow in China from 16:00 UTC', () => {
    expect(chinaDate(new Date('2026-12-07T15:59:59Z'))).toBe('2026-12-07');
    expect(chinaDate(new Date('2026-12-07T16:00:00Z'))).toBe('2026-12-08');
  });

  it('gives the Beijing date and time of an instant, to the second', () => {
    expect(chinaDateTime(new Date('2026-12-07T18:24:58.765Z'))).toBe('2026-12-08 02:24:58');
    expect(chinaDateTime(new Date('2026-12-31T15:59:59Z'))).toBe('2026-12-31 23:59:59');
    expect(chinaDateTime(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01 00:00:00');
  });

  it('is what the server uses for "today": no UTC date taken from the clock in server, import or job code', () => {
    // A policy whose window closed yesterday stayed open until 08:00 Beijing time, and exports were
    // named with yesterday's date, because these read the UTC date.
    const root = path.resolve(import.meta.dirname, '../..');
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const p = path.join(dir, name);
        if (statSync(p).isDirectory()) walk(p);
        else if (p.endsWith('.ts') && !p.endsWith('.test.ts')) files.push(p);
      }
    };
    for (const dir of ['server', 'import', 'jobs', 'db/seed']) walk(path.join(root, dir));
    // SQL's current_date is the database's date, UTC on a server or in PGlite: a 资质 that expired
    // yesterday in Beijing still counted as held until 08:00.
    const utcToday = /new Date\(\)\.toISOString\(\)\.slice\(0, 10\)|\bcurrent_date\b/i;
    expect(
      files.filter((f) => utcToday.test(readFileSync(f, 'utf8'))).map((f) => path.relative(root, f)),
    ).toEqual([]);
  });
});
