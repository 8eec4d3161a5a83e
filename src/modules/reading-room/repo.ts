import { sql, type RawBuilder } from 'kysely';
import type { DialectName, Executor } from '../../db/index.ts';
import { notDisposed } from '../archive/index.ts';
import { toFts5, toWebsearch, type ParsedQuery } from '../archive-search/index.ts';

export interface EntryQuery {
  q: ParsedQuery | null;
  platform?: string;
  department?: string;
  fromIso?: string;
  toIso?: string;
  after?: { publishedAt: string; seq: number };
  limit: number;
}

export interface EntryRow {
  seq: number;
  id: string;
  kind: string;
  rendered_text: string;
  metadata: string;
  published_at: string;
  platform_id: string | null;
  platform_name: string | null;
  department_id: string | null;
  department_name: string | null;
}

const published = sql`coalesce(e.created_on_platform_at, a.captured_at)`;

/**
 * What the City published: imported City posts, and each publication still standing (its row
 * is published now and this is its latest capture, so a post later removed from the platform
 * drops out). Comments, replies, decisions and destroyed items are never in this set.
 */
const PUBLIC_SET = sql`(a.kind = 'imported_post' OR (a.kind = 'publication'
  AND EXISTS (SELECT 1 FROM post_publications p WHERE p.id = a.source_id AND p.status = 'published')
  AND NOT EXISTS (SELECT 1 FROM archive_items b WHERE b.kind = 'publication' AND b.source_id = a.source_id AND b.seq > a.seq)))`;

/** The archive search's full-text index (migration 0013), restricted here to the public set. */
function matching(dialect: DialectName, q: ParsedQuery): RawBuilder<unknown> {
  return dialect === 'postgres'
    ? sql`a.seq IN (SELECT m.seq FROM archive_search_entries m WHERE m.document @@ websearch_to_tsquery('english', ${toWebsearch(q)}))`
    : sql`a.seq IN (SELECT rowid FROM archive_search_fts WHERE archive_search_fts MATCH ${toFts5(q)})`;
}

/** One page, newest publication first (keyset on the publication time and seq). */
export async function listEntries(ex: Executor, dialect: DialectName, f: EntryQuery): Promise<EntryRow[]> {
  const conds: RawBuilder<unknown>[] = [PUBLIC_SET, notDisposed('a.id')];
  if (f.q) conds.push(matching(dialect, f.q));
  if (f.platform) conds.push(sql`a.platform_id = ${f.platform}`);
  if (f.department === 'city') conds.push(sql`a.department_id IS NULL`);
  else if (f.department) conds.push(sql`a.department_id = ${f.department}`);
  if (f.fromIso) conds.push(sql`${published} >= ${f.fromIso}`);
  if (f.toIso) conds.push(sql`${published} < ${f.toIso}`);
  if (f.after) conds.push(sql`(${published} < ${f.after.publishedAt} OR (${published} = ${f.after.publishedAt} AND a.seq < ${f.after.seq}))`);
  const r = await sql<EntryRow>`
    SELECT a.seq AS seq, a.id AS id, a.kind AS kind, a.rendered_text AS rendered_text, a.metadata AS metadata, ${published} AS published_at,
      a.platform_id AS platform_id, pl.name AS platform_name, a.department_id AS department_id, d.name AS department_name
    FROM archive_items a
    LEFT JOIN archive_search_entries e ON e.seq = a.seq
    LEFT JOIN platforms pl ON pl.id = a.platform_id
    LEFT JOIN departments d ON d.id = a.department_id
    WHERE ${sql.join(conds, sql` AND `)}
    ORDER BY published_at DESC, a.seq DESC
    LIMIT ${f.limit}`.execute(ex);
  return r.rows.map((row) => ({ ...row, seq: Number(row.seq) }));
}

/** Platforms the public knows (active, or terminated ones whose posts remain) and their departments. */
export async function choices(ex: Executor) {
  const platforms = await ex
    .selectFrom('platforms')
    .leftJoin('departments', 'departments.id', 'platforms.department_id')
    .select(['platforms.id as id', 'platforms.name as name', 'departments.id as departmentId', 'departments.name as departmentName'])
    .where('platforms.status', 'in', ['active', 'terminated'])
    .orderBy('platforms.name')
    .execute();
  return platforms;
}
