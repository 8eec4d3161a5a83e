import type { ImportReader, ReadResult, ReaderContext } from './types.ts';

/**
 * The X (Twitter) archive: `data/tweets.js`, a script assigning the list to
 * `window.YTD.tweets.part0` (older archives: `tweet.js`, `window.YTD.tweet.part0`), each entry
 * `{ "tweet": { id_str, full_text, created_at, in_reply_to_*, entities, extended_entities } }`
 * (the oldest have the tweet object bare). Numbers are often strings; text is HTML-escaped.
 */

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);

/** The archive escapes &, < and > in tweet text; the rendered text shows what was posted. */
const unescapeText = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** Short links (t.co) shown as the address they stood for. */
function expandLinks(text: string, entities: unknown): string {
  const urls = isObj(entities) && Array.isArray(entities.urls) ? entities.urls : [];
  let out = text;
  for (const u of urls) {
    if (isObj(u) && str(u.url) && str(u.expanded_url)) out = out.split(u.url as string).join(u.expanded_url as string);
  }
  return out;
}

function mediaOf(t: Obj): { id: string | null; type: string | null; url: string | null; altText: string | null }[] {
  const ext = isObj(t.extended_entities) && Array.isArray(t.extended_entities.media) ? t.extended_entities.media : isObj(t.entities) && Array.isArray(t.entities.media) ? t.entities.media : [];
  return ext.filter(isObj).map((m) => ({ id: str(m.id_str), type: str(m.type), url: str(m.media_url_https) ?? str(m.media_url), altText: str(m.ext_alt_text) }));
}

export function readTweet(element: unknown, ctx: ReaderContext): ReadResult {
  const t = isObj(element) && isObj(element.tweet) ? element.tweet : element;
  if (!isObj(t)) return { problem: 'not a tweet object' };
  const id = str(t.id_str) ?? (typeof t.id === 'string' || typeof t.id === 'number' ? String(t.id) : null);
  if (!id || !/^\d{1,25}$/.test(id)) return { problem: 'id_str is missing or not a tweet id' };
  const text = str(t.full_text) ?? (typeof t.text === 'string' ? t.text : null);
  if (text === null) return { problem: `tweet ${id}: full_text is missing` };
  const createdMs = typeof t.created_at === 'string' ? Date.parse(t.created_at) : NaN;
  if (Number.isNaN(createdMs)) return { problem: `tweet ${id}: created_at "${String(t.created_at ?? '')}" is not a date` };
  const createdAt = new Date(createdMs).toISOString();

  const inReplyTo = str(t.in_reply_to_status_id_str);
  const replyToName = str(t.in_reply_to_screen_name);
  const own = ctx.ownHandle?.replace(/^@/, '').toLowerCase() ?? null;
  const retweet = isObj(t.retweeted_status) || /^RT @/.test(text);
  // A reply to the account itself continues its own thread; a reply to anyone else names them.
  const replyToOther = !!inReplyTo && !(own && replyToName?.toLowerCase() === own);
  const media = mediaOf(t);
  const rendered = unescapeText(expandLinks(text, t.entities));
  return {
    record: {
      kind: retweet || replyToOther ? 'imported_reply' : 'imported_post',
      key: `x:${id}`,
      native: element,
      renderedText: [rendered, ...media.map((m) => `[${m.type ?? 'media'}${m.altText ? `: ${m.altText}` : ''}] ${m.url ?? ''}`.trim())].join('\n'),
      metadata: {
        platformIds: { remoteId: id, url: own ? `https://x.com/${own}/status/${id}` : `https://x.com/i/web/status/${id}`, inReplyToStatusId: inReplyTo, inReplyToScreenName: replyToName },
        createdOnPlatformAt: createdAt,
        media,
        repost: retweet,
      },
      createdAt,
    },
  };
}

export const xArchiveReader: ImportReader = {
  layout(prefix, fileName) {
    // The script's assignment, or a bare list (a tweets.js already stripped of it).
    if (/window\.YTD\.tweets?\.part\d+\s*=\s*$/.test(prefix) || prefix.trim() === '') return { name: 'x-tweets', read: readTweet };
    const what = /window\.YTD\.(\w+)/.exec(prefix)?.[1];
    return { refused: what ? `${fileName} holds "${what}", not tweets: import data/tweets.js from the X archive` : `${fileName} does not look like an X archive's data/tweets.js (it should begin "window.YTD.tweets.part0 = [")` };
  },
};
