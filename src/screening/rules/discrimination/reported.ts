/**
 * V.2: what the speaker reports of others rather than says: a third party's view of a group or
 * conduct toward it ("the board thinks …", "they treat … like criminals"), words quoted after a
 * speech verb, a slur someone else called a person, and whether the speaker sides with what is
 * reported. Accusing officials of bias is civic speech, not discrimination.
 */
import type { Token } from '../../normalize.ts';
import { AGREED, reportedQuotes } from './counter-speech.ts';
import { REGARD_VERBS, type Resolved, type Sentence, thirdPartySubject } from './sentence.ts';

/** Verbs of a view held or told: "the board thinks …", "how they see disabled people", "the principal told me …". */
const VIEW_VERBS = new Set([...REGARD_VERBS, 'assume', 'assumes', 'assumed', 'pretend', 'pretends', 'said', 'says', 'told', 'tells']);
/** Adverbs between a subject and its verb of view ("they clearly think …"). */
const VIEW_ADVERBS = new Set(['clearly', 'obviously', 'really', 'honestly', 'actually', 'still', 'just', 'apparently', 'seriously', 'all']);
/**
 * Does a verb of view follow the pronoun ending at `end` ("…. they clearly think women dont belong …")? The pronoun is the
 * one holding the view (the council), not a group named before it; the view's content is read at its own group.
 */
export function viewAfter(res: readonly Resolved[], end: number): boolean {
  let k = end;
  while (k < res.length && VIEW_ADVERBS.has(res[k]!.w)) k++;
  return k < res.length && VIEW_VERBS.has(res[k]!.w);
}
/** Verbs of conduct that, with "like" after them, tell how someone acts toward a group ("act like the Filipino community doesn't exist"). */
const CONDUCT_VERBS = new Set(['act', 'acts', 'acted', 'acting', 'treat', 'treats', 'treated', 'treating', 'behave', 'behaves', 'talk', 'talks']);
/**
 * Is the group at i what a third party thinks or how it acts toward it ("the school board thinks
 * kids with ADHD are bad kids", "they treat people with disabilities like criminals", "why does the
 * commission act like the Filipino community doesn't exist")? Then what follows is the view the
 * speaker accuses them of, not the speaker's own; "we should treat them like animals" is the speaker's.
 */
export function othersView(s: Sentence, i: number): boolean {
  const res = s.res;
  for (let k = i - 1; k >= Math.max(0, i - 4, s.clause[i]!); k--) {
    const w = res[k]!.w;
    const v = VIEW_VERBS.has(w) ? k : w === 'like' && k > 0 && CONDUCT_VERBS.has(res[k - 1]!.w) ? k - 1 : -1;
    if (v >= 0) return thirdPartySubject(res, v, s.clause[v]!);
  }
  return false;
}
/** "… and they're right", "the deputy was right to …": the speaker sides with the view reported. */
const SIDES_WITH = /\b(?:was|is|were|are) (?:so |absolutely |totally |100% )?right\b/;
export const agreesWith = (text: string): boolean => AGREED.test(text) || SIDES_WITH.test(text);

/** Who a slur can be said to have been called, and whose: "called me a …", "called my son a …". */
const CALLED_ONES = new Set(['me', 'him', 'her', 'us', 'them', 'you']);
const WHOSE = new Set(['my', 'his', 'her', 'our', 'their', 'your', 'a', 'the', 'this', 'that']);
/** Subjects that make the calling the speaker's own ("I called him a …", "you're all …"). */
const CALLERS_OWN = new Set(['i', 'we', 'you', 'u', 'yall', 'ya', 'im', 'ill', 'id', 'lets']);
/**
 * Is the slur at i what someone else called a person: "the rec center guy called my son a …", "I got
 * called a … at the bus stop"? The one told of it reports it; "I called him a …" is the speaker's.
 */
function calledByOthers(words: readonly string[], i: number): boolean {
  let k = i - 1;
  if (words[k] === 'a' || words[k] === 'an') k--;
  if (k >= 0 && CALLED_ONES.has(words[k]!)) k--;
  else if (k >= 1 && words[k] !== 'called' && WHOSE.has(words[k - 1]!)) k -= 2;
  if (k < 1 || words[k] !== 'called') return false;
  return !CALLERS_OWN.has(words[k - 1]!);
}

/** Verbs of someone saying a word aloud, right before the slur they said: "someone yelled f*g at the pride walk". */
const SAID_ALOUD = new Set(['yelled', 'yelling', 'yells', 'shouted', 'shouting', 'screamed', 'screaming', 'saying', 'said', 'muttered', 'muttering']);
/**
 * Is the slur at i one someone else said aloud or is calling people, told as an act ("someone yelled
 * … downtown, reported it", "reporting the guy saying … in chat", "calling ppl … at the rec center is
 * gross", "ppl calling others …")? Not when the speaker does it: "I yelled …", "im calling them …".
 */
function saidByOthers(words: readonly string[], i: number): boolean {
  const k = i - 1;
  if (k >= 1 && SAID_ALOUD.has(words[k]!)) return !CALLERS_OWN.has(words[k - 1]!);
  // "calling [ppl | others | the kids | disabled people] …"
  for (let c = i - 1; c >= Math.max(0, i - 4); c--) {
    if (words[c] !== 'calling') continue;
    return c === 0 || !(CALLERS_OWN.has(words[c - 1]!) || words[c - 1] === 'am' || words[c - 1] === 'keep');
  }
  return false;
}

/** Is the slur at i one someone else called a person or said aloud, told by a speaker who does not side with it? */
export function slurOfOthers(text: string, words: readonly string[], i: number): boolean {
  return (calledByOthers(words, i) || saidByOthers(words, i)) && !agreesWith(text);
}

/** The words the speaker says: those quoted after a speech verb are someone else's ("the coach told her '…'"), unless the speaker sides with them. */
export function ownWords(text: string, t: readonly Token[], res: readonly Resolved[]): readonly Resolved[] {
  const spans = reportedQuotes(text);
  if (spans.length === 0 || agreesWith(text)) return res;
  return res.filter((_, i) => {
    const at = t[i]!.start;
    for (let k = 0; k < spans.length; k += 2) if (at >= spans[k]! && at < spans[k + 1]!) return false;
    return true;
  });
}
