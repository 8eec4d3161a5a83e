import { describe, expect, it } from 'vitest';
import { screenComment, screenPost } from './engine.ts';
import { findConflicts, similarity } from './similarity.ts';

const KB = 1024;
const inputs: Record<string, (n: number) => string> = {
  empty: () => '',
  whitespace: (n) => ' \n\t'.repeat(n / 3),
  repeatedChar: (n) => 'a'.repeat(n),
  repeatedDigit: (n) => '7'.repeat(n),
  digitsSpaced: (n) => '1 '.repeat(n / 2),
  loneSurrogates: (n) => '\ud800x\udc00'.repeat(n / 3),
  controlChars: (n) => '\u0000\u0001\u0007\u001b[31m\u007f'.repeat(n / 9),
  html: (n) => '<script>alert(1)</script><b onclick="x">bold</b> &amp; &#128514; '.repeat(n / 64),
  emojiOnly: (n) => '😀👍🏽👨‍👩‍👧‍👦🇺🇸'.repeat(n / 20),
  zeroWidth: (n) => 'f\u200bu\u200cc\u200dk '.repeat(n / 8),
  spacedLetters: (n) => 'a '.repeat(n / 2),
  words: (n) => 'you are a a a a a the mayor is '.repeat(n / 31),
  mixed: (n) => 'Call 310-555-0199 or joe@x.com, 123 Main St, you idiot! #carsonevents https://ci.carson.ca.us '.repeat(n / 96),
};

describe('bad input never crashes screening', () => {
  for (const [name, make] of Object.entries(inputs)) {
    it(`comment and post: ${name}`, () => {
      const text = make(8 * KB);
      const c = screenComment(text, { context: text });
      const p = screenPost({ text, platform: 'x', images: [{ altText: text }] });
      for (const f of [...c, ...p]) {
        expect(typeof f.clause).toBe('string');
        expect(f.score).toBeGreaterThanOrEqual(0);
        expect(f.score).toBeLessThanOrEqual(1);
        if (f.span) expect(text.slice(f.span.start, f.span.end)).toBe(f.span.text);
      }
      expect(Array.isArray(findConflicts({ text }, [{ text }]))).toBe(true);
      expect(similarity(text, text)).toBeGreaterThanOrEqual(0);
    });
  }
  it('non-string text is treated as text, not a crash', () => {
    expect(() => screenComment(undefined as unknown as string)).not.toThrow();
    expect(() => screenComment(42 as unknown as string)).not.toThrow();
  });
});

describe('time is linear in the length of the input', () => {
  // 8× the text: linear work takes ~8× the time, quadratic ~64×. The bound is generous because
  // machines are noisy and V8's young-generation GC makes small inputs look cheaper than they
  // are. 1 MB inputs are measured by npm run bench:screening, not here.
  const time = (f: () => void): number => {
    let best = Infinity;
    for (let k = 0; k < 2; k++) {
      const t = performance.now();
      f();
      best = Math.min(best, performance.now() - t);
    }
    return best;
  };
  for (const name of ['mixed', 'emojiOnly'] as const) {
    it(`${name}: 8× the text takes well under 64× the time`, () => {
      const small = inputs[name]!(4 * KB);
      const big = inputs[name]!(32 * KB);
      const both = (t: string) => (): void => { screenComment(t); screenPost({ text: t, platform: 'bluesky' }); };
      both(small)();
      const ts = time(both(small));
      const tb = time(both(big));
      expect(tb).toBeLessThan(Math.max(40 * ts, 150));
    });
  }
});

describe('bad input never crashes the spelling and grammar pass', () => {
  it('one 100,000-letter "word", lone surrogates and HTML finish quickly with sane findings', async () => {
    const { screenPostLanguage } = await import('./language.ts');
    const { default: dictionary } = await import('dictionary-en');
    for (const text of ['a'.repeat(100_000), '\ud800'.repeat(50_000), 'x'.repeat(39) + ' teh ' + 'y'.repeat(60), '<b>hi</b> '.repeat(5_000)]) {
      const t = Date.now();
      const findings = await screenPostLanguage({ text }, undefined, { dictionary });
      expect(Date.now() - t).toBeLessThan(20_000);
      for (const f of findings) if (f.span) expect(text.slice(f.span.start, f.span.end)).toBe(f.span.text);
    }
  }, 60_000);
});
