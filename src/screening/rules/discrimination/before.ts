/**
 * V.2's grammar, before a group mentioned (mentions.ts): what the words in front of it do to it —
 * hatred ("I hate …", "sick of …"), calls for harm or expulsion ("deport all …", "get rid of the …",
 * "kick the … out", "let them die"), exclusion ("I would never hire a …", "we don't want … here",
 * "no more … in Carson", "too many … in …"), and blame ("overrun by …", "import … to replace …",
 * "before these … moved in"). Negation defuses ("I would never refuse to hire a …").
 */
import { EXPEL_VERBS, HARM, INTRANSITIVE_HARM, TREAT_VERBS } from './lexicon.ts';
import { alwaysThe, noneHere } from './implicit.ts';
import { ADJ_SET } from './mentions.ts';
import {
  DEFUSED, DESCRIBING, DETERMINERS, earlierInSentence, isContent, NEGATED_SUBJECT, negatedIn, NEGATORS, NOTHING, objectWithin, type Outcome, outcome, REFUSE, shelteredFrom, type Sentence, thirdPartySubject, WISHED, within,
} from './sentence.ts';

/** Words of "why do … always", "I want … gone": a wish or a demand makes what follows a call. */
const WISH = new Set(['see', 'want', 'wants', 'wanted', 'prefer', 'make']);
/** Subjects under which refusing to hire/rent/serve/trust is the speaker's own stance or advice. */
const STANCE = new Set(['i', 'we', 'you', 'ill', 'id', 'im', 'ive', 'well', 'wed', 'youd', 'youll', 'should', 'shouldnt', 'must', 'ought', 'nobody', 'people', 'landlords', 'employers', 'businesses', 'city']);
/** "landlords who refuse to rent to …" is said of them, not advice: "who" stops the search too. */
const STANCE_STOP = new Set(['who', 'does', 'doesnt', 'did', 'didnt', 'he', 'she', 'it', 'they', 'company', 'shelter', 'landlord', 'boss', 'manager', 'was', 'were', 'told', 'said']);

/** "never let a … move in", "stop letting … open businesses": what "let" must be followed by to be about housing, entry, work or a say. */
const LET_IN = new Set(['move', 'in', 'into', 'near', 'rent', 'buy', 'open', 'own', 'settle', 'build', 'join', 'teach', 'coach', 'adopt', 'marry', 'enter', 'run', 'work']);
const LET = new Set(['let', 'letting', 'allow', 'allowing']);
const BECAUSE = new Set(['because', 'cuz', 'cause', 'bc', 'coz']);
/** "we don't want … on the commission / as neighbors": bodies and roles a group is kept from. */
const BODIES = new Set(['commission', 'council', 'board', 'committee', 'staff', 'force', 'team', 'payroll', 'ballot', 'bench', 'police', 'neighbors', 'neighbours', 'teachers', 'tenants', 'members', 'leaders', 'officers', 'coworkers', 'employees', 'bus', 'block', 'street', 'schools', 'school']);

