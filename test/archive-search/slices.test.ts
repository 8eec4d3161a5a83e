import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaptureInput } from '../../src/modules/archive/index.ts';
import { RANK_WINDOW } from '../../src/modules/archive-search/engine.ts';
import { normalizeFilters } from '../../src/modules/archive-search/filters.ts';
import { createPostgresEngine } from '../../src/modules/archive-search/postgres.ts';
import { parseQuery } from '../../src/modules/archive-search/query.ts';
import type { SearchFilters } from '../../src/modules/archive-search/types.ts';
import { createTestContext, type TestContext } from '../context.ts';
import { postgresUrl } from '../dialects.ts';

/**
 * PostgreSQL looks for a phrase's newest RANK_WINDOW matches in the newest stretch of the archive
 * first, then in wider ones: the pages must be the ones a search over everything gives.
 */
describe.skipIf(!postgresUrl)('archive search (PostgreSQL): the ranking window found stretch by stretch', () => {
  let ctx: TestContext | undefined;
  const get = (): TestContext => {
    if (!ctx) throw new Error('context not ready');
    return ctx;
  };
  beforeAll(async () => {
    ctx = await createTestContext('postgres');
  }, 60_000);
  afterAll(() => ctx?.close());
  const ITEMS = RANK_WINDOW + 400;
  beforeAll(async () => {
    const ctx = get();
    const inputs: CaptureInput[] = Array.from({ length: ITEMS }, (_, i) => ({
      kind: i % 3 === 0 ? 'post_version' : 'comment',
      sourceId: `slice-${i}`,
      departmentId: i % 2 === 0 ? 'dept-pw' : 'dept-parks',
      platformId: i % 3 === 0 ? null : 'plat-fb',
      native: { i },
      // Every item says "kiosk near" (kiosk a varying number of times, so scores differ), half "blue kiosk", one in seven "near the lantern".
      renderedText: `${i % 2 === 0 ? 'blue' : 'red'} ${'kiosk '.repeat(1 + (i % 5))}near the ${i % 7 === 0 ? 'lantern' : 'bench'} number ${i} ${'filler words '.repeat(i % 4)}`,
      metadata: {},
    }));
    await ctx.db.db.transaction().execute((tx) => ctx.archive.captureMany(tx, inputs));
  }, 120_000);

  const stretched = createPostgresEngine(RANK_WINDOW); // the newest RANK_WINDOW seqs first
  const whole = createPostgresEngine(Number.MAX_SAFE_INTEGER); // everything at once

  const pages = async (engine: typeof whole, q: string, filters: SearchFilters) => {
    const ex = get().db.db;
    const f = normalizeFilters(get().pack, filters);
    const first = await engine.page(ex, parseQuery(q), f, null, 20);
    const last = first[first.length - 1]!;
    const second = await engine.page(ex, parseQuery(q), f, { score: last.score, seq: last.seq }, 20);
    return [first, second];
  };

  it('[IV.A.13] a full window within the first stretch, one found only after widening, and a rare word: the same pages as over everything', async () => {
    for (const [q, filters] of [
      ['"kiosk near"', {}], // every item matches: the window is full within the newest stretch
      ['"blue kiosk"', {}], // half do: only a wider stretch holds a full window
      ['"near the lantern"', {}], // rare: fewer matches than a window
      ['"kiosk near"', { department: 'dept-pw' }], // filtered: searched over everything at once
      ['kiosk', {}], // a word: the same
    ] as [string, SearchFilters][]) {
      const a = await pages(stretched, q, filters);
      const b = await pages(whole, q, filters);
      expect(a, `${q} ${JSON.stringify(filters)}`).toEqual(b);
      expect(a[0]!.length).toBe(20);
    }
    // The full window is flagged as such both ways.
    expect((await pages(stretched, '"kiosk near"', {}))[0]!.every((r) => r.windowFull)).toBe(true);
    expect((await pages(stretched, '"near the lantern"', {}))[0]!.some((r) => r.windowFull)).toBe(false);
  }, 120_000);
});
