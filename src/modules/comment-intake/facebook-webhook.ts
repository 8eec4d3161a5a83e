import type { ParsedComment } from './export-file.ts';

/**
 * A Facebook Page webhook delivery (Graph API webhooks, object "page", field "feed"):
 * `{ object: 'page', entry: [{ id: <page id>, time, changes: [{ field: 'feed', value }] }] }`,
 * where a comment's value carries item "comment", verb add / edited / remove, post_id,
 * comment_id, parent_id (the post itself for a top-level comment), from {id, name}, message and
 * created_time (Unix seconds). Everything else on the feed (likes, reactions, posts, shares) is
 * not a comment and is skipped.
 */
export interface FacebookCommentChange {
  pageId: string;
  comment: ParsedComment;
}

export interface MappedDelivery {
  comments: FacebookCommentChange[];
  /** Changes that are not comments by people (reactions, posts, the Page's own replies, hide/unhide). */
  skipped: number;
  /** Comment changes too broken to take (no comment or post id), with why. */
  broken: string[];
}

export class DeliveryShapeError extends Error {}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);
const idOf = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' && Number.isSafeInteger(v) ? String(v) : null);

/** Facebook sends Unix seconds (page feed) and sometimes milliseconds or ISO text elsewhere. */
function instant(v: unknown): string | null {
  let ms: number;
  if (typeof v === 'number' && Number.isFinite(v)) ms = v > 1e12 ? v : v * 1000;
  else if (typeof v === 'string' && /^\d+$/.test(v)) ms = Number(v) > 1e12 ? Number(v) : Number(v) * 1000;
  else if (typeof v === 'string') ms = Date.parse(v.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  else return null;
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

export function mapFacebookDelivery(payload: unknown, receivedAt: string): MappedDelivery {
  if (!isObj(payload) || !Array.isArray(payload.entry)) throw new DeliveryShapeError('not a webhook delivery: expected {"object": "page", "entry": [...]}');
  if (payload.object !== 'page') throw new DeliveryShapeError(`deliveries for object "${String(payload.object)}" are not taken here (only "page")`);
  const out: MappedDelivery = { comments: [], skipped: 0, broken: [] };
  for (const entry of payload.entry) {
    if (!isObj(entry) || !Array.isArray(entry.changes)) continue;
    const pageId = idOf(entry.id);
    const changeTime = instant(entry.time) ?? receivedAt;
    for (const change of entry.changes) {
      if (!isObj(change) || change.field !== 'feed' || !isObj(change.value) || change.value.item !== 'comment') {
        out.skipped++;
        continue;
      }
      const v = change.value;
      const verb = v.verb;
      if (verb !== 'add' && verb !== 'edited' && verb !== 'remove') {
        out.skipped++;
        continue;
      }
      const from = isObj(v.from) ? v.from : {};
      const fromId = idOf(from.id);
      // The Page's own replies are the City speaking, not public comments.
      if (pageId && fromId === pageId) {
        out.skipped++;
        continue;
      }
      const commentId = idOf(v.comment_id);
      const postId = idOf(v.post_id);
      if (!pageId || !commentId || !postId) {
        out.broken.push(`a ${verb} comment change without ${!pageId ? 'the Page id' : !commentId ? 'comment_id' : 'post_id'}`);
        continue;
      }
      const parentId = idOf(v.parent_id);
      const createdAt = instant(v.created_time) ?? changeTime;
      out.comments.push({
        pageId,
        comment: {
          remoteId: commentId,
          postRemoteId: postId,
          // A top-level comment names the post as its parent; only a reply has a parent comment.
          parentRemoteId: parentId && parentId !== postId ? parentId : null,
          authorHandle: fromId,
          authorName: typeof from.name === 'string' ? from.name : null,
          text: typeof v.message === 'string' ? v.message : '',
          createdAt,
          editedAt: verb === 'add' ? null : changeTime,
          deleted: verb === 'remove',
          url: null,
          native: { pageId, time: entry.time ?? null, value: v },
        },
      });
    }
  }
  return out;
}
