/** Small helpers shared by rule files. */
import type { LexMatch } from './lexicon.ts';
import type { RuleContext } from './rule.ts';
import type { Hit } from './types.ts';
import { F_TRIGGERS, FACT_STRIDE, FACTS, holds } from './words.ts';

export function tokenHit(ctx: RuleContext, from: number, to: number, message: string, score: number, weak = false): Hit {
  const a = ctx.tokens[from];
  const b = ctx.tokens[Math.max(from, to - 1)];
  const hit: Hit = { message, score };
  if (a && b) {
    hit.start = a.start;
    hit.end = b.end;
  }
  if (weak) hit.weak = true;
  return hit;
}

export function lexHits(ctx: RuleContext, matches: LexMatch[], message: (m: LexMatch) => string, score: number, weak = false): Hit[] {
  return matches.map((m) => tokenHit(ctx, m.from, m.to, message(m), score, weak));
}

/** Regex hits over the normalised text; `re` must be global and written to run in linear time. */
export function regexHits(ctx: RuleContext, re: RegExp, message: string, score: number, weak = false, limit = 10): Hit[] {
  const out: Hit[] = [];
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(ctx.norm.text)) !== null && out.length < limit) {
    if (m[0].length === 0) { re.lastIndex++; continue; }
    const hit: Hit = { message, score, start: m.index, end: m.index + m[0].length };
    if (weak) hit.weak = true;
    out.push(hit);
  }
  return out;
}

/** Is one of `words` among the `n` tokens before token index i? */
export function precededBy(ctx: RuleContext, i: number, n: number, words: ReadonlySet<string>): boolean {
  for (let k = Math.max(0, i - n); k < i; k++) if (words.has(ctx.tokens[k]!.w)) return true;
  return false;
}

export const NEGATIONS: ReadonlySet<string> = new Set([
  'not', 'no', 'never', 'dont', 'doesnt', 'isnt', 'arent', 'wasnt', 'werent', 'cant', 'cannot', 'wont', 'shouldnt', 'nobody', 'stop', 'against',
]);

/**
 * Trigger words: a rule whose patterns all need one of these words can skip texts without any.
 * Each set (up to 30) gets a bit; a word maps to the bits of the sets that hold it, so one pass
 * over a text's tokens answers `hasAny` for every rule at once.
 */
const triggerBits = new Map<string, number>();
/** A trigger set carries its bit (a property of the set: a WeakMap lookup per rule per text cost more). */
type TriggerSet = Set<string> & { triggerBit?: number };
let triggerSets = 0;
/**
 * A word's trigger bits in the word table (words.ts), with KNOWN set (0: not worked out);
 * emptied whenever a set is added after some were worked out.
 */
const KNOWN = 1 << 30;
let bitsComputed = false;
export function triggers(words: string): ReadonlySet<string> {
  const set: TriggerSet = new Set(words.split(/\s+/).filter(Boolean));
  if (triggerSets < 30) {
    const bit = 1 << triggerSets++;
    set.triggerBit = bit;
    for (const w of set) triggerBits.set(w, (triggerBits.get(w) ?? 0) | bit);
    if (bitsComputed) {
      for (let k = F_TRIGGERS; k < FACTS.length; k += FACT_STRIDE) FACTS[k] = 0;
      bitsComputed = false;
    }
    lastTokens = null;
  }
  return set;
}

/** A token without its trailing digits ("trump2024" → "trump"), or null when that is not a word. */
function withoutDigits(w: string): string | null {
  let end = w.length;
  while (end > 0 && w.charCodeAt(end - 1) >= 48 && w.charCodeAt(end - 1) <= 57) end--;
  return end > 1 && end < w.length ? w.slice(0, end) : null;
}

/** The trigger bits of a word, and of the word without trailing digits. */
function wordBits(w: string): number {
  bitsComputed = true;
  let bits = triggerBits.get(w) ?? 0;
  const c = w.charCodeAt(w.length - 1);
  if (c >= 48 && c <= 57) {
    const stem = withoutDigits(w);
    if (stem !== null) bits |= triggerBits.get(stem) ?? 0;
  }
  return bits;
}

/**
 * The mask of the tokens asked about last: the rules of one text ask in turn, so one remembered
 * text is enough (a WeakMap entry per text cost more than it saved). Token arrays are never
 * changed once made.
 */
let lastTokens: readonly unknown[] | null = null;
let lastMask = 0;
function triggerMask(ctx: RuleContext): number {
  if (ctx.tokens === lastTokens) return lastMask;
  let m = 0;
  const tokens = ctx.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    let bits = t.triggers;
    if (bits === 0) {
      const at = t.k * FACT_STRIDE + F_TRIGGERS;
      const held = holds(t.k, t.w);
      if (!held || (bits = FACTS[at]!) === 0) {
        bits = wordBits(t.w) | KNOWN;
        if (held) FACTS[at] = bits;
      }
      t.triggers = bits;
    }
    m |= bits;
  }
  lastTokens = ctx.tokens;
  lastMask = m;
  return m;
}

/** Does any token (or the token without trailing digits, "trump2024") belong to `set`? */
export function hasAny(ctx: RuleContext, set: ReadonlySet<string>): boolean {
  const bit = (set as TriggerSet).triggerBit;
  if (bit !== undefined) return (triggerMask(ctx) & bit) !== 0;
  for (const t of ctx.tokens) {
    if (set.has(t.w)) return true;
    const stem = withoutDigits(t.w);
    if (stem !== null && set.has(stem)) return true;
  }
  return false;
}
