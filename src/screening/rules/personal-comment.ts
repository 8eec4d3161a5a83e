/**
 * IV.C.15(f)(i) — authorized employees shall not post personal comments or personal photos on
 * the City's social media sites while acting in the course and scope of their City duties.
 * Posts only; first-person singular opinions and chit-chat are advice for the approver.
 */
import { regexHits } from '../hits.ts';
import type { Rule } from '../rule.ts';

const personalRe = new RegExp(
  [
    "\\b(?:i (?:personally )?(?:think|believe|feel|love|hate|like|loved|hated|can'?t wait|cannot wait|am so|'?m so|was so|just|really|honestly|guess|bet|wish|hope)|in my (?:humble )?opinion|imo|imho|my (?:personal )?(?:opinion|view|take|favorite|favourite|family|wife|husband|kids|son|daughter|boyfriend|girlfriend|weekend|vacation|birthday|dog|cat|mom|dad)|personally,? i|lol|lmao|omg|smh|tbh|ngl|selfie|yours truly|just my two cents)\\b",
  ].join('|'),
  'g',
);

export const personalCommentRule: Rule = {
  id: 'personal-comment',
  clauses: { post: 'IV.C.15(f)(i)' },
  defaultSeverity: 'advice',
  title: 'Personal comments or photos on a City account',
  check(ctx) {
    return regexHits(ctx, personalRe, 'personal comment: City posts speak for the City, not for the employee', 0.6, false, 3);
  },
};
