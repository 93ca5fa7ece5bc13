import { describe, expect, it } from 'vitest';
import { queryGrams, searchTerms, skipGrams, typoGramSets } from './search-terms.js';

describe('typoGramSets', () => {
  it('drops, for each character, the two bigrams around it and keeps the skip-gram across it', () => {
    // 精博桌达: the user typed 桌 for 卓.
    expect(typoGramSets('精博桌达')).toEqual([
      ['博桌', '桌达'],
      ['桌达', '~精桌'],
      ['精博', '~博达'],
      ['精博', '博桌'],
    ]);
  });

  it('finds the firm through the set for the mistyped character', () => {
    const firm = new Set(searchTerms('江苏精博卓达光电科技有限公司').searchGrams);
    const sets = typoGramSets('精博桌达光电');
    const hits = sets.filter((s) => s.every((g) => firm.has(g)));
    expect(hits).toEqual([['精博', '达光', '光电', '~博达']]);
  });

  it('never yields generic grams, and nothing for pinyin initials or one character', () => {
    for (const s of typoGramSets('中交慧运科技有限公司')) expect(s).not.toContain('科技');
    expect(typoGramSets('jbzd')).toEqual([]);
    expect(typoGramSets('精')).toEqual([]);
    expect(queryGrams('科技有限').length).toBeGreaterThan(0);
  });
});

describe('searchTerms', () => {
  it('indexes skip-grams of the core name and of aliases', () => {
    expect(skipGrams('中交慧运')).toEqual(['~中慧', '~交运']);
    const { searchGrams } = searchTerms('中交慧运（盐城）科技有限公司', [{ name: '慧运智联' }]);
    expect(searchGrams).toEqual(expect.arrayContaining(['中交', '慧运', '~中慧', '~交运', '~慧智', '#zj']));
    // Not of the full legal name: its legal form would add grams that match everything.
    expect(searchGrams).not.toContain('~有公');
  });
});
