/**
 * V.2 reads a comment as a sentence of resolved words: the closed classes of words the grammar
 * steers by (copulas, modals, negators, fillers, determiners), how negation is counted within a
 * clause, and what a finding is. Pure functions of the token words.
 */
import { BRING_VERBS, CONTROL_VERBS, GROUP_DEEDS, TAKE_VERBS } from './lexicon.ts';

/**
 * A token as V.2 reads it: its word (after one-edit resolution near an anchor), memberships, and
 * what the context model reads of the word (context.ts): its hash, AFINN valence, and whether it
 * names a condition or stands in for a group. Made once per word and kept in the word table.
 */
export interface Resolved { g: boolean; attr: boolean; hate: boolean; w: string; hash: number; valence: number; proxy: boolean }
export interface Found { from: number; to: number; why: string }

export const COPULA = new Set(['are', 'r', 'is', 'were', 'was', 'be', 'being', 'am', 'seem', 'look', 'sound', 'smell', 'become', 'been', 'act', 'acting', 'behave', 'behaving']);
/** Negated copulas and modals: they negate and link at once ("… aren't welcome", "… can't be trusted"). */
export const NEG_COPULA = new Set(['arent', 'isnt', 'wasnt', 'werent', 'aint']);
export const NEG_MODAL = new Set(['shouldnt', 'wouldnt', 'cant', 'cannot', 'wont', 'mustnt', 'couldnt', 'dont', 'doesnt', 'didnt']);
export const MODAL = new Set(['should', 'must', 'need', 'needs', 'deserve', 'deserves', 'ought', 'have', 'has', 'gotta', 'shall', 'will', 'would', 'can', 'could', 'may', 'got']);
export const FILLER = new Set([
  'so', 'all', 'just', 'such', 'really', 'truly', 'completely', 'totally', 'absolutely', 'utterly', 'nothing', 'but', 'a', 'an',
  'the', 'total', 'complete', 'utter', 'fucking', 'fking', 'damn', 'very', 'always', 'obviously', 'clearly', 'simply', 'basically',
  'literally', 'bunch', 'of', 'pack', 'to', 'me', 'like', 'honestly', 'too', 'extremely', 'incredibly', 'disgustingly',
  'pure', 'absolute', 'mere', 'nasty', 'filthy', 'dirty', 'ugly', 'stupid', 'than', 'less', 'more', 'class', 'second',
  'oxygen', 'space', 'beings', 'by', 'nature', 'naturally', 'inherently', 'genetically', 'biologically', 'born', 'at', 'best', 'frankly', 'still', 'also', 'even',
  'that', 'only', 'ever', 'any', 'mostly', 'generally', 'typically', 'usually', 'getting', 'becoming', 'kind', 'sort', 'every',
  'one', 'last', 'them', 'nothing', 'just', 'seriously', 'definitely', 'certainly', 'probably', 'honestly', 'now', 'already',
]);
export const NEGATORS = new Set(['not', 'never', 'no', 'nt', 'hardly', 'barely', 'scarcely', 'nobody', 'neither', 'nor', ...NEG_COPULA, ...NEG_MODAL]);
export const PRONOUNS = new Set(['they', 'them', 'theyre', 'those', 'these', 'such']);
export const DETERMINERS = new Set(['all', 'every', 'those', 'these', 'the', 'any', 'most', 'you', 'fucking', 'damn', 'dirty', 'filthy', 'stupid', 'a', 'an', 'more', 'our', 'last', 'single', 'next']);
export const DESCRIBING = new Set(['illegal', 'undocumented', 'new', 'these', 'foreign']);
/** Words a group can be followed by and still be the object of what came before ("kick the Mexicans out", "ban Muslims from …"). */
export const AFTER_OBJECT = new Set([
  'out', 'off', 'away', 'back', 'home', 'up', 'down', 'from', 'in', 'on', 'at', 'to', 'now', 'and', 'or', 'too', 'already', 'here',
  'there', 'this', 'that', 'who', 'with', 'of', 'for', 'before', 'after', 'immediately', 'forever', 'again', 'all', 'then', 'so',
  'because', 'unless', 'since', 'cuz', 'they', 'we', 'into', 'across', 'around', 'near', 'like', 'as', 'if', 'until', 'ever', 'anymore', 'either', 'more',
  'but', 'right', 'today', 'tonight', 'asap', 'lol', 'please', 'already', 'instead', 'i', 'you', 'he', 'she', 'anywhere', 'everywhere',
]);
/** Verbs that negate what follows ("refuse to hire", "never stop renting to"). */
export const REFUSE = new Set(['refuse', 'refuses', 'refused', 'stop', 'stopped', 'quit']);

