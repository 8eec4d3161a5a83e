import { Migrator, sql } from 'kysely';
import { expect, it } from 'vitest';
import { migrateToLatest, openDatabase, type DbHandle } from '../../src/db/index.ts';
import { migrations } from '../../src/db/migrations/index.ts';
import { systemActor } from '../../src/kernel/actor.ts';
import type { ArchiveMetadata } from '../../src/modules/archive/index.ts';
import { createArchiveSearchService, type SearchFilters } from '../../src/modules/archive-search/index.ts';
import { archiveOn, pack } from '../archive/support.ts';
import { createScratchPostgres, dialects } from '../dialects.ts';

/** Migration 0013 on an archive that already holds items: they are searchable once it has run. */
for (const dialect of dialects) {
  it(`[IV.A.13] items archived before the search index existed are indexed by its migration, and later captures by the trigger [${dialect}]`, async () => {
    let h: DbHandle;
    let drop: (() => Promise<void>) | undefined;
    if (dialect === 'sqlite') h = openDatabase({ kind: 'sqlite', file: ':memory:' });
    else {
      const scratch = await createScratchPostgres();
      drop = scratch.drop;
      h = openDatabase({ kind: 'postgres', url: scratch.url });
    }
    try {
      const before = Object.fromEntries(Object.entries(migrations).filter(([name]) => name < '0013'));
      const { error } = await new Migrator({ db: h.db, provider: { getMigrations: async () => before } }).migrateToLatest();
      expect(error).toBeUndefined();
      const { archive, clock, audit } = archiveOn(h);
      const captured = await h.db.transaction().execute(async (tx) => [
        await archive.capture(tx, { kind: 'comment', sourceId: 'c1', departmentId: 'dept-pw', platformId: 'plat-fb', native: { t: 1 }, renderedText: 'Sewer overflow on Main Street', metadata: { author: { handle: 'early.bird', name: 'Early Bird' }, createdOnPlatformAt: '2026-11-01T10:00:00Z' } }),
        await archive.capture(tx, { kind: 'moderation_decision', sourceId: 'd1', departmentId: 'dept-pw', platformId: 'plat-fb', native: { t: 2 }, renderedText: 'remove (IV.C.4): sewer spam', metadata: { clauses: ['IV.C.4', 'IV.C.4', 7], decision: 'remove', author: 'not an object' } as unknown as ArchiveMetadata }),
      ]);
      await migrateToLatest(h.db);
      const search = createArchiveSearchService({ db: h.db, dialect: h.dialect, clock, pack, audit });
      const system = systemActor('test');
      const found = await search.search(system, { q: 'sewer' });
      expect(new Set(found.hits.map((x) => x.id))).toEqual(new Set(captured.map((c) => c.id)));
      expect((await search.search(system, { q: '', filters: { clause: 'IV.C.4', status: 'remove' } })).hits.map((x) => x.id)).toEqual([captured[1]!.id]);
      expect((await search.search(system, { q: 'sewer', filters: { author: 'EARLY.BIRD', dateField: 'created', from: '2026-11-01' } })).hits.map((x) => x.id)).toEqual([captured[0]!.id]);
      // A capture after the migration is indexed in its own transaction; a rolled-back capture leaves nothing behind.
      const later = await h.db.transaction().execute((tx) => archive.capture(tx, { kind: 'comment', sourceId: 'c2', departmentId: null, platformId: null, native: { t: 3 }, renderedText: 'Sewer work tonight', metadata: {} }));
      await expect(
        h.db.transaction().execute(async (tx) => {
          await archive.capture(tx, { kind: 'comment', sourceId: 'c3', departmentId: null, platformId: null, native: { t: 4 }, renderedText: 'Sewer rollback', metadata: {} });
          throw new Error('the write failed');
        }),
      ).rejects.toThrow('the write failed');
      expect((await search.search(system, { q: 'sewer' })).hits.map((x) => x.id).sort()).toEqual([...captured.map((c) => c.id), later.id].sort());
      expect((await search.search(system, { q: 'rollback' })).hits).toEqual([]);
      // The archive chain still verifies: the index never touches archive_items.
      expect((await archive.verify()).ok).toBe(true);
    } finally {
      await h.close();
      await drop?.();
    }
  }, 60_000);
}

