/**
 * V.2's implicit hate: what is said against a group without a slur or an insult in the closed
 * lists — a sanction ("… should be fined", "… need to be watched"), exclusion from a place or a
 * role ("… shouldn't be in regular classes", "… shouldn't be teaching our kids", "no … on the
 * bus", "let's keep Carson white"), scapegoating ("… are why this city is going downhill", "it's
 * always the … causing trouble") and misgendering ("trans women are just men in dresses").
 * Called only for a group mention (keepRe only for a comment with "keep"), so most comments pay nothing.
 */
import { GROUP_DEEDS } from './lexicon.ts';
import { keptFromWork } from './work.ts';
import { missing } from './refusal.ts';
import { COPULA, DETERMINERS, type Found, hit, MODAL, NEG_COPULA, NEG_MODAL, negatedIn, NEGATORS, objectWithin, type Outcome, type Resolved, type Sentence, within } from './sentence.ts';

/** Sanctions that, called down on a whole group, single it out ("… should be fined / arrested / watched"). */
const SANCTION = new Set(['banned', 'barred', 'evicted', 'expelled', 'fined', 'suspended', 'disciplined', 'penalized', 'penalised', 'arrested', 'watched', 'monitored', 'tracked', 'detained', 'fired', 'profiled', 'surveilled', 'searched', 'registered', 'investigated', 'ticketed', 'cited', 'reported', 'jailed', 'excluded', 'isolated', 'shunned', 'avoided']);
/** After a sanction, words that make it a condition or a purpose ("… should be monitored for heat stroke"). */
const SANCTION_FOR = new Set(['for', 'to', 'if', 'when', 'during', 'after', 'before', 'unless', 'until', 'as']);
/**
 * In a relative clause or participle phrase, words of a deed that may earn a sanction: "drivers
 * who run red lights", "immigrants who commit crimes", "people parking in red zones" single out a
 * conduct, not a group.
 */
