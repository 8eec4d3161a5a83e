/**
 * Word and phrase lexicons matched against the tokens of the normalised text. Lookup is by
 * hash map on the first word, so matching is linear in the number of tokens whatever the size
 * of the lexicon. Entries:
 *   "word"          exact word (repeated letters "fuuuck" and vowel masks "f*ck" also match)
 *   "two words"     phrase of consecutive tokens
 *   "prefix~"       any word starting with prefix (last word of an entry only)
 */
import { KeyBits16 } from './key-bits.ts';
import type { Token } from './normalize.ts';
import { F_LEXICONS, FACT_STRIDE, FACTS, holds, objectColumn } from './words.ts';

export interface LexMatch {
  entry: string;
  /** token index range [from, to) */
  from: number;
  to: number;
}

interface Entry {
  raw: string;
  words: string[];
  prefixLast: boolean;
}

/**
 * What a lexicon knows about one word alone: the entries that could start at a token with that
 * word (tried in order, each needing its further words to follow), and the one-word prefix entry
 * it matches, if none of those does. Kept in the lexicon's column of the word table (words.ts).
 */
interface WordCandidates {
  starts: Entry[];
  prefix: Entry | undefined;
}
/** Words no entry can start at (most words). */
const NO_CANDIDATES: WordCandidates = { starts: [], prefix: undefined };

const NONE: string[] = [];
/**
 * The UTF-16 unit of w at k, 0 past its end. Reading past the end (NaN) works too, but the first
 * such read in optimised code throws that code away: the callers below run per token, and one- and
 * two-letter words are common.
 */
function unitAt(w: string, k: number): number {
  return k < w.length ? w.charCodeAt(k) : 0;
}
/** First three UTF-16 units as one number (no string allocation per token). */
function key3(w: string): number {
  return (w.charCodeAt(0) * 65536 + unitAt(w, 1)) * 65536 + unitAt(w, 2);
}
/** First two UTF-16 units folded to 16 bits: a cheap "could any entry start like this?" filter. */
function key2(w: string): number {
  return ((w.charCodeAt(0) & 0xff) << 8) | (unitAt(w, 1) & 0xff);
}
/** key2 of squeeze2(w), without making it: the first character and the first one different from it. */
function key2Squeezed(w: string): number {
  const c0 = w.charCodeAt(0);
  let k = 1;
  while (k < w.length && w.charCodeAt(k) === c0) k++;
  return ((c0 & 0xff) << 8) | (unitAt(w, k) & 0xff);
}
function hasDouble(w: string): boolean {
  for (let k = 1; k < w.length; k++) if (w.charCodeAt(k) === w.charCodeAt(k - 1)) return true;
  return false;
}
/** Runs of 3+ equal units cut to 2 ("fuuuck" → "fuuck"); a loop, not a regex: it runs per token. */
function squeeze3(w: string): string {
  let out = '';
  let run = 0;
  let changed = false;
  for (let k = 0; k < w.length; k++) {
    run = k > 0 && w.charCodeAt(k) === w.charCodeAt(k - 1) ? run + 1 : 1;
    if (run <= 2) out += w[k];
    else changed = true;
  }
  return changed ? out : w;
}
/** Runs of equal units cut to 1 ("fuuuck" → "fuck"). */
function squeeze2(w: string): string {
  let out = '';
  for (let k = 0; k < w.length; k++) if (k === 0 || w.charCodeAt(k) !== w.charCodeAt(k - 1)) out += w[k];
  return out;
}

/** How many lexicons have a bit in the shared F_LEXICONS fact (see Lexicon.match). */
let lexiconCount = 0;

export class Lexicon {
  private byFirst = new Map<string, Entry[]>();
  private prefixes = new Map<number, Entry[]>(); // keyed by the first 3 chars (as a number) of a one-word prefix entry
  private masked = new Map<number, string[]>(); // single words by length, for "f*ck"
  /**
   * Which first-two-letter keys any entry starts with. Most tokens of a text start like no entry
   * at all: they are skipped without a map lookup (tokens with doubled letters or '*' always go
   * the full way, since their squeezed or masked forms start differently).
   */
  private starts = new KeyBits16();