/** Migration 0018 on an archive already indexed by 0013: the filter columns are backfilled, and later captures fill them. */
for (const dialect of dialects) {
  it(`[IV.A.13] department, platform, kind and capture date filter alike items indexed before migration 0018 (backfilled) and after it (the trigger) [${dialect}]`, async () => {
    let h: DbHandle;
    let drop: (() => Promise<void>) | undefined;
    if (dialect === 'sqlite') h = openDatabase({ kind: 'sqlite', file: ':memory:' });
    else {
      const scratch = await createScratchPostgres();
      drop = scratch.drop;
      h = openDatabase({ kind: 'postgres', url: scratch.url });
    }
    try {
      const before = Object.fromEntries(Object.entries(migrations).filter(([name]) => name < '0018'));
      const { error } = await new Migrator({ db: h.db, provider: { getMigrations: async () => before } }).migrateToLatest();
      expect(error).toBeUndefined();
      const { archive, clock, audit } = archiveOn(h);
      const put = (over: { kind: 'comment' | 'post_version'; departmentId: string | null; platformId: string | null; text: string }) =>
        h.db.transaction().execute((tx) => archive.capture(tx, { kind: over.kind, sourceId: over.text, departmentId: over.departmentId, platformId: over.platformId, native: { t: over.text }, renderedText: over.text, metadata: {} }));
      clock.set(new Date('2026-10-05T18:00:00Z'));
      const old = {
        pwFb: await put({ kind: 'comment', departmentId: 'dept-pw', platformId: 'plat-fb', text: 'Hydrant leaking, old pw fb' }),
        parksX: await put({ kind: 'comment', departmentId: 'dept-parks', platformId: 'plat-x', text: 'Hydrant painted, old parks x' }),
        cityPost: await put({ kind: 'post_version', departmentId: null, platformId: null, text: 'Hydrant flushing, old city post' }),
      };
      await migrateToLatest(h.db);
      clock.set(new Date('2026-11-20T18:00:00Z'));
      const late = {
        pwFb: await put({ kind: 'comment', departmentId: 'dept-pw', platformId: 'plat-fb', text: 'Hydrant open, new pw fb' }),
        parksX: await put({ kind: 'comment', departmentId: 'dept-parks', platformId: 'plat-x', text: 'Hydrant blocked, new parks x' }),
        cityPost: await put({ kind: 'post_version', departmentId: null, platformId: null, text: 'Hydrant testing, new city post' }),
      };
      // The side rows hold the item's own values, whichever way they were filled.
      const rows = await sql<{ item_id: string; kind: string; department_id: string | null; platform_id: string | null; captured_at: string }>`SELECT item_id, kind, department_id, platform_id, captured_at FROM archive_search_entries`.execute(h.db);
      const items = await h.db.selectFrom('archive_items').select(['id', 'kind', 'department_id', 'platform_id', 'captured_at']).execute();
      expect(new Map(rows.rows.map((r) => [r.item_id, [r.kind, r.department_id, r.platform_id, r.captured_at]]))).toEqual(new Map(items.map((i) => [i.id, [i.kind, i.department_id, i.platform_id, i.captured_at]])));
      expect(rows.rows).toHaveLength(6);

      const search = createArchiveSearchService({ db: h.db, dialect: h.dialect, clock, pack, audit });
      const system = systemActor('test');
      const found = async (filters: SearchFilters) => new Set((await search.search(system, { q: 'hydrant', filters })).hits.map((x) => x.id));
      expect(await found({ department: 'dept-pw' })).toEqual(new Set([old.pwFb.id, late.pwFb.id]));
      expect(await found({ department: 'city' })).toEqual(new Set([old.cityPost.id, late.cityPost.id]));
      expect(await found({ platform: 'plat-x' })).toEqual(new Set([old.parksX.id, late.parksX.id]));
      expect(await found({ kind: 'post_version' })).toEqual(new Set([old.cityPost.id, late.cityPost.id]));
      expect(await found({ kind: 'comment', department: 'dept-parks', platform: 'plat-x' })).toEqual(new Set([old.parksX.id, late.parksX.id]));
      expect(await found({ from: '2026-10-01', to: '2026-10-31' })).toEqual(new Set(Object.values(old).map((i) => i.id)));
      expect(await found({ kind: 'comment', from: '2026-11-15' })).toEqual(new Set([late.pwFb.id, late.parksX.id]));
      expect(await found({ department: 'dept-clerk' })).toEqual(new Set());
      expect((await archive.verify()).ok).toBe(true);
    } finally {
      await h.close();
      await drop?.();
    }
  }, 60_000);
}