const MISDEED = new Set([
  'crime', 'crimes', 'commit', 'commits', 'committed', 'break', 'breaks', 'broke', 'law', 'laws', 'illegally', 'steal', 'steals', 'stole', 'stealing',
  'rob', 'robs', 'robbed', 'vandalize', 'vandalise', 'vandalized', 'vandalizing', 'assault', 'assaults', 'abuse', 'abuses', 'abused', 'harass', 'harasses',
  'speed', 'speeding', 'litter', 'littering', 'drugs', 'drug', 'dealing', 'drunk', 'kill', 'kills', 'killed', 'hurt', 'hurts', 'rape', 'raped', 'attack',
  'attacks', 'attacked', 'threaten', 'threatens', 'scam', 'scams', 'scammed', 'cheat', 'cheats', 'lie', 'lies', 'lied', 'parking',
  'blocking', 'overstay', 'overstayed', 'fraud', 'violate', 'violates', 'fight', 'fighting', 'hate', 'hates', 'harassing', 'shoplift', 'shoplifting',
]);
/** Where a group is kept out of ("… shouldn't be in regular classes / in office / on the council"). */
const EXCLUDED_FROM = new Set([
  'regular', 'normal', 'public', 'classes', 'classrooms', 'classroom', 'schools', 'school', 'office', 'charge', 'power', 'politics', 'government',
  'council', 'military', 'army', 'sports', 'neighborhood', 'neighbourhood', 'neighborhoods', 'city', 'country', 'america', 'carson', 'leadership',
  'pool', 'pools', 'restaurants', 'church', 'churches', 'workplace', 'police', 'board', 'commission', 'positions',
  'committee', 'park', 'parks', 'library', 'team', 'league', 'program', 'parade', 'stage', 'podium', 'mic', 'meeting', 'meetings', 'town', 'playground', 'staff', 'ballot',
]);
/** Where a group may be kept from living ("… shouldn't be living on the east side"; not "… shouldn't live in fear"). */
const HOMES = new Set(['neighborhood', 'neighbourhood', 'neighborhoods', 'city', 'town', 'country', 'america', 'carson', 'side', 'street', 'streets', 'block', 'area', 'areas', 'building', 'buildings']);
/** After a role, how it is done ("… shouldnt be driving that fast", "… while texting"). */
const HOW = new Set(['that', 'so', 'too', 'fast', 'recklessly', 'drunk', 'high', 'while', 'without', 'like']);
/** Roles a group is kept from, mostly with children ("… shouldn't be teaching our kids", "… shouldn't coach"). */
const ROLES = new Set(['serving', 'teach', 'teaching', 'coach', 'coaching', 'raise', 'raising', 'babysit', 'babysitting', 'foster', 'fostering', 'mentor', 'mentoring', 'supervise', 'adopting', 'driving']);
/** Roles of power, kept from a group when an object of power follows ("… shouldn't run anything", "… shouldn't hold office"). */
const POWER = new Set(['run', 'running', 'lead', 'leading', 'hold', 'holding', 'govern', 'manage']);
const POWER_OBJECTS = new Set(['anything', 'office', 'government', 'council', 'city', 'country', 'things', 'businesses', 'schools', 'companies', 'for', 'ever', 'anymore']);
/** "… are why this city is going downhill": the decline blamed on the group. */
const DECLINE = new Set([
  'downhill', 'hell', 'apart', 'worse', 'crime', 'crimes', 'dirty', 'unsafe', 'dangerous', 'trash', 'problems', 'trouble', 'broke', 'ruined', 'sucks',
  'decline', 'declining', 'failing', 'crumbling', 'broken', 'high', 'tanking', 'vandalized', 'shithole', 'dump', 'filthy', 'violence', 'drugs', 'gangs', 'graffiti', 'expensive', 'nobody', 'mess', 'ghetto', 'gone',
]);
/** What "it's always the …" blames a group for ("causing trouble", "who steal packages"). */
const TROUBLE = new Set([...DECLINE, 'causing', 'cause', 'causes', 'stealing', 'steal', 'steals', 'fighting', 'fights', 'noise', 'loud', 'littering', 'robbing', 'starting', 'ruining', 'breaking', 'vandalizing']);
/** Describing words that hedge a derogatory noun without softening it ("a potential gang member", "future criminals"). */
export const HEDGES = new Set(['potential', 'possible', 'future', 'wannabe', 'secret', 'closet', 'budding', 'likely', 'ticking', 'walking', 'literal', 'actual']);
/** Two-word derogatory nouns whose words are harmless apart ("gold diggers", "anchor babies"). */
const PAIRS: ReadonlyMap<string, ReadonlySet<string>> = new Map(Object.entries({
  gold: ['diggers', 'digger'], welfare: ['queens', 'queen', 'leeches', 'cheats', 'moochers', 'bums'], anchor: ['babies', 'baby'], baby: ['killers', 'machines', 'factories'],
  con: ['artists', 'artist'], wife: ['beaters', 'beater'], child: ['molesters', 'abusers'], drug: ['mules', 'addicts'], sex: ['offenders', 'predators'], dead: ['weight'], second: ['class'],
}).map(([w, next]) => [w, new Set(next)]));
/**
 * "Let's keep Carson white", "keep our neighborhood straight and Christian": a place kept free of a
 * group. Only a named place, and the quality at the end of the phrase ("keep it white for the
 * wedding", "keep Carson white-collar" are not it).
 */
export const keepRe =
  /\bkeep(?:ing)? (?:(?:our|the|this|my) )?(?:carson|city|town|neighbou?rhoods?|community|streets?|block|schools?|country|america|council|area|parks?|church)(?: \w+){0,2}? (?:white|straight|christian|catholic|hetero(?:sexual)?|european|anglo|male)(?: and (?:white|straight|christian|catholic|pure|clean|safe))?(?=[.,!?;]|\s*$|\s+(?:and|again|like|as|only|please|forever)\b)/g;
const FEMALE = new Set(['women', 'woman', 'females', 'female', 'girls', 'girl', 'ladies', 'lady', 'transwomen']);
const MALE = new Set(['men', 'man', 'males', 'male', 'guys', 'guy', 'boys', 'boy', 'dudes', 'dude', 'transmen']);

