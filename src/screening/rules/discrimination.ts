/**
 * V.2 (comments) and IV.D.7(d) (posts) — content that promotes, fosters or perpetuates
 * discrimination on the basis of race, religious creed, color, national origin, ancestry,
 * physical or mental disability, medical condition, genetic information, marital status, sex,
 * gender, gender identity or expression, age, sexual orientation, or military and veteran status.
 *
 * Identity terms alone never trigger: only slurs, dehumanising or exclusionary statements about
 * a protected group (not negated), and the trained classifier.
 */
import { classifierHit } from '../classify.ts';
import { hasAny, lexHits, NEGATIONS, precededBy, regexHits, tokenHit, triggers } from '../hits.ts';
import { Lexicon } from '../lexicon.ts';
import type { Rule } from '../rule.ts';
import type { Hit } from '../types.ts';

/** Slurs (kept to terms that are slurs in nearly every use). */
export const SLURS = [
  'nigger~', 'nigga~', 'niggah', 'nigg~', 'jigaboo~', 'porch monkey~', 'darkie~', 'sambo',
  'wetback~', 'beaner~', 'spic', 'spics', 'spick', 'chink~', 'gook~', 'jap', 'japs', 'slant eye~', 'zipperhead~', 'kike~',
  'hymie~', 'raghead~', 'towelhead~', 'sand nigger~', 'camel jockey~', 'paki', 'pakis', 'faggot~', 'fag', 'fags', 'faggy',
  'dyke', 'dykes', 'tranny', 'trannies', 'shemale~', 'retard', 'retards', 'retarded', 'tard', 'spaz', 'mongoloid~', 'injun~', 'redskin~', 'squaw~', 'halfbreed~', 'half breed~', 'honky', 'honkey~', 'white trash', 'wop', 'wops', 'dago~', 'kraut~', 'polack~', 'heeb~', 'yid', 'yids', 'chinaman',
  'ching chong', 'goyim', 'sodomite~', 'ladyboy~', 
];

/** Plural group nouns ("blacks", "immigrants") — a generalisation about the whole group. */
export const GROUPS = new Set([
  'blacks', 'whites', 'asians', 'latinos', 'latinas', 'hispanics', 'mexicans', 'africans', 'arabs', 'indians', 'natives',
  'jews', 'muslims', 'christians', 'catholics', 'hindus', 'sikhs', 'atheists', 'immigrants', 'migrants', 'refugees',
  'foreigners', 'gays', 'lesbians', 'bisexuals', 'queers', 'homosexuals', 'transgenders', 'women', 'girls', 'females', 'men',
  'males', 'boomers', 'seniors', 'veterans', 'vets', 'filipinos', 'samoans', 'koreans', 'illegals', 'aliens', 'chinese',
  'vietnamese', 'japanese', 'disabled', 'handicapped', 'elderly', 'trannies',
]);
/** Adjectives that name a group only before a people noun ("black people", "gay men"). */
const GROUP_ADJ = new Set([
  'black', 'white', 'asian', 'latino', 'hispanic', 'mexican', 'african', 'arab', 'chinese', 'indian', 'native', 'jewish',
  'muslim', 'christian', 'catholic', 'hindu', 'gay', 'lesbian', 'queer', 'trans', 'transgender', 'disabled', 'old', 'autistic',
  'immigrant', 'filipino', 'samoan', 'korean', 'vietnamese', 'japanese', 'single', 'divorced',
]);
const PEOPLE = new Set(['people', 'folks', 'men', 'women', 'guys', 'kids', 'persons', 'families', 'mothers', 'moms', 'dads', 'community', 'population']);