/** What the words before the group mention at i (ending at `end`) do to it. */
export function before(s: Sentence, i: number, end: number): Outcome {
  const { res, brk } = s;
  let k = i - 1;
  // "deport all the illegal aliens": determiners and describing words between the verb and the group
  while (k >= 0 && (DETERMINERS.has(res[k]!.w) || DESCRIBING.has(res[k]!.w) || (ADJ_SET.has(res[k]!.w) && k < i - 1)) && i - k <= 4) k--;
  // "not all men …", "not every muslim is …": the speaker denies the generalisation
  if ((res[i - 1]?.w === 'all' || res[i - 1]?.w === 'every') && (res[i - 2]?.w === 'not' || res[i - 2]?.w === 'nor')) return DEFUSED;
  // not "no, trans women are not a threat …": a "no" that answers someone, a clause of its own
  if (res[i]!.w === 'nobody' || (res[i - 1]?.w === 'no' && res[i - 2]?.w !== 'say' && s.clause[i] !== i)) {
    // "No gays allowed", "No immigrants should be allowed …", "Nobody with HIV should …"
    const after = res[end]?.w;
    if (res[i]!.w !== 'nobody' && (after === 'allowed' || after === 'welcome' || after === 'wanted' || after === 'permitted')) return outcome({ from: i - 1, to: end + 1, why: 'exclusion of a protected group' });
    const none = res[i]!.w === 'nobody' ? undefined : noneHere(s, i, end, i - 1);
    if (none) return outcome(none);
    return NEGATED_SUBJECT;
  }
  // "No more Haitians in Carson"
  if (i > 1 && res[i - 1]!.w === 'more' && res[i - 2]!.w === 'no') {
    const none = noneHere(s, i, end, i - 2);
    if (none) return outcome(none);
  }
  // "Too many Indians in the IT department": a group's numbers as the complaint (not "too many veterans in poverty")
  if (i > 1 && res[i - 1]!.w === 'many' && res[i - 2]!.w === 'too' && (res[end]?.w === 'in' || res[end]?.w === 'here' || res[end]?.w === 'around') && !objectWithin(res, end + 1, HARDSHIP) && clauseEndsBy(s, end, end + 6)) {
    const none = noneHere(s, i, end, i - 2);
    if (none) return outcome(none);
  }
  if (k < 0 || brk(k, i)) return NOTHING;
  const b = res[k]!;
  const negated = negatedIn(s, k - 2, k);
  // "… not because they're lazy", "its not because immigrants are lazy": the reason is denied
  if (negated && BECAUSE.has(b.w)) return DEFUSED;
  const objectEnds = !res[end] || s.clause[end] === end || !isContent(res[end]!.w);
  // "can't stand …", "sick of …", "disgusted by …"
  const phrasal = (b.w === 'stand' && (res[k - 1]?.w === 'cant' || res[k - 1]?.w === 'cannot')) ||
    (b.w === 'of' && (res[k - 1]?.w === 'sick' || res[k - 1]?.w === 'tired')) || (b.w === 'by' && res[k - 1]?.w === 'disgusted');
  if (phrasal && !(k > 1 && NEGATORS.has(res[k - 2]!.w) && b.w !== 'stand')) return outcome({ from: k - 1, to: end, why: 'hatred of a protected group' });
  // "a councilman who hates immigrants": someone else's hatred, reported
  if (b.hate && (res[k - 1]?.w === 'who' || res[k - 1]?.w === 'that')) return NOTHING;
  if (b.hate && thirdPartySubject(s.res, k, s.clause[k]!)) return NOTHING;
  // "the hate they get", "all this hate they face": the noun, what the group suffers
  if (b.hate && res[k - 1] !== undefined && HATE_AS_NOUN_AFTER.has(res[k - 1]!.w)) return NOTHING;
  if (b.hate) return negated ? DEFUSED : outcome({ from: k, to: end, why: 'hatred of a protected group' });
  // "we don't want (any more) refugees here"
  if ((b.w === 'want' || b.w === 'wants' || b.w === 'need') && negatedIn(s, k - 3, k) && stance(s, k) && (!res[end] || s.clause[end] === end || UNWANTED.has(res[end]!.w) || ((res[end]!.w === 'on' || res[end]!.w === 'as') && objectWithin(res, end + 1, BODIES)))) return outcome({ from: Math.max(0, k - 2), to: end, why: 'exclusion of a protected group' });
  if ((WISH.has(b.w) || (b.w === 'love' && res[k - 1]?.w === 'd')) && !negatedIn(s, k - 3, k)) return WISHED;
  // "never let a … move in"
  if (LET.has(b.w) && res[end] !== undefined && LET_IN.has(res[end]!.w) && (res[end]!.w !== 'in' || b.w === 'let' || b.w === 'letting') && negatedIn(s, k - 4, k) && stance(s, k)) return outcome({ from: Math.max(0, k - 2), to: end + 1, why: 'exclusion of a protected group' });
  // "keep an eye on the …" ("watch the …" is too often a show: "watch the Samoans dance")
  if (b.w === 'on' && k > 0 && res[k - 1]!.w === 'eye' && stance(s, k) && !negatedIn(s, k - 5, k) && objectEnds) return outcome({ from: Math.max(0, k - 3), to: end, why: 'call to single out a protected group for sanction' });
  // "it's always the … causing trouble"
  if (b.w === 'always') {
    const f = alwaysThe(s, k, end);
    if (f) return outcome(f);
  }
  // "let them die (off)", "let the … rot": harm wished by standing by
  if ((b.w === 'let' || b.w === 'letting') && res[end] !== undefined && INTRANSITIVE_HARM.has(res[end]!.w) && !negatedIn(s, k - 3, k)) return outcome({ from: k, to: end + 1, why: 'call for harm to a protected group' });
  // "Carson was a decent town before all these … moved in": the decline dated from a group's arrival
  if (b.w === 'before' && res[end] !== undefined && ARRIVED.has(res[end]!.w) && k > 1 && earlierInSentence(s, k, WAS_BETTER)) return outcome({ from: k, to: end + 1, why: 'negative stereotype about a protected group (decline blamed on its arrival)' });
  // "import Haitians and replace long-time residents": the replacement conspiracy
  if (IMPORT.has(b.w) && within(s, i, end - i + 10, REPLACE)) return outcome({ from: k, to: end, why: 'negative stereotype or conspiracy claim about a protected group (replacement)' });
  // "get these … out of our shelter" (not "get the seniors out of the heat": the place must be ours)
  if (b.w === 'get' && res[end]?.w === 'out' && (end + 1 >= res.length || s.clause[end + 1] === end + 1 || (res[end + 1]!.w === 'of' && end + 2 < res.length && OURS.has(res[end + 2]!.w))) && !negatedIn(s, k - 3, k)) return outcome({ from: k, to: end + 1, why: 'call to expel a protected group' });
  if (!objectEnds) return NOTHING;
  if (((HARM.has(b.w) && !PARTICIPLE.test(b.w) && !thirdPartySubject(s.res, k, s.clause[k]!)) || b.w === 'fuck' || (b.w === 'to' && res[k - 1]?.w === 'death')) && !negated) {
    return outcome({ from: Math.max(0, k - (b.w === 'to' ? 1 : 0)), to: end, why: 'call for harm to a protected group' });
  }
  // "there is no place for … here"
  if (b.w === 'for' && res[k - 1]?.w === 'place' && res[k - 2]?.w === 'no') return outcome({ from: k - 2, to: end, why: 'exclusion of a protected group' });
  // "Typical Mexican, always late and lazy": "typical" and a derogatory word in the same sentence
  if (b.w === 'typical' && res.some((r, j) => j >= end && r.attr && !brk(i, j))) return outcome({ from: k, to: end, why: 'negative stereotype about a protected group' });
  // "the city is being overrun by …"
  if (b.w === 'by' && k > 0 && OVERRUN.has(res[k - 1]!.w) && !negatedIn(s, k - 4, k - 1)) return outcome({ from: k - 1, to: end, why: 'negative stereotype about a protected group' });
  // "throw every refugee in jail", "put them all in camps"
  if ((EXPEL_VERBS.has(b.w) || b.w === 'lock' || b.w === 'put') && (res[end]?.w === 'in' || res[end]?.w === 'into') && objectWithin(res, end + 1, LOCKED_UP) && !negatedIn(s, k - 3, k)) return outcome({ from: k, to: end + 2, why: 'call for harm to a protected group' });
  // "the city would be better off without …"
  if (b.w === 'without') {
    for (let j = k - 1; j >= Math.max(0, k - 5, s.clause[k]!); j--) if (BETTER.has(res[j]!.w)) return outcome({ from: j, to: end, why: 'exclusion of a protected group' });
  }
  // "get rid of (all) the …", "rid our town of …"
  if (b.w === 'of') {
    for (let j = k - 1; j >= Math.max(0, k - 4); j--) {
      if (res[j]!.w === 'rid') return negatedIn(s, j - 3, j) ? DEFUSED : outcome({ from: j, to: end, why: 'call to expel a protected group' });
    }
  }
  // "kick the … out", "kick out the …", "round up the …", "send them back"
  const particles = EXPEL_VERBS.get(b.w);
  // "kick them all out"
  const particle = res[end]?.w === 'all' ? end + 1 : end;
  // not "keep the seniors out of the heat": kept from harm
  if (particles && res[particle] && particles.has(res[particle]!.w) && !shelteredFrom(res, particle + 1)) return negatedIn(s, k - 3, k) ? DEFUSED : outcome({ from: k, to: particle + 1, why: 'call to expel a protected group' });
  if (k > 0 && EXPEL_VERBS.get(res[k - 1]!.w)?.has(b.w)) return negatedIn(s, k - 4, k - 1) ? DEFUSED : outcome({ from: k - 1, to: end, why: 'call to expel a protected group' });
  // "I would never hire a …", "don't rent to …", "never trust a …", "I refuse to hire …"
  let v = k;
  if (b.w === 'to' || b.w === 'for') {
    // "rent to …", "sell my house to …", "vote for a …"
    for (let j = k - 1; j >= Math.max(0, k - 6, s.clause[k]!); j--) if (TREAT_VERBS.has(res[j]!.w)) { v = j; break; }
  }
  if (TREAT_VERBS.has(res[v]!.w) && negatedIn(s, v - 6, v) && stance(s, v)) return outcome({ from: Math.max(0, v - 2), to: end, why: 'exclusion of a protected group (refusing them work, housing, service or trust)' });
  return NOTHING;
}
/** Before "hate", words that make it the noun ("the hate they get"), not the speaker's verb. */
const HATE_AS_NOUN_AFTER = new Set(['the', 'this', 'that', 'such', 'much', 'more', 'any', 'of', 'no']);

