/**
 * V.2's exclusion from work, roles and a say in public business, and denied competence, after a
 * negated modal: "… shouldn't be lifeguards", "… shouldn't get city jobs", "… shouldn't run the
 * budget", "… shouldn't get to speak", "… can't lead". Only the speaker's own "shouldn't"
 * or "can't" counts ("immigrants don't take jobs" reports); jobs being cut ("… shouldn't get their
 * benefits cut") and conditions ("… can't drive without …") pass, and so does a fact of the body
 * ("blind people can't drive").
 */
import { hit, opensCondition, type Outcome, type Resolved, type Sentence } from './sentence.ts';

/** In the predicate of the group at [i, end), after a negated modal: the word at j keeps the group from work, or denies it a competence. */
export function keptFromWork(s: Sentence, i: number, end: number, j: number, copula: boolean): Outcome | undefined {
  const res = s.res;
  const w = res[j]!.w;
  const next = j + 1 < res.length ? res[j + 1]!.w : undefined;
  if (copula && PROFESSIONS.has(w) && res[j - 1]!.w !== 'the') return hit(i, j, 'exclusion of a protected group from work');
  // "… shouldn't get paid the same as the men" (not "… shouldn't get paid less")
  const paid = w === 'paid' ? j : w === 'get' && next === 'paid' ? j + 1 : -1;
  if (paid >= 0 && forbidden(res, end, j) && paidAsMuch(res, paid + 1)) return hit(i, paid + 1, 'exclusion of a protected group from work');
  // "… shouldn't be city employees"
  if (copula && w === 'city' && next !== undefined && PROFESSIONS.has(next)) return hit(i, j + 1, 'exclusion of a protected group from work');
  // not "… cant even get a job here", a hardship ("… cant even speak english" is no job)
  if (JOB_VERBS.has(w) && forbidden(res, end, j) && !(res[j - 1]!.w === 'even' && cannot(res, j))) {
    const k = jobAt(res, j + 1);
    // not "… cant get loans when the banks redline": what they cannot get under a condition is told, not refused;
    // nor "… shouldnt get a bigger discount than singles": more than others, not none
    if (k >= 0 && !(cannot(res, j) && conditionWithin(res, k + 1, 3)) && !moreThanOthers(res, j + 1, k)) return hit(i, k, SERVICES.has(res[k]!.w) ? 'exclusion of a protected group from public services' : 'exclusion of a protected group from work');
  }
  // "immigrants shouldn't get to speak", "… shouldn't even vote": kept from a say in public business
  const spoken = SPEECH.has(w) ? j : w === 'get' && next === 'to' && j + 2 < res.length && (SPEECH.has(res[j + 2]!.w) || USE.has(res[j + 2]!.w)) ? j + 2 : -1;
  // not "… cant vote if the polls arent accessible": a condition
  if (spoken >= 0 && forbidden(res, end, j) && !CONDITIONS_AFTER.has(spoken + 1 < res.length ? res[spoken + 1]!.w : '')) return hit(i, spoken, USE.has(res[spoken]!.w) ? 'exclusion of a protected group from public places' : 'exclusion of a protected group from public comment or the vote');
  if (COMPETENCE.has(w) && cannot(res, j) && !s.brk(i, j) && res[end]!.w !== 'who' && res[end]!.w !== 'that' && (i === 0 || res[i - 1]!.w !== 'a') &&
    (next === undefined || s.brk(j, j + 1) || !(UNLESS.has(next) || (next === 'for' && /^\d/.test(res[j + 2]?.w ?? '')))) && !(w === 'drive' && barredByBody(res, i, end))) return hit(i, j, 'negative stereotype about a protected group');
  return undefined;
}

