/**
 * V.13 — comments on topics or issues not within the jurisdictional purview of the City
 * (national and international politics, other governments). Advice by default: whether a topic
 * is the City's business is a moderator's call, and civic speech must not be removed by default.
 */
import { Lexicon } from '../lexicon.ts';
import { classifierHit } from '../classify.ts';
import { tokenHit } from '../hits.ts';
import type { Rule } from '../rule.ts';
import type { Hit } from '../types.ts';

const OUTSIDE = new Lexicon([
  'congress', 'senate', 'senator~', 'house of representatives', 'white house', 'supreme court', 'the president', 'president trump',
  'president biden', 'federal government', 'federal reserve', 'the fed', 'pentagon', 'nato', 'united nations', 'brexit',
  'european union', 'eu', 'parliament', 'prime minister', 'ukraine', 'russia', 'putin', 'china', 'beijing', 'taiwan', 'israel',
  'gaza', 'palestine', 'iran', 'north korea', 'syria', 'afghanistan', 'foreign policy', 'tariffs', 'immigration policy',
  'border wall', 'student loans', 'social security', 'medicare', 'obamacare', 'second amendment', 'roe v wade',
  'electoral college', 'westminster', 'downing street', 'trudeau', 'irs', 'nfl', 'nba', 'world cup', 'kardashian~',
  'bitcoin', 'stock market', 'wall street', 'climate treaty', 'paris agreement',
]);

export const jurisdictionRule: Rule = {
  id: 'jurisdiction',
  clauses: { comment: 'V.13' },
  defaultSeverity: 'advice',
  title: 'Topics outside the City\'s jurisdiction',
  check(ctx) {
    const found = OUTSIDE.match(ctx.tokens, 3);
    const hits: Hit[] = [];
    if (found.length > 0) {
      const local = ctx.tokens.some((t) => ctx.config.localTerms.includes(t.w) || t.w === ctx.config.cityName.toLowerCase());
      if (!local) {
        const m = found[0]!;
        hits.push(tokenHit(ctx, m.from, m.to, `topic "${m.entry.replace('~', '')}" may be outside the City's jurisdiction`, Math.min(0.9, 0.5 + 0.15 * found.length)));
      }
    }
    if (hits.length === 0) {
      const c = classifierHit(ctx, 'V.13', 'topic outside the City\'s jurisdiction');
      if (c) { c.weak = true; hits.push(c); }
    }
    return hits;
  },
};
