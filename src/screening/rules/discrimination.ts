/**
 * V.2 (comments) and IV.D.7(d) (posts) — content that promotes, fosters or perpetuates
 * discrimination on the basis of race, religious creed, color, national origin, ancestry,
 * physical or mental disability, medical condition, genetic information, marital status, sex,
 * gender, gender identity or expression, age, sexual orientation, or military and veteran status.
 *
 * Identity terms alone never trigger. A finding needs a protected group AND something said
 * against it (discrimination/before.ts for the words in front of the group, grammar.ts for what
 * follows, valence.ts for open-ended generalisations, phrases.ts for fixed tropes): hatred ("I
 * hate …"), a derogatory or dehumanising attribute ("… are vermin", "Muslim pigs"), a threat or call for harm or expulsion ("… should be
 * deported", "get rid of the …", "kick the … out"), exclusion ("… don't belong here", "I would
 * never hire a …", "no … allowed"), a negative stereotype or conspiracy ("… control the council",
 * "… ruin everything"), a negated positive ("… are not human"), a pronoun or apposition that
 * refers to the group ("They're animals, these immigrants"), or a slur (discrimination/lexicon.ts).
 * Where the grammar finds nothing, a context model (discrimination/context.ts) reads what is said
 * around a group, a trait or a word standing in for one (insinuation, anecdote, sarcasm).
 * Not raised: negated hate ("… are not disgusting"), attacks on individuals or on unprotected
 * groups; counter-speech, quotation and reclaimed self-reference are advice only
 * (discrimination/counter-speech.ts). One-edit misspellings, spacing and leetspeak are resolved first.
 */
import { classifierHit } from '../classify.ts';
import { FuzzyVocab } from '../fuzzy.ts';
import { ENGLISH_NEAR_VOCABULARY } from './discrimination/near-words.ts';
import { hasAny, lexHits, regexHits } from '../hits.ts';
import { Lexicon } from '../lexicon.ts';
import type { Rule, RuleContext } from '../rule.ts';
import type { Hit } from '../types.ts';
import { F_GROUPS, FACT_STRIDE, FACTS, holds, objectColumn } from '../words.ts';
import type { Token } from '../normalize.ts';
import { AGREED, COUNTER, quoted, reclaimed, RECORDED, REPORTED } from './discrimination/counter-speech.ts';
import { agreesWith, othersView, ownWords, slurOfOthers, viewAfter } from './discrimination/reported.ts';
import { before } from './discrimination/before.ts';
import { after } from './discrimination/grammar.ts';
import { badWord, valenceOf } from './discrimination/valence.ts';
import { likenedToVermin, typicalBefore, typicalOf, whereTheyBelong } from './discrimination/implicit.ts';
import { DEHUMANISING_TRIGGERS, dehumanisedPerson, mayNamePerson, personOfGroup, typicalPerson } from './discrimination/one-person.ts';
import { contextScore, nameHash } from './discrimination/context.ts';
import { mayJudge, namesTraitOrProxy, shortWithGroupWord, TRAIT_OR_PROXY } from './discrimination/context-gate.ts';
import { ALL_OF_THEM, ALL_OF_THEM_TRIGGERS, phraseHits } from './discrimination/phrases.ts';
import { INSULT_STARTS, programmeInsult } from './discrimination/disability-benefits.ts';
import { ADJ_SET, derogModifier, GROUP_SET, groupAt, OLD_AGES, pairAt, startsPair, ORIGINS, startsGroupPhrase, WORN } from './discrimination/mentions.ts';
import { COPULA, FILLER, type Found, NEGATORS, PRONOUNS, type Resolved, type Sentence } from './discrimination/sentence.ts';
import {
  ATTRIBUTES, CONDITION_WORDS, CONDITIONS, CONSPIRACY_OBJECTS, DEROG_ONE, CONTROL_VERBS, DEROG_NOUNS, GROUP_ADJ, GROUP_DEEDS, GROUP_NOUNS, HARM, HARMFUL_THINGS, HATE_VERBS,
  homonym, NEG_ATTR, PEOPLE, POS_ATTR, RIGHTS, SLURS, TREAT_VERBS,
} from './discrimination/lexicon.ts';

const slurs = new Lexicon(SLURS);
/** The V.2 model alone is weak evidence (davidson's hate/offensive line is noisy): advise only when fairly sure. */
const MODEL_ADVICE_FLOOR = 0.7;
/**
 * Below this general-classifier V.2 probability a comment that names no group is not given to the
 * context model (about a fifth of the bench's comments); it cost one block of the 760-line test
 * split of the project's V.2 sets and none on the probes.
 */
