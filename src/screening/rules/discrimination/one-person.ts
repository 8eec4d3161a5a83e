/**
 * V.2 protects "any person", not only groups: one person named by what V.2 protects ("the Nigerian
 * guy", "the guy in the wheelchair", "a dude in lipstick and a skirt") and, in the same sentence or
 * the next, called a thing rather than a person ("… a vegetable", "disgusting freak"). An ordinary
 * complaint about that person's conduct ("the guy in the wheelchair was rude") is not this: only
 * dehumanising words count.
 */
import { triggers } from '../../hits.ts';
import { ADJ_SET, WORN } from './mentions.ts';
import type { Found, Resolved } from './sentence.ts';

/** Persons a group adjective may describe ("the Nigerian guy", "a gay couple"): one of a group, not the group. */
const ONE_PERSON = new Set([
  'guy', 'man', 'woman', 'lady', 'kid', 'boy', 'girl', 'family', 'couple', 'neighbor', 'neighbour', 'coach', 'driver', 'owner', 'appointee', 'person', 'dude',
  'worker', 'employee', 'student', 'tenant', 'landlord', 'clerk', 'officer', 'teacher', 'doctor', 'nurse', 'candidate', 'member', 'vendor',
]);
const MALE = new Set(['guy', 'man', 'boy', 'dude']);
/** What a man may wear that some mock as gender expression ("a dude in lipstick and a skirt"). */
const FEMININE = new Set(['dress', 'dresses', 'skirt', 'skirts', 'lipstick', 'makeup', 'wig', 'wigs', 'heels', 'earrings']);
/** Words that make a person a thing (not "animal" or "monster", which praise as often: "an animal on the grill"). */
const DEHUMANISING = ['freak', 'freaks', 'vegetable', 'creature', 'abomination', 'degenerate', 'sicko', 'weirdo', 'subhuman', 'mutant'];
/** Before "freak", the words that make it the person ("disgusting freak"), not a fan ("a Lego freak", "a neat freak"). */
const FREAK_AFTER = new Set(['a', 'an', 'the', 'that', 'this', 'disgusting', 'total', 'little', 'fucking', 'such', 'what', 'sissy', 'you', 'gross', 'sick', 'absolute', 'complete', 'creepy']);
/** Read only in comments with one of these words. */
export const DEHUMANISING_TRIGGERS = triggers(DEHUMANISING.join(' '));
const DEHUMANISING_SET = new Set(DEHUMANISING);

/** Words personByTrait reads a person from, besides a group adjective (which is a group word already). */
export function mayNamePerson(w: string): boolean {
  return ONE_PERSON.has(w) || WORN.has(w) || FEMININE.has(w);
}

/** The index of the first person named by a group adjective ("the Nigerian guy"), or -1. */
export function personOfGroup(res: readonly Resolved[]): number {
  for (let i = 0; i + 1 < res.length; i++) if (ADJ_SET.has(res[i]!.w) && ONE_PERSON.has(res[i + 1]!.w)) return i;
  return -1;
}

/** One person named by what V.2 protects ("the guy in the wheelchair", "a man in a dress"): the index of the person word, or -1. */
function personByTrait(res: readonly Resolved[]): number {
  const g = personOfGroup(res);
  if (g >= 0) return g;
  for (let i = 0; i + 2 < res.length; i++) {
    if (!ONE_PERSON.has(res[i]!.w) || !(res[i + 1]!.w === 'in' || res[i + 1]!.w === 'with' || res[i + 1]!.w === 'wearing' || res[i + 1]!.w === 'wears')) continue;
    for (let k = i + 2; k < Math.min(res.length, i + 6); k++) {
      const w = res[k]!.w;
      if (WORN.has(w) || (MALE.has(res[i]!.w) && FEMININE.has(w))) return i;
    }
  }
  return -1;
}

/** A person named by a protected trait, dehumanised in the same sentence or the next. */
export function dehumanisedPerson(res: readonly Resolved[], sentence: Int32Array): Found | undefined {
  const p = personByTrait(res);
  if (p < 0) return undefined;
  for (let j = p + 2; j < res.length && sentence[j]! <= sentence[p]! + 1; j++) {
    const w = res[j]!.w;
    if (DEHUMANISING_SET.has(w) && (!w.startsWith('freak') || FREAK_AFTER.has(res[j - 1]!.w) || sentence[j - 1] !== sentence[j])) return { from: p, to: j + 1, why: 'derogatory or dehumanising statement about a person for a protected characteristic' };
  }
  return undefined;
}

/**
 * One person called a typical member of a group ("typical black guy yelling", "typical muslim always
 * whining", "typical female"): "typical", a group word, then a person, the end, or what they do
 * ("…ing", "always") — not a thing of the group's ("typical Mexican food", "typical Irish weather").
 */
export function typicalPerson(res: readonly Resolved[], sentence: Int32Array): Found | undefined {
  for (let k = 0; k + 1 < res.length; k++) {
    if (res[k]!.w !== 'typical' || !res[k + 1]!.g || sentence[k] !== sentence[k + 1]) continue;
    const n = k + 2 < res.length && sentence[k + 2] === sentence[k + 1] ? res[k + 2]!.w : undefined;
    if (n === undefined || ONE_PERSON.has(n) || n.endsWith('ing') || TYPICAL_DOING.has(n)) return { from: k, to: k + 2, why: 'negative stereotype about a protected group' };
  }
  return undefined;
}
const TYPICAL_DOING = new Set(['always', 'never', 'again', 'move', 'behavior', 'behaviour', 'lol', 'smh', 'lmao']);
