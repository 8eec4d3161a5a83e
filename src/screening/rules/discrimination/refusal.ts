/**
 * A short comment's negations, for the gate (context-gate.ts): does a negation refuse a group a
 * place, a right or trust ("deaf people shouldnt run the front desk", "dont rent to haitians", "no
 * more somalis moving in"), which makes the comment's dislike explicit, or spare a group what it
 * suffers, lacks or has done to it ("… shouldnt be fired", "… cant even get into the meetings",
 * "… dont deserve this"), which is no cue at all?
 */
import { CONDITION_WORDS, HARM, TREAT_VERBS } from './lexicon.ts';
import { opensCondition, type Resolved } from './sentence.ts';
import { badWord, EXPERIENCED } from './valence.ts';

/** Words after a negation that are in its scope: a cue there is denied ("trans people arent groomers, keep them at the library"). */
export const NEGATION_SCOPE = 4;
/** "no wonder", "no offense": idioms, not negations. */
const IDIOMS_WITH_NO = new Set(['wonder', 'offense', 'offence']);

/** Is the "no" at i part of an idiom ("single moms raise thugs, no wonder …")? */
export function idiomWithNo(res: readonly Resolved[], i: number): boolean {
  return res[i]!.w === 'no' && IDIOMS_WITH_NO.has(res[i + 1]?.w ?? '');
}

/** Negated modals that refuse a group something when it is their subject ("… shouldnt be cops", "… cant be trusted", "… dont deserve a say"). */
const REFUSING = new Set(['shouldnt', 'cant', 'cannot', 'mustnt', 'dont', 'doesnt']);
/**
 * After "dont", only these refuse ("… dont deserve a permit", "… dont have a stake"); "… dont all look the same" denies a
 * stereotype. Not "need": "old people dont need another lecture" is as likely as "girls dont need scholarships".
 */
const REFUSED_AFTER_DO = new Set(['deserve', 'deserves', 'belong', 'belongs', 'get', 'gets', 'have', 'has', 'count', 'counts', 'matter', 'matters']);
/** After a negation, what a group suffers or lacks, or is to be given: it spares the group ("… shouldnt have to wait", "… cant even get into the meetings", "… cant do the paperwork alone"). */
const SPARING = new Set([...HARM, ...EXPERIENCED, 'even', 'afford', 'access', 'reach', 'enter', 'without', 'wait', 'stand', 'pay', 'lose', 'fear',
  'hungry', 'help', 'find', 'through', 'follow', 'hear', 'see', 'danger', 'scared', 'harassment', 'hate', 'abuse', 'discrimination', 'racism',
  // done to them, also after "get" ("… shouldnt get harassed")
  'harassed', 'denied', 'turned', 'excluded', 'left', 'treated', 'forced', 'evicted', 'bullied', 'ignored', 'mocked', 'targeted',
  'threats', 'threatened', 'attacks', 'slurs', 'insults', 'scammed', 'robbed',
  // an accommodation asked for them ("… cant sit in the permit line, add chairs"; and "move it": "single moms cant make a 9am meeting, move it to evenings")
  'add', 'fix', 'provide', 'offer', 'install', 'maybe', 'accommodate', 'accessible', 'ramp', 'ramps', 'captions', 'chairs', 'seating', 'interpreter', 'interpreters', 'translator', 'translators', 'shuttle']);
const CONDITION_SET: ReadonlySet<string> = new Set(CONDITION_WORDS);
/** Subjects that start another clause after a refusal: what follows is theirs. */
const OTHERS = new Set(['ppl', 'people', 'everyone', 'everybody', 'we', 'i', 'you', 'u', 'kids', 'residents', 'customers', 'parents']);
/** Between a group and its modal, a relative clause: one person, not the group. */
const RELATIVE = new Set(['who', 'that', 'which']);
/** After "dont let <group>", where a group is kept ("dont let women on the zoning board"), not what it is spared ("dont let the seniors miss the flu clinic"). */
const LET_INTO = new Set(['on', 'in', 'into', 'onto', 'near', 'inside', 'around', 'run', 'open', 'coach', 'teach', 'work', 'vote', 'move', 'buy', 'rent', 'live', 'use']);
/** Past participles, regular and the common irregular ones of what is done to people. */
export const PARTICIPLE = /^(?:[a-z]+ed|shot|hit|beaten|kept|left|told|thrown|driven|run|put|sent|caught|held|taken|given|let|hurt)$/;
/** Participles that grant: refused, they exclude ("… cant be trusted", "… shouldnt be allowed", "… shouldnt be let near …"). */
const GRANTED = new Set(['allowed', 'permitted', 'let', 'trusted', 'hired', 'elected', 'given', 'served', 'admitted', 'employed', 'promoted', 'licensed', 'married', 'accepted', 'welcomed', 'included', 'invited', 'housed', 'funded', 'paid', 'appointed', 'seated']);
/** Verbs an order refuses to a group ("dont rent to puerto ricans", "never trust a divorced guy", "dont let women on the board"). */
const REFUSED_ORDER = new Set([...TREAT_VERBS, 'let', 'give', 'put', 'allow']);
/** Before an order, words that leave it an order ("pls dont hire …", "we dont rent to …"). */
const BEFORE_ORDER = new Set(['pls', 'please', 'plz', 'just', 'so', 'and', 'lol', 'i', 'we', 'seriously']);

