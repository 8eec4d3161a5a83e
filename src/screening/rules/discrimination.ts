/**
 * V.2 (comments) and IV.D.7(d) (posts) — content that promotes, fosters or perpetuates
 * discrimination on the basis of race, religious creed, color, national origin, ancestry,
 * physical or mental disability, medical condition, genetic information, marital status, sex,
 * gender, gender identity or expression, age, sexual orientation, or military and veteran status.
 *
 * Identity terms alone never trigger. A finding needs a protected group AND something said
 * against it: hatred ("I hate …"), a derogatory or dehumanising attribute ("… are vermin"), a
 * threat or call for harm ("… should be killed"), exclusion ("… don't belong here"), a negated
 * positive ("… are not human"), or a slur. Not raised: negated hate ("… are not disgusting"),
 * counter-speech and quotation ("saying … are scum is bigoted"), attacks on individuals or on
 * unprotected groups. One-edit misspellings, spacing and leetspeak are resolved first.
 */
import { classifierHit } from '../classify.ts';
import { FuzzyVocab } from '../fuzzy.ts';
import { hasAny, lexHits, regexHits, triggers } from '../hits.ts';
import { Lexicon } from '../lexicon.ts';
import type { Rule, RuleContext } from '../rule.ts';
import type { Hit } from '../types.ts';
import { F_GROUPS, FACT_STRIDE, FACTS, holds, objectColumn } from '../words.ts';
import type { Token } from '../normalize.ts';

/** Slurs (kept to terms that are slurs in nearly every use). */
export const SLURS = [
  'nigger~', 'nigga~', 'niggah', 'nigg~', 'jigaboo~', 'porch monkey~', 'darkie~', 'sambo', 'wetback~', 'beaner~', 'spic', 'spics',
  'spick', 'chink~', 'gook~', 'jap', 'japs', 'slant eye~', 'zipperhead~', 'kike~', 'hymie~', 'raghead~', 'towelhead~', 'sand nigger~',
  'camel jockey~', 'paki', 'pakis', 'faggot~', 'fag', 'fags', 'faggy', 'dyke', 'dykes', 'tranny', 'trannies', 'shemale~',
  'retard', 'retards', 'retarded', 'tard', 'spaz', 'mongoloid~', 'injun~', 'redskin~', 'squaw~', 'halfbreed~', 'half breed~',
  'honky', 'honkey~', 'white trash', 'wop', 'wops', 'dago~', 'kraut~', 'polack~', 'heeb~', 'yid', 'yids', 'chinaman', 'ching chong',
  'sodomite~', 'ladyboy~',
];
const slurs = new Lexicon(SLURS);

