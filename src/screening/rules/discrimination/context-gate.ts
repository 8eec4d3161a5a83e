/**
 * Where V.2's context model (context.ts) is asked, and when it may block a comment by itself:
 * the words that open a comment to it without a group word (conditions, stand-ins), and the rule
 * for short comments, which the grammar reads whole and the model's word counts barely cover.
 */
import { CONDITIONS, EXPEL_VERBS, GROUP_DEEDS, HARM, HARMFUL_THINGS, PEOPLE, RIGHTS } from './lexicon.ts';
import { DEROG_SET, ORIGINS, WORN } from './mentions.ts';
import { NEGATORS, REGARD_VERBS, type Resolved, thirdPartySubject } from './sentence.ts';
import { groupWithin, idiomWithNo, NEGATION_SCOPE, PARTICIPLE, refuses } from './refusal.ts';
import { badWord, qualified, REPORTING } from './valence.ts';

/** Conditions that name people on their own ("people with HIV", "autism"); not "down", "mental" … */
const NAMING_CONDITIONS = new Set([...CONDITIONS].filter((w) => !['down', 'mental', 'genetic', 'cerebral'].includes(w)));

/** Coded insults: each stands in for a group, and each makes a short comment's dislike explicit. */
const CODED = ['groomers', 'degenerates', 'invasion', 'invaders', 'thugs', 'ghetto', 'genetic'];

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
/**
 * Words that make a short comment's dislike explicit, beyond the valence list: harm, exclusion, coded
 * insults. Not "allowed" or "permitted": a short comment that says them with no negation (which the
 * gate refuses) says a group may do something ("gay officers should be allowed on the police force",
 * "Jehovah's Witnesses should be allowed to table at the library too"), and the model blocked those.
 */
const CUES = new Set([
  ...HARM, ...[...RIGHTS].filter((w) => w !== 'allowed' && w !== 'permitted'), ...GROUP_DEEDS, ...HARMFUL_THINGS,
  ...CODED, 'animals', 'vermin', 'plague', 'infestation', 'breed', 'blood',
  // names for people as suspects or relics ("somalis are pirates", "sikh guy … probably a bomber", "old fossils on the council")
  'mafia', 'pirates', 'spies', 'bomber', 'bombers', 'robots', 'fossils', 'coots', 'farts', 'devils', 'scammer', 'munchers', 'hags', 'hag', 'geezers', 'sleeper', 'creeps', 'suspects',
]);
/** Said of a group as its subject, a burden or a stereotype ("wheelchair ppl slow down the whole parade", "hindus smell like curry"). */
const OF_THE_GROUP = new Set(['slow', 'slows', 'slowing', 'clog', 'clogging', 'hogging', 'smell', 'smells']);
/** Right after a group word, a sneer at its ways ("gay agenda", "keep ur gay stuff …"; not "the lgbt center needs stuff"). */
const SNEERED = new Set(['agenda', 'stuff']);

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
  let cue = false;
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

const GETS = new Set(['get', 'gets', 'got', 'getting']);
/** A group word among the three before i. */
function groupBefore(res: readonly Resolved[], i: number): boolean {
  for (let k = Math.max(0, i - 3); k < i; k++) if (res[k]!.g) return true;
  return false;
}
/**
 * Is word i a group told to be grateful ("natives should be grateful we …") or met with "figures" ("jewish ppl and their
 * money, figures they got the contract")? Not blame ("… are why the pool closed") nor "bet …": on the development sets
 * those were as often praise or a rebuttal ("single moms are why this citys pta even works").
 */
function sneered(res: readonly Resolved[], i: number): boolean {
  const w = res[i]!.w;
  if (w === 'grateful' && res[i - 1]?.w === 'be') return groupBefore(res, i - 2);
  return w === 'figures' && FIGURES_AFTER.has(res[i + 1]?.w ?? '');
}
/** After "figures", what leaves it the sneer, not the noun ("the figures show …"). */
const FIGURES_AFTER = new Set(['', 'they', 'lol', 'smh', 'right', 'huh', 'tho']);
/** "… all look the same", "they all look alike": at the "look" of it. */
function allAlike(res: readonly Resolved[], i: number): boolean {
  return res[i]!.w === 'look' && res[i - 1]?.w === 'all' && (res[i + 1]?.w === 'alike' || (res[i + 1]?.w === 'the' && res[i + 2]?.w === 'same'));
}
/** Is word i "got" with a participle, after a group ("trans kids got kicked out"), not after a place ("this park got ruined once …")? */
function doneToGroup(res: readonly Resolved[], i: number): boolean {
  if (res[i]!.w !== 'got' || !PARTICIPLE.test(res[i + 1]?.w ?? '')) return false;
  for (let k = Math.max(0, i - 3); k < i; k++) if (res[k]!.g) return true;
  return false;
}

