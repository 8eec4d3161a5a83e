/**
 * V.10 — encouragement of, or content depicting, illegal activity under federal, state or local
 * law. IV.D.7(g) — encouragement of illegal activity in a City post.
 */
import { classifierHit } from '../classify.ts';
import { hasAny, triggers } from '../hits.ts';
import { Pattern } from '../patterns.ts';
import type { Rule } from '../rule.ts';
import type { Hit } from '../types.ts';

const ACTS =
  '(?:loot(?:ing)?|riot(?:ing)?|vandalize|vandalise|tag|spray ?paint|graffiti|smash (?:windows|cars|it up)|break into|steal|shoplift|rob|burn (?:it|the \\w+|everything) down|set fire to|torch|trespass|squat in|street race|sideshow|do donuts|run the (?:red )?lights?|dump (?:your|the|trash|tires|mattresses)|drive drunk|drink and drive|jump the fence|cut the (?:lock|fence)|hack|dox|doxx|evade|dodge)';
/** [needles (a match contains one), alternative], in the order of the original union. */
const encourage = new Pattern([
  ['loot riot vandali tag spray graffiti smash$ break$ steal shoplift rob burn$ set$ torch trespass squat$ street$ sideshow donuts run$ dump$ drive$ drink$ jump$ cut$ hack dox evade dodge', `\\b(?:let'?s|lets|we should|y'?all should|everyone should|you should|go|come|time to|gonna|we gonna|who wants to|meet (?:up )?(?:at|and)) (?:all )?(?:go )?${ACTS}\\b`],
  ['pay file', '\\b(?:don\'?t|do not|stop|never) (?:pay(?:ing)?|file) (?:your )?(?:taxes|parking tickets|fines|rent|the fine)\\b'],
  ['ignore$ disobey$ break$ defy$', '\\b(?:ignore|disobey|break|defy) (?:the )?(?:law|curfew|police|cops|evacuation order|restraining order|court order)\\b'],
  ['stole robbed looted vandalized tagged broke shoplifted torched hacked jacked dumped', '\\b(?:i|we) (?:just )?(?:stole|robbed|looted|vandalized|tagged|broke into|shoplifted|torched|hacked|jacked|dumped (?:my|our|a|the) \\w+ (?:in|on|at|behind))\\b'],
  ['sideshow takeover street', "\\b(?:sideshow|street takeover|street race|takeover) (?:tonight|tomorrow|this (?:weekend|friday|saturday)|at)\\b"],
  ['how$', '\\bhow to (?:steal|shoplift|hotwire|pick a lock|make a fake id|cook meth|evade (?:taxes|police))\\b'],
  // imperative at the start of a sentence: "Break into the old warehouse", "Steal the copper wire"
  ['break$ smash$ vandali steal$ shoplift loot rob$ dump$ jump$ run$ cut$ hack$ tag$ paint$ take$ burn$ slash$', "(?:^|[.!?;]\\s*)(?:go |just |let'?s |y'?all |everyone )?(?:break into|smash (?:the|their|his|her|those|all)|vandalize|vandalise|steal (?:the|their|his|her|from)|shoplift|loot|rob (?:the|a|that)|dump (?:your|the|old|trash|tires)|jump the fence|run (?:the )?red lights?|cut the (?:lock|fence|chain)|hack(?: into)? (?:the|their|city)|tag (?:the|their|every)|spray ?paint (?:the|their|every)|take the stop signs?|burn down|slash (?:the|their) tires)\\b"],
  ['drive drunk', '\\b(?:drink and drive|drive drunk|drunk driving is (?:fine|ok|okay))\\b'],
  ['race sideshow', '\\b(?:street races?|drag races?|sideshows?) (?:on|at|tonight|this|tomorrow)\\b'],
  ['donuts', '\\b(?:doing|do|let\'?s do) donuts\\b'],
  ['paying', '\\b(?:stop|quit) paying (?:your |our |the )?(?:taxes|parking tickets|tickets|fines|rent|tolls)\\b'],
]);

const TRIGGERS = triggers(
  'slash take go just everyone doing donuts drag races quit tires fence lights lock loot looting riot rioting vandalize vandalise tag spray graffiti smash break steal shoplift rob burn set torch trespass squat street sideshow donuts run dump drive drink jump cut hack dox doxx evade dodge pay paying file ignore disobey break defy stole robbed looted vandalized tagged broke shoplifted torched hacked jacked dumped takeover race how',
);

export const illegalActivityRule: Rule = {
  id: 'illegal-activity',
  clauses: { comment: 'V.10', post: 'IV.D.7(g)' },
  defaultSeverity: 'block',
  title: 'Encouragement or depiction of illegal activity',
  check(ctx) {
    const hits: Hit[] = !hasAny(ctx, TRIGGERS) ? [] : encourage.hits(ctx, 'encourages or depicts illegal activity', 0.85);
    if (hits.length === 0) {
      const c = classifierHit(ctx, 'V.10', 'encouragement of illegal activity');
      if (c) { c.weak = true; hits.push(c); }
    }
    return hits;
  },
};
