/**
 * IV.A.8 — City social media complies with the usage rules of each provider: per-platform
 * length limits (X weighted length via twitter-text; Bluesky 300 graphemes; Mastodon 500 with
 * URLs counted as 23; Instagram 2,200 and 30 hashtags; Facebook; LinkedIn 3,000). Posts only.
 */
import type { PlatformLimit } from '../config.ts';
import type { Rule } from '../rule.ts';
import type { Hit } from '../types.ts';
import { codePointCount, extractHashtags, extractUrls, graphemeCount, xWeightedLength } from '../text.ts';

/** Graphemes counted past the limit before stopping (the report says "at least"). */
const CHUNK_SLACK = 300;

export function measure(text: string, limit: PlatformLimit): number {
  switch (limit.count) {
    case 'x-weighted':
      return xWeightedLength(text);
    case 'graphemes': {
      // graphemes <= code points: count them only when the code points exceed the limit, and
      // stop soon after the limit (bounded work on huge text)
      const cps = codePointCount(text);
      return cps <= limit.maxLength ? cps : graphemeCount(text, limit.maxLength + CHUNK_SLACK);
    }
    case 'characters': {
      if (!limit.urlLength) return codePointCount(text);
      let n = codePointCount(text);
      for (const u of extractUrls(text)) n += limit.urlLength - codePointCount(text.slice(u.start, u.end));
      return n;
    }
  }
}

export const platformLengthRule: Rule = {
  id: 'platform-length',
  clauses: { post: 'IV.A.8' },
  defaultSeverity: 'block',
  title: 'Platform length and hashtag limits',
  check(ctx) {
    const hits: Hit[] = [];
    const id = ctx.post?.platform?.toLowerCase();
    if (!id) return hits;
    const limit = ctx.config.platforms[id];
    if (!limit) return hits;
    const len = measure(ctx.text, limit);
    if (len > limit.maxLength) {
      const atLeast = limit.count === 'graphemes' && len >= limit.maxLength + CHUNK_SLACK ? 'at least ' : '';
      hits.push({ message: `${atLeast}${len} of ${limit.maxLength} allowed on ${id} (${limit.count}): too long by ${atLeast}${len - limit.maxLength}`, score: 1 });
    }
    if (limit.maxHashtags !== undefined) {
      const tags = extractHashtags(ctx.text).length + (ctx.post?.hashtags?.length ?? 0);
      if (tags > limit.maxHashtags) hits.push({ message: `${tags} hashtags; ${id} allows ${limit.maxHashtags}`, score: 1 });
    }
    return hits;
  },
};
