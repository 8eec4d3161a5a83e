/**
 * V.9 — conduct in violation of any federal, state or local law: the comment itself is the
 * unlawful act (offering a bribe, selling stolen or forged goods, soliciting prostitution,
 * publishing someone's private data to harass them).
 * IV.D.7(g) — illegal conduct in a City post.
 */
import { classifierHit } from '../classify.ts';
import { hasAny, triggers } from '../hits.ts';
import { Pattern } from '../patterns.ts';
import type { Rule } from '../rule.ts';
import type { Hit } from '../types.ts';

/** [needles (a match contains one), alternative], in the order of the original union. */
const conduct = new Pattern([
  ['pay give slip', "\\b(?:i'?ll|i will|we'?ll|we will|i can|we can|let me) (?:pay|give|slip) (?:you|the (?:inspector|officer|clerk|council(?:member|man|woman)?|mayor)|him|her|them) (?:\\$?\\d+ ?k?|cash|money|something)? ?(?:to|if|for) (?:approve|pass|look the other way|sign off|skip|ignore|drop|make)"],
  ['stolen fake forged counterfeit fraudulent', '\\b(?:selling|sell|got|have) (?:stolen|fake|forged|counterfeit|fraudulent) (?:ids?|licenses?|passports?|papers|documents|bills|money|cards|goods|phones|cars|parts|checks|permits|plates|prescriptions)\\b'],
  ['fake forged counterfeit', '\\b(?:fake|forged|counterfeit) (?:ids?|passports?|licenses?|permits?|green cards?|social security cards?|money|bills) (?:for sale|available|cheap|dm|hmu|text)\\b'],
  ['escort hooker sex happy', '\\b(?:escorts?|hookers?|sex work(?:ers?)?|happy endings?) (?:available|in (?:carson|the area|town)|dm|text|call|incall|outcall)\\b'],
  ['address ssn social phone license', '\\b(?:his|her|their) (?:home )?(?:address|ssn|social security number|phone number|license plate) is\\b'],
  ['card', '\\b(?:cloned|skimmed|stolen) (?:credit |debit )?cards?\\b'],
  ['bribe kickback payoff', '\\b(?:bribe|kickback|payoff) (?:him|her|them|the|you)\\b'],
]);

const TRIGGERS = triggers(
  'pay give slip stolen fake forged counterfeit fraudulent escort escorts hooker hookers sex happy address ssn social phone license plate cloned skimmed bribe kickback payoff',
);

export const illegalConductRule: Rule = {
  id: 'illegal-conduct',
  clauses: { comment: 'V.9', post: 'IV.D.7(g)' },
  defaultSeverity: 'block',
  title: 'Conduct in violation of law',
  check(ctx) {
    const hits: Hit[] = !hasAny(ctx, TRIGGERS) ? [] : conduct.hits(ctx, 'the comment itself appears to be unlawful conduct (bribe, forged or stolen goods, prostitution, doxxing)', 0.85);
    if (hits.length === 0) {
      const c = classifierHit(ctx, 'V.9', 'unlawful conduct');
      if (c) { c.weak = true; hits.push(c); }
    }
    return hits;
  },
};