const UNNAMED_FLOOR = 0.02;
const groupVocab = new FuzzyVocab([...GROUP_NOUNS, ...GROUP_ADJ], 5);
const attrVocab = new FuzzyVocab([...NEG_ATTR, ...HATE_VERBS], 5);
const ATTR_SET = new Set(NEG_ATTR);
const HATE_SET = new Set(HATE_VERBS);
/**
 * Words a finding can hang on: without one (most comments) the rule does no more than look at each
 * token's bits. Every finding needs a group word (or a condition or origin after "people with/of"),
 * so those are anchors; so are the hate, harm and attribute words next to which a misspelt group
 * word is looked for, except the frequent ones that are not worth a closer look on their own
 * ("bitches" alone is V.3's business; "… women are bitches" has its anchor in "women").
 */
const NOT_ANCHORS = new Set(['married', 'bitches', 'hoes', 'whores', 'sluts', 'drunk', 'drunks', 'liar', 'terrible', 'insane', 'violent', 'hateful', 'devil', 'crook', 'crooks', 'gang', 'stealing', 'invasion', 'thief', 'kicked', 'thrown', 'losers', 'bums', 'addicts']);
/** Singular derogatory nouns ("a thug", "a dog") are read only beside a group word, which is an anchor itself. */
const ONE_OF = new Set(DEROG_ONE.filter((w) => !DEROG_NOUNS.includes(w) && !ATTRIBUTES.includes(w)));
const ANCHORS = new Set([
  ...GROUP_NOUNS, ...GROUP_ADJ, ...[...NEG_ATTR, ...DEROG_NOUNS].filter((w) => !NOT_ANCHORS.has(w) && !ONE_OF.has(w)), ...HATE_VERBS, ...HARM, 'belong', 'fuck', 'kill',
  ...[...CONDITIONS].filter((w) => !['down', 'mental', 'genetic', 'cerebral'].includes(w)),
  'syndrome', 'illness', 'illnesses', 'disorder', 'disorders', 'diseases', 'defects', 'palsy', 'color', 'colour', 'descent', 'binary',
  // "special needs kids shouldnt be in regular camp" has no other anchor, and a comment without one is not read
  'special',
  ...WORN, ...INSULT_STARTS,
  // ages that name a group after "over" ("people over 70 shouldn't vote")
  ...OLD_AGES,
]);

/** Words the grammar reads as they are: never "corrected" to a group or attribute one edit away ("schizophrenia", "diseases"). */
const GRAMMAR_WORDS = new Set([
  ...ORIGINS,
  'racist', 'racists', 'racism', 'sexist', 'sexism', 'bigot', 'bigotry', 'hateful', 'homophobic', 'transphobic', 'antisemitic', 'ableist',
  // words, not misspellings: "Queens drivers" are not "queers"
  'queens', 'queen', ...CONDITION_WORDS, ...TREAT_VERBS, ...GROUP_DEEDS, ...CONTROL_VERBS, ...CONSPIRACY_OBJECTS, ...HARMFUL_THINGS, ...PEOPLE, ...POS_ATTR, ...RIGHTS]);

/** A word's memberships as bits, kept in the word table (words.ts): the sets are asked once per word, not per token. */
const IS_GROUP = 1;
const IS_ATTR = 2;
const IS_HATE = 4;
const IS_ANCHOR = 8;
const KNOWN = 16;
const IS_PROXY = 32;
const IS_PAIR_START = 64;
function factBits(tok: Token): number {
  let f = tok.groups;
  if (f === 0) {
    const at = tok.k * FACT_STRIDE + F_GROUPS;
    const held = holds(tok.k, tok.w);
    if (!held || (f = FACTS[at]!) === 0) {
      const w = tok.w;
      f = KNOWN | (GROUP_SET.has(w) || ADJ_SET.has(w) ? IS_GROUP : 0) | (ATTR_SET.has(w) ? IS_ATTR : 0) | (HATE_SET.has(w) ? IS_HATE : 0) | (ANCHORS.has(w) ? IS_ANCHOR : 0) |
        (TRAIT_OR_PROXY.has(w) ? IS_PROXY : 0) | (startsPair(w) ? IS_PAIR_START : 0);
      if (held) FACTS[at] = f;
    }
    tok.groups = f;
  }
  return f;
}
const isAnchor = (tok: Token): boolean => (factBits(tok) & IS_ANCHOR) !== 0;
const isProxy = (tok: Token): boolean => (factBits(tok) & IS_PROXY) !== 0;
/**
 * Does a group named in two words start at token i ("light skin only …", "middle eastern guys …")? Their words are
 * too common to be anchors one by one; the pair makes the grammar read the comment.
 */
