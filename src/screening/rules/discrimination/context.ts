/**
 * V.2's context model: what is said around a protected group, read by a linear model rather than
 * by the grammar alone. The grammar (before.ts, grammar.ts, implicit.ts …) finds hate it has a
 * pattern for; insinuation, stereotypes told as anecdote, sarcasm and multi-sentence set-ups have
 * none ("… felt like I was in Tijuana. Is this still America?"). This model is trained by
 * `npm run train:screening` (scripts/screening/train-context.ts) on the project's own labelled
 * V.2 comments, where every group word is one token `<G>`, so what it learns of one group's
 * mention carries to every other and identity terms alone carry no weight.
 *
 * Features (hashed and counted): words, word pairs, the words within a few of a group mention
 * and at fixed places from it, and AFINN-165 valence marks (negative and positive words, anywhere
 * and near a group). It reads every comment the grammar found nothing against, at a higher
 * threshold where no group is named. When it may block alone: context-gate.ts. Pure and
 * deterministic.
 */
import { base64ToBytes, decodeSparseInto } from '../../model.ts';
import { contextModel } from '../../model/v2-context-model.ts';
import { blockAt, theirVerb } from './context-gate.ts';
import type { Resolved } from './sentence.ts';
import { wordHash } from '../../words.ts';

/** Bump when the features change: a model trained on others is refused. */
export const CONTEXT_FEATURE_VERSION = 2;
export const GROUP_TOKEN = '<G>';
/** Words before and after a group mention that count as near it. */
const NEAR_BEFORE = 4;
const NEAR_AFTER = 5;
/** Long texts: only the first words are read (the model was trained on comments). */
const MAX_WORDS = 400;

export interface ContextModelData {
  version: string;
  featureVersion: number;
  bits: number;
  bias: number;
  /** Weight = int8 × scale. */
  scale: number;
  /** Probability at or above which a comment naming a group is blocked, and advised. */
  block: number;
  advice: number;
  /**
   * Probability at or above which a comment that names no group, or names one only in an aside, is
   * blocked (and advised): "those kids get lots of practice running from cops", "every mugshot is
   * the same shade". Not below `block`: the model's evidence is the set-up alone.
   */
  unnamed: number;
  /** Sparse int8 weights (model.ts encodeSparse), base64. */
  weights: string;
}

/** The hash the model reads a word or a feature name by (the word table's FNV-1a, unsigned): `Resolved.hash`. */
export const nameHash = (w: string): number => wordHash(w) >>> 0;
/** Two hashes mixed into one (a feature of a kind and a word, or of two words). */
function mix(a: number, b: number): number {
  let h = Math.imul(a ^ (b + 0x9e3779b9 + (a << 6) + (a >>> 2)), 0x85ebca6b);
  h ^= h >>> 13;
  return Math.imul(h, 0xc2b2ae35) >>> 0;
}
const GROUP_HASH = nameHash(GROUP_TOKEN);
// feature kinds: a word, a pair of words, a word near a group, a word at a place from a group; marks of valence and of a group
const WORD = 1, PAIR = 2, NEAR = 3, AT = 4;
const NEG = nameHash('#neg'), NEG3 = nameHash('#neg3'), NEAR_NEG = nameHash('#nneg'), POS = nameHash('#pos'), NEAR_POS = nameHash('#npos'), HAS_GROUP = nameHash('#hasG');

/** What the model reads of a word: `<G>` for a group word. */
const hashOf = (r: Resolved): number => (r.g ? GROUP_HASH : r.hash);
const THEIRS = nameHash('#theirs');
/**
 * What the model reads of each word of the last comment: its hash, or a verb of a third party's
 * ("the council hates immigrants", "deputies treat black residents like criminals") as another
 * word than the speaker's own ("I hate immigrants"): with group words masked, who hates whom was
 * otherwise lost, and accusations scored like hate.
 */
const HASHES = new Float64Array(MAX_WORDS);
function readHashes(res: readonly Resolved[], n: number): void {
  for (let i = 0; i < n; i++) {
    const h = hashOf(res[i]!);
    HASHES[i] = theirVerb(res, i) ? mix(THEIRS, h) : h;
  }
}
const valenceAt = (r: Resolved): number => (r.g ? 0 : r.valence);

