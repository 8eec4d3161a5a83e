/**
 * The batch ingest's plan, worked out in memory before anything is written: item by item, in
 * delivery order, exactly as one-at-a-time ingest would decide (new comment, edit, deletion,
 * unchanged), giving the rows to insert, the coalesced updates of comments already stored, the
 * archive records in order, and the texts to screen. Findings, Brown Act flags and bans are
 * filled in afterwards by `finish`, once screening and the look-ups are done.
 */
import { hash } from 'node:crypto';
import type { NewRow, RowUpdate } from '../../db/index.ts';
import { toJson } from '../../kernel/codec.ts';
import { newSortableId as newId } from '../../kernel/ids.ts';
import { storableText } from '../../kernel/text.ts';
import type { Finding } from '../../screening/index.ts';
import type { CommentArchiveEntry, CommentFields, VersionFields } from '../archive/index.ts';
import { commentKey, type Commenters, type KnownComment } from './ingest-lookups.ts';
import type { IncomingComment, IngestSource } from './types.ts';

const MAX_TEXT = 100_000;
/** The text a comment is stored and screened with. */
export const commentText = (item: IncomingComment): string => storableText(item.text.slice(0, MAX_TEXT));
const sha256 = (s: string): string => hash('sha256', s, 'hex');

/** How urgent a comment is for the queue: threats and safety first, then any block, then advice. */
export function severityOf(findings: readonly Finding[], legislative: boolean): number {
  let s = 0;
  for (const f of findings) {
    if (f.severity === 'block') s = Math.max(s, f.clause === 'V.11' || f.clause === 'V.12' ? 3 : 2);
    else s = Math.max(s, 1);
  }
  return legislative ? Math.max(s, 2) : s;
}

export interface AutoHideCandidate {
  commentId: string;
  clauses: string[];
  /** Hidden because its author is under a ban (V), not (only) for what it says. */
  banId?: string;
}

export interface ScreenRequest {
  text: string;
  context?: string | undefined;
}

/** One transaction's worth of the batch. */
export interface ChunkPlan {
  comments: NewRow<'comments'>[];
  versions: NewRow<'comment_versions'>[];
  /** Comments stored before this chunk: their final change, all edits of the chunk folded in order. */
  updates: Map<string, RowUpdate<'comments'>>;
  archive: CommentArchiveEntry[];
  screen: ScreenRequest[];
  /** For each screen request, the index in the delivery of the item it screens. */
  screenItems: number[];
  /** Per item, in order: fills findings, severities, register flags and bans in. */
  finish: ((findings: Finding[][], who: Commenters) => void)[];
  handles: { platformId: string; handle: string }[];
  ids: string[];
  /** Index in the delivery of the chunk's first item. */
  start: number;
  flagged: { commentId: string; personId: string; platformId: string }[];
  autoHide: AutoHideCandidate[];
  counts: { created: number; edited: number; deleted: number; unchanged: number };
}

export interface PlanInput {
  source: IngestSource;
  /** The capture instant (ISO). */
  at: string;
  known: Map<string, KnownComment>;
  posts: Map<string, { postId: string; text: string }>;
  /** Newest text time of each known comment (see newestTextTimes). */
  newestText: Map<string, string>;
  autoHideClauses: ReadonlySet<string>;
  retainUntil: (createdAt: string) => string;
  /** True where a new chunk starts at item n (n > 0). */
  cutAt: (n: number) => boolean;
}

const emptyChunk = (start: number): ChunkPlan => ({ start, comments: [], versions: [], updates: new Map(), archive: [], screen: [], screenItems: [], finish: [], handles: [], ids: [], flagged: [], autoHide: [], counts: { created: 0, edited: 0, deleted: 0, unchanged: 0 } });

