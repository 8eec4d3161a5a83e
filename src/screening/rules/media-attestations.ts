/**
 * IV.D.7(b) — photos or images at public social events; IV.D.7(c) — unauthorized use of the
 * City's logo or seal (Carson Municipal Code §§ 4131–4133). Posts only: every photo needs the
 * author's attestation, and a photo showing the seal needs an authorization reference.
 */
import { regexHits } from '../hits.ts';
import type { Rule } from '../rule.ts';
import type { Hit } from '../types.ts';

export const mediaAttestationsRule: Rule = {
  id: 'media-attestations',
  clauses: { post: 'IV.D.7(b)' },
  defaultSeverity: 'block',
  alsoCites: { post: ['IV.D.7(c)'] },
  title: 'Photos at public social events; use of the City logo or seal',
  check(ctx) {
    const hits: Hit[] = [];
    (ctx.post?.images ?? []).forEach((img, i) => {
      if (img.publicSocialEvent === true) {
        hits.push({ message: `image ${i + 1} is a photo at a public social event`, score: 1 });
      } else if (img.publicSocialEvent === undefined) {
        hits.push({ message: `image ${i + 1}: attest whether it was taken at a public social event`, score: 0.5, weak: true });
      }
      if (img.showsCitySeal && !img.sealAuthorization) {
        hits.push({ message: `image ${i + 1} shows the City logo or seal without a recorded authorization`, score: 1, clause: 'IV.D.7(c)' });
      }
    });
    for (const h of regexHits(ctx, /\b(?:city|official) (?:seal|logo)\b/g, 'mentions the City seal or logo: make sure its use is authorized', 0.4, true, 1)) {
      h.clause = 'IV.D.7(c)';
      hits.push(h);
    }
    return hits;
  },
};