/** Group nouns naming people by a protected characteristic. */
const GROUP_NOUNS = [
  'women', 'woman', 'girls', 'females', 'ladies', 'men', 'males', 'trans', 'transgenders', 'transsexuals', 'transgender', 'gays',
  'lesbians', 'lesbian', 'bisexuals', 'homosexuals', 'homosexual', 'queers', 'blacks', 'whites', 'muslims', 'muslim', 'moslems',
  'jews', 'jew', 'christians', 'catholics', 'hindus', 'sikhs', 'buddhists', 'atheists', 'mormons', 'immigrants', 'immigrant',
  'migrants', 'migrant', 'refugees', 'refugee', 'foreigners', 'mexicans', 'asians', 'latinos', 'latinas', 'hispanics', 'africans',
  'arabs', 'chinese', 'indians', 'natives', 'filipinos', 'koreans', 'vietnamese', 'japanese', 'samoans', 'disabled', 'handicapped',
  'cripples', 'autistics', 'elderly', 'seniors', 'boomers', 'veterans', 'illegals', 'aliens', 'negroes', 'gypsies', 'roma',
  'feminists', 'widows', 'divorcees',
];
const GROUP_ADJ = [
  'black', 'white', 'brown', 'asian', 'latino', 'latina', 'hispanic', 'mexican', 'african', 'arab', 'chinese', 'indian', 'native',
  'jewish', 'muslim', 'islamic', 'christian', 'catholic', 'hindu', 'gay', 'lesbian', 'bisexual', 'queer', 'trans', 'transgender',
  'disabled', 'handicapped', 'autistic', 'deaf', 'blind', 'old', 'elderly', 'immigrant', 'foreign', 'filipino', 'korean',
  'vietnamese', 'japanese', 'samoan', 'single', 'divorced', 'pregnant', 'female', 'male', 'nonbinary', 'mentally', 'physically',
];
const PEOPLE = new Set(['people', 'person', 'persons', 'folks', 'folk', 'men', 'women', 'guys', 'girls', 'boys', 'kids', 'individuals', 'community', 'population', 'families', 'mothers', 'moms', 'dads', 'immigrants', 'americans', 'ill']);
const NEG_ATTR = [
  'disgusting', 'repulsive', 'revolting', 'vile', 'gross', 'filthy', 'dirty', 'scum', 'scumbags', 'pathetic', 'worthless', 'useless',
  'inferior', 'subhuman', 'subhumans', 'animals', 'animal', 'vermin', 'rats', 'rat', 'cockroaches', 'cockroach', 'roaches', 'parasites', 'parasite', 'pests', 'pest', 'leeches', 'leech',
  'insects', 'maggots', 'apes', 'monkeys', 'pigs', 'dogs', 'savages', 'barbarians', 'trash', 'garbage', 'rubbish', 'filth', 'cancer',
  'plague', 'disease', 'diseased', 'virus', 'infestation', 'evil', 'stupid', 'dumb', 'idiots', 'morons', 'ugly', 'criminals',
  'rapists', 'terrorists', 'thugs', 'degenerates', 'degenerate', 'freaks', 'abominations', 'abomination', 'perverts', 'pedophiles',
  'groomers', 'invaders', 'lazy', 'dangerous', 'liars', 'thieves', 'primitive', 'backwards', 'brainless', 'retarded', 'lesser', 'burden', 'threat', 'waste', 'mistake', 'nothing', 'hideous', 'horrible', 'awful', 'despicable',
  'detestable', 'loathsome', 'nasty', 'sickening', 'contemptible', 'unbearable', 'annoying', 'frauds', 'fake', 'unnatural',
  'illness', 'predators', 'monsters', 'beasts', 'creatures', 'swine', 'imbeciles', 'incompetent', 'weak', 'deviants',
  'untrustworthy', 'worst', 'inbred', 'uncivilized', 'unwelcome', 'ruining', 'destroying', 'polluting', 'savage', 'beast', 'monster',
  'freak', 'criminal', 'rapist', 'terrorist', 'thug', 'pervert', 'pedophile', 'idiot', 'moron', 'imbecile', 'plague', 'vermins',
];
const POS_ATTR = new Set([
  'good', 'smart', 'intelligent', 'kind', 'decent', 'human', 'humans', 'people', 'equal', 'welcome', 'worthy', 'valuable',
  'trustworthy', 'capable', 'normal', 'honest', 'beautiful', 'great', 'nice', 'real', 'clever', 'brave', 'competent', 'deserving',
  'important', 'valid', 'worth', 'wanted', 'safe', 'civilized', 'fine', 'ok', 'okay', 'allowed', 'needed', 'useful',
]);
const HATE_VERBS = ['hate', 'hates', 'despise', 'despises', 'detest', 'detests', 'loathe', 'loathes', 'abhor', 'abhors', 'hating'];
const HARM = new Set([
  'kill', 'killed', 'murder', 'murdered', 'shoot', 'shot', 'hang', 'hanged', 'hung', 'lynch', 'lynched', 'burn', 'burned', 'burnt',
  'gas', 'gassed', 'exterminate', 'exterminated', 'eradicate', 'eradicated', 'eliminate', 'eliminated', 'deport', 'deported',
  'die', 'dead', 'execute', 'executed', 'beat', 'beaten', 'hurt', 'punish', 'punished', 'stab', 'stabbed', 'castrate', 'castrated',
  'sterilize', 'sterilized', 'drown', 'drowned', 'slaughter', 'slaughtered', 'removed', 'remove', 'banned', 'ban', 'segregated',
  'locked', 'caged', 'shipped', 'expelled', 'purged', 'suffer', 'rot', 'disappear', 'wiped', 'erased', 'destroyed', 'destroy',
  'torture', 'tortured', 'imprisoned', 'attack', 'attacked', 'raped', 'rape', 'enslaved', 'whipped', 'starve', 'starved',
]);
const COPULA = new Set(['are', 'r', 'is', 'were', 'was', 'be', 'being', 'am', 'seem', 'seem', 'look', 'sound', 'smell', 'become']);
const MODAL = new Set(['should', 'must', 'need', 'needs', 'deserve', 'deserves', 'ought', 'have', 'has', 'gotta', 'shall', 'will', 'would', 'can', 'could', 'may']);
const FILLER = new Set([
  'so', 'all', 'just', 'such', 'really', 'truly', 'completely', 'totally', 'absolutely', 'utterly', 'nothing', 'but', 'a', 'an',
  'the', 'total', 'complete', 'utter', 'fucking', 'fking', 'damn', 'very', 'always', 'obviously', 'clearly', 'simply', 'basically',
  'literally', 'such', 'bunch', 'of', 'pack', 'to', 'me', 'like', 'honestly', 'too', 'extremely', 'incredibly', 'disgustingly',
  'pure', 'absolute', 'mere', 'nasty', 'filthy', 'dirty', 'ugly', 'stupid', 'be', 'than', 'less', 'more', 'class', 'second', 'of',
  'oxygen', 'space', 'beings', 'by', 'nature', 'naturally', 'inherently', 'born', 'at', 'best', 'frankly', 'still', 'also', 'even',
  'that', 'only', 'ever', 'any', 'being', 'mostly', 'generally', 'typically', 'usually', 'getting', 'becoming', 'kind', 'sort',
]);
const NEGATORS = new Set(['not', 'never', 'no', 'nt', 'arent', 'isnt', 'aint', 'wasnt', 'werent', 'dont', 'doesnt', 'didnt', 'cant', 'cannot', 'wont', 'shouldnt', 'wouldnt', 'hardly', 'nobody', 'neither', 'nor']);
const PRONOUNS = new Set(['they', 'them', 'theyre', 'those', 'these', 'such']);
const DETERMINERS = new Set(['all', 'every', 'those', 'these', 'the', 'any', 'most', 'you', 'fucking', 'damn', 'dirty', 'filthy', 'stupid']);
const FUNCTION_WORDS = new Set(['i', 'we', 'you', 'all', 'are', 'so', 'they', 'the', 'just', 'really', 'is', 'r', 'a', 'hate', 'kill', 'fuck']);

