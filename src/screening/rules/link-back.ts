/**
 * IV.A.4 — City social media shall link back to the City's official website for further
 * information (see also III.A, III.F). Posts only: advice when no link points to a City domain.
 * Also IV.D.7(e): links to sexual content (adult domains) are blocked.
 */
import { parse } from 'tldts';
import type { Rule } from '../rule.ts';
import type { Hit } from '../types.ts';
import { extractUrls } from '../text.ts';

const ADULT = /(?:^|\.)(?:[a-z0-9-]*(?:porn|xxx|xvideos|xhamster|redtube|onlyfans|brazzers|chaturbate|stripchat|livejasmin)[a-z0-9-]*)\.[a-z.]+$|\.(?:xxx|adult|porn|sex)$/;

export function isCityHost(host: string, cityDomains: readonly string[]): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  return cityDomains.some((d) => {
    const dd = d.toLowerCase();
    return h === dd || h.endsWith('.' + dd);
  });
}

export const linkBackRule: Rule = {
  id: 'link-back',
  clauses: { post: 'IV.A.4' },
  defaultSeverity: 'advice',
  alsoCites: { post: ['IV.D.7(e)'] },
  title: 'Link back to the City\'s official website',
  check(ctx) {
    const hits: Hit[] = [];
    const urls = extractUrls(ctx.text);
    let city = false;
    for (const u of urls) {
      const host = parse(u.url).hostname ?? '';
      if (isCityHost(host, ctx.config.cityDomains)) city = true;
      if (ADULT.test(host)) {
        hits.push({ message: `link to sexual content (${host})`, score: 0.95, start: u.start, end: u.end, raw: true, clause: 'IV.D.7(e)' });
      }
    }
    if (!city && !ctx.post?.emergency) {
      hits.push({ message: `no link back to the City's official website (${ctx.config.cityDomains[0] ?? 'City domain'}) for further information`, score: 0.8 });
    }
    return hits;
  },
};