export type Break = (a: number, b: number) => boolean;
/**
 * The text as the grammar reads it: resolved words, whether a sentence ends between two tokens,
 * and where each token's clause starts (after the last , ; : . ! ? before it): negation does not
 * reach across a clause ("Asians can't drive, ban them …").
 */
export interface Sentence { res: readonly Resolved[]; brk: Break; clause: Int32Array; /** 1 where "=" stands before the token, 2 where "!=" or "≠" does */ equals: Uint8Array; /** each token's sentence */ sentence: Int32Array; /** sentences that end with "?", if any */ asked: number[] | null }

/** A content word (not a function word the grammar reads): after a group word it makes the group a modifier. */
export function isContent(w: string): boolean {
  return !(AFTER_OBJECT.has(w) || COPULA.has(w) || MODAL.has(w) || NEGATORS.has(w) || FILLER.has(w) || PRONOUNS.has(w) || GROUP_DEEDS.has(w) || CONTROL_VERBS.has(w) || BRING_VERBS.has(w) || TAKE_VERBS.has(w) || w === 'belong' || w === 'allowed' || w === 'welcome' || w === 'need' || w === 'go');
}

/** Subjects that make a verb the speaker's own, or everyone's ("I hate …", "lets deport …", "everyone hates …"). */
const OWN_SUBJECTS = new Set(['i', 'we', 'you', 'u', 'ya', 'yall', 'im', 'ive', 'id', 'ill', 'well', 'wed', 'lets', 'let', 'everyone', 'everybody', 'people', 'ppl', 'folks', 'somebody', 'someone', 'anyone', 'anybody', 'gonna', 'wanna', 'gotta']);
/** Verbs of how someone regards or treats a group, which the speaker may accuse a third party of ("the board thinks …", "they treat … like criminals"). */
export const REGARD_VERBS = ['think', 'thinks', 'thought', 'believe', 'believes', 'see', 'sees', 'treat', 'treats', 'treated', 'treating'];
/**
 * Between a subject and its verb: "the heat will kill seniors" (a prediction of what the third party
 * does; "we will …", "should …" stay calls) and adverbs ("they clearly think …", "I really hate …").
 */
const BEFORE_VERB = new Set(['will', 'would', 'could', 'can', 'may', 'might', 'so', 'just', 'really', 'truly', 'totally', 'absolutely', 'obviously', 'clearly',
  'basically', 'literally', 'honestly', 'frankly', 'still', 'also', 'even', 'always', 'openly', 'actually', 'secretly', 'seriously', 'definitely', 'probably', 'already']);

/**
 * Does the verb at k have a third party right before it for its subject, within the clause starting
 * at `from` ("the quakes hurt seniors", "the council hates seniors", "cops beat black kids", "they
 * punish military families")? Then it tells what they do or feel: no call for harm, and not the
 * speaker's hatred. A group for subject ("Muslims hate gays") is a stereotype and still read as one.
 */
export function thirdPartySubject(res: readonly Resolved[], k: number, from: number, pronouns = true): boolean {
  let j = k - 1;
  while (j > from && BEFORE_VERB.has(res[j]!.w)) j--;
  if (j < 0 || j < from) return false;
  const r = res[j]!;
  return (pronouns && THIRD_PERSON.has(r.w)) || (!r.g && !r.attr && !r.hate && isContent(r.w) && !OWN_SUBJECTS.has(r.w));
}
/**
 * "they hate immigrants", "he treats women like dirt": a pronoun for the subject of a verb whose
 * object is a group is someone else (the council, the deputies), not that group. Callers that do
 * not know the object pass `pronouns = false`: in "atheists should move to china if they hate god"
 * the pronoun is the group.
 */
const THIRD_PERSON = new Set(['they', 'theyre', 'he', 'hes', 'she', 'shes']);

