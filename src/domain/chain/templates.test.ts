import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { INDUSTRIES, type IndustryKey } from '../../db/seed/enterprises/industries.js';
import { type ChainInput, chainNodes, chainSchema, SEGMENTS } from './chain-schema.js';

/** Template file → the seed industry whose demo firms it must place. */
const TEMPLATES: Record<string, IndustryKey> = {
  pv: 'pv',
  wind: 'wind',
  storage: 'storage',
  biomed: 'biomed',
  ic: 'ic',
  newmat: 'newmat',
  equip: 'equip',
  nev: 'auto',
};

const load = (key: string): ChainInput =>
  chainSchema.parse(JSON.parse(readFileSync(new URL(`./templates/${key}.json`, import.meta.url), 'utf8')));

describe.each(Object.entries(TEMPLATES))('chain template %s', (key, industry) => {
  it('parses with the chain schema', () => {
    const raw = JSON.parse(readFileSync(new URL(`./templates/${key}.json`, import.meta.url), 'utf8'));
    expect(chainSchema.safeParse(raw).success).toBe(true);
  });

  it('has the file name as key', () => {
    expect(load(key).key).toBe(key);
  });

  it('has the three segments', () => {
    expect(load(key).segments.map((s) => s.segment)).toEqual([...SEGMENTS]);
  });

  it('has at least 20 nodes', () => {
    expect(chainNodes(load(key)).length).toBeGreaterThanOrEqual(20);
  });

  it('has unique node names', () => {
    const names = chainNodes(load(key)).map((n) => n.name);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
  });

  it('finds every seed product', () => {
    const terms = chainNodes(load(key)).flatMap((n) => [...n.keywords, ...n.products, ...n.technologies]);
    const missed = INDUSTRIES[industry].products.filter((p) => !terms.some((t) => p.includes(t)));
    expect(missed).toEqual([]);
  });
});
