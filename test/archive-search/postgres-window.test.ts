import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaptureInput } from '../../src/modules/archive/index.ts';
import { filterConditions, RANK_WINDOW, seqBounds, whereAll, type EngineRow } from '../../src/modules/archive-search/engine.ts';
import { normalizeFilters } from '../../src/modules/archive-search/filters.ts';
import { createPostgresEngine } from '../../src/modules/archive-search/postgres.ts';
import { parseQuery, toWebsearch } from '../../src/modules/archive-search/query.ts';
import type { NormalizedFilters, SearchFilters } from '../../src/modules/archive-search/types.ts';
import { createTestContext, type TestContext } from '../context.ts';
import { postgresUrl } from '../dialects.ts';

/**
 * PostgreSQL finds the ranking window round by round (a walk of the newest rows, then stretches
 * of the archive through the GIN index, then the rest): every page must be the one a single
 * query over the whole archive gives — the same items, scores, order and "ranked within".
 */
describe.skipIf(!postgresUrl)('archive search (PostgreSQL): the ranking window read in rounds', () => {
  let ctx: TestContext | undefined;
  const get = (): TestContext => {
    if (!ctx) throw new Error('context not ready');
    return ctx;
  };
  const ITEMS = RANK_WINDOW + 700;
  beforeAll(async () => {
    ctx = await createTestContext('postgres');
    const inputs: CaptureInput[] = Array.from({ length: ITEMS }, (_, i) => ({
      kind: i % 4 === 0 ? 'post_version' : 'comment',
      sourceId: `window-${i}`,
      departmentId: [null, 'dept-pw', 'dept-parks'][i % 3]!,
      platformId: i % 5 === 0 ? 'plat-fb' : null,
      native: { i },
      // "kiosk" everywhere (a varying number of times, so scores differ), "blue kiosk" in half,
      // "lantern" in one in seven, "beacon" only in the oldest items, "harbor" in one in ninety,
      // "tide" in all of the newest 200 and one in ten before.
      renderedText: `${i % 2 === 0 ? 'blue' : 'red'} ${'kiosk '.repeat(1 + (i % 5))}near the ${i % 7 === 0 ? 'lantern' : 'bench'}${i < 200 && i % 9 === 0 ? ' beacon' : ''}${i % 90 === 0 ? ' harbor' : ''}${i >= ITEMS - 200 || i % 10 === 0 ? ' tide' : ''} number ${i} ${'filler words '.repeat(i % 4)}`,
      // Created over 34 days, 50 items a day.
      metadata: { createdOnPlatformAt: new Date(Date.UTC(2026, 2, 1) + Math.floor(i / 50) * 86_400_000 + (i % 50) * 60_000).toISOString() },
    }));
    await get().db.db.transaction().execute((tx) => get().archive.captureMany(tx, inputs));
  }, 120_000);
  afterAll(() => ctx?.close());

  /** The window as one query over everything (the plain statement of what the rounds find), ranked and paged. */
  async function reference(q: string, f: NormalizedFilters, after: EngineRow | null): Promise<EngineRow[]> {
    const tq = sql`websearch_to_tsquery('english', ${toWebsearch(parseQuery(q)!)})`;
    const page = after ? sql`WHERE (w.score < ${after.score}::real OR (w.score = ${after.score}::real AND w.seq > ${after.seq}))` : sql``;
    const r = await sql<{ seq: number; score: number; n: string }>`
      SELECT w.seq, w.score, w.n FROM (
        SELECT m.seq, ts_rank(m.document, tq.q) AS score, count(*) OVER () AS n FROM (
          SELECT e.seq, e.document FROM archive_search_entries e CROSS JOIN ${tq} AS tq(q)
          ${whereAll([sql`e.document @@ tq.q`, ...filterConditions(f, 'e.seq', 'e')])} ORDER BY e.seq DESC LIMIT ${RANK_WINDOW}
        ) m CROSS JOIN ${tq} AS tq(q)
      ) w ${page} ORDER BY w.score DESC, w.seq ASC LIMIT 20`.execute(get().db.db);
    return r.rows.map((row) => ({ seq: Number(row.seq), score: Number(row.score), windowFull: Number(row.n) >= RANK_WINDOW }));
  }

  const cases: [string, SearchFilters][] = [
    ['kiosk', {}], // every item: the window is full within the first walk
    ['lantern', {}], // one in seven: walks, then stretches
    ['"blue kiosk"', {}], // a phrase in half
    ['beacon', {}], // only among the oldest: nothing in the newest rows, then the rest at once
    ['harbor', {}], // rare and spread out
    ['kiosk -lantern', {}],
    ['kiosk', { department: 'city' }], // no department: NULL in the row
    ['lantern', { department: 'dept-pw' }],
    ['"blue kiosk"', { platform: 'plat-fb' }],
    ['kiosk', { kind: 'post_version', department: 'dept-parks' }],
    ['kiosk', { dateField: 'created', from: '2026-03-05T00:00:00Z', to: '2026-03-09T12:00:00Z' }], // a few days of creation
    ['lantern', { dateField: 'created', from: '2026-03-02' }], // open-ended
    ['tide', {}], // dense among the newest, sparse before: a stretch, then a wider one
    ['tide', { department: 'city' }],
    ['nothingmatches', {}],
  ];

  it('[IV.A.13] a walk, stretches of the archive and the rest: the same two pages as one query over everything', async () => {
    const ex = get().db.db;
    // Small walks and stretches of 16 seqs make a 1,700-item archive take every kind of round.
    const small = { bucketShift: 4, maxWalk: 60, maxBuckets: 128 };
    for (const engine of [createPostgresEngine(20, small), createPostgresEngine(1, small), createPostgresEngine(20, { ...small, maxBuckets: 4 }), createPostgresEngine(20, { ...small, maxWalk: 100_000 }), createPostgresEngine()]) {
      for (const [q, filters] of cases) {
        const f = normalizeFilters(get().pack, filters);
        const first = await engine.page(ex, parseQuery(q), f, null, 20);
        const expected = await reference(q, f, null);
        expect(first, `${q} ${JSON.stringify(filters)}`).toEqual(expected);
        if (first.length === 0) {
          expect(q).toBe('nothingmatches');
          continue;
        }
        const last = first[first.length - 1]!;
        const second = await engine.page(ex, parseQuery(q), f, { score: last.score, seq: last.seq }, 20);
        expect(second, `${q} ${JSON.stringify(filters)} page 2`).toEqual(await reference(q, f, last));
      }
    }
    // The cases cover a full window and a partial one.
    const f = normalizeFilters(get().pack, {});
    expect((await createPostgresEngine(20, small).page(ex, parseQuery('kiosk'), f, null, 20)).every((r) => r.windowFull)).toBe(true);
    expect((await createPostgresEngine(20, small).page(ex, parseQuery('lantern'), f, null, 20)).some((r) => r.windowFull)).toBe(false);
  }, 120_000);

  it('[IV.A.13] a capture-date range after the newest item: an empty page, searched or browsed, and nothing to collect', async () => {
    const ex = get().db.db;
    const engine = createPostgresEngine();
    const f = await seqBounds(ex, 'postgres', normalizeFilters(get().pack, { from: '2099-01-01' }));
    expect(await engine.page(ex, parseQuery('kiosk'), f, null, 20)).toEqual([]);
    expect(await engine.page(ex, null, f, null, 20)).toEqual([]);
    expect(await engine.all(ex, parseQuery('kiosk'), f, 100)).toEqual([]);
  }, 60_000);
});