/** "equal", "equally", "the same", "as much" at k. */
function paidAsMuch(res: readonly Resolved[], k: number): boolean {
  const a = k < res.length ? res[k]!.w : '';
  const b = k + 1 < res.length ? res[k + 1]!.w : '';
  return a === 'equal' || a === 'equally' || (a === 'the' && b === 'same') || (a === 'as' && b === 'much');
}
/** Jobs a group is kept from ("… shouldn't be lifeguards / clerks / in charge"). */
const PROFESSIONS = new Set([
  'lifeguards', 'lifeguard', 'clerks', 'clerk', 'teachers', 'teacher', 'police', 'cops', 'officers', 'firefighters', 'nurses', 'doctors', 'pilots', 'judges',
  'coaches', 'coach', 'leaders', 'managers', 'engineers', 'soldiers', 'priests', 'pastors', 'mayor', 'mayors', 'bosses', 'boss', 'nannies', 'babysitters',
  'cashiers', 'bartenders', 'employees', 'staff', 'candidates', 'politicians', 'councilmembers', 'commissioners', 'supervisors', 'principals',
  'parents', 'foster', 'guards', 'drivers', 'counselors', 'librarians', 'volunteers', 'referees', 'umpires', 'chiefs',
]);
const JOB_VERBS = new Set(['get', 'getting', 'take', 'taking', 'hold', 'have', 'run', 'chair', 'lead']);
/** A say in public business a group is kept from ("… shouldn't get to speak", "… shouldn't vote"). */
const SPEECH = new Set(['speak', 'talk', 'vote', 'testify', 'comment']);
/** Public places and programmes a group is kept from using ("… shouldn't get to use the rec center", "… get to join"). */
const USE = new Set(['use', 'join', 'enter', 'march', 'attend']);
/** Services and a share of public life: "… shouldn't get free lunch / the wedding permit / parade spots". */
const SERVICES = new Set(['housing', 'assistance', 'benefits', 'vouchers', 'permit', 'lunch', 'lunches', 'passes', 'spots', 'spot', 'services', 'discounts', 'discount', 'park', 'parks', 'help', 'aid']);
/** What a group is kept from getting, holding or running: work, a say, and the services above. */
const JOBS = new Set(['jobs', 'job', 'positions', 'position', 'office', 'seats', 'contracts', 'licenses', 'promotions', 'rooms', 'room', 'permits', 'space', 'spaces', 'booths', 'priority', 'grants', 'loans', 'units', 'apartments', 'seat',
  'vote', 'say', 'council', 'city', 'budget', 'meetings', 'meeting', 'schools', 'anything', ...SERVICES,
]);
/** Before a job or service, words that make it less or none: "… shouldn't get less help" is not exclusion. */
const LESS = new Set(['less', 'fewer', 'worse', 'lower', 'smaller', 'no', 'reduced', 'their', 'his', 'her']);
/** A job or service named right after the verb ("get city jobs", "take jobs from men"), not one being cut ("get their benefits cut"): its index, or -1. */
function jobAt(res: readonly Resolved[], k: number): number {
  if (k < res.length && (res[k]!.w === 'a' || res[k]!.w === 'the' || res[k]!.w === 'any' || res[k]!.w === 'city' || res[k]!.w === 'public' || res[k]!.w === 'government' || res[k]!.w === 'housing')) k++;
  // one word naming the kind ("free lunch", "the wedding permit", "parade spots")
  if (k + 1 < res.length && !JOBS.has(res[k]!.w) && !LESS.has(res[k]!.w) && JOBS.has(res[k + 1]!.w)) k++;
  return k < res.length && JOBS.has(res[k]!.w) && !(k + 1 < res.length && CUT.has(res[k + 1]!.w)) ? k : -1;
}
const CUT = new Set(['cut', 'reduced', 'taken', 'delayed', 'denied', 'stolen', 'slashed', 'revoked', 'back', 'processed', 'approved', 'faster']);
/** "should not", "shouldn't", "must not", "can't": the speaker forbids (not "don't take jobs", a report). */
function forbidden(res: readonly Resolved[], end: number, j: number): boolean {
  for (let k = end; k < j; k++) {
    const w = res[k]!.w;
    if (w === 'shouldnt' || w === 'mustnt' || w === 'cant' || w === 'cannot') return true;
    if ((w === 'should' || w === 'must' || w === 'can') && k + 1 < j && (res[k + 1]!.w === 'not' || res[k + 1]!.w === 'never')) return true;
  }
  return false;
}
/** Between the verb and the job or service at k, a comparative, and "than" soon after it ("… get a bigger discount than singles")? */
function moreThanOthers(res: readonly Resolved[], from: number, k: number): boolean {
  let more = false;
  for (let x = from; x < k; x++) if (MORE.has(res[x]!.w)) more = true;
  if (!more) return false;
  for (let x = k + 1; x < Math.min(res.length, k + 4); x++) if (res[x]!.w === 'than') return true;
  return false;
}
const MORE = new Set(['more', 'bigger', 'larger', 'better', 'higher', 'extra', 'cheaper', 'special', 'priority']);
/** A condition among the n words from k ("… when the banks redline"). */
function conditionWithin(res: readonly Resolved[], k: number, n: number): boolean {
  for (let x = k; x < Math.min(res.length, k + n); x++) if (opensCondition(res, x)) return true;
  return false;
}
/** After a say refused, a condition ("… cant vote if the polls arent accessible"). */
const CONDITIONS_AFTER = new Set(['if', 'unless', 'until', 'without', 'when', 'because', 'since', 'after', 'before']);
/** What a group is said to be unable to do, in a stereotype ("… can't lead", "… can't drive"). */
const COMPETENCE = new Set(['lift', 'lead', 'think', 'govern', 'parent', 'reason', 'assimilate', 'integrate', 'behave', 'learn', 'drive']);
/** "… can't drive without …", "… can't learn unless …": a condition, not a stereotype. */
const UNLESS = new Set([...CONDITIONS_AFTER, 'at', 'here', 'there', 'to']);
/** Groups for whom not driving is a fact, not a slur. */
const BARRED_BY_BODY = new Set(['blind', 'disabled', 'seniors', 'elderly', 'old', 'older', 'deaf', 'epileptics', 'epileptic', 'paraplegics', 'amputees']);
function barredByBody(res: readonly Resolved[], i: number, end: number): boolean {
  for (let k = i; k < end; k++) if (BARRED_BY_BODY.has(res[k]!.w)) return true;
  return false;
}
/** "can't" or "cannot" (perhaps with "even" or "really"), or "can not", right before the verb at j. */
function cannot(res: readonly Resolved[], j: number): boolean {
  const a = res[j - 1]!.w;
  const b = j > 1 ? res[j - 2]!.w : '';
  return a === 'cant' || a === 'cannot' || ((a === 'even' || a === 'really' || a === 'not') && (b === 'cant' || b === 'cannot' || (a === 'not' && b === 'can')));
}
