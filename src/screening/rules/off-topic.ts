/**
 * V.1 — comments not related to the original topic, including random or unintelligible comments.
 * Unintelligible (keyboard mashing, consonant strings, symbol noise) is detected on the text
 * alone; "not related" only when the post text is given as context, and only as advice.
 */
import { classifierHit } from '../classify.ts';
import type { Rule, RuleContext } from '../rule.ts';
import type { Hit } from '../types.ts';
import { F_GIBBERISH, FACT_STRIDE, FACTS, holds } from '../words.ts';
import type { Token } from '../normalize.ts';

const KEYBOARD = ['qwert', 'werty', 'asdf', 'sdfg', 'dfgh', 'fghj', 'ghjk', 'hjkl', 'zxcv', 'xcvb', 'cvbn', 'vbnm', 'uiop', 'poiu', 'lkjh', 'mnbv'];
const COMMON_NOVOWEL = new Set(['hmm', 'hmmm', 'psst', 'shh', 'brr', 'nth', 'pls', 'plz', 'thx', 'tbh', 'smh', 'lmk', 'rn', 'wtf', 'nvm', 'btw', 'dm', 'pm', 'st', 'rd', 'nd', 'th', 'mr', 'mrs', 'ms', 'dr', 'ct', 'blvd', 'hwy', 'tv', 'ca', 'tx', 'nw', 'sw', 'ne', 'se', 'lmfao', 'lmao', 'rsvp', 'cpr', 'dmv', 'ppl', 'ftw', 'grr', 'shh', 'www', 'html', 'pdf', 'jpg', 'png', 'nyc', 'lgbt', 'lgbtq', 'dwp', 'lmfao']);

const KEYBOARD_RE = new RegExp(KEYBOARD.join('|'));
const REPEAT_PAIR = /(..)\1\1/;

function isGibberish(word: string): boolean {
  if (word.length < 4) return false;
  for (let k = 0; k < word.length; k++) { const c = word.charCodeAt(k); if (c >= 48 && c <= 57) return false; }
  // stretched words ("sooooo", "fuuuuck") are judged by their squeezed form
  const w = /(.)\1\1/.test(word) ? word.replace(/(.)\1+/g, '$1') : word;
  if (w.length <= 2) return word.length >= 6;
  if (w.length < 4) return false;
  if (COMMON_NOVOWEL.has(w)) return false;
  // one pass: vowels and the longest consonant run
  let vowels = 0;
  let run = 0;
  let maxRun = 0;
  for (let k = 0; k < w.length; k++) {
    const c = w.charCodeAt(k);
    if (c === 97 || c === 101 || c === 105 || c === 111 || c === 117 || c === 121) { vowels++; run = 0; }
    else if (c >= 97 && c <= 122) { run++; if (run > maxRun) maxRun = run; }
    else run = 0;
  }
  if (vowels === 0) return true;
  if (maxRun >= 5) return true;
  if (KEYBOARD_RE.test(w)) return true;
  if (w.length >= 6 && REPEAT_PAIR.test(w) && !/^(?:ha|he|hi|ho|lo|la|na)+h?$/.test(w)) return true; // "jkjkjk" but not "hahaha"
  return false;
}

const STOP = new Set('the a an and or but of to in on at for with from by is are was were be been it this that these those i you he she we they me my your our their his her its as not no so if do does did have has had will would can could should just about what when where who how all any more most very there here than then also get got like'.split(' '));

function contentStems(ctx: RuleContext, text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.toLowerCase().matchAll(/[a-z]{3,}/g)) {
    const w = m[0];
    if (!STOP.has(w)) out.add(w.slice(0, 5));
  }
  for (const t of ctx.config.localTerms) out.add(t.slice(0, 5));
  return out;
}

/** Kept in the word table (words.ts): a word is judged once, not at every occurrence (2 = gibberish, 1 = not). */
function gibberish(t: Token): boolean {
  let g = t.gibberish;
  if (g === 0) {
    const at = t.k * FACT_STRIDE + F_GIBBERISH;
    const held = holds(t.k, t.w);
    if (!held || (g = FACTS[at]!) === 0) {
      g = isGibberish(t.w) ? 2 : 1;
      if (held) FACTS[at] = g;
    }
    t.gibberish = g;
  }
  return g === 2;
}

/** A token counts as a word when longer than one character, or one letter. */
function isWord(t: Token): boolean {
  if (t.w.length > 1) return true;
  const c = t.w.charCodeAt(0);
  return c >= 97 && c <= 122;
}

export const offTopicRule: Rule = {
  id: 'off-topic',
  clauses: { comment: 'V.1' },
  defaultSeverity: 'block',
  title: 'Off-topic, random or unintelligible comments',
  check(ctx) {
    const hits: Hit[] = [];
    // words: tokens longer than one character, or one letter; counted in one pass (no arrays)
    const tokens = ctx.tokens;
    let nWords = 0;
    let nBad = 0;
    let firstBad: Token | null = null;
    let lastBad: Token | null = null;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (!isWord(t)) continue;
      nWords++;
      if (gibberish(t)) {
        nBad++;
        firstBad ??= t;
        lastBad = t;
      }
    }
    if (nWords > 0) {
      const ratio = nBad / nWords;
      if (nBad > 0 && ratio >= 0.5) {
        hits.push({ message: 'unintelligible: random characters rather than words', score: Math.min(0.95, 0.55 + ratio * 0.4), start: firstBad!.start, end: lastBad!.end, weak: ratio < 0.75 });
      }
    } else if (ctx.norm.text.trim().length >= 5 && !/\p{Extended_Pictographic}/u.test(ctx.text) && !/\p{L}/u.test(ctx.norm.text)) {
      // no letters and no emoji at all ("!!!!!!!", "..........", "#$%^&")
      hits.push({ message: 'unintelligible: no words', score: 0.6, weak: true });
    }
    if (hits.length === 0 && ctx.context && nWords >= 6) {
      const topic = contentStems(ctx, ctx.context);
      const mine = tokens.filter(isWord).filter((t) => t.w.length >= 3 && !STOP.has(t.w));
      const overlap = mine.filter((t) => topic.has(t.w.slice(0, 5))).length;
      if (mine.length >= 5 && overlap === 0) {
        hits.push({ message: 'may not be related to the post it comments on', score: 0.5, weak: true });
      }
    }
    if (hits.length === 0) {
      const c = classifierHit(ctx, 'V.1', 'random or unintelligible comment');
      if (c) { c.weak = true; hits.push(c); }
    }
    return hits;
  },
};
