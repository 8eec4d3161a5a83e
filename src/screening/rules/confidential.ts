/**
 * IV.D.6(c) — posted content is information freely available to the public, not made
 * confidential by City policy or law; IV.C.15(f)(iv) — do not publish material that is
 * confidential or internal to the City. Posts only: flags confidentiality markers.
 */
import { regexHits } from '../hits.ts';
import type { Rule } from '../rule.ts';

const markers = new RegExp(
  [
    '\\b(?:confidential|privileged (?:and|&) confidential|attorney[- ]client privilege[d]?|attorney work product|internal (?:use )?only|for internal (?:use|distribution|review)|not for (?:public )?(?:release|distribution|publication)|do not (?:distribute|forward|share|publish|release)|embargoed(?: until)?|under embargo|draft[ -]+(?:not for|do not)|closed session|personnel matter|fouo|for official use only|sensitive but unclassified|proprietary (?:and|&) confidential|pre[- ]?decisional)\\b',
  ].join('|'),
  'g',
);

export const confidentialRule: Rule = {
  id: 'confidential',
  clauses: { post: 'IV.D.6(c)' },
  defaultSeverity: 'block',
  title: 'Confidential or internal material',
  check(ctx) {
    return regexHits(ctx, markers, 'marked confidential or internal: only freely available public information may be posted', 0.9, false, 3);
  },
};