/** Features a word can give: its word, its pair, three valence marks, and near a group three per neighbour. */
const MAX_FEATURES = MAX_WORDS * (5 + 3 * (NEAR_BEFORE + NEAR_AFTER)) + 1;
/** The last comment's feature indices (one buffer for the process: the engine is synchronous). */
const FEATURES = new Int32Array(MAX_FEATURES);

/**
 * The hashed feature indices of a comment's resolved words, written to FEATURES; returns how many
 * (a feature seen twice is written twice: the model counts). Integer hashing from the words' cached
 * hashes, no arrays and no callback: it runs for every comment the model is asked of.
 */
function featureIndices(res: readonly Resolved[], bits: number): number {
  const out = FEATURES;
  const n = Math.min(res.length, MAX_WORDS);
  const mask = (1 << bits) - 1;
  let c = 0;
  let grouped = false;
  readHashes(res, n);
  for (let i = 0; i < n; i++) {
    const r = res[i]!;
    const h = HASHES[i]!;
    const v = valenceAt(r);
    out[c++] = mix(WORD, h) & mask;
    if (i + 1 < n) out[c++] = mix(mix(PAIR, h), HASHES[i + 1]!) & mask;
    if (v <= -2) out[c++] = NEG & mask;
    if (v <= -3) out[c++] = NEG3 & mask;
    if (v >= 2) out[c++] = POS & mask;
    if (!r.g) continue;
    grouped = true;
    for (let k = Math.max(0, i - NEAR_BEFORE); k < Math.min(n, i + NEAR_AFTER + 1); k++) {
      if (k === i) continue;
      const near = res[k]!;
      const hk = HASHES[k]!;
      out[c++] = mix(NEAR, hk) & mask;
      if (k - i <= 3 && k - i >= -2) out[c++] = mix(mix(AT, k - i), hk) & mask;
      const vk = valenceAt(near);
      if (vk <= -2) out[c++] = NEAR_NEG & mask;
      else if (vk >= 2) out[c++] = NEAR_POS & mask;
    }
  }
  if (grouped) out[c++] = HAS_GROUP & mask;
  return c;
}

/** The hashed feature indices as a list (for training). */
export function contextFeatures(res: readonly Resolved[], bits: number): number[] {
  return Array.from(FEATURES.subarray(0, featureIndices(res, bits)));
}

export interface LoadedContextModel { data: ContextModelData; w: Int8Array }

/** Decode a context model, refusing one trained on other features. */
export function loadContextModel(data: ContextModelData): LoadedContextModel {
  if (data.featureVersion !== CONTEXT_FEATURE_VERSION) {
    throw new Error(`V.2 context model ${data.version} was trained on features v${data.featureVersion}; this engine computes v${CONTEXT_FEATURE_VERSION}: run npm run train:screening`);
  }
  const w = new Int8Array(1 << data.bits);
  decodeSparseInto(base64ToBytes(data.weights), w.length, w, 1, 0);
  return { data, w };
}
/** Decoded on first use: most comments never name a group. */
let loaded: LoadedContextModel | undefined;

/**
 * Is a group what the comment speaks of, so that the model's `block` threshold applies rather than
 * `unnamed`? Not where it names none, nor where it names one only in an aside ("an end to violence
 * against Native women").
 */
export const spokenOf = (named: boolean, aside: boolean): boolean => named && !aside;

/**
 * The probability that the comment is hateful toward a protected group, and the model's thresholds
 * for it: those for a comment that speaks of a group (or a stand-in for one), else the higher ones
 * for a comment that names none or names its groups only in an aside (`aside`).
 */
export function contextScore(res: readonly Resolved[], aside: boolean, named: boolean, asks = false): { p: number; block: number; advice: number } {
  // a comment the model may not block alone is scored against a block threshold it cannot reach
  const { data, w } = (loaded ??= loadContextModel(contextModel));
  const n = featureIndices(res, data.bits);
  let sum = 0;
  for (let k = 0; k < n; k++) sum += w[FEATURES[k]!]!;
  const z = data.bias + sum * data.scale;
  const direct = spokenOf(named, aside);
  const block = blockAt(res, aside, named, direct ? data.block : data.unnamed, asks);
  return { p: 1 / (1 + Math.exp(-z)), block, advice: direct ? data.advice : block };
}