/**
 * Is word i a negative cue: a harm, exclusion or coded word, or hatred, an insult or a bad word said of
 * people ("a plague on this town"; not "terrible at waiting", "an animal on the grill")? `judged`: a
 * negation that refuses no group came before, so a bad word or insulting adjective judges what was
 * negated ("… shouldnt go hungry, shameful", "… shouldnt be getting those threats, disgusting"),
 * while a derogatory noun still names the group ("…, terrorists"). `negation`: the comment negates
 * something, so a group word that is also an insult or a harmful thing ("cancer patients", "people
 * with hiv shouldnt be fired") is the group.
 */
function cueAt(res: readonly Resolved[], i: number, judged: boolean, negation: boolean): boolean {
  const r = res[i]!;
  if (negation && (r.g || NAMING_CONDITIONS.has(r.w))) return false;
  if (CUES.has(r.w) || sentAway(res, i) || (OF_THE_GROUP.has(r.w) && groupBefore(res, i)) || (SNEERED.has(r.w) && res[i - 1]?.g === true) || allAlike(res, i) || sneered(res, i)) return true;
  // "… thats illegal" judges the situation too; "… single folks get nothing" tells a hardship
  if (qualified(res[i + 1]?.w) || res[i - 1]?.w === 'thats' || (r.w === 'nothing' && GETS.has(res[i - 1]?.w ?? ''))) return false;
  return r.hate || (r.attr && (!judged || DEROG_SET.has(r.w))) || (!judged && badWord(r.w));
}

/**
 * Is word i an order to send someone away: "keep em away", "send em back", "get the elderly off the
 * bus", "should just stay home", "put him in a home"? Its particle within three words; the model still
 * decides whether the someone is a group and the order hostile ("keep the seniors out of the heat").
 */
function sentAway(res: readonly Resolved[], i: number): boolean {
  const w = res[i]!.w;
  // not "… should stay home if the sidewalks are icy", "… go home with nothing"
  // an order or a wish ("… should just stay home", "…, go back to …"), not what someone does ("at 5pm the seniors go home")
  if (w === 'stay' || w === 'go') return (res[i + 1]?.w === 'home' || (w === 'go' && res[i + 1]?.w === 'back')) && !NOT_SENT.has(res[i + 2]?.w ?? '') && !(i > 0 && subjectAt(res[i - 1]!));
  const particles = EXPEL_VERBS.get(w === 'kept' ? 'keep' : w === 'get' ? 'kick' : w);
  if (particles === undefined) return false;
  for (let k = i + 1; k <= i + 3 && k < res.length; k++) {
    const x = res[k]!.w;
    // not "keep em away from the muslim family": the group named after is who is kept safe
    if (particles.has(x) || (w === 'put' && x === 'home' && res[k - 1]!.w === 'a')) return !groupWithin(res, k + 1, 4);
  }
  return false;
}

/** Before "stay home" or "go back", a subject that makes it what someone does ("the seniors go home", "they go back monday"). */
const SUBJECT_PRONOUNS = new Set(['they', 'we', 'i', 'you', 'u', 'he', 'she', 'who', 'everyone', 'everybody']);
const subjectAt = (r: Resolved): boolean => r.g || PEOPLE.has(r.w) || SUBJECT_PRONOUNS.has(r.w);
/** After "stay home" or "go back", words of a condition or a story, not an order. */
const NOT_SENT = new Set(['if', 'when', 'unless', 'until', 'till', 'while', 'with', 'to', 'from', 'after', 'empty', 'safely', 'sick']);
/** After "<group> only", words that leave it a sign's ("whites only at the pool", "married folks only pls"). */
const SIGN_AFTER = new Set(['at', 'on', 'in', 'for', 'should', 'pls', 'please', 'plz', 'allowed', 'here', 'there', 'like', 'period', 'lol', 'back', 'now']);
/**
 * Is word i "only" kept to a group: "whites only", "white ppl only at the block party", "only married men should …"?
 * Not asked back ("white folks only on the planning board again? needs to change"): mayBlockAlone's `asks`.
 */
function keptTo(res: readonly Resolved[], i: number): boolean {
  if (res[i]!.w !== 'only') return false;
  const before = res[i - 1];
  // "whites only", "white ppl only at the pool": a sign's words (not "black families only got 2 percent")
  if (before !== undefined && (before.g || (PEOPLE.has(before.w) && res[i - 2]?.g === true))) return i + 1 === res.length || SIGN_AFTER.has(res[i + 1]!.w);
  return res[i + 1]?.g === true && (res[i + 2]?.w === 'should' || (PEOPLE.has(res[i + 2]?.w ?? '') && res[i + 3]?.w === 'should'));
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
  for (let i = 0; i < res.length; i++) if (res[i]!.g) return true;
  return false;
}

/** Is a condition named ("HIV positive people"), or a stand-in for a group? */
export function namesTraitOrProxy(res: readonly Resolved[]): boolean {
  for (let i = 0; i < res.length; i++) if (res[i]!.proxy) return true;
  return false;
}
