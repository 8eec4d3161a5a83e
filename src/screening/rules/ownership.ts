/**
 * V.15 — content that violates a legal ownership of any interest (piracy, counterfeit goods,
 * reposted material with its rights reserved). Posts: IV.D.7(i) and IV.D.6(e) — content the City
 * does not fully create and own needs a recorded permission.
 */
import { classifierHit } from '../classify.ts';
import { hasAny, triggers } from '../hits.ts';
import { Pattern } from '../patterns.ts';
import type { Rule } from '../rule.ts';
import type { Hit } from '../types.ts';

/** [needles (a match contains one), alternative], in the order of the original union. */
const pirate = new Pattern([
  ['movie film episode album ebook pdf software game', '\\b(?:free|full|hd) (?:movie|movies|film|episodes?|album|ebook|pdf|software|game)s? (?:download|stream(?:ing)?|online|free|link)\\b'],
  ['download stream watch', '\\b(?:download|stream|watch) (?:\\w+ ){0,4}(?:free|full movie|for free|without paying|torrent)\\b'],
  ['torrent pirated bootleg crack keygen warez nulled serial iptv jailbroken', '\\b(?:torrents?|pirated|bootleg(?:ged)?|cracked|keygen|warez|nulled|crack (?:for|download)|serial keys?|iptv subscription|jailbroken firestick)\\b'],
  ['counterfeit replica knock fake', '\\b(?:counterfeit|replica|knock ?off|fake) (?:gucci|louis vuitton|lv|rolex|nike|jordans|yeezys?|designer|bags?|watches|handbags|sneakers)\\b'],
  ['rights permission reposted stole', '\\b(?:all rights reserved|used without permission|reposted without (?:credit|permission)|stole (?:my|our) (?:photo|picture|video|design|logo|content|art))\\b'],
]);

const TRIGGERS = triggers(
  'free full hd download stream watch torrent torrents pirated bootleg bootlegged cracked keygen warez nulled crack serial iptv jailbroken counterfeit replica knock knockoff fake rights permission reposted stole',
);

export const ownershipRule: Rule = {
  id: 'ownership',
  clauses: { comment: 'V.15', post: 'IV.D.7(i)' },
  defaultSeverity: 'block',
  alsoCites: { post: ['IV.D.6(e)'] },
  title: 'Violation of legal ownership interests; third-party content without permission',
  check(ctx) {
    const hits: Hit[] = !hasAny(ctx, TRIGGERS) ? [] : pirate.hits(ctx, 'may violate another party\'s ownership interest (piracy, counterfeit, rights reserved)', 0.8, ctx.kind === 'post');
    if (ctx.kind === 'post' && ctx.post) {
      const media = [...(ctx.post.images ?? []).map((m, i) => ({ m, what: `image ${i + 1}` })), ...(ctx.post.videos ?? []).map((m, i) => ({ m, what: `video ${i + 1}` }))];
      for (const { m, what } of media) {
        if (m.ownedByCity === false && !m.permission) {
          hits.push({ message: `${what} is not fully created and owned by the City and has no recorded permission`, score: 1, clause: 'IV.D.6(e)' });
        }
      }
    }
    if (hits.length === 0 && ctx.kind === 'comment') {
      const c = classifierHit(ctx, 'V.15', 'ownership violation');
      if (c) { c.weak = true; hits.push(c); }
    }
    return hits;
  },
};
