/**
 * Normalisation against evasion, with a map back to the original text so findings can quote
 * the evidence. Linear in the input length; never throws.
 *
 * 1. per code point: lone surrogates and control characters → space; zero-width and format
 *    characters, variation selectors and combining marks removed; NFKD compatibility folding
 *    (fullwidth, mathematical alphanumerics, ligatures, accents); lower case; confusables
 *    (Cyrillic / Greek look-alikes) → Latin. Printable ASCII only needs lower case, and there the
 *    words of a CamelCase hashtag are read apart ("#SendThemBack" → "#send them back", hashtags.ts).
 * 2. spacing: runs of ≥ 3 single characters separated by one space or . - _ are joined
 *    ("f u c k", "f.u.c.k" → "fuck").
 * 3. leetspeak inside words that contain letters ("sh1t", "@ss", "a$$" → "shit", "ass", "ass").
 */
import { splitHashtags } from './hashtags.ts';
import { MapBuilder } from './offset-map.ts';
import type { Span } from './types.ts';
import { F_GIBBERISH, F_GROUPS, F_LEXICONS, F_NEEDLES, F_TRIGGERS, FACT_STRIDE, FACTS, WORD_HASH_SEED, wordAt, wordHashStep, wordIndex, wordIndexIn } from './words.ts';

export interface Normalized {
  source: string;
  text: string;
  /** map[k] = offset in `source` of normalised character k; map[text.length] = source.length. */
  map: Int32Array;
}

const CONFUSABLES: Record<string, string> = {
  // Cyrillic
  а: 'a', в: 'b', е: 'e', ё: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y',
  х: 'x', ѕ: 's', і: 'i', ї: 'i', ј: 'j', һ: 'h', ԁ: 'd', ԛ: 'q', ԝ: 'w', ь: 'b', ɡ: 'g',
  // Greek
  α: 'a', β: 'b', ε: 'e', η: 'n', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u',
  χ: 'x', ω: 'w', γ: 'y', μ: 'u', σ: 'o', ς: 'c',
  // Latin look-alikes and symbols
  ı: 'i', ł: 'l', ø: 'o', đ: 'd', ħ: 'h', ŧ: 't', ß: 'ss', æ: 'ae', œ: 'oe', þ: 'p',
  '’': "'", '‘': "'", 'ʼ': "'", '`': "'", '´': "'", '“': '"', '”': '"',
  '€': 'e', '£': 'l', '¢': 'c', '¥': 'y', '©': 'c', '®': 'r',
  ʀ: 'r', ɴ: 'n', ʏ: 'y', ᴀ: 'a', ʙ: 'b', ᴄ: 'c', ᴅ: 'd', ᴇ: 'e', ꜰ: 'f', ʜ: 'h', ɪ: 'i',
  ᴊ: 'j', ᴋ: 'k', ʟ: 'l', ᴍ: 'm', ᴏ: 'o', ᴘ: 'p', ꞯ: 'q', ꜱ: 's', ᴛ: 't', ᴜ: 'u', ᴠ: 'v',
  ᴡ: 'w', ᴢ: 'z',
};

const LEET: Record<string, string> = {
  '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '8': 'b', '9': 'g',
  '@': 'a', $: 's', '!': 'i', '|': 'l', '+': 't',
};

function isZeroWidthOrFormat(cp: number): boolean {
  return (
    (cp >= 0x200b && cp <= 0x200f) || // zero-width space/joiners, LRM/RLM
    (cp >= 0x202a && cp <= 0x202e) || // bidi embeddings
    (cp >= 0x2060 && cp <= 0x2064) ||
    (cp >= 0x2066 && cp <= 0x206f) ||
    cp === 0xfeff || cp === 0x00ad || cp === 0x034f || cp === 0x180e || cp === 0x061c ||
    (cp >= 0xfe00 && cp <= 0xfe0f) || // variation selectors
    (cp >= 0xe0100 && cp <= 0xe01ef) ||
    (cp >= 0xe0000 && cp <= 0xe007f) // tags
  );
}

const MARK = /\p{M}/u;
const foldCache = new Map<number, string>();