  constructor(entries: readonly string[]) {
    for (const raw of entries) {
      const e = raw.toLowerCase().replace(/['’]/g, '').trim();
      if (!e) continue;
      const prefixLast = e.endsWith('~');
      const words = (prefixLast ? e.slice(0, -1) : e).split(/\s+/);
      const entry: Entry = { raw, words, prefixLast };
      this.starts.add(key2(words[0]!));
      if (prefixLast && words.length === 1) {
        const key = key3(words[0]!);
        const list = this.prefixes.get(key) ?? [];
        list.push(entry);
        this.prefixes.set(key, list);
        continue;
      }
      const list = this.byFirst.get(words[0]!) ?? [];
      list.push(entry);
      this.byFirst.set(words[0]!, list);
      if (words.length === 1) {
        const byLen = this.masked.get(words[0]!.length) ?? [];
        byLen.push(words[0]!);
        this.masked.set(words[0]!.length, byLen);
      }
    }
  }

  /** Candidate normal forms of one word (exact first). */
  private forms(w: string): string[] {
    const forms = [w];
    if (hasDouble(w)) {
      const a = squeeze3(w);
      if (a !== w) forms.push(a);
      const b = squeeze2(w);
      if (b !== w && b.length >= 3) forms.push(b);
    }
    if (w.length <= 12 && w.includes('*') && /[a-z]/.test(w)) {
      for (const cand of this.masked.get(w.length) ?? []) {
        let ok = true;
        for (let k = 0; k < w.length && ok; k++) if (w[k] !== '*' && w[k] !== cand[k]) ok = false;
        if (ok) forms.push(cand);
      }
    }
    return forms;
  }

  private allPrefixList: Entry[] | null = null;
  private allPrefixes(): Entry[] {
    this.allPrefixList ??= [...this.prefixes.values()].flat();
    return this.allPrefixList;
  }

  private wordMatches(entryWord: string, tokenWord: string, prefix: boolean): boolean {
    if (prefix) {
      if (tokenWord.startsWith(entryWord)) return true;
      if (hasDouble(tokenWord) && (squeeze3(tokenWord).startsWith(entryWord) || squeeze2(tokenWord).startsWith(entryWord))) return true;
      if (!tokenWord.includes('*') || tokenWord.length < entryWord.length) return false;
      for (let k = 0; k < entryWord.length; k++) if (tokenWord[k] !== '*' && tokenWord[k] !== entryWord[k]) return false;
      return /[a-z]/.test(tokenWord.slice(0, entryWord.length));
    }
    if (entryWord === tokenWord) return true;
    if (!hasDouble(tokenWord)) return false;
    return entryWord === squeeze3(tokenWord) || (tokenWord.length > 3 && entryWord === squeeze2(tokenWord));
  }

  private prefixMatch(list: Entry[] | undefined, w: string): Entry | undefined {
    if (!list) return undefined;
    for (const c of list) if (this.wordMatches(c.words[0]!, w, true)) return c;
    return undefined;
  }

  /**
   * This lexicon's WordCandidates per word (words.ts): in the word's F_LEXICONS fact (and the
   * token's copy), bit 2n says lexicon n worked them out, bit 2n + 1 that there are some (then they
   * are in this lexicon's column, read while the index holds the word). Most words start no entry
   * of any lexicon: such a token costs a look at its own copy. Lexicons beyond the 15th keep
   * everything in their column.
   */
  private readonly bit: number = lexiconCount < 15 ? 1 << (2 * lexiconCount++) : 0;
  private readonly column = objectColumn<WordCandidates>(this.bit === 0);

  match(tokens: readonly Token[], limit = 50): LexMatch[] {
    const out: LexMatch[] = [];
    const column = this.column;
    const known = this.bit;
    const some = known << 1;
    for (let i = 0; i < tokens.length && out.length < limit; i++) {
      const tok = tokens[i]!;
      const k = tok.k;
      let cands: WordCandidates | undefined;
      if (known !== 0) {
        // the token's copy first (no candidates: nothing else to read), then the word's row
        if ((tok.lexicons & known) !== 0 && (tok.lexicons & some) === 0) continue;
        const at = k * FACT_STRIDE + F_LEXICONS;
        const held = holds(k, tok.w);
        const state = held ? FACTS[at]! : 0;
        if ((state & known) !== 0) {
          if ((state & some) === 0) { tok.lexicons = state; continue; }
          cands = column[k]!;
        } else {
          cands = this.candidates(tok.w);
          const now = state | known | (cands === NO_CANDIDATES ? 0 : some);
          if (held) {
            FACTS[at] = now;
            if (cands !== NO_CANDIDATES) column[k] = cands;
          }
          tok.lexicons = held ? now : tok.lexicons | known | (cands === NO_CANDIDATES ? 0 : some);
        }
      } else {
        cands = column[k];
        if (cands === undefined || !holds(k, tok.w)) {
          cands = this.candidates(tok.w);
          if (holds(k, tok.w)) column[k] = cands;
        }
      }
      if (cands === NO_CANDIDATES) continue;
      let done = false;
      for (const e of cands.starts) {
        if (this.matchRest(e, tokens, i)) {
          out.push({ entry: e.raw, from: i, to: i + e.words.length });
          done = true;
          break;
        }
      }
      if (!done && cands.prefix) out.push({ entry: cands.prefix.raw, from: i, to: i + 1 });
    }
    return out;
  }

  /** The entries that could match at a token, from its word alone (see WordCandidates). */
  private candidates(w: string): WordCandidates {
    const dbl = hasDouble(w) ? 1 : 0;
    const star = w.includes('*') ? 1 : 0;
    // No entry starts like the word or its squeezed forms: squeeze3 keeps the first two
    // characters, squeeze2's are the first character and the next different one (key2Squeezed);
    // every entry, prefix ones too, marks its first two characters in `starts`.
    if (star === 0 && !this.starts.has(key2(w)) && (dbl === 0 || !this.starts.has(key2Squeezed(w)))) return NO_CANDIDATES;
    const exact = this.byFirst.get(w);
    const forms = exact === undefined && dbl === 0 && star === 0 ? NONE : this.forms(w);
    const starts: Entry[] = [];
    for (const f of forms) for (const e of this.byFirst.get(f) ?? []) starts.push(e);
    let prefix: Entry | undefined;
    if (w.length >= 3 && this.prefixes.size > 0) {
      prefix = star === 1
        ? this.prefixMatch(this.allPrefixes(), w)
        : this.prefixMatch(this.prefixes.get(key3(w)), w) ?? (dbl === 1 ? this.prefixMatch(this.prefixes.get(key3(squeeze2(w))), w) : undefined);
    }
    // a one-word entry always matches: the prefix entry is never reached after one
    if (starts.length > 0 && starts[0]!.words.length === 1 && !starts[0]!.prefixLast) prefix = undefined;
    return starts.length === 0 && prefix === undefined ? NO_CANDIDATES : { starts, prefix };
  }

  private matchRest(e: Entry, tokens: readonly Token[], i: number): boolean {
    if (e.words.length === 1) return !e.prefixLast;
    // the entry's words past the last token: no match (checked, not read: see unitAt)
    if (i + e.words.length > tokens.length) return false;
    for (let k = 1; k < e.words.length; k++) {
      const t = tokens[i + k]!;
      const last = k === e.words.length - 1;
      if (!this.wordMatches(e.words[k]!, t.w, last && e.prefixLast)) return false;
    }
    return true;
  }
}

/** Does any token in [from, to) belong to `set`? */
export function anyIn(tokens: readonly Token[], from: number, to: number, set: ReadonlySet<string>): number {
  for (let i = Math.max(0, from); i < Math.min(tokens.length, to); i++) if (set.has(tokens[i]!.w)) return i;
  return -1;
}
