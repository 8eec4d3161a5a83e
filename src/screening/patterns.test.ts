import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { carsonDefaults } from './config.ts';
import { regexHits } from './hits.ts';
import { normalize, tokenize } from './normalize.ts';
import { Pattern, PATTERNS } from './patterns.ts';
import './rules/index.ts';
import type { RuleContext } from './rule.ts';

function ctxOf(text: string): RuleContext {
  const norm = normalize(text);
  return { kind: 'comment', text, norm, tokens: tokenize(norm.text), config: carsonDefaults, scores: () => ({}), threshold: () => carsonDefaults.thresholds };
}

/** The rules' patterns (made when the rule modules loaded), before this file makes its own. */
const RULE_PATTERNS = PATTERNS.slice();

const ALTS: Array<[string, string]> = [
  ['buy order', '\\b(?:buy|order) (?:now|today)\\b'],
  ['now', '\\bnow (?:or never|today)\\b'],
  ['today', '\\btoday\\b'],
  ['off', '\\b\\d{1,3}% off\\b'],
  ['', '\\b[a-z]+ now\\b'],
  ['zzz', '\\bzzz\\b'],
];
const pattern = new Pattern(ALTS);
const union = new RegExp(ALTS.map(([, s]) => s).join('|'), 'g');

describe('gated alternatives (patterns.ts)', () => {
  const texts = [
    'buy now today',
    'order today or now or never, 20% off today',
    'nothing to see',
    'buy now or never now today buy now',
    '*buy now — x\'order today',
    'sale now 50% off and shop now',
    '',
    'now today now today now today now today now today now today now today now today now today now today now today',
  ];
  for (const text of texts) {
    it(`[V.7] finds what the whole union finds, in the same order, in "${text.slice(0, 40)}"`, () => {
      const ctx = ctxOf(text);
      expect(pattern.hits(ctx, 'm', 0.5)).toEqual(regexHits(ctx, union, 'm', 0.5));
      expect(pattern.hits(ctx, 'm', 0.5, true, 3)).toEqual(regexHits(ctx, union, 'm', 0.5, true, 3));
      expect(pattern.test(ctx)).toBe(regexHits(ctx, union, 'm', 0.5).length > 0);
    });
  }

  it('[V.7] skips an alternative whose needles are absent, and still runs one that has none', () => {
    const ctx = ctxOf('shop now');
    expect(pattern.hits(ctx, 'm', 0.5).map((h) => [h.start, h.end])).toEqual([[0, 8]]);
    expect(new Pattern([['zzz', '\\bshop\\b']]).test(ctx)).toBe(false);
  });

  it('[V.11] a needle that must end a word ("hang$") is not found inside "change", and is found before "*" or an apostrophe', () => {
    const p = new Pattern([['hang$', '\\bhang (?:him|her)\\b']]);
    const q = new Pattern([['hang', '\\bhang (?:him|her)\\b']]);
    expect(p.present(ctxOf('change it'))).toEqual([false]);
    expect(q.present(ctxOf('change it'))).toEqual([true]);
    for (const text of ['hang him', 'x*hang him', "x'hang her"]) {
      expect(p.present(ctxOf(text))).toEqual([true]);
      expect(p.test(ctxOf(text))).toBe(true);
    }
  });

  it('[V.7] looks for a needle that is not a word ("&") in the text itself', () => {
    const tc = new Pattern([['&', '\\bt ?& ?c\\b']]);
    expect(tc.test(ctxOf('see t&c apply'))).toBe(true);
    expect(tc.test(ctxOf('see t and c'))).toBe(false);
  });

  it('[V.5–V.15] every rule pattern: an alternative that matches a labelled text always has its needles in it', () => {
    const dir = join(import.meta.dirname, '../../scripts/screening/labelled');
    const texts = readdirSync(dir).filter((f) => f.endsWith('.jsonl')).flatMap((f) =>
      readFileSync(join(dir, f), 'utf8').split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { text: string }).text));
    expect(texts.length).toBeGreaterThan(300);
    let matched = 0;
    const missing: string[] = [];
    for (const text of texts) {
      const ctx = ctxOf(text);
      for (const p of RULE_PATTERNS) {
        const present = p.present(ctx);
        p.alts.forEach((a, k) => {
          a.re.lastIndex = 0;
          if (!a.re.test(ctx.norm.text)) return;
          matched++;
          if (!present[k]) missing.push(`${a.re.source.slice(0, 40)} in "${text}"`);
        });
      }
    }
    expect(matched).toBeGreaterThan(50);
    expect(missing).toEqual([]);
  });
});
