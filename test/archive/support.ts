import { sql } from 'kysely';
import type { DbHandle, Row } from '../../src/db/index.ts';
import { ManualClock } from '../../src/kernel/clock.ts';
import { newId } from '../../src/kernel/ids.ts';
import { createAuditService } from '../../src/modules/audit/index.ts';
import { createArchiveService, type CaptureInput } from '../../src/modules/archive/index.ts';
import { defaultPackDir, loadPackFromDir } from '../../src/policy/index.ts';

export const pack = loadPackFromDir(defaultPackDir());

/** The archive service alone on a test database, on a clock tests move. */
export function archiveOn(h: DbHandle, now = '2026-11-19T18:00:00Z') {
  const clock = new ManualClock(now);
  const audit = createAuditService({ db: h.db, dialect: h.dialect, clock });
  const archive = createArchiveService({ db: h.db, dialect: h.dialect, clock, pack, audit });
  return { clock, audit, archive };
}

let n = 0;
/** A comment-shaped record, unique per call. */
export const record = (over: Partial<CaptureInput> = {}): CaptureInput => ({
  kind: 'comment',
  sourceId: newId(),
  departmentId: null,
  platformId: null,
  native: { text: `Comment ${++n}`, nested: { n } },
  renderedText: `Comment ${n}`,
  metadata: { author: { handle: `resident${n}.bsky.social` } },
  createdAt: '2026-11-19T17:00:00Z',
  ...over,
});

/** Raw SQL, as someone with database access and no business altering records would use. */
export async function raw(h: DbHandle, text: string): Promise<void> {
  await sql.raw(text).execute(h.db);
}

/**
 * Puts archive rows a test deleted with raw SQL back exactly as they were. The search index
 * (migration 0013) kept its entries for them when they were deleted behind the archive's back,
 * and its insert trigger would index them twice, so those entries go first: on SQLite the FTS5
 * entry is removed with the values it indexed (the item's text, the entry's metadata text).
 */
export async function putBackRows(h: DbHandle, rows: Row<'archive_items'>[]): Promise<void> {
  for (const row of rows) {
    if (h.dialect === 'sqlite') {
      await sql`INSERT INTO archive_search_fts (archive_search_fts, rowid, body, meta) SELECT 'delete', e.seq, substr(${row.rendered_text}, 1, 250000), e.meta_text FROM archive_search_entries e WHERE e.seq = ${row.seq}`.execute(h.db);
    }
    await sql`DELETE FROM archive_search_clauses WHERE seq = ${row.seq}`.execute(h.db);
    await sql`DELETE FROM archive_search_entries WHERE seq = ${row.seq}`.execute(h.db);
    await h.db.insertInto('archive_items').values(row).execute();
  }
}
