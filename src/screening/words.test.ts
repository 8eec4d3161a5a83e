import { describe, expect, it } from 'vitest';
import { Lexicon } from './lexicon.ts';
import { normalize, tokenize } from './normalize.ts';
import { holds, objectColumn, TABLE_BITS, wordAt, wordHash, wordIndex } from './words.ts';

const tokens = (s: string) => tokenize(normalize(s).text);

describe('shared word table', () => {
  it('gives every token of the same word one index and one string, and columns that start empty', () => {
    const [a, b] = [tokens('Park hours'), tokens("the park's gate, the park")];
    expect(a[0]!.k).toBe(b[4]!.k);
    expect(a[0]!.w).toBe(wordAt(a[0]!.k));
    expect(b[1]!.w).toBe('parks');
    expect(b[1]!.k).toBe(wordIndex('parks'));
    expect(b[1]!.k).not.toBe(a[0]!.k);
    const column = objectColumn<string>();
    expect(column[a[0]!.k]).toBeUndefined();
  });

  it('[V.3] a lexicon answers by context although its candidates are kept per word', () => {
    const lex = new Lexicon(['son of a bitch', 'son of mine~', 'sonic~', 'fuck~', 'ass']);
    const entries = (s: string) => lex.match(tokens(s)).map((m) => m.entry);
    expect(entries('you son of a bitch')).toEqual(['son of a bitch']);
    expect(entries('my son of mine')).toEqual(['son of mine~']);
    expect(entries('my son is here')).toEqual([]);
    expect(entries('sonics and fuuuucking f*ck ass')).toEqual(['sonic~', 'fuck~', 'fuck~', 'ass']);
    expect(entries('son of a bitch')).toEqual(['son of a bitch']);
  });

  it('keeps memory flat on a stream: a word takes the place of one with the same index, whose facts are worked out again on its next use', () => {
    const column = objectColumn<string>();
    const first = wordIndex('zzfirstword');
    column[first] = 'kept';
    expect(wordIndex('zzfirstword')).toBe(first);
    expect(column[first]).toBe('kept');
    const index = (w: string) => wordHash(w) & ((1 << TABLE_BITS) - 1);
    let other = '';
    for (let i = 0; other === ''; i++) if (index(`w${i}`) === index('zzfirstword')) other = `w${i}`;
    const t = tokens('zzfirstword')[0]!;
    expect(wordIndex(other)).toBe(first);
    expect(holds(t.k, t.w)).toBe(false);
    expect(column[first]).toBeUndefined();
    expect(wordIndex('zzfirstword')).toBe(first);
    expect(column[first]).toBeUndefined();
    expect(tokens("zz'first'word")[0]!.k).toBe(first);
  });

  it('[V.3] two words of one text at the same index: each is judged on its own word', () => {
    const index = (w: string) => wordHash(w) & ((1 << TABLE_BITS) - 1);
    let other = '';
    for (let i = 0; other === ''; i++) if (index(`x${i}`) === index('fuck')) other = `x${i}`;
    const lex = new Lexicon(['fuck~', 'ass']);
    expect(lex.match(tokens(`fuck ${other} fuck ${other}`)).map((m) => m.from)).toEqual([0, 2]);
    expect(lex.match(tokens(`${other} fuck`)).map((m) => m.from)).toEqual([1]);
  });
});