const pairFrom = (toks: readonly Token[], i: number): boolean => (factBits(toks[i]!) & IS_PAIR_START) !== 0 && pairAt(toks, i);
function namesPair(toks: readonly Token[]): boolean {
  for (let i = 0; i + 1 < toks.length; i++) if (pairFrom(toks, i)) return true;
  return false;
}

/** A token's word as it stands (before one-edit resolution); made only for texts with an anchor. Never mutated. */
const asIsColumn = objectColumn<Resolved>();
function asIs(tok: Token): Resolved {
  let r = asIsColumn[tok.k];
  if (r === undefined || !holds(tok.k, tok.w)) {
    const f = factBits(tok);
    r = resolvedWord(tok.w, (f & IS_GROUP) !== 0, (f & IS_ATTR) !== 0, (f & IS_HATE) !== 0);
    if (holds(tok.k, tok.w)) asIsColumn[tok.k] = r;
  }
  return r;
}

/** A word as V.2 reads it, with what the context model reads of it (one object shape for all). */
function resolvedWord(w: string, g: boolean, attr: boolean, hate: boolean): Resolved {
  return { g, attr, hate, w, hash: nameHash(w), valence: valenceOf(w), proxy: TRAIT_OR_PROXY.has(w) };
}

export function resolveWords(toks: readonly Token[]): Resolved[] {
  // filled by push, not new Array(n): a packed array, as ownWords' filter makes, so the context
  // model's readers see one kind of array (a holey one deoptimised them)
  const out: Resolved[] = [];
  let anchored = false;
  let reread = false;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (isAnchor(t)) anchored = true;
    // a contraction or a pair (below) to read differently
    if (t.end - t.start !== t.w.length || (factBits(t) & IS_PAIR_START) !== 0) reread = true;
    out.push(asIs(t));
  }
  if (anchored) resolveNearAnchors(toks, out);
  if (!reread) return out;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    // "he'll", "i'll", "we'd" lose their apostrophe in the word ("hell", "ill", "wed"): read the pronoun
    const pronoun = t.end - t.start !== t.w.length ? CONTRACTED.get(t.w) : undefined;
    if (pronoun !== undefined) out[i] = pronoun;
    // "light skin", "gen z": the pair's second word stands for the group where a group word is
    // looked for (the short-comment gate's cues, the context model's <G>); groupAt reads the pair.
    // After the misspellings near an anchor are resolved, which would read the word as itself again
    else if (i + 1 < toks.length && pairFrom(toks, i)) out[i + 1] = resolvedWord(toks[i + 1]!.w, true, false, false);
  }
  return out;
}

/**
 * Misspelled neighbours of an anchor word resolved ("I hate wmoen", "women are disgustnig"): only
 * tokens within 4 of an exact anchor, so long texts stay cheap.
 */
function resolveNearAnchors(toks: readonly Token[], out: Resolved[]): void {
  let lastAnchor = -100;
  let nextAnchor = -1;
  const nextAnchorFrom = (k: number): number => {
    for (let j = k; j < toks.length; j++) if (isAnchor(toks[j]!)) return j;
    return Number.MAX_SAFE_INTEGER;
  };
  for (let i = 0; i < toks.length && i < 400; i++) {
    if (i > nextAnchor) nextAnchor = nextAnchorFrom(i);
    if (isAnchor(toks[i]!)) lastAnchor = i;
    if (i - lastAnchor > 4 && nextAnchor - i > 4) continue;
    out[i] = nearAnchor(toks[i]!);
    // "every single commission seat" is an idiom, not marital status
    if (i > 0 && out[i]!.w === 'single' && out[i - 1]!.w === 'every') out[i] = EVERY_SINGLE;
  }
}
const EVERY_SINGLE = resolvedWord('single', false, false, false);
/**
 * Contractions whose letters spell another word ("he'll" a curse, "i'll" an illness, "we'll"), read as their pronoun. Not
 * "it's" or "i'd": they spell nothing V.2 reads, and reading them differently moved the context model's training.
 */