const DEHUMANISING = new Set([
  'animals', 'animal', 'vermin', 'parasites', 'parasite', 'subhuman', 'subhumans', 'savages', 'savage', 'cockroaches',
  'roaches', 'rats', 'pigs', 'apes', 'monkeys', 'filth', 'filthy', 'disgusting', 'inferior', 'trash', 'garbage', 'scum',
  'disease', 'diseased', 'cancer', 'plague', 'criminals', 'rapists', 'terrorists', 'stupid', 'dumb', 'evil', 'dirty',
  'worthless', 'useless', 'lazy', 'thugs', 'degenerates', 'degenerate', 'abomination', 'perverts', 'pedophiles',
  'groomers', 'invaders', 'ruining', 'destroying',
]);
const EXCLUDE = new Set(['deported', 'deport', 'banned', 'ban', 'removed', 'gassed', 'shot', 'killed', 'die', 'leave', 'exterminated', 'eliminated', 'hanged', 'lynched', 'sterilized', 'locked']);

const slurs = new Lexicon(SLURS);
const hateRegex =
  /\b(?:go back to (?:your (?:own )?country|africa|mexico|china|where (?:you|they) came from)|(?:no|ban(?:ning)?|keep(?: out)?(?: all)?(?: the)?) (?:more )?(?:muslims|mexicans|immigrants|gays|jews|blacks|arabs|refugees|foreigners|illegals|trannies)(?: allowed| out)?\b|(?:women|girls|females) (?:belong in the kitchen|should(?:n'?t| not) (?:vote|work|drive|lead))|hitler was right|white (?:power|pride worldwide)|(?:14|fourteen) words|race traitor)/g;

const TRIGGERS = triggers(
  'go no ban banning keep women girls females hitler white 14 fourteen race',
);

export const discriminationRule: Rule = {
  id: 'discrimination',
  clauses: { comment: 'V.2', post: 'IV.D.7(d)' },
  defaultSeverity: 'block',
  title: 'Discrimination on a protected basis',
  check(ctx) {
    const hits: Hit[] = [];
    const t = ctx.tokens;
    for (const m of slurs.match(t, 5)) {
      // quoting a slur to condemn it ("calling him a f*** is not ok") stays a finding: a moderator decides.
      hits.push(...lexHits(ctx, [m], () => `slur "${ctx.text.slice(ctx.norm.map[t[m.from]!.start]!, ctx.norm.map[t[m.to - 1]!.end]!)}"`, 0.95));
    }
    // "<group> are <dehumanising>", "all <group> should be deported", not negated
    for (let i = 0; i < t.length; i++) {
      if (!GROUPS.has(t[i]!.w)) {
        if (!(GROUP_ADJ.has(t[i]!.w) && t[i + 1] && PEOPLE.has(t[i + 1]!.w))) continue;
        i++;
      }
      const window = Math.min(t.length, i + 6);
      for (let k = i + 1; k < window; k++) {
        const w = t[k]!.w;
        if (DEHUMANISING.has(w) || EXCLUDE.has(w)) {
          const between = precededBy(ctx, k, k - i, NEGATIONS) || precededBy(ctx, i, 3, NEGATIONS);
          const linked = t.slice(i + 1, k).some((x) => ['are', 'is', 'be', 'should', 'must', 'need', 'deserve', 'all', 'r', 'belong'].includes(x.w));
          const generalised = i === 0 || ['all', 'those', 'these', 'the', 'fucking', 'damn', 'most', 'dirty', 'filthy'].includes(t[i - 1]!.w) || linked;
          if (!between && linked && generalised) {
            hits.push(tokenHit(ctx, i, k + 1, `dehumanising or exclusionary statement about a protected group ("${t[i]!.w}")`, 0.85));
          }
          break;
        }
      }
      if (hits.length > 5) break;
    }
    if (hasAny(ctx, TRIGGERS)) hits.push(...regexHits(ctx, hateRegex, 'exclusionary statement about a protected group', 0.9));
    if (hits.length === 0) {
      const c = classifierHit(ctx, 'V.2', 'hateful or discriminatory content');
      if (c) hits.push(c);
    }
    return hits;
  },
};
