/**
 * V.2 protects "status with regard to public assistance": people named by the help they get
 * ("welfare people", "section 8 tenants", "food stamp moms", "people on medicaid"). The words are
 * programme names, not group adjectives: they name a group only before a people noun or after
 * "on", so "welfare workers" (caseworkers), "section 8 landlords" and "the food stamp office" do
 * not, and the context model keeps reading them as plain words.
 */
import { DEROG_NOUNS } from './lexicon.ts';
import type { Found, Resolved } from './sentence.ts';

/** Programmes named in one word ("welfare people", "people on ssi"). */
const PROGRAMMES = new Set(['welfare', 'medicaid', 'ebt', 'ssi', 'ssdi']);
/** Programmes named in two words: the first word and the words that may follow it. */
const PROGRAMME_PAIRS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['section', new Set(['8', 'eight'])],
  ['food', new Set(['stamp', 'stamps'])],
  ['public', new Set(['assistance', 'housing'])],
]);
/** After "on" only: "people on disability / benefits / assistance / snap". */
const ON_ONLY = new Set(['disability', 'benefits', 'assistance', 'snap', 'aid']);
/** Who a programme word may name (not "workers", "landlords", "office"). */
const ASSISTED = new Set([
  'people', 'ppl', 'folks', 'families', 'family', 'tenants', 'residents', 'renters', 'kids', 'children', 'moms', 'mothers', 'mom',
  'parents', 'recipients', 'households', 'users', 'crowd', 'babies', 'women', 'men',
]);
/** Words that can start a programme name (what the grammar must read the comment for). */
export const PROGRAMME_STARTS: ReadonlySet<string> = new Set([...PROGRAMMES, ...PROGRAMME_PAIRS.keys()]);
/** Programme words that make a comment worth reading (not "public" or "food" alone). */
export const PROGRAMME_ANCHORS = [...PROGRAMMES, 'section', 'stamp', 'stamps', 'housing'];

/** The index just after a programme's name starting at k ("welfare", "section 8"), or -1. */
function programmeEnd(res: readonly Resolved[], k: number, on: boolean): number {
  if (k >= res.length) return -1;
  const w = res[k]!.w;
  if (PROGRAMMES.has(w) || (on && ON_ONLY.has(w))) return k + 1;
  const second = PROGRAMME_PAIRS.get(w);
  return second !== undefined && k + 1 < res.length && second.has(res[k + 1]!.w) ? k + 2 : -1;
}

/** "welfare people", "section 8 tenants", "food stamp moms" at i: the index just after the group, or -1. */
export function assistedAt(res: readonly Resolved[], i: number): number {
  const end = programmeEnd(res, i, false);
  return end >= 0 && end < res.length && ASSISTED.has(res[end]!.w) ? end + 1 : -1;
}

/** After a head word, "on welfare", "on food stamps", "on disability" at k (the word "on"): the index just after, or -1. */
export function onAssistance(res: readonly Resolved[], k: number): number {
  return k < res.length && res[k]!.w === 'on' ? programmeEnd(res, k + 1, true) : -1;
}

/** Names for people on a programme that are insults ("welfare queens", "ssi moochers", "section 8 trash"). */
const INSULTS = new Set([...DEROG_NOUNS, 'queens', 'queen', 'babies', 'trash', 'rats', 'cheats']);
/**
 * "welfare leeches", "food stamp losers", "section 8 trash" at i: derogation of the group, or
 * undefined. The insult is read as written too: "queens" is one edit from a group word.
 */
export function programmeInsult(res: readonly Resolved[], written: readonly { w: string }[], i: number): Found | undefined {
  const end = programmeEnd(res, i, false);
  return end >= 0 && end < res.length && (INSULTS.has(res[end]!.w) || INSULTS.has(written[end]!.w)) ? { from: i, to: end + 1, why: 'derogatory or dehumanising statement about a protected group' } : undefined;
}
