/**
 * The short-comment gate's cues (context-gate.ts): words and phrases that make a short comment's
 * dislike of a group explicit, so the context model may block it alone: harm, exclusion, coded
 * insults, an order to send a group away, a place kept to one, a group as a burden or a stereotype.
 * Each comes with what it is not ("keep the seniors out of the heat", "at 5pm the seniors go home").
 */
import { CONDITIONS, EXPEL_VERBS, GROUP_DEEDS, HARM, HARMFUL_THINGS, PEOPLE, RIGHTS } from './lexicon.ts';
import { DEROG_SET } from './mentions.ts';
import { groupWithin } from './refusal.ts';
import { type Resolved, shelteredFrom } from './sentence.ts';
import { badWord, qualified } from './valence.ts';

/** Conditions that name people on their own ("people with HIV", "autism"); not "down", "mental" … */
export const NAMING_CONDITIONS = new Set([...CONDITIONS].filter((w) => !['down', 'mental', 'genetic', 'cerebral'].includes(w)));

/** Coded insults: each stands in for a group, and each makes a short comment's dislike explicit. */
export const CODED = ['groomers', 'degenerates', 'invasion', 'invaders', 'thugs', 'ghetto', 'genetic'];

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

/**
 * Is word i a group told to be grateful ("natives should be grateful we …") or met with "figures" ("jewish ppl and their
 * money, figures they got the contract")? Not blame ("… are why the pool closed") nor "bet …": on the development sets
 * those were as often praise or a rebuttal ("single moms are why this citys pta even works").
 */
function sneered(res: readonly Resolved[], i: number): boolean {
  const w = res[i]!.w;
  if (w === 'grateful' && res[i - 1]?.w === 'be') return groupWithin(res, i - 5, 3);
  return w === 'figures' && FIGURES_AFTER.has(res[i + 1]?.w ?? '');
}
/** After "figures", what leaves it the sneer, not the noun ("the figures show …"). */
const FIGURES_AFTER = new Set(['', 'they', 'lol', 'smh', 'right', 'huh', 'tho']);
/** "… all look the same", "they all look alike": at the "look" of it. */
function allAlike(res: readonly Resolved[], i: number): boolean {
  return res[i]!.w === 'look' && res[i - 1]?.w === 'all' && (res[i + 1]?.w === 'alike' || (res[i + 1]?.w === 'the' && res[i + 2]?.w === 'same'));
}
const GETS = new Set(['get', 'gets', 'got', 'getting']);
/** Before a bad word, words that make it an event or a time ("during the outage", "after the flood"), not said of people. */
const EVENT_BEFORE = new Set(['during', 'after', 'before', 'since', 'through']);
/** "killing it", "crushed it", "slayed it": an idiom of praise. */
const KILLING_IT = new Set(['killing', 'kill', 'kills', 'killed', 'crushing', 'crushed', 'slaying', 'slayed', 'slay', 'murdering', 'murdered', 'destroying', 'destroyed']);
/** The speaker as a subject ("i", "we", "im gonna"). */
const SPEAKER = new Set(['i', 'we', 'im', 'ive', 'id', 'weve']);
/** Is the speaker the subject of the verb at i, within three words before it ("i will vote …", "we'll vote …", "i cant wait to vote …")? */
function spokenBySpeaker(res: readonly Resolved[], i: number): boolean {
  for (let k = Math.max(0, i - 3); k < i; k++) if (SPEAKER.has(res[k]!.w)) return true;
  return false;
}
/**
 * Is the bad word at i said of something other than people: a state or a skill ("worse off", "terrible at waiting"), the
 * situation ("… thats illegal"), a hardship ("… single folks get nothing"), no reason given ("… for nothing"; not "good for
 * nothing"), an event ("… during the outage") or praise ("… theyre killing it")?
 */
