/**
 * Text conversions for Mastodon. The API returns a status's `content` as HTML (paragraphs,
 * <br />, links with their scheme in invisible spans); comments are screened and shown as plain
 * text, so it is converted back here. Tags are dropped, entities decoded; no HTML from a reply
 * ever reaches Crier's pages as markup.
 */
import type { PublishRequest } from '../../ports/platform-connector.ts';

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ent: string) => {
    if (ent[0] === '#') {
      const code = ent[1] === 'x' || ent[1] === 'X' ? parseInt(ent.slice(2), 16) : parseInt(ent.slice(1), 10);
      return Number.isFinite(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[ent.toLowerCase()] ?? whole;
  });
}

export function htmlToText(html: string): string {
  const text = html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/p>\s*<p[^>]*>/gi, '\n\n')
    .replace(/<[^>]*>/g, '');
  return decodeEntities(text).trim();
}

/** The status text Crier sends: the post's text, with its link appended when the text does not already carry it. */
export function statusText(post: PublishRequest): string {
  if (post.link && !post.text.includes(post.link)) return `${post.text}\n\n${post.link}`;
  return post.text;
}
