import { authorize } from '../../authz/index.ts';
import type { Executor, Row } from '../../db/index.ts';
import { actorId, type Actor } from '../../kernel/actor.ts';
import { toIso, toJson } from '../../kernel/codec.ts';
import { conflict, invalidInput, notFound, policyRefusal } from '../../kernel/errors.ts';
import { newId } from '../../kernel/ids.ts';
import { hasClause } from '../../policy/index.ts';
import type { ArchiveSearchDeps } from './deps.ts';
import { seqBounds } from './engine.ts';
import { normalizeFilters } from './filters.ts';
import { archiveSearchPolicy } from './policy.ts';
import { parseQuery } from './query.ts';
import type { createSavedSearches } from './saved.ts';
import { engineFor } from './search.ts';
import type { CollectResult, CollectedItem, SearchFilters } from './types.ts';

/** More than this many items in one collection is refused: narrow the search (a request is answered item by item). */
export const MAX_COLLECT = 5000;
const MAX_IDS = 1000;
const CHUNK = 500;

export type CollectInput = { savedSearchId: string; itemIds?: undefined } | { itemIds: string[]; savedSearchId?: undefined };

/**
 * Collecting archive items into a records request (IV.A.11): the results of a saved search as it
 * runs now, or a list of item ids. Each collection records who ran which search and when; an item
 * already collected for the request is not added twice.
 */
