/**
 * V.2: where a protected group is mentioned — a group noun, a group adjective with a people noun
 * ("gay people", "Mexican workers"), a generic singular ("never trust a Muslim", not "the woman
 * next door"), "people with HIV / of color / from Africa", a group adjective used as a noun ("the
 * Chinese") — and derogatory words stuck to the mention ("Jewish vermin", "filthy immigrants").
 */
import { CONDITION_NEEDS, CONDITIONS, DEROG_NOUNS, GROUP_ADJ, GROUP_NOUNS, NOMINAL_ADJ, ORIGIN_NOUNS, PEOPLE } from './lexicon.ts';
import { benefitGroupAt, onBenefits, PROGRAMMES } from './disability-benefits.ts';
import { COPULA, DESCRIBING, FILLER, type Found, isContent, negatedIn, type Resolved, type Sentence } from './sentence.ts';

export const GROUP_SET = new Set(GROUP_NOUNS);
export const ADJ_SET = new Set(GROUP_ADJ);
export const DEROG_SET = new Set(DEROG_NOUNS);
/** Singular group words that, after "the", "that", "my" …, name one person (a personal attack at most, V.14). */
export const SINGULAR = new Set(['woman', 'muslim', 'jew', 'immigrant', 'migrant', 'refugee', 'lesbian', 'homosexual', 'veteran', 'alien', 'man', 'guy', 'girl', 'boy', 'lady', 'person', 'kid', 'child', 'family', 'mother', 'mom', 'dad']);
/** Before a singular group word, the words that make it any member of the group ("never trust a …", "every …"). */
export const GENERIC = new Set(['a', 'an', 'every', 'any', 'no', 'another', 'each', 'last', 'single', 'next']);

/** Is the singular group word at i generic ("a woman", "every filthy immigrant"), not one person ("the woman", "Woman sets …")? */
export function generic(res: readonly Resolved[], i: number): boolean {
  for (let k = i - 1; k >= Math.max(0, i - 4); k--) {
    const r = res[k]!;
    if (GENERIC.has(r.w)) return true;
    if (!(r.attr || ADJ_SET.has(r.w) || FILLER.has(r.w) || DESCRIBING.has(r.w))) return false;
  }
  return false;
}
/** Before a nominal adjective: "a Mexican", "every Muslim", "no Jew". */
export const NOMINAL_BEFORE = new Set(['a', 'an', 'every', 'any', 'no', 'another', 'last', 'single', 'typical']);
export const NOMINAL_PLURAL = new Set(['chinese', 'japanese', 'vietnamese', 'irish', 'disabled', 'elderly', 'handicapped']);
/** Words after which a group is introduced by "with …" or "of …" ("people with HIV", "people of color"). */
export const HEADS = new Set(['people', 'ppl', 'person', 'persons', 'folks', 'anyone', 'anybody', 'someone', 'nobody', 'those', 'kids', 'children', 'men', 'women', 'families', 'everyone', 'adults', 'guys', 'ladies', 'girls', 'boys', 'students']);

/**
 * Can groupAt start a group at this word though it is no group word: a head ("people with …"),
 * "non-binary", a condition in two words, a disability benefit ("ssi people")?
 */
export function startsGroupPhrase(w: string): boolean {
  return HEADS.has(w) || w === 'non' || CONDITION_PAIRS.has(w) || PROGRAMMES.has(w) || NAMED_PAIRS.has(w) || w === 'one';
}