const CONTRACTED: ReadonlyMap<string, Resolved> = new Map(
  [['hell', 'he'], ['shell', 'she'], ['ill', 'i'], ['well', 'we'], ['wed', 'we'], ['shed', 'she'], ['hed', 'he']].map(([w, p]) => [w!, resolvedWord(p!, false, false, false)]),
);

/** A word next to an anchor, resolved to the group or attribute word it misspells (or as it stands). */
const nearColumn = objectColumn<Resolved>();
function nearAnchor(tok: Token): Resolved {
  let r = nearColumn[tok.k];
  if (r === undefined || !holds(tok.k, tok.w)) {
    r = asIs(tok);
    if (!(r.g || r.attr || r.hate)) {
      const m = misspelt(r.w);
      if (m !== undefined) r = m.group ? resolvedWord(m.word, true, false, false) : resolvedWord(m.word, false, ATTR_SET.has(m.word), HATE_SET.has(m.word));
    }
    if (holds(tok.k, tok.w)) nearColumn[tok.k] = r;
  }
  return r;
}

/**
 * The group, attribute or hate word that w (neither itself) misspells, read next to an anchor;
 * undefined for a word read as written. English words one edit from one ("quakes", "having",
 * "indiana") are read as written: "the quakes destroyed the senior center" is not about Quakers.
 */
export function misspelt(w: string): { word: string; group: boolean } | undefined {
  return ENGLISH_NEAR_VOCABULARY.has(w) ? undefined : correction(w);
}
/**
 * misspelt without the English words one edit from the vocabulary (near-words.ts), which
 * scripts/screening/near-words.ts lists from this.
 */
export function correction(w: string): { word: string; group: boolean } | undefined {
  if (w.length < 4 || (w.length < 5 && !w.endsWith('z')) || COPULA.has(w) || FILLER.has(w) || NEGATORS.has(w) || ANCHORS.has(w) || GRAMMAR_WORDS.has(w)) return undefined;
  // "Muslimz", "Jewz": a plural written with z
  const z = w.endsWith('z') ? groupVocab.lookup(`${w.slice(0, -1)}s`) : undefined;
  const g = z ?? (w.length >= 5 ? groupVocab.lookup(w) : undefined);
  if (z || (g && typo(w, g))) return { word: g!, group: true };
  const a = g || w.length < 5 ? undefined : attrVocab.lookup(w);
  if (a && typo(w, a)) return { word: a, group: false };
  return undefined;
}

/**
 * Is t a likely misspelling of w, not another word one letter away? Letters swapped ("wmoen",
 * "disgustnig") at any length; a letter missing, added or changed only in words of 6 letters or
 * more ("imigrants"), never the first letter, and never a plural for its singular: "homes" is
 * not "homos", "beats" not "beasts", "sales" not "males", "illegal" not "illegals".
 */
function typo(t: string, w: string): boolean {
  if (t[0] !== w[0] || w === `${t}s` || t === `${w}s`) return false;
  let i = 0;
  while (i < t.length && i < w.length && t[i] === w[i]) i++;
  if (t.length === w.length) {
    if (t.slice(i + 2) === w.slice(i + 2) && t[i] === w[i + 1] && t[i + 1] === w[i]) return true; // swapped
    return t.length >= 6 && t.slice(i + 1) === w.slice(i + 1); // changed
  }
  if (Math.min(t.length, w.length) < 6) return false;
  return t.length < w.length ? t.slice(i) === w.slice(i + 1) : t.slice(i + 1) === w.slice(i); // missing / added
}

/**
 * Can a group mention, a pronoun for one, an insult to a group named by its benefits, or a person
 * named by a trait start at this word? (what groupAt, the pronoun reading, programmeInsult and
 * one-person.ts start from): without one, analyse finds nothing.
 */
function mayName(r: Resolved): boolean {
  return r.g || startsGroupPhrase(r.w) || PRONOUNS.has(r.w) || r.w === 'theyre' || INSULT_STARTS.has(r.w) || mayNamePerson(r.w);
}

/** Before a group, words that make it part of a phrase about something else ("jokes about …"). */
const PREPOSITIONS = new Set(['about', 'of', 'for', 'against', 'regarding', 'toward', 'towards', 'by', 'from', 'among', 'between', 'on', 'to', 'with']);
/** "all of the …", "most of …": the group is still the subject. */
const QUANTIFIERS = new Set(['all', 'most', 'many', 'some', 'none', 'half', 'lot', 'lots', 'majority', 'each', 'any', 'one', 'both', 'few', 'several', 'plenty']);

