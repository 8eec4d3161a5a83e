import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeWithContext } from '../context.ts';

/**
 * The moderation queue's first page must be read off the comments_queue index in order, never by
 * sorting the open backlog: with 1,000,000 comments stored the sort was the slow part
 * (bench/comments/README.md). This is the query src/modules/comments/queue.ts runs.
 */
const PAGE = `select id, severity, captured_at from comments where review_state = 'open' order by severity desc, captured_at asc, id asc limit 26`;

describeWithContext('comments: the queue page query plan', (get, dialect) => {
  it('reads the first page in order from the comments_queue index, without a sort', async () => {
    const db = get().db.db;
    if (dialect === 'sqlite') {
      const plan = (await sql<{ detail: string }>`explain query plan ${sql.raw(PAGE)}`.execute(db)).rows.map((r) => r.detail).join(' | ');
      expect(plan).toContain('comments_queue');
      expect(plan).not.toMatch(/TEMP B-TREE/);
    } else {
      // An empty table makes any plan cheap: forbid the alternatives so the planner says whether the index can serve the order.
      const plan = await db.connection().execute(async (c) => {
        await sql`set enable_seqscan = off`.execute(c);
        await sql`set enable_sort = off`.execute(c);
        await sql`set enable_incremental_sort = off`.execute(c);
        const rows = (await sql<{ 'QUERY PLAN': string }>`explain ${sql.raw(PAGE)}`.execute(c)).rows.map((r) => r['QUERY PLAN']).join('\n');
        await sql`reset all`.execute(c);
        return rows;
      });
      expect(plan).toContain('comments_queue');
      expect(plan).not.toMatch(/Sort/);
    }
  });
});
