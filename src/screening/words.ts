/**
 * One table of the words seen in screened text. The tokenizer looks each token's word up here
 * once; whatever the rules work out about a word alone (which lexicon entries it could start,
 * which trigger sets hold it, V.2's facts about it) is kept at the word's index, so each comment
 * pays one lookup per token instead of one per token per lexicon and trigger set. Words repeat
 * across comments (Zipf), so nearly every lookup finds the facts already worked out.
 *
 * The table is a fixed array indexed by the word's hash (FNV-1a over its UTF-16 units, which the
 * tokenizer computes as it reads the word): a word takes the place of one with the same index.
 * That keeps memory flat on a stream and the table small enough to stay in the processor's
 * cache. Every fact depends on the word alone, so facts worked out again are the same values.
 *
 * The facts are kept by index, not in a record per word (a record and its slots array per new word
 * were ~90,000 objects promoted to the old generation on the bench's 60,000 comments): the
 * numeric ones in one row of FACTS per word (one cache line), the rest in object columns. A token
 * carries its word's index (`k`) and a copy of the numeric facts known when it was made (read
 * once per token, not once per rule); a fact worked out later is written to the row only while
 * the index still holds the word (`holds`: another word of the same text may have taken it since),
 * and an object column is read only then.
 */

/**
 * 65,536 indexes: on 60,000 moderation texts (1.1 M tokens, 64,000 distinct words) 8 % of lookups
 * miss and work the facts out again, against 13 % with 16,384.
 */
export const TABLE_BITS = 16;
const SIZE = 1 << TABLE_BITS;
const MASK = SIZE - 1;
/** The word at each index ('' for none: no token is empty). */
const keys: string[] = new Array<string>(SIZE).fill('');
/** Integers per word in FACTS. */
export const FACT_STRIDE = 8;
/**
 * The numeric facts: word k's field f is FACTS[k * FACT_STRIDE + f], 0 until worked out (each
 * encoding makes every worked-out value non-zero). Each value depends on the word alone. The
 * fields, and the token property that copies each (normalize.ts):
 */
export const FACTS = new Int32Array(SIZE * FACT_STRIDE);
/** The trigger sets holding the word (hits.ts): `triggers`. */
export const F_TRIGGERS = 0;
/** Which lexicons worked out candidates for the word, and which have some (lexicon.ts): `lexicons`. */
export const F_LEXICONS = 1;
/** V.1's verdict on the word (rules/off-topic.ts): `gibberish`. */
export const F_GIBBERISH = 2;
/** V.2's set memberships (rules/discrimination.ts): `groups`. */
export const F_GROUPS = 3;
/** Whether the word holds a needle of a rule pattern's alternative (patterns.ts): `needles`. */
export const F_NEEDLES = 4;
const objectColumns: unknown[][] = [];

export const WORD_HASH_SEED = 0x811c9dc5;
/** One step of the word hash (FNV-1a) for the UTF-16 unit c. */
export function wordHashStep(h: number, c: number): number {
  return Math.imul(h ^ c, 16777619);
}

export function wordHash(w: string): number {
  let h = WORD_HASH_SEED;
  for (let k = 0; k < w.length; k++) h = wordHashStep(h, w.charCodeAt(k));
  return h;
}

/**
 * The index of word w (`hash` must be wordHash(w)); a word found elsewhere at that index gives it
 * up, with every column cleared there.
 */
export function wordIndex(w: string, hash: number = wordHash(w)): number {
  const k = hash & MASK;
  if (keys[k] !== w) {
    keys[k] = w;
    FACTS.fill(0, k * FACT_STRIDE, (k + 1) * FACT_STRIDE);
    for (let c = 0; c < objectColumns.length; c++) objectColumns[c]![k] = undefined;
  }
  return k;
}

/**
 * The index of the word text[start, end) (`hash` its wordHash), read in place: the word is copied
 * out of the text only when its index holds another word (most tokens find theirs).
 */
export function wordIndexIn(text: string, start: number, end: number, hash: number): number {
  const k = hash & MASK;
  const key = keys[k]!;
  const n = end - start;
  if (key.length === n) {
    let i = 0;
    while (i < n && key.charCodeAt(i) === text.charCodeAt(start + i)) i++;
    if (i === n) return k;
  }
  return wordIndex(text.slice(start, end), hash);
}

/** The word held at index k: the token's own string after `wordIndex` (so checks compare pointers). */
export function wordAt(k: number): string {
  return keys[k]!;
}

/** Does index k still hold w (so the columns at k are w's facts)? */
export function holds(k: number, w: string): boolean {
  return keys[k] === w;
}

/**
 * A column for one object fact about a word alone (undefined: not worked out yet). With `cleared`
 * false, the column is not emptied when a word takes an index: its user must only read an entry
 * that a FACTS field of the same word says is there.
 */
export function objectColumn<T>(cleared = true): Array<T | undefined> {
  const a = new Array<T | undefined>(SIZE).fill(undefined);
  if (cleared) objectColumns.push(a as unknown[]);
  return a;
}
