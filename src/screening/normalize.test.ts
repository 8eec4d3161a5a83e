import { describe, expect, it } from 'vitest';
import { normalize, toSpan, tokenize } from './normalize.ts';

describe('normalize', () => {
  it('folds case, fullwidth, accents and confusables', () => {
    expect(normalize('ＦＵＣＫ').text).toBe('fuck');
    expect(normalize('Café').text).toBe('cafe');
    expect(normalize('ѕhіt').text).toBe('shit'); // Cyrillic s, i
    expect(normalize('𝐟𝐮𝐜𝐤').text).toBe('fuck'); // mathematical bold
  });
  it('removes zero-width and format characters', () => {
    expect(normalize('f\u200bu\u200dc\u2060k\ufeff').text).toBe('fuck');
  });
  it('joins spaced-out letters', () => {
    expect(normalize('f u c k you').text).toBe('fuck you');
    expect(normalize('s.h.i.t').text).toBe('shit');
    expect(normalize('a b').text).toBe('a b');
  });
  it('undoes leetspeak inside words but keeps numbers', () => {
    expect(normalize('sh1t').text).toBe('shit');
    expect(normalize('a$$hole').text).toBe('asshole');
    expect(normalize('call 310 555 0199').text).toBe('call 310 555 0199');
    expect(normalize('@carson').text).toBe('@carson');
  });
  it('reads "!" as a letter only inside a word, not in a run of exclamation marks', () => {
    expect(normalize('sh!t').text).toBe('shit');
    expect(normalize('please subscribe to my channel!!!').text).toBe('please subscribe to my channel!!!');
    expect(normalize('great!! thanks').text).toBe('great!! thanks');
  });
  it('reads the words of a CamelCase hashtag apart, and maps them back to it', () => {
    const n = normalize('#SendThemBack now! #BanISISNow #carson');
    expect(n.text).toBe('#send them back now! #ban isis now #carson');
    expect(toSpan(n, n.text.indexOf('them'), n.text.indexOf('them') + 4).text).toBe('Them');
    expect(normalize('email Bob, #1 fan').text).toBe('email bob, #1 fan');
  });
  it('maps normalised offsets back to the original text', () => {
    const n = normalize('Hey ＦＵＣＫ you');
    const i = n.text.indexOf('fuck');
    expect(toSpan(n, i, i + 4).text).toBe('ＦＵＣＫ');
    const m = normalize('x f u c k y');
    const j = m.text.indexOf('fuck');
    expect(toSpan(m, j, j + 4).text).toBe('f u c k');
  });
  it('replaces lone surrogates and control characters without throwing', () => {
    const n = normalize('ab\ud800cd\udc00ef\u0000gh\u0007ij');
    expect(n.text).toBe('ab cd ef gh ij');
    expect(n.map.length).toBe(n.text.length + 1);
  });
  it('keeps a struck-through relation negated: "≠" reads "isnt", not "="', () => {
    const n = normalize('brown skin ≠ illegal');
    expect(n.text).toBe('brown skin  isnt  illegal');
    expect(toSpan(n, n.text.indexOf('isnt'), n.text.indexOf('isnt') + 4).text).toBe('≠');
    expect(normalize('a ≢ b').text).toBe('a !≡ b');
  });
  it('tokenizes words without apostrophes', () => {
    expect(tokenize("you're it").map((t) => t.w)).toEqual(['youre', 'it']);
  });
});
