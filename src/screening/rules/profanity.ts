/**
 * V.3 — profane, obscene, violent or pornographic content and/or language (comments).
 * IV.D.7(e) — sexual content or links to sexual content (posts); other profanity in a post is
 * unprofessional conduct for a City representative (IV.C.15(f)).
 */
import { classifierHit } from '../classify.ts';
import { COUNTER } from './discrimination/counter-speech.ts';
import { lexHits } from '../hits.ts';
import { Lexicon } from '../lexicon.ts';
import type { Rule } from '../rule.ts';
import type { Hit } from '../types.ts';

export const PROFANITY = [
  'fuck~', 'fck', 'fuk', 'fukin', 'fukking', 'fking', 'fkn', 'fuq', 'phuck~', 'motherfuck~', 'mofo', 'shit', 'shits', 'shitty', 'shithead~', 'bullshit',
  'horseshit', 'shitshow', 'dipshit', 'bitch~', 'biatch', 'bastard~', 'ass', 'asses', 'asshole~', 'arsehole~', 'jackass',
  'dumbass', 'smartass', 'badass', 'damn', 'goddamn~', 'dammit', 'crap', 'crappy', 'piss', 'pissed', 'prick', 'pricks', 'twat~',
  'wanker~', 'bollocks', 'bugger', 'douche~', 'cunt~', 'cock', 'cocks', 'cocksucker~', 'dick', 'dicks', 'dickhead~',
  'wtf', 'stfu', 'gtfo', 'thot', 'skank~', 'slut~', 'whore~', 'pussy', 'pussies', 'bitchass',
  'son of a bitch', 'piece of shit', 'go to hell', 'screw you', 'suck my',
];
export const SEXUAL = [
  'porn~', 'pornhub', 'xvideos', 'xxx', 'nude', 'nudes', 'naked pics', 'sex tape', 'sexting', 'blowjob~', 'handjob~',
  'orgasm~', 'masturbat~', 'dildo~', 'cumshot~', 'creampie', 'onlyfans', 'horny', 'milf', 'hentai', 'boobs', 'tits',
  'titties', 'penis~', 'vagina~', 'erection', 'anal', 'gangbang', 'gangbangs', 'gangbanged', 'camgirl~', 'escort service', 'sexting',
];
export const VIOLENT = [
  'gore', 'decapitat~', 'behead~', 'dismember~', 'disembowel~', 'mutilat~', 'bloodbath', 'slaughter them',
];

const profane = new Lexicon(PROFANITY);
const sexual = new Lexicon(SEXUAL);
const violent = new Lexicon(VIOLENT);

export const profanityRule: Rule = {
  id: 'profanity',
  clauses: { comment: 'V.3', post: 'IV.D.7(e)' },
  defaultSeverity: 'block',
  alsoCites: { post: ['IV.C.15(f)'] },
  title: 'Profane, obscene, violent or pornographic language; sexual content',
  check(ctx) {
    const hits: Hit[] = [];
    const sex = sexual.match(ctx.tokens, 5);
    hits.push(...lexHits(ctx, sex, (m) => `sexual or pornographic term "${m.entry.replace('~', '')}"`, 0.95));
    if (ctx.kind === 'post') {
      // plain profanity in a City post: unprofessional (IV.C.15(f)), not sexual content
      for (const h of lexHits(ctx, profane.match(ctx.tokens, 5), (m) => `profanity "${m.entry.replace('~', '')}" in a City post`, 0.95)) {
        h.clause = 'IV.C.15(f)';
        hits.push(h);
      }
      return hits;
    }
    hits.push(...lexHits(ctx, profane.match(ctx.tokens, 5), (m) => `profanity "${m.entry.replace('~', '')}"`, 0.95));
    hits.push(...lexHits(ctx, violent.match(ctx.tokens, 5), (m) => `violent content "${m.entry.replace('~', '')}"`, 0.9));
    if (hits.length === 0) {
      const c = classifierHit(ctx, 'V.3', 'offensive or profane language');
      // the model alone, on a comment that condemns what it mentions ("… are not animals, and
      // whoever wrote that should be ashamed"): advice for a moderator, not a block
      if (c && !c.weak && COUNTER.test(ctx.norm.text)) {
        c.weak = true;
        c.message = `${c.message} — condemns what it mentions (counter-speech?)`;
      }
      if (c) hits.push(c);
    }
    return hits;
  },
};
