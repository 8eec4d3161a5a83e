import { Migrator } from 'kysely';
import { expect, it } from 'vitest';
import { migrateToLatest, openDatabase, type DbHandle } from '../../src/db/index.ts';
import { migrations } from '../../src/db/migrations/index.ts';
import { systemActor } from '../../src/kernel/actor.ts';
import type { ArchiveMetadata } from '../../src/modules/archive/index.ts';
import { createArchiveSearchService } from '../../src/modules/archive-search/index.ts';
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
