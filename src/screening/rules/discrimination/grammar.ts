/**
 * V.2's grammar, after a group mentioned (mentions.ts): what the sentence says of it ("… are
 * vermin", "… should be deported", "… control the council", "… ruin everything", "… don't belong
 * here", "… are selfish" via valence.ts, "… don't care about …"). Negation defuses ("… are not
 * vermin"). What comes before the group is before.ts's.
 */
import { BRING_VERBS, CONSPIRACY_OBJECTS, CONTROL_VERBS, GROUP_DEEDS, HARM, HARMFUL_THINGS, INTRANSITIVE_HARM, PEOPLE, POS_ATTR, RIGHTS, TAKE_VERBS } from './lexicon.ts';
import { HEDGES, implicitPredicate, PLACE_PREP, predicateAfterQualifier, treatmentRefused } from './implicit.ts';
import { DEROG_SET, NOUNISH } from './mentions.ts';
import { generalisedAsBad } from './valence.ts';
import {
  COPULA, DEFUSED, DETERMINERS, FILLER, hit, isContent, MODAL, NEG_COPULA, NEG_MODAL, NEGATORS, NOTHING, objectWithin, type Outcome, outcome, PRONOUNS, type Resolved, type Sentence, shelteredFrom, within,
} from './sentence.ts';

/** After "safe": where, when or what kind of place, so the group is in danger or lacks a place, not called unsafe. */
const SAFE_WHERE = new Set(['at', 'in', 'on', 'near', 'around', 'after', 'walking', 'going', 'downtown', 'outside', 'here', 'anymore', 'space', 'spaces', 'place', 'places', 'from', 'anywhere']);