export function createCollections(deps: ArchiveSearchDeps, saved: ReturnType<typeof createSavedSearches>) {
  const { db, dialect, clock, pack, audit } = deps;
  const cite = (...ids: string[]) => ids.filter((id) => hasClause(pack, id));

  async function request(ex: Executor, id: string): Promise<Row<'records_requests'>> {
    const r = await ex.selectFrom('records_requests').selectAll().where('id', '=', id).executeTakeFirst();
    if (!r) throw notFound('Records request', id);
    return r;
  }

  async function collect(actor: Actor, requestId: string, input: CollectInput): Promise<CollectResult> {
    authorize(archiveSearchPolicy, actor, 'archive_search.collect', null);
    const hasSearch = typeof input.savedSearchId === 'string';
    if (hasSearch === Array.isArray(input.itemIds)) throw invalidInput('savedSearchId', 'give either a saved search or a list of archive item ids, not both');
    return db.transaction().execute(async (tx) => {
      const r = await request(tx, requestId);
      if (r.status === 'closed') throw conflict(`Records request ${r.reference} is closed: nothing more can be collected for it`, cite('IV.A.11'));
      let found: { seq: number; id: string }[];
      let search: { id: string; name: string; query: string; filters: SearchFilters } | null = null;
      if (input.savedSearchId !== undefined) {
        const s = await saved.load(tx, input.savedSearchId);
        search = { id: s.id, name: s.name, query: s.query, filters: JSON.parse(s.filters) as SearchFilters };
        found = await engineFor(dialect).all(tx, parseQuery(s.query), await seqBounds(tx, dialect, normalizeFilters(pack, search.filters)), MAX_COLLECT + 1);
        if (found.length > MAX_COLLECT) throw policyRefusal(`Saved search "${s.name}" matches more than ${MAX_COLLECT.toLocaleString('en-US')} archive items: narrow it before collecting`, cite('IV.A.11'));
      } else {
        const ids = [...new Set(input.itemIds ?? [])];
        if (ids.length === 0) throw invalidInput('itemIds', 'name at least one archive item');
        if (ids.length > MAX_IDS) throw invalidInput('itemIds', `at most ${MAX_IDS} ids at a time`);
        found = [];
        for (let i = 0; i < ids.length; i += CHUNK) {
          const rows = await tx.selectFrom('archive_items').select(['seq', 'id']).where('id', 'in', ids.slice(i, i + CHUNK)).execute();
          found.push(...rows.map((x) => ({ seq: Number(x.seq), id: x.id })));
        }
        const missing = ids.filter((id) => !found.some((f) => f.id === id));
        if (missing.length) throw invalidInput('itemIds', `not in the archive: ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ` and ${missing.length - 5} more` : ''}`);
        const destroyed: string[] = [];
        for (let i = 0; i < ids.length; i += CHUNK) destroyed.push(...(await tx.selectFrom('archive_dispositions').select('item_id').where('item_id', 'in', ids.slice(i, i + CHUNK)).execute()).map((x) => x.item_id));
        if (destroyed.length) throw invalidInput('itemIds', `destroyed under the retention schedule (disposition), nothing left to collect: ${destroyed.slice(0, 5).join(', ')}`);
      }
      // Lock the request's row (PostgreSQL) so two collections for it take turns instead of colliding on an item.
      await tx.updateTable('records_requests').set((eb) => ({ status: eb.ref('status') })).where('id', '=', requestId).execute();
      const already = new Set<string>();
      for (let i = 0; i < found.length; i += CHUNK) {
        const rows = await tx.selectFrom('records_request_items').select('archive_item_id').where('request_id', '=', requestId).where('archive_item_id', 'in', found.slice(i, i + CHUNK).map((f) => f.id)).execute();
        for (const x of rows) already.add(x.archive_item_id);
      }
      const now = toIso(clock.now());
      const by = actorId(actor) ?? 'system';
      const collectionId = newId();
      const fresh = found.filter((f) => !already.has(f.id));
      await tx
        .insertInto('records_request_collections')
        .values({ id: collectionId, request_id: requestId, saved_search_id: search?.id ?? null, query: search?.query ?? null, filters: search ? toJson(search.filters) : null, explicit_ids: search ? 0 : 1, matched: found.length, added: fresh.length, collected_by: by, collected_at: now })
        .execute();
      for (let i = 0; i < fresh.length; i += CHUNK) {
        await tx
          .insertInto('records_request_items')
          .values(fresh.slice(i, i + CHUNK).map((f) => ({ id: newId(), request_id: requestId, archive_item_id: f.id, archive_seq: f.seq, collection_id: collectionId, collected_at: now })))
          .execute();
      }
      await audit.record(tx, actor, {
        action: 'records_request.items_collected',
        targetType: 'records_request',
        targetId: requestId,
        targetLabel: `Records request ${r.reference}`,
        after: { collectionId, savedSearch: search ? { id: search.id, name: search.name, query: search.query, filters: search.filters } : null, matched: found.length, added: fresh.length },
        clauses: cite('IV.A.11'),
      });
      return { collectionId, matched: found.length, added: fresh.length, alreadyCollected: found.length - fresh.length };
    });
  }

  /** What a request has collected, in capture order (keyset by seq). */
  async function collected(actor: Actor, requestId: string, options: { after?: number; limit?: number } = {}): Promise<{ items: CollectedItem[]; next: number | null }> {
    authorize(archiveSearchPolicy, actor, 'archive_search.collected', null);
    await request(db, requestId);
    const limit = Math.min(Math.max(options.limit ?? 100, 1), 500);
    let q = db
      .selectFrom('records_request_items as ri')
      .innerJoin('archive_items as a', 'a.id', 'ri.archive_item_id')
      .innerJoin('records_request_collections as c', 'c.id', 'ri.collection_id')
      .leftJoin('archive_saved_searches as s', 's.id', 'c.saved_search_id')
      .leftJoin('persons as p', 'p.id', 'c.collected_by')
      .select(['ri.archive_item_id', 'ri.archive_seq', 'ri.collected_at', 'a.kind', 'a.captured_at', 'a.department_id', 'a.platform_id', 'c.id as collection_id', 'c.saved_search_id', 'c.query', 'c.explicit_ids', 'c.collected_by', 's.name as saved_search_name', 'p.name as collected_by_name'])
      .select((eb) => eb.fn<string>('substr', ['a.rendered_text', eb.val(1), eb.val(241)]).as('head'))
      .where('ri.request_id', '=', requestId)
      .orderBy('ri.archive_seq')
      .limit(limit);
    if (options.after !== undefined) q = q.where('ri.archive_seq', '>', options.after);
    const rows = await q.execute();
    const items = rows.map((x) => ({
      archiveItemId: x.archive_item_id,
      seq: Number(x.archive_seq),
      kind: x.kind,
      capturedAt: x.captured_at,
      departmentId: x.department_id,
      platformId: x.platform_id,
      excerpt: (x.head ?? '').length > 240 ? `${(x.head ?? '').slice(0, 240)}…` : (x.head ?? ''),
      collectedAt: x.collected_at,
      collection: { id: x.collection_id, savedSearchId: x.saved_search_id, savedSearchName: x.saved_search_name ?? null, query: x.query, explicitIds: Number(x.explicit_ids) === 1, collectedBy: x.collected_by, collectedByName: x.collected_by_name ?? null },
    }));
    return { items, next: rows.length === limit ? items[items.length - 1]!.seq : null };
  }

  return { collect, collected };
}