/** Fold one non-ASCII code point to its normalised form ('' to drop it). */
function foldCodePoint(cp: number): string {
  const cached = foldCache.get(cp);
  if (cached !== undefined) return cached;
  let out = '';
  if (isZeroWidthOrFormat(cp)) out = '';
  else if ((cp >= 0x80 && cp < 0xa0) || cp === 0x2028 || cp === 0x2029) out = ' ';
  else {
    const ch = String.fromCodePoint(cp);
    if (MARK.test(ch)) out = '';
    else {
      const decomposed = ch.normalize('NFKD').toLowerCase();
      // a relation struck through: the stroke is a mark, and dropping it would turn "x ≠ y" into "x = y"
      if (cp === 0x2260) out = ' isnt ';
      else {
        if (decomposed.includes('\u0338')) out = '!';
        for (const c of decomposed) {
          if (MARK.test(c)) continue;
          out += CONFUSABLES[c] ?? c;
        }
        if (/\s/u.test(out)) out = ' ';
      }
    }
  }
  if (foldCache.size < 50_000) foldCache.set(cp, out);
  return out;
}

/** Step 1: per-code-point folding. Unchanged stretches are copied as slices. */
function fold(source: string): { text: string; map: Int32Array | null } {
  const parts: string[] = [];
  const map = new MapBuilder(source.length + 8);
  const n = source.length;
  let runStart = 0; // start of a stretch copied unchanged
  const flush = (to: number): void => {
    if (to > runStart) {
      parts.push(source.slice(runStart, to));
      map.run(runStart, to);
    }
  };
  for (let i = 0; i < n; i++) {
    const c = source.charCodeAt(i);
    if (c < 0x80) {
      if (c < 32 || c === 127) {
        flush(i);
        parts.push(c === 10 ? '\n' : ' ');
        map.push(i);
        runStart = i + 1;
      } else if (c >= 65 && c <= 90) {
        flush(i);
        parts.push(String.fromCharCode(c + 32));
        map.push(i);
        runStart = i + 1;
      }
      continue;
    }
    let cp = c;
    const start = i;
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = i + 1 < n ? source.charCodeAt(i + 1) : 0;
      if (d >= 0xdc00 && d <= 0xdfff) {
        cp = (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
        i++;
      } else cp = 0x20; // lone high surrogate
    } else if (c >= 0xdc00 && c <= 0xdfff) cp = 0x20; // lone low surrogate
    const out = cp === 0x20 ? ' ' : foldCodePoint(cp);
    const same = cp >= 0x10000 ? out.length === 2 && out.charCodeAt(0) === c && out.charCodeAt(1) === source.charCodeAt(i) : out.length === 1 && out.charCodeAt(0) === c;
    if (same) continue; // part of the unchanged stretch
    flush(start);
    if (out.length > 0) {
      parts.push(out);
      for (let k = 0; k < out.length; k++) map.push(start);
    }
    runStart = i + 1;
  }
  flush(n);
  return { text: parts.join(''), map: map.a.subarray(0, map.n) };
}

const isLetter = (ch: string | undefined): boolean => ch !== undefined && ch >= 'a' && ch <= 'z';
const WORDISH = new Uint8Array(128);
for (let c = 97; c <= 122; c++) WORDISH[c] = 1;
for (let c = 48; c <= 57; c++) WORDISH[c] = 2;
for (const k of Object.keys(LEET)) WORDISH[k.charCodeAt(0)] ||= 2;
WORDISH[42] = 3; // '*'

/** Step 2: join spaced-out single characters. */
const MAYBE_SPACED = /(?:^|[^a-z0-9@$*])[a-z0-9@$*][ .\-_][a-z0-9@$*][ .\-_][a-z0-9@$*](?![a-z0-9@$*])/;