/** What the words after the group mention (ending at `end`) say about it. */
export function after(s: Sentence, i: number, end: number, start: { copula: boolean; modal: boolean; negated: boolean }): Outcome {
  const { res, brk } = s;
  let { copula, modal, negated } = start;
  let skips = 0;
  let haveOnly = false; // "… has nothing to do with …": "have" links no attribute
  let deserve = false;
  // "Muslims out!", "Mexicans out of Carson": a group, then "out", at the start of a clause
  if (res[end]?.w === 'out' && (i === s.clause[i] || (i === 1 && s.clause[0] === 0 && (res[0]!.w === 'all' || res[0]!.w === 'the'))) && (!res[end + 1] || s.clause[end + 1] === end + 1 || res[end + 1]!.w === 'of' || res[end + 1]!.w === 'now')) {
    return hit(i, end, 'call to expel a protected group');
  }
  let limit = Math.min(res.length, end + 9);
  let restarted = false;
  let qualified = false; // a relative clause or place phrase was read past
  for (let j = end; j < limit; j++) {
    if (j > end && brk(j - 1, j)) break;
    const r = res[j]!;
    const w = r.w;
    const next = res[j + 1]?.w;
    if (NEGATORS.has(w)) {
      // "not only … but also" is not a negation
      if (!(w === 'not' && (next === 'only' || next === 'just' || next === 'merely'))) negated = !negated;
      if (NEG_COPULA.has(w)) copula = true;
      if (NEG_MODAL.has(w)) modal = true;
      continue;
    }
    if (modal && negated && (w === 'have' || w === 'having') && (next === 'children' || next === 'kids' || next === 'babies')) return hit(i, j + 1, 'denies a protected group rights');
    // "… shouldn't have to wait": what follows is spared them, not refused them
    if (negated && (w === 'have' || w === 'has') && next === 'to') return NOTHING;
    if (j === end && s.equals[j] === 1) copula = true;
    if (j === end && s.equals[j] === 2) { copula = true; negated = !negated; }
    if (COPULA.has(w)) { copula = true; continue; }
    // "… should get kicked out": "get" as "be"
    if (modal && w === 'get' && next !== undefined && EXPEL_PARTICIPLES.has(next)) continue;
    if (MODAL.has(w)) {
      modal = true; haveOnly = HAVE.has(w) && !copula; deserve = w === 'deserve' || w === 'deserves';
      // "… don't deserve a say", "… dont deserve the new park": a share of public life refused them (not "… don't deserve to lose their park")
      const share = deserve && negated ? shareAfter(s, j + 1) : -1;
      if (share >= 0) return hit(i, share, 'exclusion of a protected group');
      continue;
    }
    // "… don't deserve to live in nice neighborhoods", "… deserve nothing"
    if (deserve && negated && DESERVED.has(w)) return hit(i, j, 'denies a protected group rights');
    // "the Mexicans on 5th Street are …", "women who wear hijabs should …", "Muslims praying at the park should …": a qualifier between the group and its verb
    if (j === end) {
      const q = predicateAfterQualifier(s, end);
      if (q > end) { j = q - 1; limit = Math.min(res.length, q + 9); qualified = true; continue; }
      if (PLACE_PREP.has(w)) break;
    }
    // not inside a relative clause that leads nowhere ("an alien that shouldn't be in America killed …")
    const implicit = qualified || (res[end]!.w !== 'who' && res[end]!.w !== 'that') ? implicitPredicate(s, i, end, j, copula, modal, negated) : undefined;
    if (implicit) return implicit;
    if (w === 'belong' || w === 'belongs') {
      if (!negated && (next === 'in' || next === 'back' || next === 'at') && j + 2 < res.length && !welcomed(s, j)) return outcome({ from: i, to: Math.min(res.length, j + 4), why: 'exclusion of a protected group' });
      if (!negated && next !== undefined && (HARM.has(next) || next === 'locked')) return hit(i, j + 1, 'call for harm to a protected group');
      if (negated && (next === 'here' || next === 'in' || next === 'on' || next === 'at' || next === 'near' || next === 'around' || next === 'anywhere' || next === undefined || brk(j, j + 1))) return hit(i, j, 'exclusion of a protected group');
      return NOTHING;
    }
    // negative stereotypes and conspiracy: "… ruin everything", "… control the council", "… bring crime", "… take our jobs"
    const deed = ((w === 'cheat' || w === 'cheats') && (next === 'you' || next === 'us' || next === 'people' || next === 'everyone')) || (GROUP_DEEDS.has(w) && !(copula && w.endsWith('ed')) && !(res[j - 1]?.w === 'to' && !modal) && !(next === 'their' || next === 'themselves' || next === 'own') && !(w.startsWith('groom') && !objectWithin(res, j + 1, YOUNG)) && !(next === 'the' && res[j + 2]?.w === 'show')) ||
      (CONTROL_VERBS.has(w) && objectWithin(res, j + 1, CONSPIRACY_OBJECTS) && !((w === 'run' || w === 'runs' || w === 'running') && !objectWithin(res, j + 1, RUN_OBJECTS))) ||
      ((BRING_VERBS.has(w) || (COMMIT.has(w) && generic(s, i) && j === end)) && objectWithin(res, j + 1, HARMFUL_THINGS) && !objectWithin(res, j + 1, FEWER)) ||
      (TAKE_VERBS.has(w) && (next === 'every' || next === 'all') && objectWithin(res, j + 2, SPOILS)) ||
      (TAKE_VERBS.has(w) && (next === 'our' || next === 'us' || (next === 'over' && (res[j + 2] === undefined || brk(j + 1, j + 2) || objectWithin(res, j + 2, TAKEN)))));
    if (deed) return negated ? DEFUSED : hit(i, w === 'take' || w === 'takes' || w === 'taking' ? j + 1 : j, 'negative stereotype or conspiracy claim about a protected group');
    // "non-binary isn't a thing", "trans women aren't real": an identity denied
    if (copula && negated && (w === 'thing' || w === 'real') && (next === undefined || brk(j, j + 1) || next === 'women' || next === 'men' || next === 'people')) {
      for (let k = i; k < end; k++) if (DENIABLE.has(res[k]!.w)) return hit(i, j, 'denies a gender identity or sexual orientation');
    }
    // "transgender is just a fetish", "being bi is a phase": an identity called a disorder or a pose
    if (copula && !negated && PATHOLOGISED.has(w)) {
      for (let k = i; k < end; k++) if (DENIABLE.has(res[k]!.w)) return hit(i, j, 'denies a gender identity or sexual orientation');
    }
    // "… only good for mowing lawns": a group reduced to a menial use
    if (!negated && w === 'only' && next === 'good' && res[j + 2]?.w === 'for') return hit(i, j + 2, 'negative stereotype about a protected group');
    // "… need to learn to shower", "… should go to the back of the line"
    if (modal && !negated && w === 'learn' && next === 'to' && j + 2 < res.length && (VIRTUES.has(res[j + 2]!.w) || res[j + 2]!.w === 'speak')) return hit(i, j + 2, 'negative stereotype about a protected group');
    if (modal && !negated && w === 'go' && next === 'to' && res[j + 2]?.w === 'the' && res[j + 3]?.w === 'back') return hit(i, j + 3, 'exclusion of a protected group');
    // "they're the ones who brought …": what follows is said of the group
    if (copula && w === 'ones' && (next === 'who' || next === 'that') && res[j - 1]!.w === 'the') { j++; continue; }
    // "the Black folks move in and crime goes up": a decline blamed on a group's arrival
    if (!negated && (w === 'move' || w === 'moved' || w === 'moves') && next === 'in' && within(s, j, 10, MOVED_IN_DECLINE)) return hit(i, j + 1, 'negative stereotype about a protected group (decline blamed on its arrival)');
    // "… all want handouts"
    if (!negated && (w === 'want' || w === 'wants' || w === 'expect' || w === 'expects') && objectWithin(res, j + 1, HANDOUTS)) return hit(i, j + 1, 'negative stereotype about a protected group');
    // "… are all in gangs", "… are all on drugs / welfare": the whole group in a vice or on handouts ("… on welfare because the VA
    // is slow" without "all" is left to the model)
    if (copula && !negated && w === 'all' && (next === 'in' || next === 'on') && VICES.has(res[j + 2]?.w ?? '')) return hit(i, j + 2, 'negative stereotype about a protected group');
    // "… smell up the whole building"
    if (w === 'up' && (res[j - 1]!.w === 'smell' || res[j - 1]!.w === 'stink') && !negated) return hit(i, j, 'negative stereotype about a protected group');
    // "… don't care about anything", "… never respect our laws": a virtue the whole group is said to lack
    if (negated && !copula && VIRTUES.has(w) && (w !== 'care' || next === 'about') && generic(s, i) && !brk(i, j) && neverDo(res, j)) return hit(i, j, 'negative stereotype about a protected group');
    if (negated && !copula && w === 'take' && next === 'care' && generic(s, i) && !brk(i, j) && neverDo(res, j)) return hit(i, j + 1, 'negative stereotype about a protected group');
    // "… are only good for cleaning houses", "that's all they're good for"
    if (copula && !negated && w === 'good' && next === 'for' && (res[j - 1]?.w === 'only' || res.slice(Math.max(0, i - 3), i).some((r) => r.w === 'all'))) return hit(i, j + 1, 'negative stereotype about a protected group');
    // inferiority: "… are (genetically) less intelligent", "… are worse at everything", "… are too emotional to lead"
    if (copula && res[j - 1]?.w === 'less' && POS_ATTR.has(w)) return negated ? DEFUSED : hit(i, j, 'negative stereotype about a protected group');
    if (copula && !negated && w === 'worse' && (next === 'at' || next === 'than')) return hit(i, j + 1, 'negative stereotype about a protected group');
    if (copula && !negated && res[j - 1]?.w === 'too' && UNFIT.has(w) && next === 'to') return hit(i, j + 1, 'negative stereotype about a protected group');
    // "… should just hurry up and die": the wish runs on to the harm
    if (modal && w === 'hurry' && next === 'up' && res[j + 2]?.w === 'and') { j += 2; continue; }
    // "… have lower IQs"
    if (modal && !negated && (w === 'lower' || w === 'low') && (next === 'iq' || next === 'iqs' || next === 'intelligence')) return hit(i, j + 1, 'negative stereotype about a protected group');
    if ((copula || modal) && w === 'sick' && next === 'in' && res[j + 3]?.w === 'head') return negated ? DEFUSED : hit(i, j + 3, 'derogatory or dehumanising statement about a protected group');
    if (modal && negated && w === 'place' && (next === 'in' || next === 'here' || next === 'on' || next === 'at')) return hit(i, j, 'exclusion of a protected group');
    if (modal && negated && w === 'apply' && (next === undefined || brk(j, j + 1))) return hit(i, j, 'exclusion of a protected group');
    // not "… got kicked out of the shelter", which tells what was done to them
    if (modal && !negated && res[j - 1]!.w !== 'got' && (EXPEL_PARTICIPLES.get(w)?.has(next ?? '') ?? false) && !shelteredFrom(res, j + 2)) return hit(i, j + 1, 'call to expel a protected group');
    if (modal && !negated && w === 'stay' && objectWithin(res, j + 1, STAY_PUT)) return hit(i, j, 'exclusion of a protected group');
    // "… should stay out of our town", "… need to stay out of politics": kept from a place claimed or from public life;
    // not "… should stay out of the heat" nor "… stay away from the construction site" (kept from harm)
    if (modal && !negated && w === 'stay' && (next === 'out' || next === 'away' || next === 'off') && (res[j + 2]?.w === 'of' || res[j + 2]?.w === 'from') && objectWithin(res, j + 3, CLAIMED_OR_PUBLIC) && !within(s, j + 3, 8, FOR_NOW)) return hit(i, j + 1, 'exclusion of a protected group');
    // "… should stick to picking fruit": a group kept to menial work
    if (modal && !negated && w === 'stick' && next === 'to' && j + 2 < res.length && MENIAL.has(res[j + 2]!.w)) return hit(i, j + 2, 'negative stereotype about a protected group');
    // "… can't handle money", "… can't do engineering": a group denied an ability
    if (modal && negated && (w === 'handle' || w === 'do' || w === 'manage') && next !== undefined && ABILITIES.has(next)) return hit(i, j + 1, 'negative stereotype about a protected group');
    // "… should leave Carson", "… should leave the country"
    if (modal && !negated && w === 'leave' && next !== undefined && (next === 'carson' || next === 'america' || next === 'town' || ((next === 'the' || next === 'this' || next === 'our') && objectWithin(res, j + 2, HOMELANDS)))) return hit(i, j + 1, 'call to expel a protected group');
    if (copula && w === 'mental' && next !== undefined && (next === 'illness' || next === 'disorder' || next === 'disease' || next === 'sickness')) return negated ? DEFUSED : hit(i, j + 1, 'derogatory or dehumanising statement about a protected group');
    // "… should lose the right to vote"
    if (modal && !negated && (w === 'lose' || w === 'lost') && objectWithin(res, j + 1, LOST_RIGHTS)) return hit(i, j + 2, 'denies a protected group rights');
    if ((copula || modal) && w === 'mentally' && next !== undefined && (next === 'ill' || next === 'sick' || next === 'disturbed' || next === 'deranged')) return negated ? DEFUSED : hit(i, j + 1, 'derogatory or dehumanising statement about a protected group');
    // "blind people should be allowed guide dogs": what follows is given them, not said of them
    if (copula && GIVEN.has(w) && next !== undefined && !GIVEN_WHERE.has(next)) break;
    if ((copula || modal) && (r.attr || HARM.has(w)) && negated) return DEFUSED;
    // "… smell a rat in this budget": an idiom
    if (w === 'rat' && res[j - 2]?.w.startsWith('smel') === true) break;
    if ((copula || (modal && !haveOnly)) && r.attr && !negated) {
      // "… are a danger to nobody"
      if (next === 'to' && (res[j + 2]?.w === 'nobody' || res[j + 2]?.w === 'anyone' || res[j + 2]?.w === 'noone')) return DEFUSED;
      // "… are terrible at waiting": a skill, not the people
      if (next === 'at' && AT_SKILL.has(w) && !(res[j + 2]?.w === 'everything' || res[j + 2]?.w === 'anything')) break;
      // "… are animal lovers", "… are property owners": the word describes a noun after it
      const n = res[j + 1];
      if (NOUNISH.has(w) && n && s.clause[j + 1] !== j + 1 && isContent(n.w) && !n.attr && !COMPOUND_HEADS.has(n.w) && !PEOPLE.has(n.w) && !(DEROG_SET.has(w) && w.endsWith('s')) && !n.w.endsWith('ing') && !n.w.endsWith('ed')) break;
      return hit(i, j, 'derogatory or dehumanising statement about a protected group');
    }
    // "… fighting over Carson like rats in a cage" (not "… treated like dogs": what is done to them; nor
    // "dont treat them like criminals", which refuses it)
    if (w === 'like' && next !== undefined && DEROG_SET.has(next) && !res[j - 1]!.w.endsWith('ed') && !negated && !treatmentRefused(s, i)) return hit(i, j + 1, 'derogatory or dehumanising statement about a protected group');
    // apposition: "immigrants, those leeches, …"
    if (DEROG_SET.has(w) && !negated && (res[j - 1]?.w === 'those' || res[j - 1]?.w === 'these')) return hit(i, j, 'derogatory or dehumanising statement about a protected group');
    // not "… arent safe at the bus stops" (in danger there) nor "… dont have a safe space" (a place)
    if ((copula || modal) && POS_ATTR.has(w) && negated && !(w === 'safe' && next !== undefined && SAFE_WHERE.has(next))) return hit(i, j, 'denies a protected group a positive quality');
    // "… should be deported", "… deserve to die"; not "… can kill …" (the group does it)
    if (modal && HARM.has(w) && !negated && (copula || INTRANSITIVE_HARM.has(w))) return hit(i, j, 'call for harm to a protected group');
    if (modal && !negated && w === 'kept' && (next === 'out' || next === 'away' || next === 'off') && !shelteredFrom(res, j + 2)) return hit(i, j + 1, 'call to expel a protected group');
    // "Mexicans go back home, this is our city": an order, right after the group, that ends its clause (not "seniors go home early")
    if (j === end && i === s.clause[i] && !negated && w === 'go' && orderedHome(s, j + 1)) return hit(i, j + 1, 'call to expel a protected group');
    if (modal && !negated && (w === 'go' || w === 'leave') && (next === undefined || brk(j, j + 1) || next === 'back' || next === 'home' || next === 'away' || next === 'now' || next === 'already')) return hit(i, j, 'call to expel a protected group');
    // "… should not be hired without papers": a condition, not a refusal
    if ((modal && negated && (TREATED.has(w) || RIGHTS.has(w))) && next !== undefined && (CONDITIONAL.has(next) || somewhere(res, j + 1))) return NOTHING;
    if (modal && negated && TREATED.has(w)) return hit(i, j, 'exclusion of a protected group (refusing them work, housing, service or trust)');
    if (modal && negated && (RIGHTS.has(w) || (w === 'live' && (next === undefined || brk(j, j + 1) || LIVE_WHERE.has(next))))) return hit(i, j, 'denies a protected group rights');
    if ((modal || copula) && w === 'kitchen') return hit(i, j, 'exclusion of a protected group');
    if (FILLER.has(w) || (copula && HEDGES.has(w)) || w === 'i' || w === 'think' || w === 'people' || w === 'keep' || w === 'keeps' || (w === 'full' && next === 'of') || (w === 'you' && res[j - 1]?.w === 'like')) continue;
    if (r.g || PRONOUNS.has(w)) continue;
    // "… are selfish", "… are loud and obnoxious": a bad quality from the valence list (valence.ts)
    if (copula && !negated && !brk(i, j)) {
      const bad = generalisedAsBad(s, i, end, j);
      if (bad >= 0) return hit(i, bad, 'negative generalisation about a protected group');
    }
    // "… are immoral scum", "… are violent drunks": up to two more describing words before a derogatory noun
    if (copula && !negated && skips < 2 && w.length > 2 && nextDerog(res, j + 1, 2 - skips)) { skips++; continue; }
    // "… are too emotional and stupid to …": a describing word joined to a derogatory one
    if (copula && !negated && skips < 2 && next === 'and' && res[j + 2]?.attr === true && isContent(w)) { skips++; j++; continue; }
    // "… are going to hell and should be kept away from …": a second predicate of the same subject
    const q = restarted || !subject(s, i) ? -1 : coordinated(s, j);
    if (q > j) {
      restarted = true;
      ({ copula, modal, negated } = start);
      skips = 0;
      haveOnly = false;
      limit = Math.min(res.length, q + 9);
      j = q - 1;
      continue;
    }
    break;
  }
  return NOTHING;
}

