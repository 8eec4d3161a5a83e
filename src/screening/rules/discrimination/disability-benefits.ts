/**
 * V.2 protects physical and mental disability, and people are often named by the disability
 * benefits they get: "people on disability", "ssi people", "ssdi moochers". The programme names
 * name a group only before a people noun or after "on", so "the ssi office" and "ssi workers"
 * (caseworkers) do not, and the context model keeps reading them as plain words.
 *
 * Public assistance as such (welfare, food stamps, Section 8, Medicaid, public housing) is not
 * among the bases V.2 lists, so "welfare people" or "section 8 tenants" name no protected group
 * and contempt for them is not removed citing V.2: removing speech the clause does not reach is
 * what a city's moderation must not do. "welfare queen(s)" is the exception, a race-coded
 * stereotype (coined about Black women), read as an insult to a group.
 */
import { DEROG_NOUNS } from './lexicon.ts';
import type { Found, Resolved } from './sentence.ts';

/** Disability benefits named in one word ("ssi people", "people on ssdi"): the words groupAt must look at. */
export const PROGRAMMES: ReadonlySet<string> = new Set(['ssi', 'ssdi']);
/** After "on" only: "people on disability". */
const ON_ONLY = new Set(['disability']);
/** Who a programme word may name (not "workers", "office"). */
const BENEFIT_PEOPLE = new Set([
  'people', 'ppl', 'folks', 'families', 'family', 'tenants', 'residents', 'renters', 'kids', 'children', 'moms', 'mothers', 'mom',
  'parents', 'recipients', 'households', 'users', 'crowd', 'babies', 'women', 'men',
]);
/** Words that can start an insult to such a group, or the race-coded "welfare queens" (each makes a comment worth reading). */
export const INSULT_STARTS: ReadonlySet<string> = new Set([...PROGRAMMES, 'welfare']);

/** The index just after a programme's name at k ("ssi", or "disability" after "on"), or -1. */
function programmeEnd(res: readonly Resolved[], k: number, on: boolean): number {
  if (k >= res.length) return -1;
  const w = res[k]!.w;
  return PROGRAMMES.has(w) || (on && ON_ONLY.has(w)) ? k + 1 : -1;
}

/** "ssi people", "ssdi recipients" at i: the index just after the group, or -1. */
export function benefitGroupAt(res: readonly Resolved[], i: number): number {
  const end = programmeEnd(res, i, false);
  return end >= 0 && end < res.length && BENEFIT_PEOPLE.has(res[end]!.w) ? end + 1 : -1;
}

/** After a head word, "on disability", "on ssi" at k (the word "on"): the index just after, or -1. */
export function onBenefits(res: readonly Resolved[], k: number): number {
  return k < res.length && res[k]!.w === 'on' ? programmeEnd(res, k + 1, true) : -1;
}

/** Names for people on disability benefits that are insults ("ssi moochers", "ssdi cheats"). */
const INSULTS = new Set([...DEROG_NOUNS, 'babies', 'trash', 'rats', 'cheats']);
const QUEENS = new Set(['queen', 'queens']);
/**
 * "ssi moochers", "ssdi cheats", "welfare queens" at i: derogation of a group, or undefined. The
 * insult is read as written too: "queens" is one edit from a group word.
 */
export function programmeInsult(res: readonly Resolved[], written: readonly { w: string }[], i: number): Found | undefined {
  const next = i + 1;
  if (next >= res.length) return undefined;
  const insult = res[i]!.w === 'welfare' ? QUEENS.has(written[next]!.w) : programmeEnd(res, i, false) === next && (INSULTS.has(res[next]!.w) || INSULTS.has(written[next]!.w));
  return insult ? { from: i, to: next + 1, why: 'derogatory or dehumanising statement about a protected group' } : undefined;
}
