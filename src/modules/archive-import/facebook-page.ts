import { createHash } from 'node:crypto';
import type { ImportReader, ReadResult } from './types.ts';

/**
 * Facebook "Download Your Information" (JSON) for a Page. Posts: `posts/your_posts_1.json` (also
 * `profile_posts_*.json`), a list of `{ timestamp, data: [{ post }, { update_timestamp }],
 * attachments: [{ data: [{ media: { uri, title, description } } | { external_context: { url } }] }],
 * title }`. Comments the Page made: `comments.json`, `{ "comments_v2": [{ timestamp,
 * data: [{ comment: { timestamp, comment, author } }], title }] }`. The download carries no post
 * ids, so a record's key is a digest of its time, text and media: the same post in a later
 * download is the same key.
 */

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);
const digest = (parts: (string | number)[]) => createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 40);

/**
 * Facebook writes text as UTF-8 bytes each escaped as a Latin-1 code point ("\u00c3\u00a9" for
 * "é"); a string made only of such code points that decodes as UTF-8 is decoded.
 */
export function fixMojibake(s: string): string {
  if (!/[\u0080-\u00ff]/.test(s)) return s;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0xff) return s;
  const bytes = Buffer.from(s, 'latin1');
  const decoded = bytes.toString('utf8');
  return decoded.includes('\ufffd') ? s : decoded;
}

const seconds = (v: unknown): number | null => {
  const n = typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v;
  return typeof n === 'number' && Number.isInteger(n) && n > 0 && n < 1e11 ? n : null;
};

interface Attached {
  uri: string | null;
  url: string | null;
  title: string | null;
  description: string | null;
}

function attachmentsOf(v: unknown): Attached[] {
  const out: Attached[] = [];
  for (const a of Array.isArray(v) ? v : []) {
    for (const d of isObj(a) && Array.isArray(a.data) ? a.data : []) {
      if (!isObj(d)) continue;
      const m = isObj(d.media) ? d.media : null;
      const x = isObj(d.external_context) ? d.external_context : null;
      if (m) out.push({ uri: str(m.uri), url: null, title: str(m.title) && fixMojibake(m.title as string), description: str(m.description) && fixMojibake(m.description as string) });
      else if (x) out.push({ uri: null, url: str(x.url), title: str(x.name) && fixMojibake(x.name as string), description: null });
    }
  }
  return out;
}

const describe = (a: Attached) => [a.title, a.description, a.url ?? a.uri].filter(Boolean).join(' — ');

export function readPagePost(element: unknown): ReadResult {
  if (!isObj(element)) return { problem: 'not a post object' };
  const ts = seconds(element.timestamp);
  if (ts === null) return { problem: 'timestamp is missing or not a Unix time in seconds' };
  const data = Array.isArray(element.data) ? element.data.filter(isObj) : [];
  const text = data.map((d) => str(d.post)).find((p) => p !== null) ?? null;
  const updated = data.map((d) => seconds(d.update_timestamp)).find((u) => u !== null) ?? null;
  const attachments = attachmentsOf(element.attachments);
  if (!text && attachments.length === 0) return { problem: `the post of ${new Date(ts * 1000).toISOString()} has neither text nor attachments` };
  const createdAt = new Date(ts * 1000).toISOString();
  const body = text ? fixMojibake(text) : '';
  return {
    record: {
      kind: 'imported_post',
      key: `facebook:post:${digest([ts, body, ...attachments.map((a) => a.uri ?? a.url ?? '')])}`,
      native: element,
      renderedText: [body, ...attachments.map((a) => `[attachment] ${describe(a)}`)].filter(Boolean).join('\n'),
      metadata: {
        createdOnPlatformAt: createdAt,
        editedAt: updated ? new Date(updated * 1000).toISOString() : null,
        title: str(element.title) && fixMojibake(element.title as string),
        media: attachments,
      },
      createdAt,
    },
  };
}

export function readPageComment(element: unknown): ReadResult {
  if (!isObj(element)) return { problem: 'not a comment object' };
  const entry = (Array.isArray(element.data) ? element.data.filter(isObj) : []).map((d) => (isObj(d.comment) ? d.comment : null)).find((c) => c !== null) ?? null;
  const ts = seconds(entry?.timestamp) ?? seconds(element.timestamp);
  if (ts === null) return { problem: 'timestamp is missing or not a Unix time in seconds' };
  if (!entry || typeof entry.comment !== 'string') return { problem: `the comment of ${new Date(ts * 1000).toISOString()} has no data[].comment text` };
  const attachments = attachmentsOf(element.attachments);
  const text = fixMojibake(entry.comment);
  const author = str(entry.author) && fixMojibake(entry.author as string);
  const createdAt = new Date(ts * 1000).toISOString();
  return {
    record: {
      kind: 'imported_reply',
      key: `facebook:comment:${digest([ts, author ?? '', text, ...attachments.map((a) => a.uri ?? a.url ?? '')])}`,
      native: element,
      renderedText: [text, ...attachments.map((a) => `[attachment] ${describe(a)}`)].filter(Boolean).join('\n'),
      metadata: { author: { name: author }, createdOnPlatformAt: createdAt, title: str(element.title) && fixMojibake(element.title as string), media: attachments },
      createdAt,
    },
  };
}

export const facebookPageReader: ImportReader = {
  layout(prefix, fileName) {
    const key = /"([^"]+)"\s*:\s*$/.exec(prefix)?.[1] ?? null;
    if (key === null && prefix.trim() === '') return { name: 'facebook-posts', read: readPagePost };
    if (key === 'comments_v2' || key === 'comments') return { name: 'facebook-comments', read: readPageComment };
    if (key && /post/.test(key)) return { name: 'facebook-posts', read: readPagePost };
    return { refused: `${fileName} is not a Facebook Page posts or comments file${key ? ` (its list is "${key}")` : ''}: import posts/your_posts_1.json or comments.json from the JSON download` };
  },
};