function saidOfNoOne(res: readonly Resolved[], i: number): boolean {
  const w = res[i]!.w;
  const before = res[i - 1]?.w ?? '';
  if (qualified(res[i + 1]?.w) || before === 'thats') return true;
  if (w === 'nothing' && (GETS.has(before) || (before === 'for' && res[i - 2]?.w !== 'good'))) return true;
  if (EVENT_BEFORE.has(before) || (before === 'the' && EVENT_BEFORE.has(res[i - 2]?.w ?? ''))) return true;
  return KILLING_IT.has(w) && res[i + 1]?.w === 'it';
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
export function cueAt(res: readonly Resolved[], i: number, judged: boolean, negation: boolean): boolean {
  const r = res[i]!;
  if (negation && (r.g || NAMING_CONDITIONS.has(r.w))) return false;
  // "i will vote for the muslim candidate": a right the speaker uses is said of no group
  if (RIGHTS.has(r.w) && spokenBySpeaker(res, i)) return false;
  if (CUES.has(r.w) || sentAway(res, i) || alwaysBad(res, i) || (OF_THE_GROUP.has(r.w) && groupWithin(res, i - 3, 3)) || (SNEERED.has(r.w) && res[i - 1]?.g === true) || allAlike(res, i) || sneered(res, i)) return true;
  if (saidOfNoOne(res, i)) return false;
  return r.hate || (r.attr && (!judged || DEROG_SET.has(r.w))) || (!judged && badWord(r.w));
}

/**
 * Is word i an order to send someone away: "keep em away", "send em back", "get the elderly off the
 * bus", "should just stay home", "put him in a home"? Its particle within three words; the model still
 * decides whether the someone is a group and the order hostile ("keep the seniors out of the heat").
 */
function sentAway(res: readonly Resolved[], i: number): boolean {
  const w = res[i]!.w;
  // an order or a wish ("… should just stay home", "…, go back to …"), not what someone does ("at 5pm the seniors go home")
  // nor a condition or a story after it ("… should stay home if the sidewalks are icy", "… go home with nothing")
  if (w === 'stay' || w === 'go') return (res[i + 1]?.w === 'home' || (w === 'go' && res[i + 1]?.w === 'back')) && !NOT_SENT.has(res[i + 2]?.w ?? '') && !(i > 0 && subjectAt(res, i - 1));
  // "get … off / out" sends away as "kick … off / out" does
  const particles = EXPEL_VERBS.get(w === 'kept' ? 'keep' : w === 'get' ? 'kick' : w);
  if (particles === undefined) return false;
  // "… learn english or get out": the one addressed is sent
  if (w === 'get' && res[i + 1]?.w === 'out' && (i + 2 === res.length || GET_OUT_AFTER.has(res[i + 2]!.w))) return !shelteredFrom(res, i + 2);
  // people are sent: a group or a pronoun for them before the particle (not "put the sacrifice down")
  let people = false;
  for (let k = i + 1; k <= i + 3 && k < res.length; k++) {
    const x = res[k]!.w;
    // not "keep em away from the muslim family": the group named after is who is kept safe
    if (people && (particles.has(x) || (w === 'put' && x === 'home' && res[k - 1]!.w === 'a'))) return !groupWithin(res, k + 1, 4);
    if (res[k]!.g || SENT_PRONOUNS.has(x)) people = true;
  }
  return false;
}

/** After "get out", words that leave it an order to leave ("get out of our city", "get out now"; not "get out and vote"). */
const GET_OUT_AFTER = new Set(['of', 'now', 'already', 'lol', 'pls', 'please']);
/** Who an order sends away, when not a group word ("keep em away", "put him in a home"). */
const SENT_PRONOUNS = new Set(['em', 'them', 'him', 'her', 'they', 'these', 'those', 'ur', 'their']);
/** Before "stay home" or "go back", a subject that makes it what someone does ("the seniors go home", "they go back monday"). */
const SUBJECT_PRONOUNS = new Set(['they', 'we', 'i', 'you', 'u', 'he', 'she', 'who', 'everyone', 'everybody']);
/** Words ending in "s" that are no plural subject before "go home". */
const NOT_PLURAL = new Set(['pls', 'plz', 'this', 'is', 'was', 'has', 'its', 'us', 'yes', 'his', 'thus', 'lmaoo', 'ugh', 'ffs', 'omfg', 'srs']);
/**
 * Is the word at k the subject of the "go home" after it: a group or people word, a pronoun, a plural
 * ("tourists go home"), or a wish ("refugees want to go home")?
 */
function subjectAt(res: readonly Resolved[], k: number): boolean {
  const r = res[k]!;
  if (r.w === 'to') return WISHING.has(res[k - 1]?.w ?? '');
  return r.g || PEOPLE.has(r.w) || SUBJECT_PRONOUNS.has(r.w) || (r.w.length > 3 && r.w.endsWith('s') && !NOT_PLURAL.has(r.w));
}
const WISHING = new Set(['want', 'wants', 'wanted', 'hope', 'hopes', 'like', 'love', 'get', 'got', 'able', 'allowed', 'free', 'chance']);
/** After "stay home" or "go back", words of a condition or a story, not an order. */
const NOT_SENT = new Set(['if', 'when', 'unless', 'until', 'till', 'while', 'with', 'to', 'from', 'after', 'empty', 'safely', 'sick']);
/** After "<group> only", words that leave it a sign's ("whites only at the pool", "married folks only pls"). */
const SIGN_AFTER = new Set(['at', 'on', 'in', 'for', 'should', 'pls', 'please', 'plz', 'allowed', 'here', 'there', 'like', 'period', 'lol', 'back', 'now']);
/**
 * Is word i "only" kept to a group: "whites only", "white ppl only at the block party", "only married men should …"?
 * Not asked back ("white folks only on the planning board again? needs to change"): mayBlockAlone's `asks`.
 */
export function keptTo(res: readonly Resolved[], i: number): boolean {
  if (res[i]!.w !== 'only') return false;
  const before = res[i - 1];
  // "whites only", "white ppl only at the pool": a sign's words (not "black families only got 2 percent")
  if (before !== undefined && (before.g || (PEOPLE.has(before.w) && res[i - 2]?.g === true))) return i + 1 === res.length || SIGN_AFTER.has(res[i + 1]!.w);
  return res[i + 1]?.g === true && (res[i + 2]?.w === 'should' || (PEOPLE.has(res[i + 2]?.w ?? '') && res[i + 3]?.w === 'should'));
}

/** Words that foretell a failure or a harm ("… she'll cry at the first crisis", "… someone's gonna drown", "… good luck"). */
const FORETOLD = new Set(['crash', 'drown', 'fail', 'finished', 'quit', 'cry', 'useless', 'lazy', 'incoming', 'disaster', 'refuse', 'sink', 'collapse', 'bankrupt',
  'joke', 'yikes', 'oof', 'doomed', 'rip']);
/** Laughs that make "good luck" a sneer ("… lol good luck"; not "… experience counts, good luck sir"). */
const LAUGHS = new Set(['lol', 'lmao', 'lmfao', 'rofl', 'haha', 'hahaha']);
/**
 * Does a short comment open by asking back at one of a group in a role and then foretell a failure ("a female police chief?
 * she'll cry at the first crisis lol", "a deaf lifeguard? someone's gonna drown", "a disabled guy as head of transit? lol good
 * luck")? Not one answered with praise or a record ("a woman on the swat team? badass, respect", "… she fixed more potholes
 * than the last guy"): only a word of failure or a negative valence after the group counts.
 */
export function doubtedInRole(res: readonly Resolved[]): boolean {
  const first = res[0]?.w;
  if (first !== 'a' && first !== 'an' && first !== 'another') return false;
  let group = -1;
  for (let k = 1; k <= 3 && k < res.length; k++) if (res[k]!.g) { group = k; break; }
  if (group < 0) return false;
  let laughs = false;
  for (let k = group + 2; k < res.length; k++) {
    const w = res[k]!.w;
    if (FORETOLD.has(w) || res[k]!.valence < 0 || (w === 'way' && res[k - 1]!.w === 'no')) return true;
    if (LAUGHS.has(w)) laughs = true;
    else if (w === 'luck' && laughs) return true;
  }
  return false;
}

/** In a comment, words that ask something for a group or wish it well: an "always" there is a hardship, not a charge. */
const ON_THEIR_SIDE = new Set(['add', 'fix', 'need', 'needs', 'pls', 'please', 'help', 'deserve', 'deserves', 'shouldnt', 'should', 'sad', 'unfair']);
/**
 * Is word i "always" or "never" said of a group just named, with something bad after it and nothing good anywhere ("black
 * guys at the pickup games always turn it into a fight", "veterans at the library are always angry and yelling", "why do
 * muslims always make everything about their religion")? Not "… always bring food to every event, so generous", nor a
 * hardship with something asked for them ("seniors are always stuck waiting, add a bus").
 */
export function alwaysBad(res: readonly Resolved[], i: number): boolean {
  const w = res[i]!.w;
  if ((w !== 'always' && w !== 'never') || !groupWithin(res, i - 5, 5)) return false;
  let bad = false;
  for (let k = 0; k < res.length; k++) {
    const r = res[k]!;
    if (r.valence > 0 || ON_THEIR_SIDE.has(r.w)) return false;
    if (k > i && k <= i + 6 && !r.g && (r.valence < 0 || r.attr)) bad = true;
  }
  return bad;
}
