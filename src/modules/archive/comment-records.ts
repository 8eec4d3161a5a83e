import { fromJson } from '../../kernel/codec.ts';
import type { Executor, NewRow, Row } from '../../db/index.ts';
import type { CaptureInput } from './types.ts';

/** The comment fields its archive record carries. */
export type CommentFields = Pick<
  Row<'comments'>,
  'id' | 'platform_id' | 'remote_id' | 'url' | 'post_remote_id' | 'parent_remote_id' | 'author_handle' | 'author_name' | 'created_on_platform_at' | 'source' | 'post_id' | 'version' | 'deleted_on_platform_at' | 'legislative_person_id' | 'text'
>;
/** The fields of a comment that a record of one of its later versions names. */
export type VersionOwner = Pick<Row<'comments'>, 'platform_id' | 'remote_id' | 'author_handle' | 'author_name' | 'created_on_platform_at'>;
export type VersionFields = Pick<Row<'comment_versions'>, 'id' | 'comment_id' | 'version' | 'kind' | 'text' | 'native' | 'at_on_platform' | 'captured_at' | 'sha256'>;

/** A stored JSON payload as a value (a payload that is not JSON is kept as its text). */
export const parseStored = (s: string | null): unknown => {
  if (s == null) return null;
  try {
    return fromJson(s);
  } catch {
    return s;
  }
};

/** A public comment as first captured, with its first version's native payload. */
export function commentRecord(c: CommentFields, firstNative: string | null, departmentId: string | null): CaptureInput {
  return {
    kind: 'comment',
    sourceTable: 'comments',
    sourceId: c.id,
    departmentId,
    platformId: c.platform_id,
    native: parseStored(firstNative),
    renderedText: c.text,
    metadata: {
      platformIds: { remoteId: c.remote_id, url: c.url, postRemoteId: c.post_remote_id, parentRemoteId: c.parent_remote_id },
      author: { handle: c.author_handle, name: c.author_name },
      createdOnPlatformAt: c.created_on_platform_at,
      capturedBy: `Crier (${c.source})`,
      parentIds: { post: c.post_id },
      version: c.version,
      deletedAt: c.deleted_on_platform_at,
      legislativePersonId: c.legislative_person_id,
    },
    createdAt: c.created_on_platform_at,
  };
}

/** A later version of a comment: an edit, or the commenter's deletion (the text is kept). */
export function commentVersionRecord(v: VersionFields, c: VersionOwner, departmentId: string | null): CaptureInput {
  return {
    kind: 'comment_version',
    sourceTable: 'comment_versions',
    sourceId: v.id,
    departmentId,
    platformId: c.platform_id,
    native: parseStored(v.native),
    renderedText: v.kind === 'deleted' ? `[deleted by the commenter] ${v.text}` : v.text,
    metadata: {
      platformIds: { remoteId: c.remote_id },
      author: { handle: c.author_handle, name: c.author_name },
      createdOnPlatformAt: c.created_on_platform_at,
      parentIds: { comment: v.comment_id },
      version: v.version,
      change: v.kind,
      editedAt: v.kind === 'edited' ? v.at_on_platform : null,
      deletedAt: v.kind === 'deleted' ? (v.at_on_platform ?? v.captured_at) : null,
      textSha256: v.sha256,
    },
    createdAt: c.created_on_platform_at,
  };
}

/**
 * A record of a comment or of one of its later versions, from the rows the writer has just
 * written in its transaction (a comment's record is its state when first written, even if a
 * later version in the same batch changes the row).
 */
export type CommentArchiveEntry = { comment: CommentFields; firstNative: string | null } | { version: VersionFields; owner: VersionOwner };

type CaptureMany = (tx: Executor, inputs: readonly CaptureInput[]) => Promise<NewRow<'archive_items'>[]>;

/** Captures a batch of comment records in order, in the writer's transaction: one platform query, one chained insert. */
export function commentRecordsHook(captureMany: CaptureMany) {
  return async function commentRecords(tx: Executor, entries: readonly CommentArchiveEntry[]): Promise<number> {
    if (!entries.length) return 0;
    const platformIds = [...new Set(entries.map((e) => ('comment' in e ? e.comment.platform_id : e.owner.platform_id)))];
    const platforms = await tx.selectFrom('platforms').select(['id', 'department_id']).where('id', 'in', platformIds).execute();
    const department = new Map(platforms.map((p) => [p.id, p.department_id]));
    const inputs = entries.map((e) => {
      const platformId = 'comment' in e ? e.comment.platform_id : e.owner.platform_id;
      if (!department.has(platformId)) throw new Error(`archive: platform ${platformId} not found`);
      const dept = department.get(platformId) ?? null;
      return 'comment' in e ? commentRecord(e.comment, e.firstNative, dept) : commentVersionRecord(e.version, e.owner, dept);
    });
    return (await captureMany(tx, inputs)).length;
  };
}
