/**
 * V.10 — encouragement of, or content depicting, illegal activity under federal, state or local
 * law. IV.D.7(g) — encouragement of illegal activity in a City post.
 */
import { classifierHit } from '../classify.ts';
import { hasAny, regexHits, triggers } from '../hits.ts';
import type { Rule } from '../rule.ts';
import type { Hit } from '../types.ts';

const ACTS =
  '(?:loot(?:ing)?|riot(?:ing)?|vandalize|vandalise|tag|spray ?paint|graffiti|smash (?:windows|cars|it up)|break into|steal|shoplift|rob|burn (?:it|the \\w+|everything) down|set fire to|torch|trespass|squat in|street race|sideshow|do donuts|run the (?:red )?lights?|dump (?:your|the|trash|tires|mattresses)|drive drunk|drink and drive|jump the fence|cut the (?:lock|fence)|hack|dox|doxx|evade|dodge)';
const encourageRe = new RegExp(
  [
    `\\b(?:let'?s|lets|we should|y'?all should|everyone should|you should|go|come|time to|gonna|we gonna|who wants to|meet (?:up )?(?:at|and)) (?:all )?(?:go )?${ACTS}\\b`,
    '\\b(?:don\'?t|do not|stop|never) (?:pay(?:ing)?|file) (?:your )?(?:taxes|parking tickets|fines|rent|the fine)\\b',
    '\\b(?:ignore|disobey|break|defy) (?:the )?(?:law|curfew|police|cops|evacuation order|restraining order|court order)\\b',
    '\\b(?:i|we) (?:just )?(?:stole|robbed|looted|vandalized|tagged|broke into|shoplifted|torched|hacked|jacked|dumped (?:my|our|a|the) \\w+ (?:in|on|at|behind))\\b',
    "\\b(?:sideshow|street takeover|street race|takeover) (?:tonight|tomorrow|this (?:weekend|friday|saturday)|at)\\b",
    '\\bhow to (?:steal|shoplift|hotwire|pick a lock|make a fake id|cook meth|evade (?:taxes|police))\\b',
  ].join('|'),
  'g',
);

const TRIGGERS = triggers(
  'loot looting riot rioting vandalize vandalise tag spray graffiti smash break steal shoplift rob burn set torch trespass squat street sideshow donuts run dump drive drink jump cut hack dox doxx evade dodge pay paying file ignore disobey break defy stole robbed looted vandalized tagged broke shoplifted torched hacked jacked dumped takeover race how',
);

export const illegalActivityRule: Rule = {
  id: 'illegal-activity',
  clauses: { comment: 'V.10', post: 'IV.D.7(g)' },
  defaultSeverity: 'block',
  title: 'Encouragement or depiction of illegal activity',
  check(ctx) {
    const hits: Hit[] = !hasAny(ctx, TRIGGERS) ? [] : regexHits(ctx, encourageRe, 'encourages or depicts illegal activity', 0.85);
    if (hits.length === 0) {
      const c = classifierHit(ctx, 'V.10', 'encouragement of illegal activity');
      if (c) { c.weak = true; hits.push(c); }
    }
    return hits;
  },
};