/**
 * Groups mentioned and what is said against them (at most 5 findings). `aside`: every group named was the object of a preposition or inside someone else's relative
 * clause ("jokes about Mexicans", "landlords who refuse to rent to immigrants"): nothing is said of it.
 */
function analyse(text: string, t: readonly Token[], res: Resolved[]): { found: Found[]; defused: boolean; anyGroup: boolean; aside: boolean; sentence: Int32Array } {
  // one pass over the characters between tokens: which sentence and which clause each token is in
  const sentence = new Int32Array(res.length);
  const clause = new Int32Array(res.length);
  const equals = new Uint8Array(res.length);
  let asked: number[] | null = null; // sentences that end with "?"
  for (let i = 1; i < res.length; i++) {
    let ends = false;
    let pause = false;
    for (let c = t[i - 1]!.end; c < t[i]!.start; c++) {
      const ch = text.charCodeAt(c);
      // "brown skin != illegal", "≠" (folded to "!="): not equal, said as "is not"
      if (ch === 33 && text.charCodeAt(c + 1) === 61) { equals[i] = 2; c++; continue; }
      if (ch === 46 || ch === 33 || ch === 63 || ch === 59 || ch === 10) {
        ends = true; // . ! ? ; newline
        if (ch === 63) (asked ??= []).push(sentence[i - 1]!);
      } else if (ch === 44 || ch === 58) pause = true; // , :
      else if (ch === 61) equals[i] = 1; // "refugees = rapists"
    }
    sentence[i] = ends ? sentence[i - 1]! + 1 : sentence[i - 1]!;
    clause[i] = ends || pause ? i : clause[i - 1]!;
  }
  if (res.length > 0 && text.includes('?', t[res.length - 1]!.end)) (asked ??= []).push(sentence[res.length - 1]!);
  const brk = (a: number, b: number): boolean => sentence[a] !== sentence[b];
  const s: Sentence = { res, brk, clause, equals, sentence, asked };
  const belong = text.includes('belong'); // "… where they belong" is looked for only then
  const typical = text.includes('typical');
  const likened = text.includes('like ');
  const found: Found[] = [];
  const pending: Found[] = []; // said of "they" / "those people" before any group: kept if a group is named just after
  const mentions: number[] = [];
  let groupSeen = -1;
  let defused = false; // "Muslims are not disgusting", "I don't hate women": negated hate
  let covered = 0; // tokens before this index belong to a group mention already read ("trans | women")
  let asides = 0; // named groups nothing is said of (see `aside`)
  let agreed: boolean | undefined; // does the speaker side with a view reported (asked once, if at all)
  for (let i = 0; i < res.length && found.length < 5; i++) {
    if (i < covered) continue;
    const w = res[i]!.w;
    // "Muslim pigs", "immigrant rats": a group adjective before a derogatory noun
    if (ADJ_SET.has(w)) {
      const d = derogModifier(s, i, i + 1);
      if (d && d.from === i) { found.push(d); mentions.push(i); groupSeen = i; continue; }
    }
    // "ssi moochers", "welfare queens"
    if (INSULT_STARTS.has(w)) {
      const d = programmeInsult(res, t, i);
      if (d) { found.push(d); mentions.push(i); groupSeen = i; covered = d.to; continue; }
    }
    let end = groupAt(s, i);
    const named = end >= 0;
    // index checks, not res[i + 1]?.w: a read past the end deoptimises this loop
    const folk = i + 1 < res.length && (res[i + 1]!.w === 'people' || res[i + 1]!.w === 'folks' || (groupSeen >= 0 && (res[i + 1]!.w === 'kids' || res[i + 1]!.w === 'types')));
    const pronoun = !named && PRONOUNS.has(w) && (w !== 'those' && w !== 'these' || folk);
    if (!named && !pronoun) continue;
    if (!named) end = i + (folk ? 2 : 1);
    // "… men again. they clearly think women dont belong …": "they" holds the view; it stands for no group named before
    if (!named && viewAfter(res, end)) continue;
    if (named) {
      groupSeen = i;
      covered = end;
      mentions.push(i);
      const d = derogModifier(s, i, end);
      if (d) { found.push(d); continue; }
      // "typical female getting emotional", "typical Muslim always whining": a person summed up as the group's type
      if (typical && typicalBefore(s, i)) { found.push({ from: i - 1, to: end, why: 'negative stereotype about a protected group' }); continue; }
    }
    const b = before(s, i, end);
    if (b.found) { (named || groupSeen >= 0 ? found : pending).push(b.found); continue; }
    if (b.defused) { defused = true; continue; }
    // "why are women so stupid": the copula comes before the group
    let k = i - 1;
    while (k >= 0 && (res[k]!.w === 'all' || res[k]!.w === 'the' || res[k]!.w === 'those' || res[k]!.w === 'these')) k--;
    const copula = w === 'theyre' || (k >= 0 && (res[k]!.w === 'are' || res[k]!.w === 'r') && !brk(k, i));
    // "the mayor's comments about Mexicans were racist": what follows is said of the comments
    if (k >= 0 && PREPOSITIONS.has(res[k]!.w) && !brk(k, i) && !(k > 0 && QUANTIFIERS.has(res[k - 1]!.w))) { if (named) asides++; continue; }
    // "landlords who refuse to rent to immigrants should be fined": the group is in someone else's relative clause
    if (named && inRelative(s, i)) { asides++; continue; }
    // "the board thinks kids with ADHD are just bad kids", "they treat disabled people like criminals": someone else's view or conduct
    if (named && othersView(s, i) && !(agreed ??= agreesWith(text))) { asides++; continue; }
    const a = after(s, i, end, { copula: copula || b.wish, modal: b.wish, negated: b.negatedSubject });
    if (a.defused) defused = true;
    if (a.found) (named || groupSeen >= 0 ? found : pending).push(a.found);
    else if ((named || groupSeen >= 0) && !a.defused) {
      const f = (belong && named ? whereTheyBelong(s, end) : undefined) ?? (typical && named ? typicalOf(s, i) : undefined) ?? (likened ? likenedToVermin(s, i, end) : undefined);
      if (f) found.push(f);
    }
  }
  // "Those people are vermin, the immigrants …", "They're animals, these immigrants"
  for (const p of pending) if (mentions.some((m) => m >= p.to && m <= p.to + 10)) found.push(p);
  return { found, defused, anyGroup: mentions.length > 0, aside: mentions.length > 0 && asides === mentions.length, sentence };
}

