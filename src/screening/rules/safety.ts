/**
 * V.12 (comments) and IV.D.7(h) (posts) — information that may tend to compromise the safety or
 * security of the public, law enforcement, or public systems: police positions and operations,
 * access codes and passwords, security weaknesses of public systems, weapons instructions.
 */
import { classifierHit } from '../classify.ts';
import { hasAny, triggers } from '../hits.ts';
import { Pattern } from '../patterns.ts';
import type { Rule } from '../rule.ts';
import type { Hit } from '../types.ts';

/** [needles (a match contains one), alternative], in the order of the original union. */
const safety = new Pattern([
  ['cops$ police$ sheriff$ sheriffs$ deputies$ officers$ undercover$ checkpoint$ trap$ ice$ migra$ swat$', '\\b(?:cops|police|sheriffs?|deputies|officers|undercover|dui checkpoint|checkpoint|speed trap|ice|la migra|swat)(?: are| is)? (?:parked |posted |sitting |hiding |set up |setting up |staged |stationed |waiting )?(?:at|on|near|by|behind) (?:the )?(?:corner|intersection|\\d+|[a-z]+ (?:st|street|ave|avenue|blvd|boulevard|rd|road|dr|drive|way|park|station))'],
  ['code$ password$ pin$ passcode$ login$ credentials$', "\\b(?:the )?(?:door|gate|alarm|lock|garage|keypad|access|wifi|wi fi|admin|server|scada|system|building|network) (?:code|password|pin|passcode|login|credentials)(?: is| are|:)"],
  ['password code login', '\\b(?:password|passcode|pin code|login)(?: is| are|:) ?[a-z0-9!@#$%^&*]{4,}'],
  ['camera alarm security guard', '\\b(?:the )?(?:cameras?|alarms?|security system|guards?) (?:at|in|on) (?:the )?[a-z ]{3,30} (?:is|are|don\'?t|do not) (?:broken|off|down|not working|work)\\b'],
  ['make build', '\\b(?:how to|instructions (?:for|to)|steps to) (?:make|build) (?:a )?(?:bomb|pipe bomb|explosive|molotov|ghost gun|silencer|napalm|poison)\\b'],
  ['system grid plant control network', '\\b(?:water|power|electric|sewer|traffic (?:light|signal)|scada|911|dispatch) (?:system|grid|plant|control|network)s? (?:(?:is|are|can be) )?(?:easy to|can be|vulnerable|unprotected|unlocked|hackable|exposed)\\b'],
  ['officer deputy detective', '\\b(?:officer|deputy|detective)s? [a-z]+ (?:lives at|home address|lives on)\\b'],
  ['raid operation sting', '\\b(?:swat|police|officers?|sheriff(?:\'?s)?|deputies) (?:raid|operation|sting)s? (?:is |are )?(?:planned|happening|scheduled|tomorrow|tonight) (?:at|on|tomorrow|tonight)\\b'],
  ['checkpoint', '\\b(?:dui )?checkpoint (?:at|on|near) [a-z0-9]+'],
  ['staged staying stationed hiding parked camped posted', "\\b(?:cops|police|sheriffs?|deputies|officers|undercover (?:officers|cops)|ice|la migra|swat)(?: are| is)? (?:staged|staying|stationed|hiding|parked|camped|posted) (?:at|on|in|near|by|behind)\\b"],
  ['ice$ migra$', "\\b(?:ice|la migra) (?:is|are) (?:at|on|in) (?:the )?[a-z]+"],
  ['code password pin login credentials', '\\b(?:code|password|passcode|pin|login|credentials)\\b[^.!?\\n]{0,50}?(?:\\bis\\b|:)\\s*(?:on a [a-z ]{1,20}: ?)?(?=[^\\s]*[0-9/])[a-z0-9!@#$%^&*/]{4,}'],
  ['unlocked exposed unprotected vulnerable hackable open unguarded', '\\b(?:scada|water (?:treatment )?plant|power grid|substation|traffic (?:signal|light) control(?: boxes)?|control boxes|911|dispatch|servers?|network)\\b[^.!?\\n]{0,40}\\b(?:is|are)\\s+(?:unlocked|exposed|unprotected|vulnerable|hackable|open to anyone|unguarded)'],
  ['door', '\\b(?:back|side|rear|emergency) doors? (?:is|are) (?:left )?(?:open|unlocked)\\b'],
  ['guard', '\\bguards? (?:leaves?|goes home|is gone|are gone) at \\d'],
]);

const TRIGGERS = triggers(
  'door doors guard guards checkpoint unlocked exposed boxes plant grid substation server servers network cops cop police sheriff sheriffs deputies deputy officers officer undercover checkpoint speed ice migra swat code password pin passcode login credentials cameras camera alarms alarm security guards guard bomb explosive molotov ghost silencer napalm poison water power electric sewer traffic scada 911 dispatch detective detectives raid operation sting',
);

const SECRET = /door|guard|checkpoint|code|password|pin\b|passcode|login|credentials|bomb|explosive|molotov|ghost gun|silencer|napalm|poison|scada|vulnerable|unprotected|unlocked|hackable|exposed|lives at|home address|lives on/;

export const safetyRule: Rule = {
  id: 'safety',
  clauses: { comment: 'V.12', post: 'IV.D.7(h)' },
  defaultSeverity: 'block',
  title: 'Information compromising safety or security of the public, law enforcement or public systems',
  check(ctx) {
    // in a City post, police presence is often the announcement itself (advice); secrets never are
    // marked in place, not through map(): map's arrays are "holey", a kind of array the engine met
    // only from here, which threw its optimised code away
    const hits: Hit[] = !hasAny(ctx, TRIGGERS) ? [] : safety.hits(ctx, 'may compromise the safety or security of the public, law enforcement or public systems', 0.85);
    if (ctx.kind === 'post') for (const h of hits) if (!SECRET.test(ctx.norm.text.slice(h.start, h.end))) h.weak = true;
    if (hits.length === 0) {
      const c = classifierHit(ctx, 'V.12', 'safety or security information');
      if (c) { c.weak = true; hits.push(c); }
    }
    return hits;
  },
};
