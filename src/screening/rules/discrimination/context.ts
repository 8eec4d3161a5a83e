/**
 * V.2's context model: what is said around a protected group, read by a linear model rather than
 * by the grammar alone. The grammar (before.ts, grammar.ts, implicit.ts …) finds hate it has a
 * pattern for; insinuation, stereotypes told as anecdote, sarcasm and multi-sentence set-ups have
 * none ("… felt like I was in Tijuana. Is this still America?"). This model is trained by
 * `npm run train:screening` (scripts/screening/train-context.ts) on the project's own labelled
 * V.2 comments, where every group word is one token `<G>`, so what it learns of one group's
 * mention carries to every other and identity terms alone carry no weight.
 *
 * Features (binary, hashed): words, word pairs, the words within a few of a group mention, and
 * AFINN-165 valence marks (negative and positive words, anywhere and near a group). Pure and
 * deterministic.
 */
import { base64ToBytes, decodeSparseInto } from '../../model.ts';
import { contextModel } from '../../model/v2-context-model.ts';
import { CONDITIONS, GROUP_DEEDS, HARM, HARMFUL_THINGS, RIGHTS } from './lexicon.ts';
import { ORIGINS, WORN } from './mentions.ts';
import { NEGATORS, type Resolved } from './sentence.ts';
import { badWord, qualified, REPORTING } from './valence.ts';
import { wordHash } from '../../words.ts';

/** Bump when the features change: a model trained on others is refused. */
export const CONTEXT_FEATURE_VERSION = 1;
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
  /** Sparse int8 weights (model.ts encodeSparse), base64. */
  weights: string;
}

/** Conditions that name people on their own ("people with HIV", "autism"); not "down", "mental" … */
const NAMING_CONDITIONS = new Set([...CONDITIONS].filter((w) => !['down', 'mental', 'genetic', 'cerebral'].includes(w)));

/**
 * Words that stand in for a protected group where no group word is used: places of worship, dress,
 * language, origins and coded terms ("felt like I was in Tijuana", "a towel on his head", "learn
 * English", "urban youth", "the tribe"). They only open the comment to the model, which decides.
 */
const PROXIES = new Set([
  ...WORN, ...ORIGINS, 'mosque', 'mosques', 'synagogue', 'synagogues', 'temple', 'temples', 'church', 'churches', 'pride', 'rainbow', 'dress', 'dresses',
  'towel', 'towels', 'english', 'accent', 'accents', 'tribe', 'tribes', 'reservation', 'urban', 'ghetto', 'thugs', 'tijuana', 'visas', 'visa',
  'genetic', 'genes', 'dna', 'cousins', 'ramadan', 'kosher', 'halal', 'curry', 'groomers', 'degenerates', 'invasion', 'invaders',
]);

/**
 * Comments shorter than this are one or two statements the grammar reads whole; the model alone
 * blocks them only on a negative cue and never in reported speech (on hand-written look-alikes such
 * as "Trans women are women" or "Seniors shouldn't be working at 80 to pay rent" its word counts
 * are too thin to tell).
 */
const SHORT = 15;
/** A short comment's block also needs the model surer than this (its evidence is a handful of words). */
const SHORT_BLOCK = 0.8;
/** Words that make a short comment's dislike explicit, beyond the valence list: harm, exclusion, coded insults. */
const CUES = new Set([
  ...HARM, ...RIGHTS, ...GROUP_DEEDS, ...HARMFUL_THINGS,
  'groomers', 'degenerates', 'invasion', 'invaders', 'thugs', 'ghetto', 'animals', 'vermin', 'plague', 'infestation', 'breed', 'blood', 'genetic',
]);

/**
 * May the model alone block this comment: long enough to need it, or short with a negative cue
 * ("worse off" and "terrible at waiting" are not), no negation ("we don't want refugees to suffer"),
 * not in the past tense and not someone else's view ("he thinks …")?
 */