/** Is the group at i inside a relative clause opened just before it ("people who hate …", "anyone who harasses …"; not "that", mostly "I think that …")? */
function inRelative(s: Sentence, i: number): boolean {
  for (let k = i - 1; k >= Math.max(0, i - 5, s.clause[i]!); k--) {
    const w = s.res[k]!.w;
    if (w === 'who' || w === 'whoever' || w === 'which') return true;
  }
  return false;
}

/** Condemned or reported outside the words found (so "… are hateful" is not its own condemnation). */
function reportedAround(ctx: RuleContext, start: number, end: number): boolean {
  const rest = `${ctx.norm.text.slice(0, start)} ${ctx.norm.text.slice(end)}`;
  return COUNTER.test(rest) || (REPORTED.test(rest) && !AGREED.test(rest));
}

/** Quoted, or condemned or reported around the words found. */
function condemned(ctx: RuleContext, start: number, end: number): boolean {
  // "my neighbor said '…' and he's right": quoted to agree with
  return (quoted(ctx.norm.text, start, end) && !agreesWith(ctx.norm.text)) || reportedAround(ctx, start, end);
}

/** A slur in quotes in a report or condemnation of it ("someone yelled '…' at my grandma"); unquoted, a slur is a slur. */
function quotedInReport(ctx: RuleContext, start: number, end: number): boolean {
  if (!quoted(ctx.norm.text, start, end)) return false;
  return reportedAround(ctx, start, end) || RECORDED.test(`${ctx.norm.text.slice(0, start)} ${ctx.norm.text.slice(end)}`);
}

/** A hit as found, or as advice when the speaker condemns or reports it. */
function judged(ctx: RuleContext, h: Hit): Hit {
  return condemned(ctx, h.start!, h.end!) ? mark(h) : h;
}

/** The hit of a grammar finding over tokens [from, to). */
function foundHit(t: readonly Token[], f: Found): Hit {
  return { message: f.why, score: 0.9, start: t[f.from]!.start, end: t[Math.min(f.to, t.length) - 1]!.end };
}