/**
 * After a group at [i, end), where its predicate starts when a relative clause, a participle or a
 * place phrase qualifies it ("women who wear hijabs | should …", "people in wheelchairs | should
 * …", "Muslims praying at the park | should …"); -1 when there is none, or the qualifier is a
 * misdeed, so what follows is said of the conduct.
 */
export function predicateAfterQualifier(s: Sentence, end: number): number {
  const { res, brk } = s;
  const w = res[end]!.w;
  const relative = w === 'who' || w === 'that';
  if (!(relative || PLACE_PREP.has(w) || (w.length > 5 && w.endsWith('ing')))) return -1;
  // "… women that not all men are …": "that" opening a clause with its own subject is no relative clause
  if (relative && (end + 1 >= res.length || res[end + 1]!.g || DETERMINERS.has(res[end + 1]!.w) || res[end + 1]!.w === 'not')) return -1;
  // a place phrase is short ("the Mexicans on 5th Street are …"); a relative clause or participle may run longer
  const last = Math.min(res.length, end + (relative || !PLACE_PREP.has(w) ? 9 : 5));
  for (let q = end + (relative ? 2 : 1); q < last; q++) {
    if (brk(q - 1, q)) return -1;
    const v = res[q]!.w;
    // "where the girls at say … i need …": a new subject, so the verb is not the group's
    if (MISDEED.has(v) || SUBJECTS.has(v)) return -1;
    if ((COPULA.has(v) && v !== 'be' && v !== 'being' && v !== 'been') || MODAL.has(v) || NEG_MODAL.has(v) || NEG_COPULA.has(v)) return q;
  }
  return -1;
}
const SUBJECTS = new Set(['i', 'you', 'we', 'he', 'she', 'they', 'im', 'youre', 'theyre', 'hes', 'shes']);
/** Words opening a place phrase after a group ("the Mexicans on 5th Street are …"). */
export const PLACE_PREP = new Set(['on', 'in', 'at', 'from', 'near', 'around', 'across', 'downtown', 'over', 'with']);

