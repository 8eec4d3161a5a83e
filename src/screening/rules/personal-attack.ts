/**
 * V.14 — content that is libellous, defamatory, or constitutes a personal attack.
 * Insults aimed at a person ("you are an idiot", "the mayor is a crook"), not criticism of
 * decisions ("the council's decision was wrong" passes).
 */
import { classifierHit } from '../classify.ts';
import { hasAny, triggers } from '../hits.ts';
import { Pattern } from '../patterns.ts';
import type { Rule } from '../rule.ts';
import type { Hit } from '../types.ts';

const INSULT =
  '(?:idiots?|morons?|imbeciles?|stupid|dumb|dumbass|clowns?|fools?|losers?|liars?|crooks?|thie(?:f|ves)|frauds?|criminals?|corrupt|pedo(?:phile)?s?|creeps?|scum(?:bags?)?|pigs?|trash|garbage|jokes?|disgrace|incompetent|useless|worthless|pathetic|retarded|psychos?|lunatics?|hypocrites?|traitors?|snakes?|rats?|cowards?|crackheads?|drunks?|whores?|bitch(?:es)?|assholes?|bastards?|libtards?|feminazis?|nazis?|fascists?|commies?|grifters?|shills?|sellouts?|puppets?|piece of (?:shit|crap|garbage|trash|work)|waste of (?:space|air|oxygen))';
const TAIL = '(?!\\s(?:day|pickup|collection|bins?|cans?|service|trucks?|bags?|disposal|fees?|bill))';
const SUBJECT_YOU = `\\b(?:you(?:'re| are| r|re)?|u r|ur|youre|you guys are|y'?all are|ya) (?:such |a |an |the |all |just |nothing but |the biggest |a total |a complete |an absolute |so |really |fucking |f[u*]+c?k(?:ing|in)? |effing |freaking )*${INSULT}\\b`;
const SUBJECT_OFFICIAL = `\\b(?:the )?(?:mayor|council ?(?:man|woman|member|members)?|city manager|manager|clerk|chief|sheriff|officer|director|supervisor|staff|commissioners?|(?:mr|mrs|ms|dr)\\.? [a-z]+) (?:is|are|was|r) (?:such |a |an |the |all |just |nothing but |the biggest |a total |a complete |an absolute |so |really |fucking |a known |a convicted )*(?:${INSULT}|(?:on the take|taking bribes|stealing (?:from|our)|a (?:sex offender|child molester|wife beater|drug dealer)))\\b`;
const DISMISSAL = `\\b(?:shut up|shut your (?:mouth|trap)|go to hell|kys|kill yourself|get a life|nobody (?:likes|asked) you|stfu)\\b`;
/** Every INSULT holds one of these (as a substring of one word). */
const INSULT_NEEDLES =
  'idiot moron imbecile stupid dumb clown fool loser liar crook thie fraud criminal corrupt pedo creep scum pig trash garbage joke disgrace incompetent useless worthless pathetic retarded psycho lunatic hypocrite traitor snake rat coward crackhead drunk whore bitch asshole bastard libtard feminazi nazi fascist commie grifter shill sellout puppet piece waste';
/** The deeds an official may be accused of, besides INSULT. */
const DEED_NEEDLES = 'take bribes stealing offender molester beater dealer';
/**
 * The union `SUBJECT_YOU|SUBJECT_OFFICIAL|DISMISSAL` as gated alternatives (patterns.ts): each runs
 * only on text with one of its needles (a text with "take" or "life" alone no longer scans for
 * insults).
 */
const attack = new Pattern([
  [INSULT_NEEDLES, SUBJECT_YOU],
  [`${INSULT_NEEDLES} ${DEED_NEEDLES}`, SUBJECT_OFFICIAL],
  ['shut hell kys yourself life nobody stfu', DISMISSAL],
]);
/** Weaker: any subject ("the food was garbage" is not an attack; "Smith is a crook" may be). */
const generic = new Pattern([[
  `${INSULT_NEEDLES} ${DEED_NEEDLES}`,
  `\\b(?:he|she|they|[a-z]+) (?:is|are|was|r) (?:such |a |an |the |all |just |nothing but |the biggest |a total |a complete |an absolute |so |really |fucking |a known |a convicted )*(?:${INSULT}|(?:on the take|taking bribes|stealing (?:from|our)|a (?:sex offender|child molester|wife beater|drug dealer)))\\b` + TAIL,
]]);
/** "the decision is stupid" criticises a decision, not a person. */
const notPerson = /\b(?:decision|idea|plan|policy|proposal|design|rule|law|ordinance|budget|project|process|system|law|fee|tax|it|this|that|which|parking|traffic|situation|road|street|program|schedule|website|app|meeting|vote|agenda|measure|item|response|answer|question|survey|process) (?:is|are|was|r) /;

const TRIGGERS = triggers(
  'idiot idiots moron morons imbecile imbeciles stupid dumb dumbass clown clowns fool fools loser losers liar liars crook crooks thief thieves fraud frauds criminal criminals corrupt pedo pedos pedophile pedophiles creep creeps scum scumbag scumbags pig pigs trash garbage joke jokes disgrace incompetent useless worthless pathetic retarded psycho psychos lunatic lunatics hypocrite hypocrites traitor traitors snake snakes rat rats coward cowards crackhead crackheads drunk drunks whore whores bitch bitches asshole assholes bastard bastards libtard libtards feminazi feminazis nazi nazis fascist fascists commie commies grifter grifters shill shills sellout sellouts puppet puppets piece waste bribes take stealing offender molester beater dealer shut kys kill life nobody stfu hell',
);

export const personalAttackRule: Rule = {
  id: 'personal-attack',
  clauses: { comment: 'V.14' },
  defaultSeverity: 'block',
  title: 'Libel, defamation, personal attacks',
  check(ctx) {
    if (!hasAny(ctx, TRIGGERS)) {
      const c = classifierHit(ctx, 'V.14', 'personal attack');
      return c ? [c] : [];
    }
    const keep = (h: Hit): boolean => !notPerson.test(ctx.norm.text.slice(h.start, h.end));
    const hits: Hit[] = attack.hits(ctx, 'personal attack or defamatory statement about a person', 0.85).filter(keep);
    if (hits.length === 0) hits.push(...generic.hits(ctx, 'possible personal attack', 0.5, true, 3).filter(keep));
    if (hits.length === 0) {
      const c = classifierHit(ctx, 'V.14', 'personal attack');
      if (c) hits.push(c);
    }
    return hits;
  },
};
