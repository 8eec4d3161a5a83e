/**
 * IV.D.6(c) — posted content is information freely available to the public, not made
 * confidential by City policy or law; IV.C.15(f)(iv) — do not publish material that is
 * confidential or internal to the City. Posts only: flags confidentiality markers.
 */
import { regexHits } from '../hits.ts';
import type { Rule } from '../rule.ts';

/** Made confidential by law or by City policy (IV.D.6(c)). */
const confidentialMarkers =
  /\b(?:confidential|privileged (?:and|&) confidential|attorney[- ]client privilege[d]?|attorney work product|embargoed(?: until)?|under embargo|closed session|personnel matter|fouo|for official use only|sensitive but unclassified|proprietary (?:and|&) confidential)\b/g;

/** Internal to the City: a working document not meant for the public (IV.C.15(f)(iv)). */
const internalMarkers =
  /\b(?:internal (?:use )?only|for internal (?:use|distribution|review)|not for (?:public )?(?:release|distribution|publication)|do not (?:distribute|forward|share|publish|release)|draft[ -]+(?:not for|do not)|pre[- ]?decisional)\b/g;

export const confidentialRule: Rule = {
  id: 'confidential',
  clauses: { post: 'IV.D.6(c)' },
  alsoCites: { post: ['IV.C.15(f)(iv)'] },
  defaultSeverity: 'block',
  title: 'Confidential or internal material',
  check(ctx) {
    const hits = regexHits(ctx, confidentialMarkers, 'marked confidential: only freely available public information may be posted', 0.9, false, 3);
    for (const hit of regexHits(ctx, internalMarkers, 'marked internal to the City: a working document is not for publication', 0.9, false, 3)) {
      hit.clause = 'IV.C.15(f)(iv)';
      hits.push(hit);
    }
    return hits;
  },
};