/** What the word at j, in the predicate of the group at [i, end), says against it (implicitly), if anything. */
export function implicitPredicate(s: Sentence, i: number, end: number, j: number, copula: boolean, modal: boolean, negated: boolean): Outcome | undefined {
  const res = s.res;
  const w = res[j]!.w;
  const next = j + 1 < res.length ? res[j + 1]!.w : undefined;
  // "… should (just) stay home": kept out of public life; not advice to seniors ("… should stay home in the heat")
  if (modal && !negated && w === 'stay' && next !== undefined && STAY_IN.has(next) && (j + 2 >= res.length || s.brk(j + 1, j + 2) || STAY_AFTER.has(res[j + 2]!.w)) && (res[j - 1]!.w === 'just' || !aged(res, i, end))) return hit(i, j + 1, 'exclusion of a protected group');
  // "… need to be kept an eye on"
  if (modal && !negated && copula && w === 'kept' && next === 'an' && j + 2 < res.length && res[j + 2]!.w === 'eye') return hit(i, j + 2, 'call to single out a protected group for sanction');
  if (modal && !negated && copula && SANCTION.has(w) && !(next !== undefined && SANCTION_FOR.has(next))) return hit(i, j, 'call to single out a protected group for sanction');
  if (modal && negated) {
    // "… shouldn't be in regular classes", "… shouldn't be around kids"
    if (copula && (w === 'in' || w === 'at' || w === 'on') && objectWithin(res, j + 1, EXCLUDED_FROM)) return hit(i, j + 1, 'exclusion of a protected group');
    if (copula && (w === 'around' || w === 'near' || (w === 'anywhere' && next === 'near')) && objectWithin(res, j + 1, YOUNG)) return hit(i, j + 1, 'exclusion of a protected group');
    if ((w === 'living' || w === 'live') && (next === 'in' || next === 'on') && objectWithin(res, j + 2, HOMES)) return hit(i, j + 1, 'exclusion of a protected group');
    // "… shouldn't be wandering around alone": kept out of public space
    if ((w === 'wandering' || w === 'walking' || w === 'roaming' || w === 'out') && (next === 'around' || next === 'alone' || next === 'outside' || next === 'in') && (j + 2 >= res.length || res[j + 2]!.w === 'alone' || s.brk(j + 1, j + 2) || res[j + 2]!.w === 'public')) return hit(i, j + 1, 'exclusion of a protected group');
    // "… shouldn't sit on the planning commission"
    if ((w === 'sit' || w === 'serve') && (next === 'on' || next === 'in') && objectWithin(res, j + 2, EXCLUDED_FROM)) return hit(i, j + 1, 'exclusion of a protected group');
    // not "… shouldnt be driving that fast": how they do it, not whether they may
    if (ROLES.has(w) && !(next !== undefined && HOW.has(next))) return hit(i, j, 'exclusion of a protected group');
    if ((w === 'working' || w === 'work') && next !== undefined && (next === 'at' || next === 'in' || next === 'for' || next === 'with' || next === 'the') && objectWithin(res, j + 2, WORKPLACES)) return hit(i, j, 'exclusion of a protected group');
    if (POWER.has(w) && (next === undefined || s.brk(j, j + 1) || objectWithin(res, j + 1, POWER_OBJECTS))) return hit(i, j, 'exclusion of a protected group');
    // "… have no business working at city hall", "… should never have been born"
    // (not "men have no business making laws regarding women", an opinion on who decides, as the seventh session found)
    if (w === 'business' && res[j - 1]?.w === 'no' && next !== undefined && NO_BUSINESS.has(next)) return hit(i, j + 1, 'exclusion of a protected group');
    if (w === 'born' && res[j - 1]?.w === 'been') return hit(i, j, 'denies a protected group rights');
    // "… shouldn't be lifeguards", "… shouldn't get city jobs", "… can't lead"
    const work = keptFromWork(s, i, end, j, copula);
    if (work) return work;
  }
  if (copula && !negated) {
    // "… are why this city is going downhill", "… are the reason crime is up"
    if ((w === 'why' || (w === 'reason' && res[j - 1]?.w === 'the')) && within(s, j + 1, 10, DECLINE)) return hit(i, j, 'negative stereotype about a protected group');
    // "… are behind every problem in this city" (not "… are behind the new park", which backs it)
    if (w === 'behind' && within(s, j + 1, 4, BLAMED)) return hit(i, j + 1, 'negative stereotype or conspiracy claim about a protected group');
    if (w === 'problem' && res[j - 1]?.w === 'the' && (next === undefined || s.brk(j, j + 1) || next === 'with' || next === 'in' || next === 'here')) return hit(i, j, 'negative stereotype about a protected group');
    if (PAIRS.get(w)?.has(next ?? '') === true) return hit(i, j + 1, 'derogatory or dehumanising statement about a protected group');
    // "trans women are just men in dresses": a trans group called by the sex it is not
    if (misgendered(res, i, end, w) || (next !== undefined && !s.brk(j, j + 1) && misgendered(res, i, end, next))) return hit(i, j, 'derogatory or dehumanising statement about a protected group');
  }
  // "… are bleeding this city dry", "… are draining our resources"
  if (!negated && (w === 'bleeding' || w === 'bleed' || w === 'bleeds' || w === 'sucking' || w === 'draining' || w === 'drain' || w === 'drains') && (within(s, j + 1, 5, DRY))) return hit(i, j, 'negative stereotype or conspiracy claim about a protected group');
  return undefined;
}
const STAY_IN = new Set(['home', 'inside', 'indoors', 'away', 'hidden']);
const STAY_AFTER = new Set(['and', 'where', 'forever', 'permanently', 'instead', 'then']);
const AGED = new Set(['seniors', 'elderly', 'old', 'older', 'retirees', 'aged']);
/** Does the group at [i, end) name an age ("seniors", "older residents")? */
function aged(res: readonly Resolved[], i: number, end: number): boolean {
  for (let k = i; k < end; k++) if (AGED.has(res[k]!.w)) return true;
  return false;
}
const WORKPLACES = new Set(['snack', 'bar', 'register', 'pool', 'front', 'desk', 'city', 'hall', 'school', 'schools', 'hospital', 'hospitals', 'restaurant', 'restaurants', 'store', 'stores', 'police', 'office', 'counter', 'kids', 'children', 'daycare', 'library', 'clinic', 'government']);
const BLAMED = new Set(['problem', 'problems', 'everything', 'crime', 'crimes', 'trouble', 'chaos', 'decline', 'attacks', 'scams', 'mess', 'shootings', 'wars']);
/** What a group is said to have "no business" doing when that keeps it out of a place, a job or a role. */
const NO_BUSINESS = new Set(['working', 'being', 'teaching', 'running', 'living', 'in', 'at', 'on', 'near', 'around', 'coaching', 'raising', 'voting', 'driving', 'serving', 'holding', 'owning', 'here', 'leading', 'adopting', 'joining']);
const YOUNG = new Set(['kids', 'children', 'girls', 'boys', 'youth', 'students', 'minors', 'babies', 'vulnerable', 'seniors', 'patients']);
const DRY = new Set(['dry', 'resources', 'budget', 'system', 'welfare', 'taxes', 'benefits', 'economy']);