/** Does the negation at i refuse a group something: a group's negated modal, an order not to serve a group, or "no (more) <group>"? */
export function refuses(res: readonly Resolved[], i: number, asks: boolean): boolean {
  const w = res[i]!.w;
  const order = i === 0 || BEFORE_ORDER.has(res[i - 1]!.w);
  // "no more asians buying up houses"; not "no latino vendors at the festival this year", which may tell what is missing
  // ("no foreigners? half the city payroll is immigrants" asks back)
  if (w === 'no' && res[i + 1]?.w === 'more' && order && !asks) return groupWithin(res, i + 2, 2) && !spared(res, i + 2);
  // "no mosques in this town ever", "no hijabs at the city pool, its america"; not what is missing ("no latino vendors at the festival this year",
  // "no women on the panel again", "no kids with disabilities at the playground, theres no ramp") nor asked about
  if (w === 'no' && order && !asks && groupWithin(res, i + 1, 2, true) && !missing(res)) return !spared(res, i + 1);
  if ((w === 'dont' || w === 'never') && order && REFUSED_ORDER.has(res[i + 1]?.w ?? '')) {
    // the group is what is refused, not someone else named first ("dont let bigots scare the muslim family")
    for (let k = i + 2; k <= i + 5 && k < res.length; k++) {
      if (res[k]!.g) return !spared(res, k) && (res[i + 1]!.w !== 'let' || LET_INTO.has(res[k + 1]?.w ?? ''));
      if (res[k]!.attr || res[k]!.hate || badWord(res[k]!.w)) return false;
    }
    return false;
  }
  if (!REFUSING.has(w)) return false;
  let subject = false;
  for (let k = Math.max(0, i - 3); k < i; k++) {
    // a group, or people named by a condition ("ppl with down syndrome", "adhd ppl")
    if (res[k]!.g || CONDITION_SET.has(res[k]!.w)) subject = true;
    // "a woman who just cant cook" is one woman
    else if (subject && RELATIVE.has(res[k]!.w)) return false;
  }
  if (!subject) return false;
  const verb = res[i + 1]?.w;
  if (verb === undefined || ((w === 'dont' || w === 'doesnt') && !REFUSED_AFTER_DO.has(verb))) return false;
  // "… dont deserve this" spares them it
  if ((verb === 'deserve' || verb === 'deserves') && (res[i + 2]?.w === 'this' || res[i + 2]?.w === 'that')) return false;
  return !spared(res, i);
}

/**
 * Words that make "no <group> …" a report of who is missing ("… this year", "… again", "… yet") or a
 * call to mend it ("… the district needs to recruit", "…, why", "… theres no ramp", "… shameful"); the grammar's "no <group> at …" asks it too.
 */
const MISSING = new Set(['again', 'year', 'yet', 'still', 'anymore', 'today', 'tonight', 'week', 'either',
  'recruit', 'recruiting', 'hire', 'hiring', 'add', 'fix', 'need', 'needs', 'represented', 'representation', 'shameful', 'sad', 'better', 'noticed',
  'ramp', 'ramps', 'interpreter', 'interpreters', 'captions', 'accessible', 'left', 'consulted']);
/** Does the comment tell who is missing, or ask for it mended, rather than keep a group out? */
export function missing(res: readonly Resolved[]): boolean {
  for (let k = 0; k < res.length; k++) if (MISSING.has(res[k]!.w)) return true;
  // "…, why" at the end asks why they are missing ("we know why" insinuates)
  return res.length > 0 && res[res.length - 1]!.w === 'why' && res[res.length - 2]?.w !== 'know';
}
/** Is a group word (or, with `standIns`, a stand-in for one: "no mosques", "no turbans") among the n words from i? */
export function groupWithin(res: readonly Resolved[], i: number, n: number, standIns = false): boolean {
  for (let k = Math.max(0, i); k < i + n && k < res.length; k++) if (res[k]!.g || (standIns && res[k]!.proxy)) return true;
  return false;
}

/**
 * Do the words after i spare a group what it suffers or lacks rather than refuse it something: a hardship
 * ("… shouldnt have to wait", "… cant even get into the meetings", "… cant do the paperwork alone"), or
 * a thing done to it ("… shouldnt be fired", "… harassed", "… turned away"; not "… cant be trusted",
 * "… shouldnt be allowed")?
 */
function spared(res: readonly Resolved[], i: number): boolean {
  for (let k = i + 1; k <= i + 7 && k < res.length; k++) {
    const x = res[k]!.w;
    // someone else's hardship from here on ("sikhs shouldnt be security guards, ppl get scared")
    if (OTHERS.has(x)) return false;
    if (SPARING.has(x) || ((x === 'have' || x === 'need') && res[k + 1]?.w === 'to') || (x === 'move' && res[k + 1]?.w === 'it')) return true;
    // under a condition, what they cannot do is a hardship told ("… cant plan around the pool if their hours keep getting canceled",
    // "… cant get to the clinic when the bus doesnt run")
    if (opensCondition(res, k)) return true;
    // "… shouldnt be fired", "… shouldnt get pushed out": done to them
    if ((x === 'be' || x === 'get' || x === 'getting') && PARTICIPLE.test(res[k + 1]?.w ?? '') && !GRANTED.has(res[k + 1]!.w)) return true;
  }
  return false;
}
