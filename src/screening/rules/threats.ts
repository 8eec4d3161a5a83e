/**
 * V.11 — specific or imminent threats to a person, business or organisation (comments).
 * IV.D.7(h) — the same in a post compromises public safety.
 */
import { classifierHit } from '../classify.ts';
import { COUNTER, quoted } from './discrimination/counter-speech.ts';
import { hasAny, triggers } from '../hits.ts';
import { Pattern } from '../patterns.ts';
import type { Rule, RuleContext } from '../rule.ts';
import type { Hit } from '../types.ts';

const VIOLENCE = '(?:kill|murder|shoot|stab|hurt|beat up|punch|slap|choke|strangle|hang|lynch|burn|bomb|blow up|torch|rape|destroy|smash|run (?:you|him|her|them) over|gut|hunt down|put (?:a|one) bullet in)';
const TARGET = '(?:you|u|ya|him|her|them|y(?:ou)?all|everyone|everybody|anyone|anybody|whoever|(?:the|that|this) (?:mayor|council(?:man|woman|member)?|manager|clerk|city|cops?|police|officers?|staff|building|office|station|school|store|business)|city hall|your (?:family|kids|house|home|car|business|office|wife|husband)|this (?:place|city|building)|that (?:bitch|bastard|guy|man|woman|idiot))';
/** [needles (a match contains one), alternative], in the order of the original union. */
const threat = new Pattern([
  ['kill$ murder$ shoot$ stab$ hurt$ beat$ punch$ slap$ choke$ strangle$ hang$ lynch$ burn$ bomb$ blow$ torch$ rape$ destroy$ smash$ run$ gut$ hunt$ put$', `\\b(?:i|we|i'?m|im|we'?re|were|someone|somebody|people)(?:'ll| will| wil| gonna| going to| am going to| are going to| gon| finna| about to| should| need to| want to| wanna| would| ll)? ?(?:\\w+ )?${VIOLENCE} ${TARGET}\\b(?! (?:an? )?(?:email|e-mail|message|text|note|line|dm|call|link|photo|picture|shot|video))`],
  ['die bleed get', `\\b(?:you|u)(?:'re| are| r|re) (?:going to|gonna|about to) (?:die|bleed|get (?:shot|hurt|killed|stabbed|what'?s coming))\\b`],
  ['die bleed pay regret sorry get', `\\b(?:you|u) (?:will|ll|'ll) (?:die|bleed|pay for this|regret this|be sorry|get what'?s coming)\\b`],
  ['know$', `\\b(?:i|we) know where (?:you|u|he|she|they|the \\w+) (?:live|lives|work|works|sleep|park)\\b`],
  ['watch$', `\\bwatch (?:your|ur) back\\b`],
  ['hurt$ kill$ shoot$ stab$ beat$ murder$', `\\band (?:hurt|kill|shoot|stab|beat|murder) (?:you|u|him|her|them)\\b`],
  ['coming$', `\\b(?:i'?m|im|we'?re|were|i am|we are) coming for (?:you|u|him|her|them|your|the)\\b`],
  ['happens$', `\\bsee what happens (?:to you|to your|to him|to her|to them)\\b`],
  ['better$', `\\byou(?:'d| had)? better watch (?:out|yourself|your back)\\b`],
  ['bomb gun shoot blood', `\\b(?:there (?:will|is going to) be|i'?ll bring|bringing) (?:a )?(?:bomb|gun|shooting|bloodshed|blood)\\b`],
  ['bomb$ shoot$ burn$ blow$', `\\b(?:bomb|shoot up|burn down|blow up) (?:the |this |that )?(?:city )?(?:city hall|school|building|office|station|park|meeting|council)\\b`],
  ['shot hanged killed lynched die executed', `\\b(?:should|deserve to|needs? to|ought to) (?:be )?(?:shot|hanged|killed|lynched|die|executed)\\b`],
  ['dead$ die$', `\\b(?:dead|die) (?:by|before) (?:friday|monday|tuesday|wednesday|thursday|saturday|sunday|tomorrow|tonight|next week)\\b`],
]);

/** The passive wish ("… should be killed"), the one form a comment can report without making it. */
const PASSIVE_WISH = /^(?:should|deserve to|needs? to|ought to) /;
/** "nobody should say …", "whoever wrote …", "stop saying …" right before the wish's subject (not "I say …"). */
const SAYING_BEFORE = /(?<!\b(?:i|we) )\b(?:say|says|said|saying|claim|claims|claimed|claiming|write|wrote|writes|writing|post|posted|think|thinks|thinking|believe|believes)(?: that)?(?: [\w']+){1,4} $/;

/**
 * V.11 protects people from being threatened, not from hearing a threat condemned: "Nobody should
 * say gay people should be killed" reports the wish to reject it. A passive wish that is quoted or
 * reported by a verb of saying, in a comment that condemns it, is advice for a moderator.
 */
function condemnedWish(ctx: RuleContext, h: Hit): boolean {
  const text = ctx.norm.text;
  const words = text.slice(h.start!, h.end!);
  if (!PASSIVE_WISH.test(words)) return false;
  const reported = quoted(text, h.start!, h.end!) || SAYING_BEFORE.test(text.slice(Math.max(0, h.start! - 80), h.start!));
  return reported && COUNTER.test(text);
}

const TRIGGERS = triggers(
  'coming happens better and anyone kill murder shoot stab hurt beat punch slap choke strangle hang lynch burn bomb blow torch rape destroy smash run gut hunt put die bleed pay regret sorry know watch blood gun shooting bloodshed shoot dead shot hanged killed lynched executed',
);

export const threatsRule: Rule = {
  id: 'threats',
  clauses: { comment: 'V.11', post: 'IV.D.7(h)' },
  defaultSeverity: 'block',
  title: 'Specific or imminent threats',
  check(ctx) {
    const hits: Hit[] = !hasAny(ctx, TRIGGERS) ? [] : threat.hits(ctx, 'threat of violence against a person or organisation', 0.9);
    if (ctx.kind === 'comment') {
      for (const h of hits) {
        if (h.start === undefined || !condemnedWish(ctx, h)) continue;
        h.weak = true;
        h.message = `${h.message} — quoted or condemned (counter-speech?)`;
      }
    }
    if (hits.length === 0 && ctx.kind === 'comment') {
      const c = classifierHit(ctx, 'V.11', 'threatening language');
      if (c) hits.push(c);
    }
    return hits;
  },
};