export function planIngest(items: readonly IncomingComment[], input: PlanInput): ChunkPlan[] {
  const { source, at, known, posts, autoHideClauses } = input;
  const chunks: ChunkPlan[] = [];
  let plan = emptyChunk(0);
  /** Rows of comments created in the current chunk, not yet written: later items change them in memory. */
  let pending = new Map<string, NewRow<'comments'>>();
  /** The newest text time of comments seen in this batch (created, or edited to the newest text). */
  const latestAt = new Map<string, string>();

  items.forEach((item, n) => {
    if (n > 0 && input.cutAt(n)) {
      chunks.push(plan);
      plan = emptyChunk(n);
      pending = new Map();
    }
    const key = commentKey(item.platformId, item.remoteId);
    const k = known.get(key);
    const text = commentText(item);
    const native = toJson(item.native ?? null);
    const post = posts.get(item.postRemoteId);
    if (item.authorHandle) plan.handles.push({ platformId: item.platformId, handle: item.authorHandle });
    const screenSlot = () => {
      plan.screenItems.push(n);
      return plan.screen.push({ text, context: post?.text }) - 1;
    };

    if (!k) {
      const id = newId();
      const row: NewRow<'comments'> = {
        id,
        platform_id: item.platformId,
        remote_id: item.remoteId,
        post_id: post?.postId ?? null,
        post_remote_id: item.postRemoteId,
        parent_remote_id: item.parentRemoteId ?? null,
        author_handle: item.authorHandle == null ? null : storableText(item.authorHandle.slice(0, 500)),
        author_name: item.authorName == null ? null : storableText(item.authorName.slice(0, 500)),
        url: item.url ?? null,
        text,
        version: 1,
        source,
        created_on_platform_at: item.createdAt,
        captured_at: at,
        updated_at: at,
        deleted_on_platform_at: item.deleted ? (item.editedAt ?? at) : null,
        visibility: 'visible',
        review_state: 'open',
        severity: 0,
        findings: '[]',
        legislative_person_id: null,
        retain_until: input.retainUntil(item.createdAt),
      };
      // The archive keeps the comment as first captured, whatever later items of the batch change.
      const firstState = { ...row } as CommentFields;
      const version: NewRow<'comment_versions'> = { id: newId(), comment_id: id, version: 1, kind: item.deleted ? 'deleted' : 'created', text, native, sha256: sha256(text), at_on_platform: item.editedAt ?? item.createdAt, captured_at: at };
      plan.comments.push(row);
      plan.versions.push(version);
      plan.archive.push({ comment: firstState, firstNative: native });
      pending.set(id, row);
      known.set(key, { id, version: 1, text, deleted: !!item.deleted, owner: { platform_id: row.platform_id, remote_id: row.remote_id, author_handle: row.author_handle ?? null, author_name: row.author_name ?? null, created_on_platform_at: row.created_on_platform_at } });
      latestAt.set(id, item.editedAt ?? item.createdAt);
      plan.ids.push(id);
      plan.counts.created++;
      const slot = item.deleted ? -1 : screenSlot();
      const chunk = plan;
      chunk.finish.push((found, who) => {
        const findings = slot < 0 ? [] : found[slot]!;
        const member = who.member(item.platformId, item.authorHandle);
        row.findings = toJson(findings);
        row.severity = severityOf(findings, member !== null);
        row.legislative_person_id = firstState.legislative_person_id = member?.personId ?? null;
        if (member) chunk.flagged.push({ commentId: id, personId: member.personId, platformId: item.platformId });
        const hide = findings.filter((f) => f.severity === 'block' && autoHideClauses.has(f.clause)).map((f) => f.clause);
        const ban = who.ban(item.platformId, item.authorHandle);
        if (ban) hide.push(...ban.clauses);
        if (hide.length) chunk.autoHide.push({ commentId: id, clauses: [...new Set(hide)], ...(ban ? { banId: ban.banId } : {}) });
      });
      return;
    }

    /** The change to the comment: on its pending row if created in this chunk, else folded into its update. */
    const change = (set: RowUpdate<'comments'>) => {
      const row = pending.get(k.id);
      if (row) Object.assign(row, set);
      else plan.updates.set(k.id, Object.assign(plan.updates.get(k.id) ?? {}, set));
      return row ?? plan.updates.get(k.id)!;
    };

    if (item.deleted) {
      if (k.deleted) {
        plan.counts.unchanged++;
        return;
      }
      k.version++;
      k.deleted = true;
      const version: NewRow<'comment_versions'> = { id: newId(), comment_id: k.id, version: k.version, kind: 'deleted', text: k.text, native, sha256: sha256(k.text), at_on_platform: item.editedAt ?? null, captured_at: at };
      plan.versions.push(version);
      plan.archive.push({ version: version as VersionFields, owner: k.owner });
      change({ version: k.version, deleted_on_platform_at: item.editedAt ?? at, updated_at: at });
      plan.counts.deleted++;
      return;
    }
    if (text === k.text) {
      plan.counts.unchanged++;
      return;
    }
    // An edit: always kept as a version; it becomes the current text only if it is the newest.
    k.version++;
    const editedAt = item.editedAt ?? at;
    const version: NewRow<'comment_versions'> = { id: newId(), comment_id: k.id, version: k.version, kind: 'edited', text, native, sha256: sha256(text), at_on_platform: editedAt, captured_at: at };
    plan.versions.push(version);
    plan.archive.push({ version: version as VersionFields, owner: k.owner });
    const latest = latestAt.has(k.id) ? latestAt.get(k.id) : input.newestText.get(k.id);
    const newest = latest === undefined || editedAt >= latest;
    if (newest) {
      latestAt.set(k.id, editedAt);
      k.text = text;
      const target = change({ text, version: k.version, review_state: 'open', updated_at: at });
      const slot = screenSlot();
      plan.finish.push((found, who) => {
        const findings = found[slot]!;
        target.findings = toJson(findings);
        target.severity = severityOf(findings, who.member(item.platformId, item.authorHandle) !== null);
      });
    } else {
      change({ version: k.version, updated_at: at });
    }
    plan.counts.edited++;
  });
  chunks.push(plan);
  return chunks;
}