/** Is the text at token i a protected-group mention? Returns the index just after it, or -1. */
export function groupAt(s: Sentence, i: number): number {
  const { res, brk } = s;
  if (i >= res.length) return -1;
  const r = res[i]!;
  const next = i + 1 < res.length ? res[i + 1] : undefined;
  if (!r.g) {
    // "no one over 60 …" as "nobody over 60 …"
    if (HEADS.has(r.w) || (r.w === 'one' && i > 0 && res[i - 1]!.w === 'no')) return next === undefined ? -1 : headed(s, i, next.w);
    // "gen z", "they/them (people)"
    const named = NAMED_PAIRS.get(r.w);
    if (named !== undefined && next !== undefined && named.includes(next.w) && !brk(i, i + 1)) return i + 2 < res.length && PEOPLE.has(res[i + 2]!.w) && !brk(i + 1, i + 2) ? i + 3 : i + 2;
    // "non-binary"
    if (r.w === 'non' && next?.w === 'binary') return next && i + 2 < res.length && PEOPLE.has(res[i + 2]!.w) ? i + 3 : i + 2;
    // "special needs kids", "down syndrome adults"
    const seconds = CONDITION_PAIRS.get(r.w);
    if (seconds !== undefined) return next !== undefined && seconds.includes(next.w) && i + 2 < res.length && PEOPLE.has(res[i + 2]!.w) && !brk(i, i + 2) ? i + 3 : -1;
    // "ssi people", "ssdi recipients"
    if (PROGRAMMES.has(r.w)) {
      const end = benefitGroupAt(res, i);
      return end >= 0 && !brk(i, end - 1) ? end : -1;
    }
    return -1;
  }
  const prev = i > 0 ? res[i - 1]!.w : undefined;
  // "the christian right", "christian nationalists": a political camp, not a faith
  if (politicalCamp(res, i)) return -1;
  if (ADJ_SET.has(r.w)) {
    // "gay people", "Mexican workers", "black gay men", "single mothers"
    let j = i + 1;
    if (j + 1 < res.length && ADJ_SET.has(res[j]!.w) && PEOPLE.has(res[j + 1]!.w)) j++;
    if (j < res.length && PEOPLE.has(res[j]!.w) && !brk(j - 1, j)) {
      if (SINGULAR.has(res[j]!.w) && !generic(res, i)) return -1;
      return j + 1;
    }
  }
  if (GROUP_SET.has(r.w)) {
    if (SINGULAR.has(r.w) && !generic(res, i)) return -1;
    // a group noun that also is an adjective, before another noun, modifies it ("Muslim holidays")
    if (ADJ_SET.has(r.w) && next && !brk(i, i + 1) && isContent(next.w)) return -1;
    return i + 1;
  }
  // "a Mexican", "the Chinese", "… are Haitian."
  if (NOMINAL_ADJ.has(r.w) && prev !== undefined && (NOMINAL_BEFORE.has(prev) || (NOMINAL_PLURAL.has(r.w) && (prev === 'the' || prev === 'those' || prev === 'these' || prev === 'all')) || COPULA.has(prev))) {
    if (!next || brk(i, i + 1) || !isContent(next.w)) return i + 1;
  }
  return -1;
}

/**
 * A group named after a head word at i ("people", "anyone" …) and the word after it: "people with
 * HIV", "people of color", "people in wheelchairs", "anyone over 60", "people from Africa". Kept out
 * of groupAt, which runs for every token, so its optimised code stays small.
 */
function headed(s: Sentence, i: number, after: string): number {
  const res = s.res;
  if ((after === 'with' || after === 'of') && !s.brk(i, i + 1)) return phraseGroup(res, i + 2, after === 'of');
  if (i + 2 >= res.length || s.brk(i, i + 2)) return -1;
  if (after === 'on') {
    const end = onBenefits(res, i + 1);
    return end >= 0 && !s.brk(i, end - 1) ? end : -1;
  }
  const w = res[i + 2]!.w;
  if (after === 'in') {
    if (WORN.has(w)) return i + 3;
    if ((w === 'a' || w === 'an') && i + 3 < res.length && WORN.has(res[i + 3]!.w)) return i + 4;
  }
  if (after === 'over' && OLD_AGES.has(w)) return i + 3;
  if (after === 'from' && ORIGINS.has(w)) return i + 3;
  return -1;
}

