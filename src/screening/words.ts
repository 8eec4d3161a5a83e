/**
 * One table of the words seen in screened text. The tokenizer looks each token's word up here
 * once; whatever the rules work out about a word alone (which lexicon entries it could start,
 * which trigger sets hold it) is kept on its record, so each comment pays one hash lookup per
 * token instead of one per token per lexicon and trigger set. Words repeat across comments
 * (Zipf), so nearly every lookup finds a record already filled in.
 *
 * Bounded: the table is emptied when it reaches MAX_WORDS, so memory stays flat on a stream
 * (records still held by tokens stay valid; they are only no longer shared).
 */
export interface WordInfo {
  /** One cached value per slot (see `wordSlot`); undefined until a rule computes it. */
  readonly slots: unknown[];
}

const MAX_WORDS = 100_000;
const table = new Map<string, WordInfo>();
let slotCount = 0;

/** The record of a word (created empty on first sight). */
export function wordInfo(w: string): WordInfo {
  let info = table.get(w);
  if (info === undefined) {
    if (table.size >= MAX_WORDS) table.clear();
    info = { slots: [] };
    table.set(w, info);
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