/** A finding the speaker may not mean as hate: advice for a moderator, not a block. */
function mark(h: Hit, what = 'quoted or condemned (counter-speech?)'): Hit {
  h.message = `${h.message} — ${what}`;
  h.score = 0.4;
  h.weak = true;
  return h;
}

function check(ctx: RuleContext): Hit[] {
  const hits: Hit[] = [];
  const t = ctx.tokens;
  let words: string[] | undefined;
  for (const m of slurs.match(t, 5)) {
    words ??= t.map((x) => x.w);
    if (homonym(words, m.from)) continue;
    const [h] = lexHits(ctx, [m], () => `slur "${ctx.text.slice(ctx.norm.map[t[m.from]!.start]!, ctx.norm.map[t[m.to - 1]!.end]!)}"`, 0.95);
    if (m.to - m.from === 1 && reclaimed(words, m.from)) hits.push(mark(h!, 'self-reference (reclaimed?)'));
    else if (quotedInReport(ctx, h!.start!, h!.end!)) hits.push(mark(h!, 'quoted in a report of it (counter-speech?)'));
    else if (slurOfOthers(ctx.norm.text, words, m.from)) hits.push(mark(h!, 'what someone else called a person or said aloud (a report?)'));
    else hits.push(h!);
  }
  phraseHits(ctx, (h) => hits.push(judged(ctx, h)));
  const r = read(ctx.norm.text, t);
  const a = r.analysis;
  if (a === undefined) return hits.length > 0 ? hits : unread(ctx, r);
  const res = r.res!;
  for (const f of a.found) hits.push(judged(ctx, foundHit(t, f)));
  // "the Nigerian guy … is running a scam, that's what they all do": one person made the whole group
  if (a.found.length === 0 && hasAny(ctx, ALL_OF_THEM_TRIGGERS) && (a.anyGroup || personOfGroup(res) >= 0)) {
    for (const h of regexHits(ctx, ALL_OF_THEM, 'negative stereotype about a protected group (one person taken for the group)', 0.9)) {
      // only what is bad is generalised: "… so nice, that's how they all are" passes
      if (t.some((x) => x.end <= h.start! && x.start >= h.start! - 200 && badWord(x.w))) hits.push(judged(ctx, h));
    }
  }
  // "typical black guy yelling": one person summed up as the group's type
  if (a.found.length === 0 && ctx.norm.text.includes('typical')) {
    const f = typicalPerson(res, a.sentence);
    if (f) hits.push(judged(ctx, foundHit(t, f)));
  }
  // "the guy in the wheelchair … nobody wants to hear from a vegetable": one person dehumanised for what they are
  if (a.found.length === 0 && hasAny(ctx, DEHUMANISING_TRIGGERS)) {
    const f = dehumanisedPerson(res, a.sentence);
    if (f) hits.push(judged(ctx, foundHit(t, f)));
  }
  if (hits.length === 0 && !a.defused) return unread(ctx, r);
  return hits;
}

/**
 * How far the grammar reads a comment: not at all without an anchor (a group word, a hate verb,
 * harm, a derogatory word: "I hate Mondays" has one, "this is so stupid" none), its words only where
 * no group mention can start, else the whole analysis.
 */
interface Reading { tokens: readonly Token[]; res: Resolved[] | undefined; analysis: ReturnType<typeof analyse> | undefined }
function read(text: string, tokens: readonly Token[]): Reading {
  if (!tokens.some(isAnchor) && !namesPair(tokens)) return { tokens, res: undefined, analysis: undefined };
  const res = resolveWords(tokens);
  if (!res.some(mayName)) return { tokens, res, analysis: undefined };
  return { tokens, res, analysis: analyse(text, tokens, res) };
}

/**
 * Does a comment the grammar found nothing against name a group for the context model: a group
 * word, a person named by a trait, a condition, or a word standing in for a group ("felt like I was
 * in Tijuana", "the tribe"), which counts even where the grammar does not read the comment; or, in
 * a short comment, a group word the grammar reads as no group mention?
 */
function namesGroup(r: Reading): boolean {
  if (r.res === undefined) return r.tokens.some(isProxy);
  const a = r.analysis;
  return (a !== undefined && (a.anyGroup || personOfGroup(r.res) >= 0)) || namesTraitOrProxy(r.res) || shortWithGroupWord(r.res);
}

