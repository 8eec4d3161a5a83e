import type { Entry } from 'yauzl';
import type { ImportFormat, ImportRecord } from './types.ts';

/**
 * Where each platform's ZIP download keeps what is imported, by the paths the platforms document
 * (with or without a top folder around them):
 *
 * - X "Your archive": `data/tweets.js`, then `data/tweets-part1.js`, `data/tweets-part2.js`, …
 *   (older archives: `data/tweet.js`, `data/tweet-part1.js`); media in `data/tweets_media/`
 *   (`tweet_media/`), each file named `<tweet id>-<name>`.
 * - Facebook "Download your information" (JSON): `posts/your_posts_1.json`, `_2`, … (newer
 *   downloads: `your_posts__check_ins__photos_and_videos_1.json`, under
 *   `your_activity_across_facebook/`), `profile_posts_1.json` for a Page, and `comments.json`
 *   (under `comments/` or `comments_and_reactions/`); media at the `uri` each post gives,
 *   relative to the download's root.
 */

const X_PART = /^(?:(.+)\/)?data\/tweets?(?:-part(\d+))?\.js$/;
const X_MEDIA = /(?:^|\/)data\/tweets?_media\/(\d{1,25})-[^/]+$/;
const FB_POSTS = /^(?:(.+)\/)?posts\/(?:your_posts[^/]*?|profile_posts)_(\d+)\.json$/;
const FB_COMMENTS = /^(?:(.+)\/)?comments\.json$/;

export const LOOKED_FOR: Record<ImportFormat, string> = {
  'x-archive': 'data/tweets.js (and data/tweets-part1.js, …)',
  'facebook-page': 'posts/your_posts_1.json (or profile_posts_1.json, …) and comments.json',
};

export interface DownloadLayout {
  /** The entries to read, in order: parts by number, a Facebook download's posts before its comments. */
  parts: Entry[];
  /** The media files in the download that belong to a record; names it referenced that the download lacks. */
  mediaFor(record: ImportRecord): { found: Entry[]; missing: string[] };
}

const partNumber = (m: RegExpExecArray) => (m[2] ? Number(m[2]) : 0);

export function downloadLayout(format: ImportFormat, files: Map<string, Entry>): DownloadLayout {
  const matched: { entry: Entry; group: number; n: number; root: string }[] = [];
  const byTweet = new Map<string, Entry[]>();
  for (const [name, entry] of files) {
    if (format === 'x-archive') {
      const part = X_PART.exec(name);
      if (part) matched.push({ entry, group: 0, n: partNumber(part), root: part[1] ?? '' });
      const media = X_MEDIA.exec(name);
      if (media) byTweet.set(media[1]!, [...(byTweet.get(media[1]!) ?? []), entry]);
    } else {
      const posts = FB_POSTS.exec(name);
      const comments = posts ? null : FB_COMMENTS.exec(name);
      if (posts) matched.push({ entry, group: 0, n: partNumber(posts), root: rootOf(posts[1] ?? '') });
      else if (comments) matched.push({ entry, group: 1, n: 0, root: rootOf(comments[1] ?? '') });
    }
  }
  matched.sort((a, b) => a.group - b.group || a.n - b.n || a.entry.fileName.localeCompare(b.entry.fileName));
  // A post's media `uri` is relative to the download's root, which a ZIP may put inside a top folder.
  const roots = [...new Set(['', ...matched.map((m) => m.root)])];

  function mediaFor(record: ImportRecord): { found: Entry[]; missing: string[] } {
    if (format === 'x-archive') {
      const id = record.key.startsWith('x:') ? record.key.slice(2) : null;
      return { found: id ? (byTweet.get(id) ?? []) : [], missing: [] };
    }
    const found: Entry[] = [];
    const missing: string[] = [];
    const media = Array.isArray(record.metadata.media) ? (record.metadata.media as { uri?: string | null }[]) : [];
    for (const uri of media.map((m) => m.uri).filter((u): u is string => typeof u === 'string' && !/^[a-z]+:\/\//i.test(u))) {
      const clean = uri.replace(/^\/+/, '');
      const entry = roots.map((r) => files.get(r ? `${r}/${clean}` : clean)).find((e) => e !== undefined);
      if (entry) found.push(entry);
      else missing.push(uri);
    }
    return { found, missing };
  }

  return { parts: matched.map((m) => m.entry), mediaFor };
}

/**
 * The download's root above a Facebook file's folder: `your_activity_across_facebook/posts/…` and
 * `comments_and_reactions/comments.json` sit one level under it, a bare `posts/…` at it.
 */
function rootOf(prefix: string): string {
  const parts = prefix.split('/').filter(Boolean);
  return parts.length > 0 && /^(your_activity_across_facebook|this_profile's_activity_across_facebook|comments_and_reactions|comments)$/.test(parts.at(-1)!) ? parts.slice(0, -1).join('/') : parts.join('/');
}
