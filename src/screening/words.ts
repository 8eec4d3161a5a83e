/**
 * One table of the words seen in screened text. The tokenizer looks each token's word up here
 * once; whatever the rules work out about a word alone (which lexicon entries it could start,
 * which trigger sets hold it, V.2's facts about it) is kept on its record, so each comment pays
 * one lookup per token instead of one per token per lexicon and trigger set. Words repeat
 * across comments (Zipf), so nearly every lookup finds a record already filled in.
 *
 * The table is a fixed array indexed by the word's hash (FNV-1a over its UTF-16 units, which the
 * tokenizer computes as it reads the word): a word takes the place of one with the same index.
 * That keeps memory flat on a stream and the table small enough to stay in the processor's
 * cache (a Map of 100,000 words cost more per lookup than all the lookups it saved). Every
 * value on a record depends on the word alone, so a record made again holds the same values.
 */
export interface WordInfo {
  readonly w: string;
  /** One cached value per slot (see `wordSlot`); undefined until a rule computes it. */
  readonly slots: unknown[];
}

/**
 * 65,536 records: on 60,000 moderation texts (1.1 M tokens, 64,000 distinct words) 8 % of lookups
 * miss and make the record again, against 13 % with 16,384, and the run took ~7 % less CPU.
 */
export const TABLE_BITS = 16;
const table: Array<WordInfo | undefined> = new Array<WordInfo | undefined>(1 << TABLE_BITS).fill(undefined);
let slotCount = 0;

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

/** The record of a word (created empty on first sight); `hash` must be wordHash(w). */
export function wordInfo(w: string, hash: number = wordHash(w)): WordInfo {
  const k = hash & ((1 << TABLE_BITS) - 1);
  let info = table[k];
  if (info === undefined || info.w !== w) {
    info = { w, slots: [] };
    table[k] = info;
  }
  return info;
}

/**
 * A new slot on every word record, for one fact about a word alone (a lexicon's candidates for
 * it, its trigger bits). The value must depend on the word only, never on the text around it.
 */
export function wordSlot(): number {
  return slotCount++;
}
