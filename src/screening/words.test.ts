import { describe, expect, it } from 'vitest';
import { Lexicon } from './lexicon.ts';
import { normalize, tokenize } from './normalize.ts';
import { TABLE_BITS, wordHash, wordInfo, wordSlot } from './words.ts';

const tokens = (s: string) => tokenize(normalize(s).text);

describe('shared word table', () => {
  it('gives every token of the same word one record, and slots that start empty', () => {
    const [a, b] = [tokens('Park hours'), tokens("the park's gate, the park")];
    expect(a[0]!.info).toBe(b[4]!.info);
    expect(b[1]!.w).toBe('parks');
    expect(b[1]!.info).toBe(wordInfo('parks'));
    expect(b[1]!.info).not.toBe(a[0]!.info);
    const slot = wordSlot();
    expect(a[0]!.info.slots[slot]).toBeUndefined();
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

  it('keeps memory flat on a stream: a word takes the place of one with the same index, which is made again on its next use', () => {
    const first = wordInfo('zzfirstword');
    first.slots[0] = 'kept';
    expect(wordInfo('zzfirstword')).toBe(first);
    const index = (w: string) => wordHash(w) & ((1 << TABLE_BITS) - 1);
    let other = '';
    for (let i = 0; other === ''; i++) if (index(`w${i}`) === index('zzfirstword')) other = `w${i}`;
    expect(wordInfo(other).w).toBe(other);
    const again = wordInfo('zzfirstword');
    expect(again).not.toBe(first);
    expect(again.slots[0]).toBeUndefined();
    expect(tokens("zz'first'word")[0]!.info).toBe(again);
  });
});