/** An odd number of negations among res[from, to) ("never", "don't", "refuse to")? */
export function negatedIn(s: Sentence, from: number, to: number): boolean {
  const res = s.res;
  let n = 0;
  for (let k = Math.max(0, from, s.clause[Math.min(to, res.length - 1)] ?? 0); k < to; k++) {
    const w = res[k]!.w;
    if (NEGATORS.has(w) || REFUSE.has(w)) {
      if (!(w === 'not' && (res[k + 1]?.w === 'only' || res[k + 1]?.w === 'just'))) n++;
    }
  }
  return n % 2 === 1;
}

/**
 * What reading the words around a group mention gave. Every outcome has the same four fields, so
 * the readers of `found` / `defused` see one object shape (a literal per outcome made them
 * polymorphic, and V8 recompiled `analyse` each time a new one turned up).
 */
export interface Outcome { found: Found | undefined; defused: boolean; wish: boolean; negatedSubject: boolean }
export const NOTHING: Outcome = { found: undefined, defused: false, wish: false, negatedSubject: false };
/** Negated hate: "Muslims are not disgusting". */
export const DEFUSED: Outcome = { found: undefined, defused: true, wish: false, negatedSubject: false };
/** A wish before the group: "I wish …", "I'd love for …". */
export const WISHED: Outcome = { found: undefined, defused: false, wish: true, negatedSubject: false };
/** A negated subject: "no …", "not all …". */
export const NEGATED_SUBJECT: Outcome = { found: undefined, defused: false, wish: false, negatedSubject: true };
export function outcome(found: Found): Outcome {
  return { found, defused: false, wish: false, negatedSubject: false };
}

/** A finding from the group at i to the word at j. */
export function hit(i: number, j: number, why: string): Outcome {
  return outcome({ from: i, to: j + 1, why });
}

/** One of `set` within the next 4 words (skipping articles and the like)? */
export function objectWithin(res: readonly Resolved[], j: number, set: ReadonlySet<string>): boolean {
  for (let k = j; k < Math.min(res.length, j + 4); k++) if (set.has(res[k]!.w)) return true;
  return false;
}

/** Harms a group is kept from ("keep the seniors out of the heat", "keep the kids away from traffic"). */
const HARMS_KEPT_FROM = new Set(['heat', 'sun', 'cold', 'rain', 'storm', 'weather', 'smoke', 'fire', 'danger', 'harm', 'trouble', 'traffic', 'jail', 'prison', 'streets', 'street', 'crossfire', 'flood', 'floods']);
/** After an expelling particle, at j: "of" or "from" and a harm within four words ("… out of the heat")? */
export function shelteredFrom(res: readonly Resolved[], j: number): boolean {
  return (res[j]?.w === 'of' || res[j]?.w === 'from') && objectWithin(res, j + 1, HARMS_KEPT_FROM);
}

/** After "if", a hedge rather than a condition ("… if you ask me", "… if u ask me"). */
const HEDGE_AFTER_IF = new Set(['you', 'u', 'ya']);
/**
 * Does word k open a condition ("… if the polls arent accessible", "… when the banks redline", "… until the elevator is
 * fixed")? Not the hedge "if you ask me", nor the sneer "what if …".
 */
export function opensCondition(res: readonly Resolved[], k: number): boolean {
  const w = res[k]!.w;
  return (w === 'if' || w === 'when' || w === 'unless' || w === 'until') && !HEDGE_AFTER_IF.has(res[k + 1]?.w ?? '') && res[k - 1]?.w !== 'what';
}

/** One of `set` among the n words from j on, without crossing the end of a sentence? */
export function within(s: Sentence, j: number, n: number, set: ReadonlySet<string>): boolean {
  const res = s.res;
  for (let k = j; k < Math.min(res.length, j + n); k++) {
    if (k > j && s.brk(k - 1, k)) return false;
    if (set.has(res[k]!.w)) return true;
  }
  return false;
}

/** One of `set` before k in k's sentence? */
export function earlierInSentence(s: Sentence, k: number, set: ReadonlySet<string>): boolean {
  for (let j = k - 1; j >= 0 && s.sentence[j] === s.sentence[k]; j--) if (set.has(s.res[j]!.w)) return true;
  return false;
}