export function mayBlockAlone(res: readonly Resolved[], aside = false): boolean {
  if (res.length >= SHORT) return true;
  // a short comment whose every group is "about …" or in someone else's relative clause says nothing of it
  if (aside) return false;
  let cue = false;
  for (let i = 0; i < res.length; i++) {
    const r = res[i]!;
    // like the grammar's generalisations, a short one is not read in the past tense: "the Mexicans at the party were loud" tells of an evening
    if (NEGATORS.has(r.w) || (REPORTING.has(r.w) && r.w !== 'out') || r.w === 'were' || r.w === 'was') return false;
    // "a plague on this town" accuses; "terrible at waiting" and "an animal on the grill" do not
    if (CUES.has(r.w) || ((r.attr || r.hate || badWord(r.w)) && !qualified(res[i + 1]?.w))) cue = true;
  }
  return cue;
}

/** Conditions and stand-ins: a word of either opens a comment to the model (`Resolved.proxy`). */
export const TRAIT_OR_PROXY = new Set([...NAMING_CONDITIONS, ...PROXIES]);

/** The probability at which the model alone blocks this comment, given the model's threshold (Infinity: never). */
export function blockAt(res: readonly Resolved[], aside: boolean, block: number): number {
  if (!mayBlockAlone(res, aside)) return Infinity;
  return res.length >= SHORT ? block : Math.max(block, SHORT_BLOCK);
}

/** Is a condition named ("HIV positive people"), or a stand-in for a group? */
export function namesTraitOrProxy(res: readonly Resolved[]): boolean {
  for (let i = 0; i < res.length; i++) if (res[i]!.proxy) return true;
  return false;
}

/** FNV-1a of a name (the word table's hash, as `Resolved.hash` holds it). */
const nameHash = (w: string): number => wordHash(w) >>> 0;
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

/** What the model reads of word i: `<G>` for a group word. */
const hashOf = (r: Resolved): number => (r.g ? GROUP_HASH : r.hash);
const valenceAt = (r: Resolved): number => (r.g ? 0 : r.valence);

/**
 * Each hashed feature index of a comment's resolved words, given to `visit` (a feature seen twice
 * is given twice: the model counts). Integer hashing from the words' cached hashes, no arrays: it
 * runs for every comment the model is asked of.
 */
export function forEachFeature(res: readonly Resolved[], bits: number, visit: (j: number) => void): void {
  const n = Math.min(res.length, MAX_WORDS);
  const mask = (1 << bits) - 1;
  let grouped = false;
  for (let i = 0; i < n; i++) {
    const r = res[i]!;
    const h = hashOf(r);
    const v = valenceAt(r);
    visit(mix(WORD, h) & mask);
    if (i + 1 < n) visit(mix(mix(PAIR, h), hashOf(res[i + 1]!)) & mask);
    if (v <= -2) visit(NEG & mask);
    if (v <= -3) visit(NEG3 & mask);
    if (v >= 2) visit(POS & mask);
    if (!r.g) continue;
    grouped = true;
    for (let k = Math.max(0, i - NEAR_BEFORE); k < Math.min(n, i + NEAR_AFTER + 1); k++) {
      if (k === i) continue;
      const near = res[k]!;
      const hk = hashOf(near);
      visit(mix(NEAR, hk) & mask);
      if (k - i <= 3 && k - i >= -2) visit(mix(mix(AT, k - i), hk) & mask);
      const vk = valenceAt(near);
      if (vk <= -2) visit(NEAR_NEG & mask);
      else if (vk >= 2) visit(NEAR_POS & mask);
    }
  }
  if (grouped) visit(HAS_GROUP & mask);
}

/** The hashed feature indices as a list (for training). */
export function contextFeatures(res: readonly Resolved[], bits: number): number[] {
  const out: number[] = [];
  forEachFeature(res, bits, (j) => out.push(j));
  return out;
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

/** The probability that the comment is hateful toward a protected group, and the model's thresholds. */
export function contextScore(res: readonly Resolved[], aside = false): { p: number; block: number; advice: number } {
  // a comment the model may not block alone is scored against a block threshold it cannot reach
  const { data, w } = (loaded ??= loadContextModel(contextModel));
  let sum = 0;
  forEachFeature(res, data.bits, (j) => { sum += w[j]!; });
  const z = data.bias + sum * data.scale;
  return { p: 1 / (1 + Math.exp(-z)), block: blockAt(res, aside, data.block), advice: data.advice };
}