function misgendered(res: readonly Resolved[], i: number, end: number, w: string): boolean {
  const male = MALE.has(w);
  if (!male && !FEMALE.has(w)) return false;
  let trans = false;
  let female = false;
  let man = false;
  for (let k = i; k < end; k++) {
    const g = res[k]!.w;
    if (g === 'trans' || g === 'transgender' || g === 'transwomen' || g === 'transmen') trans = true;
    if (FEMALE.has(g)) female = true;
    if (MALE.has(g)) man = true;
  }
  return trans && (male ? female && !man : man && !female);
}

/** "It's always the … causing trouble / who steal packages": the group blamed for what goes wrong. */
export function alwaysThe(s: Sentence, k: number, end: number): Found | undefined {
  const res = s.res;
  if (res[k]!.w !== 'always') return undefined;
  // "Always the Jews.": the blame in a clause of its own
  if (s.clause[k] === k && (end >= s.res.length || s.clause[end] === end) && res[k + 1]?.w === 'the') return { from: k, to: end, why: 'negative stereotype about a protected group' };
  if (k === 0) return undefined;
  const p = res[k - 1]!.w;
  if (!(p === 'its' || p === 'is' || p === 'it')) return undefined;
  for (let j = end; j < Math.min(res.length, end + 8); j++) {
    if (j > end && s.brk(j - 1, j)) break;
    const r = res[j]!;
    if (TROUBLE.has(r.w) || GROUP_DEEDS.has(r.w) || r.attr) return NEGATORS.has(res[j - 1]!.w) ? undefined : { from: k - 1, to: j + 1, why: 'negative stereotype about a protected group' };
  }
  return undefined;
}

/** "No gays on the city bus", "No Mexicans at the pool": "no" and a group opening a clause that has no verb after. */
export function noneHere(s: Sentence, i: number, end: number, from: number): Found | undefined {
  const res = s.res;
  if (s.clause[from] !== from && !(from > 0 && (res[from - 1]!.w === 'please' || res[from - 1]!.w === 'and'))) return undefined;
  if (s.asked !== null && s.asked.includes(s.sentence[i]!)) return undefined; // "No women on the council?" asks why not
  // "no latino vendors at the festival this year", "no women on the panel again, do better" (not "too many …", "no more …")
  if (res[from]!.w === 'no' && res[from + 1]?.w !== 'more' && missing(res)) return undefined;
  const first = res[end];
  if (first !== undefined && !s.brk(end - 1, end) && s.clause[end] !== end && !NONE_NEXT.has(first.w)) return undefined;
  for (let j = end; j < Math.min(res.length, end + 8); j++) {
    if (s.brk(j - 1, j)) break;
    const w = res[j]!.w;
    if (COPULA.has(w) || MODAL.has(w) || NEG_MODAL.has(w) || NEG_COPULA.has(w) || w === 'who' || w === 'that' || w === 'left' || GROUP_DEEDS.has(w) || w.endsWith('ed')) return undefined;
  }
  return { from, to: end + (first !== undefined && NONE_NEXT.has(first.w) ? 1 : 0), why: 'exclusion of a protected group' };
}
const NONE_NEXT = new Set(['on', 'in', 'at', 'near', 'around', 'here', 'please', 'ever', 'anymore', 'inside', 'past']);