function joinSpaced(text: string, map: Int32Array | null): { text: string; map: Int32Array | null } {
  if (!MAYBE_SPACED.test(text)) return { text, map };
  // a run: single wordish char, then (sep, single wordish char) at least twice, same separator.
  const re = /(?<![a-z0-9@$*])[a-z0-9@$*](?:([ .\-_])[a-z0-9@$*](?![a-z0-9@$*]))(?:\1[a-z0-9@$*](?![a-z0-9@$*]))+/g;
  let m: RegExpExecArray | null;
  let last = 0;
  const parts: string[] = [];
  const outMap = new MapBuilder(text.length);
  const src = (k: number): number => (map ? map[k]! : k);
  let found = false;
  while ((m = re.exec(text)) !== null) {
    const run = m[0];
    let letters = 0;
    for (const ch of run) if (isLetter(ch)) letters++;
    if (letters < 2) continue;
    found = true;
    parts.push(text.slice(last, m.index));
    for (let k = last; k < m.index; k++) outMap.push(src(k));
    for (let k = 0; k < run.length; k += 2) {
      parts.push(run[k]!);
      outMap.push(src(m.index + k));
    }
    last = m.index + run.length;
  }
  if (!found) return { text, map };
  parts.push(text.slice(last));
  for (let k = last; k < text.length; k++) outMap.push(src(k));
  return { text: parts.join(''), map: outMap.a.subarray(0, outMap.n) };
}

/** Step 3: leetspeak inside words that contain at least one letter. Same length. */
const HAS_LEET = /[a-z][0-9@$!|+]|[0-9@$!|+][a-z]/;

/** LEET's replacements by character code ('' for none). */
const LEET_BY_CODE: string[] = new Array<string>(128).fill('');
for (const [k, v] of Object.entries(LEET)) LEET_BY_CODE[k.charCodeAt(0)] = v;
const letterAt = (c: number): boolean => c >= 97 && c <= 122;
/** A character code of a "wordish" character (c = -1 for none: before the start or after the end). */
const wordishAt = (c: number): boolean => c >= 0 && c < 128 && WORDISH[c]! > 0;

/** A character LEET replaces (all of them are wordish). */
const LEET_CHAR = /[013-57-9@$!|+]/g;

/**
 * Only the runs of wordish characters that hold a LEET character can change (a run without one
 * has leet = 0): the regex finds them (no allocation: `test` leaves lastIndex after the match),
 * the other runs are never walked. Character codes, not one-character strings.
 */
function deLeet(text: string): string {
  if (!HAS_LEET.test(text)) return text;
  let out: string[] | null = null;
  const n = text.length;
  LEET_CHAR.lastIndex = 0;
  while (LEET_CHAR.test(text)) {
    const p = LEET_CHAR.lastIndex - 1;
    let i = p;
    while (i > 0 && wordishAt(text.charCodeAt(i - 1))) i--;
    let j = p + 1;
    while (j < n && wordishAt(text.charCodeAt(j))) j++;
    let letters = 0;
    let leet = 0;
    for (let k = i; k < j; k++) {
      const c = text.charCodeAt(k);
      if (letterAt(c)) letters++;
      else if (LEET_BY_CODE[c] !== '') leet++;
    }
    if (letters > 0 && leet > 0 && letters + leet >= 3 && leet <= letters + 2) {
      for (let k = i; k < j; k++) {
        const ch = text.charCodeAt(k);
        const rep = LEET_BY_CODE[ch]!;
        if (rep === '') continue;
        const prev = k > i ? text.charCodeAt(k - 1) : -1;
        const next = k + 1 < j ? text.charCodeAt(k + 1) : -1;
        if (ch === 64 && k === i) continue; // @mention
        if ((ch === 33 || ch === 124 || ch === 43) && !(letterAt(prev) && (letterAt(next) || wordishAt(next)))) continue; // ! | +
        if (ch === 33 && next === 33) continue; // "great!!" is emphasis, not "greati!
        if (!wordishAt(prev) && !wordishAt(next)) continue;
        out ??= text.split('');
        out[k] = rep;
      }
    }
    LEET_CHAR.lastIndex = j;
  }
  return out ? out.join('') : text;
}

const PRINTABLE_ASCII = /^[\x20-\x7e\n]*$/;

/**
 * The map is made on first use: most texts are screened without a finding that quotes its
 * evidence, so most never need it (an Int32Array per text, outside the heap, for nothing).
 */