/** What the grammar could not pin on a group: the context model's reading, with the general classifier as the fallback. */
function unread(ctx: RuleContext, r: Reading): Hit[] {
  const named = namesGroup(r);
  // a comment naming no group is not read again if the model may not judge it (it is short), if the
  // general classifier hears nothing hateful in it, or if it says who "they" are
  if (!mayJudge(r.tokens.length, named) || (!named && ((ctx.scores()['V.2'] ?? 0) < UNNAMED_FLOOR || namesWhoTheyAre(r.tokens)))) return modelOnly(ctx, false);
  return inContext(ctx, r.res ?? resolveWords(r.tokens), r.analysis?.anyGroup ?? false, r.analysis?.aside ?? false, named);
}

/** Nouns for people by what they do ("riders", "developers", "cyclists", "politicians", "contractors"), and some that do not end like them. */
const AGENT_NOUN = /^[a-z]{2,}(?:ers|ists|ians|ors|ants)$/;
const AGENTS_BY_NAME = new Set(['landlords', 'cops']);

/**
 * Does a comment that names no protected group name who "they" are, as those or these … of some
 * trade or habit ("those scooter riders are a menace, every single one of them", "all these
 * developers")? Then its generalisations are about them, and the context model is not asked.
 */
function namesWhoTheyAre(t: readonly Token[]): boolean {
  for (let i = 0; i + 1 < t.length; i++) {
    const w = t[i]!.w;
    if (w !== 'those' && w !== 'these' && w !== 'all') continue;
    for (let k = i + 1; k <= i + 2 && k < t.length; k++) if (AGENT_NOUN.test(t[k]!.w) || AGENTS_BY_NAME.has(t[k]!.w)) return true;
  }
  return false;
}

/** What the context model is given of a comment (for its training: the texts it learns its thresholds on). */
export function contextAsked(text: string, tokens: readonly Token[]): { named: boolean; aside: boolean; res: readonly Resolved[] } {
  const r = read(text, tokens);
  return { named: namesGroup(r), aside: r.analysis?.aside ?? false, res: ownWords(text, tokens, r.res ?? resolveWords(tokens)) };
}

/** A last clause asking the City to provide something: "…, add chairs", "…, fund one here", "… pls install a ramp". */
const ASKS_FOR_IT = /(?:^|[,.;:!?]\s*|\b(?:pls|please|so)\s+)(?:add|fund|install|provide|build|open|fix)\s+(?:one|some|chairs|benches|shade|ramps?|seating|interpreters?|translators?|bathrooms?|lights?|more (?:chairs|benches|shade|ramps|seating|bathrooms))\b[^,.;:!?]{0,40}[.!?\s]*$/;
/**
 * The grammar found nothing said against a group: the context model reads what is said
 * (insinuation, anecdote, sarcasm), at a higher threshold where no group is named ("those kids get
 * lots of practice running from cops"); the general classifier is the fallback.
 */
function inContext(ctx: RuleContext, res: readonly Resolved[], anyGroup: boolean, aside: boolean, named: boolean): Hit[] {
  const c = contextScore(ownWords(ctx.norm.text, ctx.tokens, res), aside, named, ctx.norm.text.includes('?'));
  // a comment that ends by asking the City for something ("…, add chairs", "…, fund one here") is not blocked on the model's word alone
  const strong = c.p >= c.block && !ASKS_FOR_IT.test(ctx.norm.text);
  if (!strong) {
    // the general classifier may still be sure enough to block where the context model only advises
    const m = modelOnly(ctx, anyGroup);
    if (c.p < c.advice || (m.length > 0 && !m[0]!.weak)) return m;
  }
  const what = named ? 'a protected group' : 'a protected group it does not name';
  const h: Hit = { message: `${strong ? '' : 'possibly '}hateful or demeaning talk about ${what} (context model, p=${c.p.toFixed(2)})`, score: c.p, weak: !strong };
  return [strong && reportedAround(ctx, 0, 0) ? mark(h, 'reported or condemned (counter-speech?)') : h];
}

/** The V.2 model alone: advice, or block only with a protected group named and p over the block threshold. */
function modelOnly(ctx: RuleContext, anyGroup: boolean): Hit[] {
  const c = classifierHit(ctx, 'V.2', 'hateful or discriminatory content');
  if (!c || c.score < MODEL_ADVICE_FLOOR) return [];
  if (!anyGroup) c.weak = true;
  return [c];
}

export const discriminationRule: Rule = {
  id: 'discrimination',
  clauses: { comment: 'V.2', post: 'IV.D.7(d)' },
  defaultSeverity: 'block',
  title: 'Discrimination on a protected basis',
  check,
};
