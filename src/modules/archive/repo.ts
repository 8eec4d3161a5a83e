import { fromJson } from '../../kernel/codec.ts';
import type { Db, NewRow, Row } from '../../db/index.ts';
import type { ArchiveItem, ArchiveKind, ArchiveMetadata, ArchiveSeal } from './types.ts';

export function toArchiveItem(r: Row<'archive_items'> | NewRow<'archive_items'>): ArchiveItem {
  return {
    seq: Number(r.seq),
    id: r.id,
    kind: r.kind,
    sourceId: r.source_id,
    departmentId: r.department_id ?? null,
    platformId: r.platform_id ?? null,
    native: fromJson(r.native),
    renderedText: r.rendered_text,
    metadata: fromJson<ArchiveMetadata>(r.metadata) ?? {},
    contentSha256: r.content_sha256,
    capturedAt: r.captured_at,
    retentionCategory: r.retention_category,
    retainUntil: r.retain_until,
    prevHash: r.prev_hash,
    itemHash: r.item_hash,
  };
}

export const toArchiveSeal = (r: Row<'archive_seals'>): ArchiveSeal => ({
  date: r.date,
  firstSeq: Number(r.first_seq),
  lastSeq: Number(r.last_seq),
  count: Number(r.item_count),
  headHash: r.head_hash,
  sealedAt: r.sealed_at,
  sealHash: r.seal_hash,
});

export interface ItemQuery {
  kind?: ArchiveKind;
  /** A department id, or 'city' for the City's own folder (department null). */
  department?: string;
  /** Captured at or after this instant (ISO). */
  fromIso?: string;
  /** Captured before this instant (ISO). */
  toIso?: string;
  /** Keyset: items with seq greater than this. */
  after?: number;
  limit: number;
}

/** One page in seq order; the list leaves the native payload out (read an item for it). */
export async function listItems(db: Db, q: ItemQuery): Promise<Row<'archive_items'>[]> {
  let query = db.selectFrom('archive_items').selectAll().orderBy('seq').limit(q.limit);
  if (q.kind) query = query.where('kind', '=', q.kind);
  if (q.department === 'city') query = query.where('department_id', 'is', null);
  else if (q.department) query = query.where('department_id', '=', q.department);
  if (q.fromIso) query = query.where('captured_at', '>=', q.fromIso);
  if (q.toIso) query = query.where('captured_at', '<', q.toIso);
  if (q.after !== undefined) query = query.where('seq', '>', q.after);
  return query.execute();
}

export async function getItem(db: Db, id: string): Promise<Row<'archive_items'> | undefined> {
  return db.selectFrom('archive_items').selectAll().where('id', '=', id).executeTakeFirst();
}
