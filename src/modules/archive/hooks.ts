import { fromJson } from '../../kernel/codec.ts';
import type { Executor } from '../../db/index.ts';
import { commentRecord, commentVersionRecord } from './comment-records.ts';
import type { ArchiveItem, CaptureInput } from './types.ts';

type Capture = (tx: Executor, input: CaptureInput) => Promise<ArchiveItem>;

const parse = (s: string | null): unknown => {
  if (s == null) return null;
  try {
    return fromJson(s);
  } catch {
    return s;
  }
};

async function personName(tx: Executor, id: string | null): Promise<string | null> {
  if (!id) return null;
  return (await tx.selectFrom('persons').select('name').where('id', '=', id).executeTakeFirst())?.name ?? null;
}

async function platformOf(tx: Executor, id: string) {
  return tx.selectFrom('platforms').select(['id', 'name', 'department_id']).where('id', '=', id).executeTakeFirstOrThrow();
}

/**
 * What the writers of records call, inside their own transaction, right after the write: each
 * takes the id of the row just written, reads it back in that transaction and captures it with
 * its department folder (IV.A.13), native payload, rendered text and metadata.
 */
export function archiveHooks(archive: { capture: Capture }) {
  const { capture } = archive;

  /** A post version (every save of a draft or edit). */
  async function postVersion(tx: Executor, versionId: string): Promise<ArchiveItem> {
    const v = await tx.selectFrom('post_versions').selectAll().where('id', '=', versionId).executeTakeFirstOrThrow();
    const post = await tx.selectFrom('posts').select(['department_id', 'correction_of']).where('id', '=', v.post_id).executeTakeFirstOrThrow();
    const targets = (parse(v.targets) as { platformId?: string }[] | null) ?? [];
    return capture(tx, {
      kind: 'post_version',
      sourceTable: 'post_versions',
      sourceId: v.id,
      departmentId: post.department_id,
      platformId: targets.length === 1 ? (targets[0]!.platformId ?? null) : null,
      native: { ...v, targets, attachment_ids: parse(v.attachment_ids), findings: parse(v.findings) },
      renderedText: [v.title, v.body, v.link].filter(Boolean).join('\n\n'),
      metadata: { author: { personId: v.edited_by, name: await personName(tx, v.edited_by) }, parentIds: { post: v.post_id, correctionOf: post.correction_of }, version: v.version, editedAt: v.edited_at },
      createdAt: v.edited_at,
    });
  }

  /** A post as published on one platform (or removed from it): the platform's ids and response. */
  async function publication(tx: Executor, publicationId: string): Promise<ArchiveItem> {
    const p = await tx.selectFrom('post_publications').selectAll().where('id', '=', publicationId).executeTakeFirstOrThrow();
    const post = await tx.selectFrom('posts').select(['department_id']).where('id', '=', p.post_id).executeTakeFirstOrThrow();
    const v = await tx.selectFrom('post_versions').select(['id', 'title', 'body', 'link']).where('post_id', '=', p.post_id).where('version', '=', p.version).executeTakeFirst();
    const platform = await platformOf(tx, p.platform_id);
    return capture(tx, {
      kind: 'publication',
      sourceTable: 'post_publications',
      sourceId: p.id,
      departmentId: post.department_id,
      platformId: p.platform_id,
      native: parse(p.native),
      renderedText: [v?.title, v?.body, v?.link, `${p.status === 'removed' ? 'Removed from' : 'Published on'} ${platform.name}${p.remote_url ? `: ${p.remote_url}` : ''}`].filter(Boolean).join('\n\n'),
      metadata: {
        platformIds: { remoteId: p.remote_id, remoteUrl: p.remote_url, idempotencyKey: p.idempotency_key },
        parentIds: { post: p.post_id, postVersion: v?.id ?? null },
        version: p.version,
        createdOnPlatformAt: p.published_at,
        deletedAt: p.removed_at,
        status: p.status,
      },
      createdAt: p.published_at ?? p.created_at,
    });
  }

  /** A public comment as first captured (its first version's native payload). */
  async function comment(tx: Executor, commentId: string): Promise<ArchiveItem> {
    const c = await tx.selectFrom('comments').selectAll().where('id', '=', commentId).executeTakeFirstOrThrow();
    const first = await tx.selectFrom('comment_versions').select(['id', 'native']).where('comment_id', '=', c.id).orderBy('version').limit(1).executeTakeFirst();
    const platform = await platformOf(tx, c.platform_id);
    return capture(tx, commentRecord(c, first?.native ?? null, platform.department_id));
  }

  /** A later version of a comment: an edit, or the commenter's deletion (the text is kept). */
  async function commentVersion(tx: Executor, versionId: string): Promise<ArchiveItem> {
    const v = await tx.selectFrom('comment_versions').selectAll().where('id', '=', versionId).executeTakeFirstOrThrow();
    const c = await tx.selectFrom('comments').select(['platform_id', 'remote_id', 'author_handle', 'author_name', 'created_on_platform_at']).where('id', '=', v.comment_id).executeTakeFirstOrThrow();
    const platform = await platformOf(tx, c.platform_id);
    return capture(tx, commentVersionRecord(v, c, platform.department_id));
  }

  /**
   * A moderation decision as it stands. A final hide or removal is also kept as a removal record
   * with the time, the poster's identity and the reason (IV.C.11), once per decision.
   */
  async function moderationDecision(tx: Executor, decisionId: string): Promise<ArchiveItem[]> {
    const d = await tx.selectFrom('moderation_decisions').selectAll().where('id', '=', decisionId).executeTakeFirstOrThrow();
    const c = await tx.selectFrom('comments').selectAll().where('id', '=', d.comment_id).executeTakeFirstOrThrow();
    const platform = await platformOf(tx, c.platform_id);
    const clauses = (parse(d.clauses) as string[] | null) ?? [];
    const moderator = d.automatic ? 'automatic (awaiting a person)' : ((await personName(tx, d.moderator_id)) ?? 'unknown');
    const base = { departmentId: platform.department_id, platformId: c.platform_id };
    const metadata = {
      platformIds: { remoteId: c.remote_id, url: c.url },
      author: { handle: c.author_handle, name: c.author_name },
      createdOnPlatformAt: c.created_on_platform_at,
      parentIds: { comment: c.id, post: c.post_id },
      clauses,
      reason: d.note,
      decision: d.decision,
      decidedAt: d.decided_at,
      moderator: { personId: d.moderator_id, name: moderator },
      status: d.status,
      platformAction: d.platform_action,
    };
    const items = [
      await capture(tx, {
        ...base,
        kind: 'moderation_decision',
        sourceTable: 'moderation_decisions',
        sourceId: d.id,
        native: { ...d, clauses },
        renderedText: `${d.decision} by ${moderator} at ${d.decided_at} (${clauses.join(', ') || 'no clause'})${d.note ? `: ${d.note}` : ''}`,
        metadata,
        createdAt: d.decided_at,
      }),
    ];
    const removal = d.status === 'final' && (d.decision === 'remove' || d.decision === 'hide');
    const already = removal && (await tx.selectFrom('archive_items').select('id').where('kind', '=', 'removal').where('source_id', '=', d.id).executeTakeFirst());
    if (removal && !already) {
      const latest = await tx.selectFrom('comment_versions').select('native').where('comment_id', '=', c.id).orderBy('version', 'desc').limit(1).executeTakeFirst();
      items.push(
        await capture(tx, {
          ...base,
          kind: 'removal',
          sourceTable: 'moderation_decisions',
          sourceId: d.id,
          native: parse(latest?.native ?? null),
          renderedText: `${d.decision === 'remove' ? 'Removed' : 'Hidden'} on ${d.decided_at}: comment by ${c.author_name ?? 'unknown'} (${c.author_handle ?? 'no handle'}) posted ${c.created_on_platform_at}\n\n${c.text}\n\nReason: ${d.note ?? '(none given)'} (${clauses.join(', ')})`,
          metadata,
          createdAt: d.decided_at,
        }),
      );
    }
    return items;
  }

  /** A platform's profile as it stands after a change (branding, links, disclaimers, contacts). */
  async function profileSnapshot(tx: Executor, platformId: string): Promise<ArchiveItem> {
    const p = await tx.selectFrom('platforms').selectAll().where('id', '=', platformId).executeTakeFirstOrThrow();
    return capture(tx, {
      kind: 'profile_snapshot',
      sourceTable: 'platforms',
      sourceId: p.id,
      departmentId: p.department_id,
      platformId: p.id,
      native: { ...p, profile: parse(p.profile) },
      renderedText: [p.name, p.handle, p.url, p.purpose, p.contact_email, p.contact_phone].filter(Boolean).join('\n'),
      metadata: { platformIds: { handle: p.handle, url: p.url }, status: p.status, editedAt: p.updated_at },
      createdAt: p.updated_at,
    });
  }

  /** An attachment's record (the stored file is addressed by its SHA-256). */
  async function attachment(tx: Executor, attachmentId: string): Promise<ArchiveItem> {
    const a = await tx.selectFrom('attachments').selectAll().where('id', '=', attachmentId).executeTakeFirstOrThrow();
    return capture(tx, {
      kind: 'attachment',
      sourceTable: 'attachments',
      sourceId: a.id,
      departmentId: a.department_id,
      platformId: null,
      native: { ...a, permission_json: parse(a.permission_json) },
      renderedText: [a.filename, a.alt_text, a.caption_text].filter(Boolean).join('\n'),
      metadata: { author: { personId: a.uploaded_by, name: await personName(tx, a.uploaded_by) }, storedSha256: a.stored_sha256, status: a.status },
      createdAt: a.uploaded_at,
    });
  }

  return { postVersion, publication, comment, commentVersion, moderationDecision, profileSnapshot, attachment };
}

export type ArchiveHooks = ReturnType<typeof archiveHooks>;
