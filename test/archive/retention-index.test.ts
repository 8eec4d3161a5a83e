import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { notDisposed } from '../../src/modules/archive/index.ts';
import { describeEachDialect } from '../dialects.ts';

/**
 * Migration 0019: the retention module's query of eligible items (src/modules/retention
 * service.ts eligible(): retain_until <= today, not destroyed, optionally one category, in seq
 * order) reads archive_items_retention instead of the whole archive when few items are eligible —
 * the usual case, as schedules run two years and more. The planners choose it from their
 * statistics (PostgreSQL's autovacuum gathers them; on SQLite, ANALYZE or PRAGMA optimize).
 */
describeEachDialect('archive: retention index (migration 0019)', (get, dialect) => {
  const TOTAL = 5000;
  const ELIGIBLE = 10;

  beforeAll(async () => {
    const rows = Array.from({ length: TOTAL }, (_, k) => {
      const i = k + 1;
      return {
        seq: i, id: `ret-${i}`, kind: 'comment', source_id: `src-${i}`, department_id: null, platform_id: null, native: '{}', rendered_text: `comment ${i}`, metadata: '{}',
        content_sha256: 'c'.repeat(64), captured_at: '2024-01-01T00:00:00.000Z', retention_category: i % 2 ? 'comments' : 'posts',
        retain_until: i <= ELIGIBLE ? '2026-01-01' : '2029-01-01', prev_hash: 'p'.repeat(64), item_hash: 'h'.repeat(64),
      };
    });
    for (let i = 0; i < rows.length; i += 500) await get().db.insertInto('archive_items').values(rows.slice(i, i + 500)).execute();
    await sql.raw('ANALYZE').execute(get().db);
  }, 60_000);

  /** The eligibility query as the retention service builds it. */
  const eligible = (category?: string, after?: number) => {
    let q = get().db.selectFrom('archive_items').selectAll().where('retain_until', '<=', '2026-11-19').where(notDisposed()).orderBy('seq').limit(100);
    if (category) q = q.where('retention_category', '=', category);
    if (after !== undefined) q = q.where('seq', '>', after);
    return q;
  };

  /** The query's plan, its parameters written in (EXPLAIN takes none). */
  async function plan(q: { compile(): { sql: string; parameters: readonly unknown[] } }): Promise<string> {
    const { sql: text, parameters } = q.compile();
    let k = 0;
    const value = () => {
      const p = parameters[k++];
      return typeof p === 'number' ? String(p) : `'${String(p)}'`;
    };
    if (dialect === 'sqlite') {
      const rows = await sql.raw<{ detail: string }>(`EXPLAIN QUERY PLAN ${text.replace(/\?/g, value)}`).execute(get().db);
      return rows.rows.map((r) => r.detail).join('\n');
    }
    return get().db.transaction().execute(async (tx) => {
      // Only where the table is too small to plan from (an empty one is read whole whatever its indexes).
      if (!/archive_items/.test(text)) await sql`SET LOCAL enable_seqscan = off`.execute(tx);
      const rows = await sql.raw<{ 'QUERY PLAN': string }>(`EXPLAIN ${text.replace(/\$\d+/g, value)}`).execute(tx);
      return rows.rows.map((r) => r['QUERY PLAN']).join('\n');
    });
  }

  it('finds the items whose retention ended through archive_items_retention, with or without a category or a cursor', async () => {
    for (const q of [eligible(), eligible('comments'), eligible(undefined, 3)]) {
      const p = await plan(q);
      expect(p).toContain('archive_items_retention');
      expect(p).not.toMatch(/^SCAN archive_items$|Seq Scan on archive_items/m);
    }
    expect((await eligible().execute()).map((r) => r.seq).map(Number)).toEqual(Array.from({ length: ELIGIBLE }, (_, i) => i + 1));
    expect((await eligible('comments').execute()).map((r) => Number(r.seq))).toEqual([1, 3, 5, 7, 9]);
  });

  it('finds the open records requests that collected an item by the item (records_request_items_item)', async () => {
    const q = get().db.selectFrom('records_request_items').select('request_id').where('archive_item_id', '=', 'ret-1');
    const p = await plan(q);
    expect(p).toContain('records_request_items_item');
  });
});
