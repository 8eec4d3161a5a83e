import { authorize } from '../../authz/index.ts';
import type { Executor, Row } from '../../db/index.ts';
import { actorId, type Actor } from '../../kernel/actor.ts';
import { fromJson, toIso, toJson } from '../../kernel/codec.ts';
import { invalidInput, notFound } from '../../kernel/errors.ts';
import { newId } from '../../kernel/ids.ts';
import type { ArchiveSearchDeps } from './deps.ts';
import { cleanFilters, normalizeFilters } from './filters.ts';
import { archiveSearchPolicy } from './policy.ts';
import { parseQuery } from './query.ts';
import type { SavedSearch, SearchFilters } from './types.ts';

export interface SaveSearchInput {
  name: string;
  q?: string | null;
  filters?: SearchFilters;
}

export const MAX_NAME = 120;

const toSaved = (r: Row<'archive_saved_searches'>, ownerName: string | null): SavedSearch => ({
  id: r.id,
  name: r.name,
  query: r.query,
  filters: fromJson<SearchFilters>(r.filters) ?? {},
  ownerId: r.owner_id,
  ownerName,
  createdAt: r.created_at,
});

/** Saved searches: shared by the records team, re-run later, deleted (softly, audited) by their owner. */
export function createSavedSearches(deps: ArchiveSearchDeps) {
  const { db, clock, pack, audit } = deps;

  async function load(ex: Executor, id: string): Promise<Row<'archive_saved_searches'>> {
    const r = await ex.selectFrom('archive_saved_searches').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
    if (!r) throw notFound('Saved search', id);
    return r;
  }

  async function ownerName(ex: Executor, id: string): Promise<string | null> {
    return (await ex.selectFrom('persons').select('name').where('id', '=', id).executeTakeFirst())?.name ?? null;
  }

  async function save(actor: Actor, input: SaveSearchInput): Promise<SavedSearch> {
    authorize(archiveSearchPolicy, actor, 'archive_search.save', null);
    const owner = actorId(actor);
    if (!owner) throw invalidInput('actor', 'a saved search belongs to a person');
    const name = typeof input.name === 'string' ? input.name.trim() : '';
    if (name === '') throw invalidInput('name', 'give the search a name');
    if (name.length > MAX_NAME) throw invalidInput('name', `is longer than ${MAX_NAME} characters`);
    const query = (input.q ?? '').trim();
    // Checked now, so a saved search always re-runs.
    parseQuery(query);
    const filters = cleanFilters(input.filters);
    normalizeFilters(pack, filters);
    return db.transaction().execute(async (tx) => {
      const row: Row<'archive_saved_searches'> = { id: newId(), name, query, filters: toJson(filters), owner_id: owner, created_at: toIso(clock.now()), deleted_at: null, deleted_by: null };
      await tx.insertInto('archive_saved_searches').values(row).execute();
      await audit.record(tx, actor, { action: 'archive_search.saved', targetType: 'archive_saved_search', targetId: row.id, targetLabel: `Saved search "${name}"`, after: { name, query, filters } });
      return toSaved(row, await ownerName(tx, owner));
    });
  }

  async function list(actor: Actor, options: { mine?: boolean } = {}): Promise<SavedSearch[]> {
    authorize(archiveSearchPolicy, actor, 'archive_search.search', null);
    let q = db.selectFrom('archive_saved_searches as s').leftJoin('persons as p', 'p.id', 's.owner_id').selectAll('s').select('p.name as owner_name').where('s.deleted_at', 'is', null);
    if (options.mine) q = q.where('s.owner_id', '=', actorId(actor) ?? '');
    const rows = await q.orderBy('s.created_at', 'desc').orderBy('s.id').limit(500).execute();
    return rows.map((r) => toSaved(r, r.owner_name ?? null));
  }

  async function get(actor: Actor, id: string): Promise<SavedSearch> {
    authorize(archiveSearchPolicy, actor, 'archive_search.search', null);
    const r = await load(db, id);
    return toSaved(r, await ownerName(db, r.owner_id));
  }

  async function remove(actor: Actor, id: string): Promise<void> {
    await db.transaction().execute(async (tx) => {
      const r = await load(tx, id);
      authorize(archiveSearchPolicy, actor, 'archive_search.delete', { ownerId: r.owner_id });
      const now = toIso(clock.now());
      const done = await tx.updateTable('archive_saved_searches').set({ deleted_at: now, deleted_by: actorId(actor) }).where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
      if (Number(done.numUpdatedRows) !== 1) throw notFound('Saved search', id);
      await audit.record(tx, actor, { action: 'archive_search.deleted', targetType: 'archive_saved_search', targetId: id, targetLabel: `Saved search "${r.name}"`, before: { name: r.name, query: r.query, filters: fromJson(r.filters) } });
    });
  }

  return { save, list, get, remove, load };
}