/** After "with" / "of" at j: a condition or origin within 3 words; the index after it, or -1. */
export function phraseGroup(res: readonly Resolved[], j: number, of: boolean): number {
  for (let k = j; k < Math.min(res.length, j + 3); k++) {
    const w = res[k]!.w;
    if (!of && CONDITIONS.has(w)) {
      const needs = CONDITION_NEEDS[w];
      if (!needs) return k + 1;
      return res[k + 1] && needs.includes(res[k + 1]!.w) ? k + 2 : -1;
    }
    if (ORIGIN_NOUNS.has(w) && (w === 'color' || w === 'colour' || (k > j && res[k - 1]!.g))) return k + 1;
    if (!(w === 'a' || w === 'an' || w === 'the' || res[k]!.g || w === 'bad' || w === 'mixed')) return -1;
  }
  return -1;
}
/** After a faith's adjective, words that make it a political camp ("the christian right"). */
const POLITICAL_CAMPS = new Set(['right', 'left', 'conservatives', 'conservative', 'liberals', 'nationalists', 'nationalism', 'republicans', 'democrats']);
const FAITHS = new Set(['christian', 'evangelical', 'catholic']);
/** Is the word at i a faith's adjective naming a political camp ("the christian right", "christian nationalists", "evangelical conservatives")? */
export function politicalCamp(res: readonly Resolved[], i: number): boolean {
  return FAITHS.has(res[i]!.w) && i + 1 < res.length && POLITICAL_CAMPS.has(res[i + 1]!.w);
}
/** Disabilities named in two words before a people noun ("special needs kids", "down syndrome adults"). */
const CONDITION_PAIRS: ReadonlyMap<string, readonly string[]> = new Map([['special', ['needs', 'ed']], ['down', ['syndrome']], ['mixed', ['race']], ['middle', ['eastern']], ['third', ['world']], ['same', ['sex']]]);
/**
 * Groups named in two words with no people noun needed: a generation ("gen z is …"), people by their pronouns ("they/them
 * freaks"), by a condition or by their skin in slang ("mental cases", "the short bus crowd", "light skin only", "dark ones",
 * "the alphabet ppl").
 */
const NAMED_PAIRS: ReadonlyMap<string, readonly string[]> = new Map([['gen', ['z', 'x', 'alpha']], ['they', ['them']], ['mental', ['cases', 'patients']],
  ['short', ['bus']], ['light', ['skin']], ['dark', ['ones', 'faces']], ['alphabet', ['ppl', 'people', 'crowd', 'mafia', 'community']], ['asylum', ['seekers']],
  // same-sex parents ("two dads adopting? those poor kids")
  ['two', ['moms', 'dads', 'mommies', 'daddies', 'mothers', 'fathers']],
  // slurs for Christians and Jews in two words
  ['bible', ['thumpers', 'thumper', 'bashers']], ['christ', ['killers']]]);
/** Can a group named in two words (NAMED_PAIRS, CONDITION_PAIRS) start at this word? A fact of the word alone, kept in the word table. */
export function startsPair(w: string): boolean {
  return NAMED_PAIRS.has(w) || CONDITION_PAIRS.has(w);
}

/** Do words i and i + 1 name a group together (NAMED_PAIRS, CONDITION_PAIRS)? */
export function pairAt(t: readonly { w: string }[], i: number): boolean {
  const seconds = NAMED_PAIRS.get(t[i]!.w) ?? CONDITION_PAIRS.get(t[i]!.w);
  return seconds !== undefined && i + 1 < t.length && seconds.includes(t[i + 1]!.w);
}
/** What marks a group "in" it: a wheelchair, religious dress. */
export const WORN = new Set(['wheelchairs', 'wheelchair', 'hijabs', 'hijab', 'headscarves', 'headscarf', 'burqas', 'burkas', 'burqa', 'turbans', 'turban', 'yarmulkes', 'niqabs']);
/** 40 to 99: "anyone over 60" names an age group; "anyone over 18" does not. */
export const OLD_AGES: ReadonlySet<string> = new Set(Array.from({ length: 60 }, (_, k) => String(40 + k)));
/** Places of origin after "people from …". */
export const ORIGINS = new Set([
  'africa', 'mexico', 'asia', 'china', 'india', 'haiti', 'somalia', 'syria', 'pakistan', 'iran', 'iraq', 'afghanistan', 'nigeria', 'ethiopia',
  'jamaica', 'cuba', 'guatemala', 'honduras', 'salvador', 'russia', 'ukraine', 'armenia', 'israel', 'palestine', 'gaza', 'korea', 'japan',
  'vietnam', 'philippines', 'samoa', 'tonga', 'arabia', 'lebanon', 'turkey', 'bangladesh', 'venezuela', 'colombia', 'brazil', 'poland', 'ireland', 'italy',
]);

