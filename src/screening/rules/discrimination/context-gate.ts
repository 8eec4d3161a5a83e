/**
 * Where V.2's context model (context.ts) is asked, and when it may block a comment by itself:
 * the words that open a comment to it without a group word (conditions, stand-ins), and the rule
 * for short comments, which the grammar reads whole and the model's word counts barely cover.
 */
import { CODED, cueAt, doubtedInRole, keptTo, NAMING_CONDITIONS } from './cues.ts';
import { HARM } from './lexicon.ts';
import { ORIGINS, politicalCamp, WORN } from './mentions.ts';
import { NEGATORS, REGARD_VERBS, type Resolved, thirdPartySubject } from './sentence.ts';
import { groupWithin, idiomWithNo, NEGATION_SCOPE, PARTICIPLE, refuses } from './refusal.ts';
import { REPORTING } from './valence.ts';

/**
 * Words that stand in for a protected group where no group word is used: places of worship, dress,
 * language, origins and coded terms ("felt like I was in Tijuana", "a towel on his head", "learn
 * English", "urban youth", "the tribe"). They only open the comment to the model, which decides.
 */
const PROXIES = new Set([
  ...WORN, ...ORIGINS, 'mosque', 'mosques', 'synagogue', 'synagogues', 'temple', 'temples', 'church', 'churches', 'pride', 'rainbow', 'dress', 'dresses',
  'towel', 'towels', 'english', 'accent', 'accents', 'tribe', 'tribes', 'reservation', 'urban', 'tijuana', 'visas', 'visa',
  'genes', 'dna', 'cousins', 'ramadan', 'kosher', 'halal', 'curry', ...CODED,
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
/** Verbs of hatred, harm, view and treatment, which a third party may be said to hold toward a group. */
const THEIR_VERBS = new Set([...HARM, ...REGARD_VERBS, 'act', 'acts', 'acting', 'target', 'targets', 'targeted', 'targeting', 'discriminate', 'discriminates',
  'harass', 'harasses', 'harassed', 'profile', 'profiles']);

/**
 * Is word i a third party's hatred, harm, view or treatment of a group named just after it ("the
 * council hates immigrants", "deputies treat black residents like criminals", "they think women
 * don't belong")? The speaker accuses them; "I hate immigrants" and "we should deport …" are the
 * speaker's own.
 */
export function theirVerb(res: readonly Resolved[], i: number): boolean {
  const r = res[i]!;
  if (!(r.hate || THEIR_VERBS.has(r.w))) return false;
  let group = false;
  for (let k = i + 1; k < Math.min(res.length, i + 4); k++) if (res[k]!.g) group = true;
  return thirdPartySubject(res, i, 0, group);
}

/**
 * May the model alone block this comment: long enough to need it, or short with a negative cue
 * ("worse off" and "terrible at waiting" are not) outside a negation's scope ("we don't want refugees
 * to suffer") or a negation that refuses a group something ("deaf people shouldnt run the front desk"),
 * not in the past tense and not someone else's view ("he thinks …")? Until session 16 any negation
 * kept the model out: 84 hateful short comments of the development sets against 26 others. `asks`:
 * the comment holds a question mark ("no more immigrants? half the payroll is immigrants" asks back).
 */
export function mayBlockAlone(res: readonly Resolved[], aside = false, asks = false): boolean {
  if (res.length >= SHORT) return true;
  // a short comment whose every group is "about …" or in someone else's relative clause says nothing of it
  if (aside) return false;
  let cue = asks && doubtedInRole(res);
  /** Words up to here are in a negation's scope: a cue there is denied ("trans people arent groomers"). */
  let negatedTo = -1;
  /** A negation that refuses no group came before (cueAt). */
  let judged = false;
  /** The comment negates something (cueAt). */
  let negation = false;
  for (let i = 0; i < res.length; i++) if (NEGATORS.has(res[i]!.w) && !idiomWithNo(res, i)) negation = true;
  for (let i = 0; i < res.length; i++) {
    const r = res[i]!;
    // like the grammar's generalisations, a short one is not read in the past tense: "the Mexicans at the party were loud" tells of an evening,
    // "trans kids got kicked out of the shelter" of what was done to them
    if (REPORTING.has(r.w) || r.w === 'were' || r.w === 'was' || doneToGroup(res, i)) return false;
    if (NEGATORS.has(r.w)) {
      if (idiomWithNo(res, i)) continue;
      if (refuses(res, i, asks)) cue = true;
      else judged = true;
      negatedTo = i + NEGATION_SCOPE;
      continue;
    }
    if (i <= negatedTo) continue;
    // "the council hates immigrants" accuses the council: a third party's hatred is no cue
    if (r.hate && thirdPartySubject(res, i, 0, res[i + 1]?.g === true)) continue;
    if (cueAt(res, i, judged, negation) || (!asks && keptTo(res, i))) cue = true;
  }
  return cue;
}

/** Is word i "got" with a participle, after a group ("trans kids got kicked out"), not after a place ("this park got ruined once …")? */
function doneToGroup(res: readonly Resolved[], i: number): boolean {
  return res[i]!.w === 'got' && PARTICIPLE.test(res[i + 1]?.w ?? '') && groupWithin(res, i - 3, 3);
}

/** Conditions and stand-ins: a word of either opens a comment to the model (`Resolved.proxy`). */
export const TRAIT_OR_PROXY = new Set([...NAMING_CONDITIONS, ...PROXIES]);

/**
 * May the model judge a comment of this many words at all? Not a short one that names no group:
 * its evidence would be a few words said of no one ("stop wasting our tax dollars 🙄" scored 0.84).
 */
export function mayJudge(words: number, named: boolean): boolean {
  return named || words >= SHORT;
}

/** The probability at which the model alone blocks this comment, given the model's threshold (Infinity: never). */
export function blockAt(res: readonly Resolved[], aside: boolean, named: boolean, block: number, asks = false): number {
  if (!mayJudge(res.length, named) || !mayBlockAlone(res, aside, asks)) return Infinity;
  return res.length >= SHORT ? block : Math.max(block, SHORT_BLOCK);
}

/**
 * Is this a short comment with a group word in it? The grammar names a group only as a group
 * ("black people", "Somalis"), not in "another black mayor lol", "somali cab drivers are a plague"
 * or "no gay stuff in our parks" (one person; a noun it has no people noun for; a thing), and a
 * short comment that names no group is never given to the model. On 3,900 short comments no model
 * was trained on (v02-short-s12a–f) this lets it block 33 more hateful ones and 3 more others.
 */
export function shortWithGroupWord(res: readonly Resolved[]): boolean {
  if (res.length >= SHORT) return false;
  // not "the christian right wants to ban books": a political camp
  for (let i = 0; i < res.length; i++) if (res[i]!.g && !politicalCamp(res, i)) return true;
  return false;
}

/** Is a condition named ("HIV positive people"), or a stand-in for a group? */
export function namesTraitOrProxy(res: readonly Resolved[]): boolean {
  for (let i = 0; i < res.length; i++) if (res[i]!.proxy) return true;
  return false;
}
