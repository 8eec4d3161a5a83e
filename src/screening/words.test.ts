import { describe, expect, it } from 'vitest';
import { Lexicon } from './lexicon.ts';
import { normalize, tokenize } from './normalize.ts';
import { wordInfo, wordSlot } from './words.ts';

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

  it('keeps memory flat on a stream: the table is emptied when full, records already held stay usable', () => {
    const first = wordInfo('zzfirstword');
    for (let i = 0; i < 100_001; i++) wordInfo(`w${i}`);
    expect(wordInfo('zzfirstword')).not.toBe(first);
    expect(Array.isArray(first.slots)).toBe(true);
  });
});