/** "… back in the closet where they belong": the group's place named by "where they belong". */
export function whereTheyBelong(s: Sentence, end: number): Found | undefined {
  const res = s.res;
  for (let j = end; j < Math.min(res.length - 2, end + 10); j++) {
    if (s.brk(j, j + 1)) return undefined;
    if (res[j]!.w === 'where' && res[j + 1]!.w === 'they' && res[j + 2]!.w === 'belong') return { from: end - 1, to: j + 3, why: 'exclusion of a protected group' };
  }
  return undefined;
}

/** "… fighting over Carson like rats in a cage": the group likened to vermin later in its sentence (not "… treated like dogs", what is done to them). */
export function likenedToVermin(s: Sentence, i: number, end: number): Found | undefined {
  const res = s.res;
  for (let j = end; j < Math.min(res.length - 1, end + 10); j++) {
    if (s.sentence[j] !== s.sentence[i]) return undefined;
    if (res[j]!.w === 'like' && VERMIN.has(res[j + 1]!.w) && !DONE_TO.has(res[j - 1]!.w) && !NEGATORS.has(res[j - 1]!.w) && !treatmentRefused(s, i)) return { from: i, to: j + 2, why: 'derogatory or dehumanising statement about a protected group' };
  }
  return undefined;
}
/**
 * Is the group at i the object of a negated verb of treatment ("we should never treat refugees like
 * animals", "dont treat them like criminals")? Then what follows "like" is a treatment refused, not
 * what the speaker calls them.
 */
export function treatmentRefused(s: Sentence, i: number): boolean {
  return DONE_TO.has(s.res[i - 1]?.w ?? '') && negatedIn(s, i - 4, i - 1);
}
/** Verbs before "like animals" that say what is done to a group ("treated like animals"). */
const DONE_TO = new Set(['treated', 'treat', 'treating', 'handled', 'herded', 'caged', 'housed', 'packed', 'kept', 'held', 'used', 'abused', 'hunted', 'shot', 'killed', 'slaughtered', 'penned', 'fed', 'seen', 'viewed', 'regarded', 'talked', 'spoken']);
const VERMIN = new Set(['rats', 'roaches', 'cockroaches', 'animals', 'vermin', 'dogs', 'pigs', 'apes', 'monkeys', 'rabbits', 'savages', 'insects', 'parasites', 'locusts', 'termites', 'cattle', 'sheep']);

/** Is the group or person at i called "typical" right before it, in the same sentence ("typical female …", "typical angry Muslim …")? */
export function typicalBefore(s: Sentence, i: number): boolean {
  for (let k = i - 1; k >= Math.max(0, i - 2); k--) if (s.res[k]!.w === 'typical') return !s.brk(k, i);
  return false;
}

/** "These Mexicans keep parking on my lawn, typical": what the group at i did, summed up as typical of it. */
export function typicalOf(s: Sentence, i: number): Found | undefined {
  const res = s.res;
  for (let j = i + 1; j < res.length; j++) {
    if (s.sentence[j] !== s.sentence[i]) return undefined;
    const last = j + 1 >= res.length || s.sentence[j + 1] !== s.sentence[j];
    if (res[j]!.w === 'typical' && last && s.clause[j] === j && j > i + 2) return { from: i, to: j + 1, why: 'negative stereotype about a protected group' };
  }
  return undefined;
}