class LazyNormalized {
  private full: Int32Array | null = null;
  constructor(readonly source: string, readonly text: string, private readonly part: Int32Array | null) {}
  /** map[k], without making the map when it is the identity (every printable ASCII text left unjoined). */
  at(k: number): number {
    if (this.full !== null) return this.full[k]!;
    if (this.part === null && k >= 0 && k <= this.text.length) return k < this.text.length ? k : this.source.length;
    return this.map[k]!;
  }
  get map(): Int32Array {
    if (this.full === null) {
      const n = this.text.length;
      const map = new Int32Array(n + 1);
      if (this.part) map.set(this.part.subarray(0, n));
      else for (let k = 0; k < n; k++) map[k] = k;
      map[n] = this.source.length;
      this.full = map;
    }
    return this.full;
  }
}

export function normalize(source: string): Normalized {
  // step 1, fast path for printable ASCII: lower case (offsets kept), then CamelCase hashtags apart
  const folded = PRINTABLE_ASCII.test(source) ? splitHashtags(source, source.toLowerCase()) : fold(source);
  const joined = joinSpaced(folded.text, folded.map);
  return new LazyNormalized(source, deLeet(joined.text), joined.map);
}

/** Span in the original text for normalised offsets [start, end). */
export function toSpan(n: Normalized, start: number, end: number): Span {
  const at = (k: number): number => (n instanceof LazyNormalized ? n.at(k) : n.map[k]!);
  const s = at(Math.max(0, Math.min(start, n.text.length)));
  let e: number;
  if (end <= start) e = s;
  else {
    const lastIdx = Math.min(end, n.text.length) - 1;
    const lastSrc = at(lastIdx);
    // end just after the source code point that produced the last normalised char
    const c = n.source.charCodeAt(lastSrc);
    e = lastSrc + (c >= 0xd800 && c <= 0xdbff && lastSrc + 1 < n.source.length ? 2 : 1);
  }
  return { start: s, end: e, text: n.source.slice(s, e) };
}

export interface Token {
  /** Normalised word without apostrophes (the word table's own string for it: see words.ts). */
  w: string;
  start: number;
  end: number;
  /** The word's index in the shared word table (words.ts): what rules know about `w` alone. */
  k: number;
  /** Copies of the word's numeric facts (words.ts, FACTS) when the token was made; 0: not known then. */
  triggers: number;
  lexicons: number;
  gibberish: number;
  groups: number;
  needles: number;
}

const isWordStart = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 42;
const isApostrophe = (c: number): boolean => c === 39 || c === 0x2019;

/** text[start, end) without its apostrophes (a loop: a regex replace per such word cost more). */
function withoutApostrophes(text: string, start: number, end: number): string {
  let w = '';
  let from = start;
  for (let k = start; k < end; k++) {
    if (!isApostrophe(text.charCodeAt(k))) continue;
    w += text.slice(from, k);
    from = k + 1;
  }
  return w + text.slice(from, end);
}

/**
 * Words of the normalised text: runs of [a-z0-9*'] (apostrophes dropped from `w`). A character
 * loop, and every token made with all its fields, so the lexicons see one object shape.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isWordStart(text.charCodeAt(i))) { i++; continue; }
    const start = i;
    let apostrophes = false;
    let end = i;
    let hash = WORD_HASH_SEED; // of w, for the word table
    while (i < n) {
      const c = text.charCodeAt(i);
      if (isWordStart(c)) { hash = wordHashStep(hash, c); end = ++i; }
      else if (isApostrophe(c)) { apostrophes = true; i++; }
      else break;
    }
    // trailing apostrophes are not part of the word; inner ones are dropped from w
    const k = apostrophes ? wordIndex(withoutApostrophes(text, start, end), hash) : wordIndexIn(text, start, end, hash);
    const row = k * FACT_STRIDE;
    tokens.push({
      w: wordAt(k), start, end, k,
      triggers: FACTS[row + F_TRIGGERS]!, lexicons: FACTS[row + F_LEXICONS]!, gibberish: FACTS[row + F_GIBBERISH]!, groups: FACTS[row + F_GROUPS]!, needles: FACTS[row + F_NEEDLES]!,
    });
  }
  return tokens;
}
