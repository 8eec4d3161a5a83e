/** The rule catalogue, in the order findings are reported. */
import type { Rule } from '../rule.ts';
import { accessibilityRule } from './accessibility.ts';
import { acronymsRule } from './acronyms.ts';
import { campaignRule } from './campaign.ts';
import { clarityRule } from './clarity.ts';
import { commerceRule } from './commerce.ts';
import { confidentialRule } from './confidential.ts';
import { discriminationRule } from './discrimination.ts';
import { falseClaimsRule } from './false-claims.ts';
import { illegalActivityRule } from './illegal-activity.ts';
import { illegalConductRule } from './illegal-conduct.ts';
import { jurisdictionRule } from './jurisdiction.ts';
import { lawViolationRule } from './law-violation.ts';
import { linkBackRule } from './link-back.ts';
import { mediaAttestationsRule } from './media-attestations.ts';
import { offTopicRule } from './off-topic.ts';
import { ownershipRule } from './ownership.ts';
import { personalAttackRule } from './personal-attack.ts';
import { personalCommentRule } from './personal-comment.ts';
import { personalInfoRule } from './personal-info.ts';
import { platformLengthRule } from './platform-length.ts';
import { profanityRule } from './profanity.ts';
import { religionRule } from './religion.ts';
import { safetyRule } from './safety.ts';
import { substancesRule } from './substances.ts';
import { threatsRule } from './threats.ts';
import { timelinessRule } from './timeliness.ts';

export const RULES: readonly Rule[] = [
  offTopicRule, // V.1
  discriminationRule, // V.2, IV.D.7(d)
  profanityRule, // V.3, IV.D.7(e)
  falseClaimsRule, // V.4 (moderator only)
  campaignRule, // V.5, IV.D.7(j)
  religionRule, // V.6
  commerceRule, // V.7, IV.D.7(f)
  substancesRule, // V.8
  illegalConductRule, // V.9, IV.D.7(g)
  illegalActivityRule, // V.10, IV.D.7(g)
  threatsRule, // V.11, IV.D.7(h)
  safetyRule, // V.12, IV.D.7(h)
  jurisdictionRule, // V.13
  personalAttackRule, // V.14
  ownershipRule, // V.15, IV.D.7(i), IV.D.6(e)
  personalInfoRule, // IV.D.7(a)
  mediaAttestationsRule, // IV.D.7(b), IV.D.7(c)
  lawViolationRule, // IV.D.7(k) (reviewer only)
  confidentialRule, // IV.D.6(c)
  personalCommentRule, // IV.C.15(f)(i)
  linkBackRule, // IV.A.4
  platformLengthRule, // IV.A.8
  accessibilityRule, // IV.A.9
  acronymsRule, // IV.D.4
  clarityRule, // III.H
  timelinessRule, // IV.D.3
];
