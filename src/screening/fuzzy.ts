/**
 * One-edit fuzzy lookup (deletion, insertion, substitution, adjacent transposition) against a
 * small vocabulary, for evasions like "wmoen", "womn", "disgustnig". Bounded work per token.
 */
import { KeyBits16 } from './key-bits.ts';
import { WORD_HASH_SEED, wordHash, wordHashStep } from './words.ts';

/**
 * Add key to the list kept under its hash (the word table's FNV-1a), and its hash's low 16 bits to
 * `bits`: most variants of a searched word hash to no key, and the bits answer them from the
 * processor's cache instead of a probe of the map (a clear bit: the map has no key with that hash).
 */
function index(byHash: Map<number, string[]>, bits: KeyBits16, key: string): void {
  const h = wordHash(key);
  bits.add(h);
  const list = byHash.get(h);
  if (list) list.push(key);
  else byHash.set(h, [key]);
}

/** Is key the word t without its character at i (skip < 0: t itself), or with i and i + 1 swapped? */
function sameAs(key: string, t: string, skip: number, swap: number): boolean {
  if (skip >= 0) {
    if (key.length !== t.length - 1) return false;
    for (let k = 0; k < key.length; k++) if (key.charCodeAt(k) !== t.charCodeAt(k < skip ? k : k + 1)) return false;
    return true;
  }
  if (key.length !== t.length) return false;
  for (let k = 0; k < key.length; k++) {
    const from = k === swap ? k + 1 : k === swap + 1 ? swap : k;
    if (key.charCodeAt(k) !== t.charCodeAt(from)) return false;
  }
  return true;
}

/** The key under hash h that is t without character `skip` (or t with `swap` swapped), if any. */
function find(byHash: Map<number, string[]>, bits: KeyBits16, h: number, t: string, skip: number, swap: number): string | undefined {
  if (!bits.has(h)) return undefined;
  const list = byHash.get(h);
  if (list === undefined) return undefined;
  for (let k = 0; k < list.length; k++) if (sameAs(list[k]!, t, skip, swap)) return list[k];
  return undefined;
}

/** Hashes of the prefixes of the word being searched (words are at most 16 characters). */
const prefix = new Int32Array(17);

export class FuzzyVocab {
  private exact = new Map<string, string>();
  private deletions = new Map<string, string>();
  /**
   * The keys of both maps by their FNV-1a hash: the one-edit variants of a word are hashed and
   * compared in place instead of being made as strings (two strings per variant, ~25 variants
   * per word searched).
   */
  private exactByHash = new Map<number, string[]>();
  private deletionsByHash = new Map<number, string[]>();
  private exactBits = new KeyBits16();
  private deletionBits = new KeyBits16();

  constructor(words: Iterable<string>, private minLength = 5) {
    for (const w of words) {
      if (!this.exact.has(w)) index(this.exactByHash, this.exactBits, w);
      this.exact.set(w, w);
      if (w.length < minLength) continue;
      for (let i = 0; i < w.length; i++) {
        const d = w.slice(0, i) + w.slice(i + 1);
        if (!this.deletions.has(d)) {
          this.deletions.set(d, w);
          index(this.deletionsByHash, this.deletionBits, d);
        }
      }
    }
  }

  /**
   * The vocabulary word within one edit of `t`, or undefined. Not remembered here: the one caller
   * (V.2's nearAnchor) keeps the answer in the word table (words.ts).
   */
  lookup(t: string): string | undefined {
    return this.exact.get(t) ?? this.search(t);
  }

  /** In this order: a letter missing, then per position a letter added or substituted, then two letters swapped. */
  private search(t: string): string | undefined {
    const n = t.length;
    if (n < this.minLength - 1 || n > 16) return undefined;
    const del = this.deletions.get(t); // a letter missing
    if (del !== undefined) return del;
    let h = WORD_HASH_SEED;
    for (let k = 0; k < n; k++) {
      prefix[k] = h;
      h = wordHashStep(h, t.charCodeAt(k));
    }
    for (let i = 0; i < n; i++) {
      // t without its character at i
      let d = prefix[i]!;
      for (let k = i + 1; k < n; k++) d = wordHashStep(d, t.charCodeAt(k));
      if (n - 1 >= this.minLength) {
        const a = find(this.exactByHash, this.exactBits, d, t, i, -1); // a letter added
        if (a !== undefined) return this.exact.get(a);
      }
      const key = find(this.deletionsByHash, this.deletionBits, d, t, i, -1); // a letter substituted
      if (key !== undefined) {
        const s = this.deletions.get(key)!;
        if (s.length === n) return s;
      }
    }
    for (let i = 0; i + 1 < n; i++) {
      // two letters swapped
      let x = prefix[i]!;
      x = wordHashStep(x, t.charCodeAt(i + 1));
      x = wordHashStep(x, t.charCodeAt(i));
      for (let k = i + 2; k < n; k++) x = wordHashStep(x, t.charCodeAt(k));
      const w = find(this.exactByHash, this.exactBits, x, t, -1, i);
      if (w !== undefined) return this.exact.get(w);
    }
    return undefined;
  }
}