/** "Jewish vermin", "filthy immigrants", "these vermin immigrants": a derogatory word right before the group. */
export function derogModifier(s: Sentence, i: number, end: number): Found | undefined {
  const { res, brk } = s;
  const r = res[i]!;
  const p = res[i - 1];
  if (p && !brk(i - 1, i) && p.attr && !MODIFIER_EXEMPT.has(p.w) && !(NOUNISH.has(p.w) && COMPOUNDING.has(r.w)) && !negatedIn(s, i - 6, i - 1)) return { from: i - 1, to: end, why: 'derogatory or dehumanising statement about a protected group' };
  // a group adjective before a derogatory noun: "Muslim pigs", "immigrant rats"
  const n = res[i + 1];
  if (ADJ_SET.has(r.w) && !ADJ_EXEMPT.has(r.w) && n && (DEROG_SET.has(n.w) || SWARM.has(n.w)) && !DEEDS_NOUNS.has(n.w) && !brk(i, i + 1)) return { from: i, to: i + 2, why: 'derogatory or dehumanising statement about a protected group' };
  return undefined;
}
/**
 * Nouns that after a group adjective do not make derogation by themselves: people who do a deed
 * ("Islamic terrorists", "Mexican drug dealers" name them, they do not dehumanise a group).
 */
export const DEEDS_NOUNS = new Set([
  'criminals', 'rapists', 'terrorists', 'jihadists', 'thugs', 'gangsters', 'gangbangers', 'pedophiles', 'pedos', 'molesters', 'predators',
  'dealers', 'traffickers', 'thieves', 'crooks', 'liars', 'cheaters', 'frauds', 'drunks', 'junkies', 'extremists', 'idiots', 'morons',
  // sexual insults after a group adjective ("Latina bitches") are most often profanity about women (V.3), rarely about the group
  'bitches', 'hoes', 'whores', 'sluts',
  'alcoholics', 'addicts', 'crackheads', 'druggies', 'hustlers', 'delinquents', 'troublemakers', 'deadbeats', 'bums', 'lowlifes', 'losers',
]);
/** A group as a mass that overruns ("the Asian invasion", "a Muslim plague"). */
export const SWARM = new Set(['invasion', 'infestation', 'plague', 'horde', 'hordes', 'swarm', 'swarms', 'scourge']);
/** Derogatory nouns that form compounds with "men", "people" … ("garbage men", "animal people"). */
export const NOUNISH = new Set([...DEROG_NOUNS, 'trash', 'garbage', 'rubbish', 'filth', 'cancer', 'plague', 'disease', 'virus', 'waste', 'poison', 'evil', 'nothing', 'criminal', 'animal', 'monster', 'beast', 'freak', 'pervert', 'idiot', 'moron']);
export const COMPOUNDING = new Set(['men', 'women', 'man', 'woman', 'people', 'folks', 'guys', 'ladies', 'girls', 'boys', 'males', 'females']);
/** Words that describe acts or facts more than people: "criminal immigrants", "the worst seniors' fares" are not derogation. */
export const MODIFIER_EXEMPT = new Set(['criminal', 'criminals', 'illegal', 'worst', 'nothing', 'threat', 'waste', 'mistake', 'burden', 'drain', 'weak', 'fake', 'dangerous', 'awful', 'terrible', 'horrible']);
/** Colour, age and sex adjectives before an animal word are usually about the animal ("black rats", "old dogs"). */
export const ADJ_EXEMPT = new Set(['black', 'white', 'brown', 'old', 'older', 'female', 'male', 'single', 'native', 'foreign', 'blind', 'deaf', 'wheelchair', 'military', 'physically', 'mentally']);