/** The speaker's own stance or advice ("I would never …", "never …", "landlords shouldn't …"), not a report ("the shelter doesn't …")? */
function stance(s: Sentence, v: number): boolean {
  const res = s.res;
  const from = s.clause[v]!;
  for (let j = v - 1; j >= Math.max(from, v - 6); j--) {
    const w = res[j]!.w;
    if (STANCE.has(w)) return true;
    if (STANCE_STOP.has(w)) return false;
  }
  // an imperative: the clause starts with the negation ("Never hire …", "Don't rent to …")
  const first = res[from]!.w;
  return v - from <= 3 && (NEGATORS.has(first) || REFUSE.has(first) || first === 'please');
}

const IMPORT = new Set(['import', 'importing', 'imported', 'imports', 'shipping', 'flooding', 'bussing', 'busing']);
const REPLACE = new Set(['replace', 'replacing', 'replacement', 'replaced', 'outvote', 'outbreed']);
/** Earlier in a sentence that dates a decline from a group's arrival ("was a decent town before …"). */
const WAS_BETTER = new Set(['was', 'used', 'were', 'better', 'nicer', 'safer']);
/** What a group did that a decline is dated from ("before they moved in"). */
const ARRIVED = new Set(['moved', 'came', 'showed', 'arrived', 'started', 'took', 'got']);
/** Does the clause of the token at `from` end before index `by`? */
function clauseEndsBy(s: Sentence, from: number, by: number): boolean {
  for (let k = from + 1; k <= by; k++) if (k >= s.res.length || s.clause[k] === k) return true;
  return false;
}
/** Where a group's numbers are a plea, not a complaint ("too many veterans in poverty"). */
const HARDSHIP = new Set(['poverty', 'need', 'prison', 'prisons', 'jail', 'jails', 'debt', 'danger', 'shelters', 'shelter', 'hospital', 'hospitals', 'line', 'pain', 'crisis', 'limbo', 'detention', 'foster', 'cars', 'tents', 'streets']);
const BETTER = new Set(['better', 'safer', 'cleaner', 'nicer', 'happier']);
/** Passive verbs whose agent is blamed ("the city is being overrun by …"). */
const OVERRUN = new Set(['overrun', 'invaded', 'infested', 'flooded', 'swamped', 'ruined', 'destroyed', 'polluted', 'taken']);
const LOCKED_UP = new Set(['jail', 'prison', 'prisons', 'camps', 'camp', 'cages', 'cells', 'ghettos', 'ghetto']);
const UNWANTED = new Set(['here', 'in', 'around', 'anymore', 'living', 'moving', 'near', 'bussing', 'busing', 'coming', 'flooding', 'showing']);
/** Harm words that before a group describe it ("murdered women", "deported immigrants") rather than call for it. */
const PARTICIPLE = /(?:ed|shot|hung|burnt|beaten|dead|thrown|driven|gassed)$/;
/** Places named as the speaker's own ("out of our shelter", "out of Carson"). */
const OURS = new Set(['our', 'my', 'this', 'carson', 'here', 'town', 'america']);