/** Is the group at i the subject of its clause (only determiners before it), not an object ("comparing Haitians to …")? */
function subject(s: Sentence, i: number): boolean {
  for (let k = i - 1; k >= s.clause[i]!; k--) if (!DETERMINERS.has(s.res[k]!.w)) return false;
  return true;
}

/** After an unread word at j: "and" / "but" and a linking or modal verb later in the sentence (the index of that verb), or -1. */
function coordinated(s: Sentence, j: number): number {
  const res = s.res;
  for (let k = j + 1; k < Math.min(res.length - 1, j + 8); k++) {
    if (s.brk(k - 1, k)) return -1;
    const w = res[k]!.w;
    if (res[k]!.g || PRONOUNS.has(w) || w === 'who' || w === 'that') return -1;
    if ((w === 'and' || w === 'but') && s.clause[k] !== k) {
      const v = res[k + 1]!.w;
      return MODAL.has(v) || COPULA.has(v) || NEG_MODAL.has(v) || NEG_COPULA.has(v) || GROUP_DEEDS.has(v) || BRING_VERBS.has(v) || v === 'belong' ? k + 1 : -1;
    }
  }
  return -1;
}

/** What goes wrong when a group "moves in", in a stereotype ("… move in and crime goes up"). */
const MOVED_IN_DECLINE = new Set(['crime', 'crimes', 'trash', 'noise', 'drugs', 'gangs', 'graffiti', 'downhill', 'values', 'break-ins', 'robberies', 'shootings', 'ruined', 'dump']);
/** Identities some deny exist ("non-binary isn't a thing"). */
const DENIABLE = new Set(['nonbinary', 'binary', 'trans', 'transgender', 'bisexual', 'bi', 'bisexuals', 'genderqueer', 'intersex', 'transwomen', 'transmen', 'enbies', 'asexual']);
/** What an identity is called when it is denied ("… is a fetish / a phase / a mental illness"). */
const PATHOLOGISED = new Set(['fetish', 'phase', 'delusion', 'delusional', 'disorder', 'trend', 'fad', 'perversion', 'kink']);
/** What a group is said to grab ("taking every nursing job", "want handouts"). */
const SPOILS = new Set(['job', 'jobs', 'house', 'houses', 'homes', 'apartments', 'spot', 'spots', 'seat', 'seats', 'contract', 'contracts', 'benefits', 'permits']);
const HANDOUTS = new Set(['handouts', 'handout', 'freebies', 'welfare']);
/** What a whole group is said to be in or on ("… are all in gangs", "… are all on welfare"). */
const VICES = new Set(['gangs', 'gang', 'cartels', 'cartel', 'drugs', 'dope', 'meth', 'crack', 'welfare', 'handouts', 'foodstamps']);
/** Verbs that make a group the doer of crime or disease ("… commit most of the crime"). */
const COMMIT = new Set(['commit', 'commits', 'cause', 'causes', 'do', 'does']);
/** "… commit fewer crimes": a comparison in their favour. */
const FEWER = new Set(['fewer', 'less', 'lower', 'no', 'little', 'victims']);
/** What a group is said never to do ("… don't care", "… never respect the rules", "… don't bathe"). */
const VIRTUES = new Set(['bother', 'value', 'care', 'respect', 'contribute', 'bathe', 'shower', 'assimilate', 'integrate', 'appreciate', 'tip', 'obey', 'listen', 'learn']);
/** "don't" or "never" right before the verb at j, perhaps with "just", "even", "really" between. */
function neverDo(res: readonly Resolved[], j: number): boolean {
  let k = j - 1;
  while (k > 0 && (res[k]!.w === 'just' || res[k]!.w === 'even' || res[k]!.w === 'really' || res[k]!.w === 'ever')) k--;
  return k >= 0 && (res[k]!.w === 'dont' || res[k]!.w === 'never');
}
/** A named group generalised over ("all", "the", nothing before it), not a pronoun or particular people ("my neighbors", "some seniors"). */
function generic(s: Sentence, i: number): boolean {
  const p = i > 0 ? s.res[i - 1]!.w : '';
  return !PRONOUNS.has(s.res[i]!.w) && !(p === 'a' || p === 'us' || p === 'we' || p === 'my' || p === 'our' || p === 'his' || p === 'her' || p === 'their' || p === 'your' || p === 'some' || p === 'few' || p === 'many' || p === 'these' || p === 'those' || p === 'this' || p === 'that');
}
const LOST_RIGHTS = new Set(['right', 'rights', 'vote', 'citizenship', 'benefits', 'jobs', 'license', 'licenses', 'kids', 'children']);
const DESERVED = new Set(['live', 'exist', 'rights', 'respect', 'jobs', 'housing', 'homes', 'help', 'services', 'benefits', 'citizenship', 'kids', 'children']);
/** Passive verbs of giving: the noun after them is an object, not what the group is. */
const GIVEN = new Set(['allowed', 'given', 'offered', 'granted', 'provided', 'sent', 'shown', 'issued']);
/** After those verbs, words that keep the group as the one acted on ("… allowed to die", "… allowed on the council"). */
const GIVEN_WHERE = new Set(['to', 'on', 'in', 'at', 'into', 'near', 'around', 'here', 'there', 'anywhere', 'back', 'out', 'inside', 'within', 'by', 'home', 'away']);
/** What a group is said to be unable to do ("… can't handle money"). */
const ABILITIES = new Set(['money', 'math', 'maths', 'engineering', 'science', 'finances', 'budgets', 'numbers', 'leadership']);
/** Work a group is told to "stick to". */
const MENIAL = new Set(['picking', 'cleaning', 'cooking', 'mowing', 'washing', 'serving', 'sweeping', 'scrubbing', 'gardening', 'landscaping', 'farming', 'dancing']);
/** Places a group is told to leave ("… should leave the country"). */
const HOMELANDS = new Set(['country', 'city', 'town', 'neighborhood', 'neighbourhood', 'state', 'us', 'usa']);
const CONDITIONAL = new Set(['without', 'unless', 'until', 'if', 'before']);
/** "… cant adopt in some states": where the law says so, a fact of law rather than the speaker's refusal. */
const SOME = new Set(['some', 'many', 'most', 'other', 'several', 'certain']);
function somewhere(res: readonly Resolved[], k: number): boolean {
  return res[k]?.w === 'in' && SOME.has(res[k + 1]?.w ?? '');
}
const AT_SKILL = new Set(['terrible', 'awful', 'horrible', 'incompetent', 'weak', 'bad', 'dumb', 'stupid', 'useless', 'pathetic', 'slow']);
/** Fair treatment refused in a modal sentence ("No Mexicans should be hired", "… shouldn't be trusted"). */
const TREATED = new Set(['hired', 'employed', 'trusted', 'served', 'rented', 'elected', 'promoted', 'admitted', 'accepted', 'welcomed', 'housed']);
/** Participles of expulsion after a modal, with their particles ("… should be kept out", "… put down", "… sent back"). */
const EXPEL_PARTICIPLES: ReadonlyMap<string, ReadonlySet<string>> = new Map(Object.entries({
  kept: ['out', 'away', 'off'], put: ['down', 'away'], sent: ['back', 'home', 'away', 'out'], run: ['out', 'off'], chased: ['out', 'away', 'off'],
  pushed: ['out', 'away'], forced: ['out', 'away'], thrown: ['out', 'away'], kicked: ['out', 'off'], driven: ['out', 'away', 'off'],
}).map(([verb, particles]) => [verb, new Set(particles)]));
/** "… should stay home where they belong", "… should stay in the kitchen". */
const STAY_PUT = new Set(['belong', 'kitchen']);
/** What a group is told to stay out of: a place claimed as ours, or public life ("… stay out of our town", "… stay out of politics"). */
const CLAIMED_OR_PUBLIC = new Set(['our', 'my', 'carson', 'america', 'politics', 'government', 'council', 'sports', 'military', 'leadership', 'country', 'neighborhood', 'neighbourhood', 'neighborhoods']);
/** After "stay out of …", a condition or a time that makes it advice ("… when its closed for repairs", "… during the gas leak"). */
const FOR_NOW = new Set(['when', 'while', 'during', 'until', 'till', 'if', 'unless', 'because', 'today', 'tonight', 'tomorrow']);
/** Nouns that keep a derogatory word before them derogatory ("gang members", "drug dealers", "time bombs"). */
const COMPOUND_HEADS = new Set(['members', 'bangers', 'dealers', 'diggers', 'bombs', 'killers', 'queens', 'human']);
const HAVE = new Set(['have', 'has', 'got', 'gotta']);
/** "… are too emotional to lead": qualities said to unfit a whole group (not "too afraid to report", which pities it). */
const UNFIT = new Set(['emotional', 'irrational', 'hysterical', 'unstable', 'ignorant', 'primitive', 'simple', 'weak', 'stupid', 'dumb', 'lazy', 'slow', 'soft', 'violent', 'dangerous']);
const LIVE_WHERE = new Set(['here', 'among', 'near', 'next']);
/** What a group may be refused a share of ("… don't deserve a say / the new park / a permit"). */
const SHARES = new Set(['say', 'voice', 'vote', 'seat', 'park', 'parks', 'permit', 'permits', 'spot', 'spots', 'place', 'space', 'break', 'breaks', 'discount', 'lunch', 'aid', 'assistance', 'care', 'treatment']);
/** The object of "deserve" at j when it is a share of public life ("a say", "the new park", "the property tax break"): its index, or -1. */
function shareAfter(s: Sentence, j: number): number {
  const res = s.res;
  for (let k = j; k < Math.min(res.length, j + 4); k++) {
    if (k > j && s.brk(k - 1, k)) return -1;
    const w = res[k]!.w;
    if (SHARES.has(w)) return k;
    if (w === 'to' || w === 'it' || w === 'that' || w === 'what' || w === 'this' || w === 'better' || w === 'more' || w === 'less') return -1;
  }
  return -1;
}
/** "home" or "back (home)" at k, ending the sentence or clause. */
function orderedHome(s: Sentence, k: number): boolean {
  const res = s.res;
  if (k < res.length && res[k]!.w === 'back' && k + 1 < res.length && res[k + 1]!.w === 'home') k++;
  if (k >= res.length || (res[k]!.w !== 'home' && res[k]!.w !== 'back')) return false;
  return k + 1 >= res.length || s.brk(k, k + 1) || s.clause[k + 1] === k + 1;
}
const YOUNG = new Set(['kids', 'children', 'girls', 'boys', 'youth', 'students', 'our']);
const RUN_OBJECTS = new Set(['mafia', 'cartel', 'cartels', 'scams', 'scam', 'rackets', 'racket', 'media', 'banks', 'money', 'world', 'hollywood', 'everything', 'press', 'economy', 'government', 'elections', 'congress', 'finance']);
const TAKEN = new Set([
  'country', 'city', 'town', 'neighborhood', 'neighbourhood', 'world', 'schools', 'government', 'streets', 'everything', 'council', 'america',
  'every', 'whole', 'block', 'blocks', 'street', 'area', 'carson', 'community', 'neighborhoods', 'neighbourhoods', 'state', 'businesses', 'everywhere', 'jobs', 'park', 'parks', 'beach',
]);