const groupVocab = new FuzzyVocab([...GROUP_NOUNS, ...GROUP_ADJ], 5);
const attrVocab = new FuzzyVocab([...NEG_ATTR, ...HATE_VERBS], 5);
const GROUP_SET = new Set(GROUP_NOUNS);
const ADJ_SET = new Set(GROUP_ADJ);
const ATTR_SET = new Set(NEG_ATTR);
const HATE_SET = new Set(HATE_VERBS);
const ANCHORS = new Set([...GROUP_NOUNS, ...GROUP_ADJ, ...NEG_ATTR, ...HATE_VERBS, ...HARM, 'belong', 'fuck', 'kill']);

/** "saying X are Y is bigoted", "people who think …", quotation: the speaker condemns the hate. */
const COUNTER =
  /\b(?:is|are|was|sounds|seems|its|it's|thats|that's)\s+(?:a |an |so |such a |really |just |pretty |completely |totally |deeply |very |incredibly |absolutely )*(?:bigoted|racist|sexist|homophobic|transphobic|islamophobic|antisemitic|xenophobic|ableist|misogynistic|hateful|ignorant|offensive|unacceptable|inexcusable|wrong|vile thing|disgusting thing|horrible thing|terrible thing|awful thing|hurtful|harmful|not (?:ok|okay|acceptable|true|fine)|hate speech|bigotry|racism|sexism|discrimination|a lie|false|bullshit|nonsense)\b|\b(?:people|those|anyone|someone|whoever|everyone|folks) (?:who|that) (?:say|says|said|think|thinks|believe|believes|claim|claims|call|calls|post|posts|write|writes)\b|\bif you (?:think|say|believe|really think)\b|\b(?:stop|quit) (?:saying|calling|claiming|pretending)\b|\b(?:don'?t|do not|never|shouldn'?t|should not|no one should|nobody should) (?:say|call|claim|tell)\b|\bshows? (?:how|that you|your)\b|\byou(?:'re| are) (?:a |such a |so )?(?:bigot|racist|sexist|homophobe|transphobe|misogynist)\b|\b(?:can'?t|cannot) believe (?:you|they|he|she|people|someone|anyone) (?:said|say|would say|think|wrote)\b|\b(?:i|we) (?:condemn|reject|denounce|oppose)\b|\bthere(?:'s| is) no place for\b|\b(?:calling|saying|claiming|suggesting|implying) (?:that )?(?:all )?(?:[a-z]+ ){0,3}(?:are|is) [a-z ]{0,40}(?:is|was|shows|says)\b/;
/** The V.2 model alone is weak evidence (davidson's hate/offensive line is noisy): advise only when fairly sure. */
const MODEL_ADVICE_FLOOR = 0.7;
const hateRe =
  /\b(?:go back to (?:your (?:own )?country|africa|mexico|china|where (?:you|they) came from)|hitler was right|white (?:power|pride worldwide)|(?:14|fourteen) words|race traitors?|gas the \w+|send them (?:all )?back)\b/g;
const HATE_TRIGGERS = triggers('go hitler white 14 fourteen race gas send');
const QUOTED = /["“”«»]/;

interface Resolved { g: boolean; attr: boolean; hate: boolean; w: string }

/** A word's memberships as bits, kept in the word table (words.ts): the sets are asked once per word, not per token. */
const IS_GROUP = 1;
const IS_ATTR = 2;
const IS_HATE = 4;
const IS_ANCHOR = 8;
const KNOWN = 16;
function factBits(tok: Token): number {
  let f = tok.groups;
  if (f === 0) {
    const at = tok.k * FACT_STRIDE + F_GROUPS;
    const held = holds(tok.k, tok.w);
    if (!held || (f = FACTS[at]!) === 0) {
      const w = tok.w;
      f = KNOWN | (GROUP_SET.has(w) || ADJ_SET.has(w) ? IS_GROUP : 0) | (ATTR_SET.has(w) ? IS_ATTR : 0) | (HATE_SET.has(w) ? IS_HATE : 0) | (ANCHORS.has(w) ? IS_ANCHOR : 0);
      if (held) FACTS[at] = f;
    }
    tok.groups = f;
  }
  return f;
}
const isAnchor = (tok: Token): boolean => (factBits(tok) & IS_ANCHOR) !== 0;

/** A token's word as it stands (before one-edit resolution); made only for texts with an anchor. Never mutated. */
const asIsColumn = objectColumn<Resolved>();
function asIs(tok: Token): Resolved {
  let r = asIsColumn[tok.k];
  if (r === undefined || !holds(tok.k, tok.w)) {
    const f = factBits(tok);
    r = { g: (f & IS_GROUP) !== 0, attr: (f & IS_ATTR) !== 0, hate: (f & IS_HATE) !== 0, w: tok.w };
    if (holds(tok.k, tok.w)) asIsColumn[tok.k] = r;
  }
  return r;
}

function resolve(ctx: RuleContext): Resolved[] {
  const toks = ctx.tokens;
  const out: Resolved[] = new Array(toks.length);
  let anchored = false;
  for (let i = 0; i < toks.length; i++) {
    if (isAnchor(toks[i]!)) anchored = true;
    out[i] = asIs(toks[i]!);
  }
  if (!anchored) return out;
  // resolve misspelled neighbours of an anchor word ("I hate wmoen", "women are disgustnig"):
  // only tokens within 4 of an exact anchor, so long texts stay cheap
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
  }
  return out;
}

/** A word next to an anchor, resolved to the group or attribute word it misspells (or as it stands). */
const nearColumn = objectColumn<Resolved>();
function nearAnchor(tok: Token): Resolved {
  let r = nearColumn[tok.k];
  if (r === undefined || !holds(tok.k, tok.w)) {
    r = asIs(tok);
    if (!(r.g || r.attr || r.hate || r.w.length < 4 || COPULA.has(r.w) || FILLER.has(r.w) || NEGATORS.has(r.w))) {
      const g = groupVocab.lookup(r.w);
      const a = g ? undefined : attrVocab.lookup(r.w);
      if (g) r = { g: true, attr: false, hate: false, w: g };
      else if (a) r = { g: false, attr: ATTR_SET.has(a), hate: HATE_SET.has(a), w: a };
    }
    if (holds(tok.k, tok.w)) nearColumn[tok.k] = r;
  }
  return r;
}

/** Is token i inside a protected-group mention? Returns the index just after the mention, or -1. */
function groupAt(res: Resolved[], i: number): number {
  const r = res[i];
  if (!r || !r.g) return -1;
  if (GROUP_SET.has(r.w) && !(ADJ_SET.has(r.w) && res[i + 1] && PEOPLE.has(res[i + 1]!.w))) return i + 1;
  if (ADJ_SET.has(r.w) && res[i + 1] && PEOPLE.has(res[i + 1]!.w)) return i + 2;
  return -1;
}

function check(ctx: RuleContext): Hit[] {
  const hits: Hit[] = [];
  const t = ctx.tokens;
  for (const m of slurs.match(t, 5)) {
    hits.push(...lexHits(ctx, [m], () => `slur "${ctx.text.slice(ctx.norm.map[t[m.from]!.start]!, ctx.norm.map[t[m.to - 1]!.end]!)}"`, 0.95));
  }
  if (hasAny(ctx, HATE_TRIGGERS)) hits.push(...regexHits(ctx, hateRe, 'exclusionary statement about a protected group', 0.9));
  // without any group word or anchor (hate verb, harm, derogatory word) there is nothing to analyse
  if (!t.some(isAnchor)) return hits.length > 0 ? hits : modelOnly(ctx, false);
  const res = resolve(ctx);
  let groupSeen = -1;
  const sentenceBreak = (a: number, b: number): boolean => /[.!?;\n]/.test(ctx.norm.text.slice(t[a]!.end, t[b]!.start));
  const found: Array<{ from: number; to: number; why: string }> = [];
  let defused = false; // "Muslims are not disgusting", "I don't hate women": negated hate

  for (let i = 0; i < res.length && found.length < 5; i++) {
    let end = groupAt(res, i);
    // pronoun reference back to a group named earlier ("I met some immigrants. They are vermin.")
    if (end < 0 && groupSeen >= 0 && PRONOUNS.has(res[i]!.w)) end = i + (res[i + 1]?.w === 'people' ? 2 : 1);
    if (end >= 0) {
      if (groupAt(res, i) >= 0) groupSeen = i;
      // before the group: "I hate …", "kill all …", "fuck …", "death to …", "why are …"
      let k = i - 1;
      while (k >= 0 && DETERMINERS.has(res[k]!.w) && i - k <= 3) k--;
      if (k >= 0 && !sentenceBreak(k, i)) {
        const before = res[k]!;
        const negated = k > 0 && (NEGATORS.has(res[k - 1]!.w) || (k > 1 && NEGATORS.has(res[k - 2]!.w)));
        const phrasal = (before.w === 'stand' && (res[k - 1]?.w === 'cant' || res[k - 1]?.w === 'cannot')) ||
          (before.w === 'of' && (res[k - 1]?.w === 'sick' || res[k - 1]?.w === 'tired')) || (before.w === 'by' && res[k - 1]?.w === 'disgusted');
        if (phrasal && !(k > 1 && NEGATORS.has(res[k - 2]!.w) && before.w !== 'stand')) found.push({ from: k - 1, to: end, why: 'hatred of a protected group' });
        else if (before.hate && negated) defused = true;
        else if (before.hate && !negated) found.push({ from: k, to: end, why: 'hatred of a protected group' });
        else if ((HARM.has(before.w) || before.w === 'fuck' || before.w === 'to' && res[k - 1]?.w === 'death') && !negated) found.push({ from: Math.max(0, k - (before.w === 'to' ? 1 : 0)), to: end, why: 'call for harm to a protected group' });
      }
      // after the group: copula / modal + attribute / harm / negated positive
      let negated = false;
      let modal = false;
      // "why are women so stupid": the copula comes before the group
      let copula = k >= 0 && (res[k]!.w === 'are' || res[k]!.w === 'r') && !sentenceBreak(k, i);
      for (let j = end; j < Math.min(res.length, end + 9); j++) {
        if (j > end && sentenceBreak(j - 1, j)) break;
        const r = res[j]!;
        if (NEGATORS.has(r.w)) {
          // "not only … but also" is not a negation
          if (!(r.w === 'not' && (res[j + 1]?.w === 'only' || res[j + 1]?.w === 'just' || res[j + 1]?.w === 'merely'))) negated = !negated;
          continue;
        }
        if (COPULA.has(r.w)) { copula = true; continue; }
        if (MODAL.has(r.w)) { modal = true; continue; }
        if (r.w === 'belong' || r.w === 'belongs') {
          const next = res[j + 1]?.w;
          if (!negated && (next === 'in' || next === 'back') && j + 2 < res.length) found.push({ from: i, to: Math.min(res.length, j + 4), why: 'exclusion of a protected group' });
          else if (negated && (next === 'here' || next === 'in' || next === 'anywhere' || next === undefined)) found.push({ from: i, to: j + 1, why: 'exclusion of a protected group' });
          break;
        }
        if ((copula || modal) && (r.attr || HARM.has(r.w)) && negated) { defused = true; break; }
        if ((copula || modal) && r.attr && !negated) { found.push({ from: i, to: j + 1, why: 'derogatory or dehumanising statement about a protected group' }); break; }
        if ((copula || modal) && POS_ATTR.has(r.w) && negated) { found.push({ from: i, to: j + 1, why: 'denies a protected group a positive quality' }); break; }
        if (modal && HARM.has(r.w) && !negated) { found.push({ from: i, to: j + 1, why: 'call for harm to a protected group' }); break; }
        if (modal && negated && (r.w === 'allowed' || r.w === 'exist' || r.w === 'live' || r.w === 'vote' || r.w === 'rights')) { found.push({ from: i, to: j + 1, why: 'denies a protected group rights' }); break; }
        if (FILLER.has(r.w) || r.w === 'i' || r.w === 'think' || r.w === 'honestly' || r.w === 'people') continue;
        if (r.g || PRONOUNS.has(r.w)) continue;
        break;
      }
    }
  }
  if (found.length > 0) {
    const counter = COUNTER.test(ctx.norm.text) || QUOTED.test(ctx.text);
    for (const f of found) {
      const a = t[f.from]!;
      const b = t[Math.min(f.to, t.length) - 1]!;
      const hit: Hit = { message: counter ? `${f.why} — quoted or condemned (counter-speech?)` : f.why, score: counter ? 0.4 : 0.9, start: a.start, end: b.end };
      if (counter) hit.weak = true;
      hits.push(hit);
    }
  }
  if (hits.length === 0 && !defused) return modelOnly(ctx, res.some((_, i) => groupAt(res, i) >= 0));
  return hits;
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
export { FUNCTION_WORDS };