/** A derogatory noun within the next n words, with only describing words between? */
function nextDerog(res: readonly Resolved[], j: number, n: number): boolean {
  for (let k = j; k < Math.min(res.length, j + n); k++) {
    const w = res[k]!.w;
    if (DEROG_SET.has(w) || w === 'trash' || w === 'garbage' || w === 'filth') return true;
    if (FILLER.has(w) || COPULA.has(w) || NEGATORS.has(w)) return false;
  }
  return false;
}

/**
 * "… belong in this city", "… belong at the festival too", "… belong in regular classrooms": a group
 * said to belong with everyone else, not sent somewhere ("… belong in the kitchen", "… in Mexico").
 */
function welcomed(s: Sentence, j: number): boolean {
  const res = s.res;
  let k = j + 2;
  if (k < res.length && res[k]!.w === 'the' && !s.brk(j, k)) k++;
  if (k < res.length && !s.brk(j, k) && WELCOMING.has(res[k]!.w) && !CONFINING.has(res[k + 1]?.w ?? '')) return true;
  // one word naming whose or what kind first ("… belong in the citys coding bootcamp", "… in our science fair")
  if (k + 1 < res.length && !s.brk(j, k + 1) && WELCOMING.has(res[k + 1]!.w)) return true;
  // "women belong in the House and Senate", "… the House of Representatives": the chamber, not the home
  if (k < res.length && res[k]!.w === 'house' && within(s, k + 1, 3, CHAMBERS)) return true;
  for (let m = j + 2; m < res.length && !s.brk(j, m); m++) if (res[m]!.w === 'too' || res[m]!.w === 'also' || res[m]!.w === 'everywhere') return true;
  return false;
}
const CHAMBERS = new Set(['senate', 'representatives', 'congress']);
/** Where a group is said to belong with everyone else. */
const WELCOMING = new Set(['this', 'our', 'every', 'any', 'regular', 'mainstream', 'public', 'city', 'citys', 'community', 'council', 'office', 'senate', 'congress', 'leadership', 'room', 'conversation', 'here',
  // public life and learning ("girls belong in stem", "… in the coding bootcamp", "… on every team")
  'stem', 'science', 'tech', 'coding', 'bootcamp', 'engineering', 'math', 'classrooms', 'classroom', 'sports', 'politics', 'government', 'workforce', 'boardroom', 'league', 'team', 'teams', 'program', 'programs']);
/** Places a group is confined to: not welcoming even after a word that is ("… belong in our kitchens"). */
const CONFINING = new Set(['kitchen', 'kitchens', 'home', 'homes', 'cages', 'cage', 'jail', 'jails', 'prison', 'zoo', 'asylum', 'asylums', 'institutions', 'ghetto', 'ghettos']);
