import { authorize } from '../../authz/index.ts';
import type { Actor } from '../../kernel/actor.ts';
import { createCollections } from './collect.ts';
import type { ArchiveSearchDeps } from './deps.ts';
import { archiveSearchPolicy } from './policy.ts';
import { createSavedSearches } from './saved.ts';
import { runSearch, type SearchInput } from './search.ts';
import type { SearchPage } from './types.ts';

/**
 * Archive search (SPEC §5): full text and filters over the records archive, saved searches, and
 * collecting results into a records request (IV.A.11). The index is kept in step with captures by
 * the database (migration 0013), so nothing here writes to it.
 */
export function createArchiveSearchService(deps: ArchiveSearchDeps) {
  const { db, dialect, pack } = deps;
  const saved = createSavedSearches(deps);
  const collections = createCollections(deps, saved);

  async function search(actor: Actor, input: SearchInput): Promise<SearchPage> {
    authorize(archiveSearchPolicy, actor, 'archive_search.search', null);
    const { hits, next, rankedWithin } = await runSearch(db, dialect, pack, input);
    return { hits, next, rankedWithin };
  }

  /** Runs a saved search again, as it stands in the archive now. */
  async function rerun(actor: Actor, savedSearchId: string, page: { cursor?: string | null; limit?: number } = {}): Promise<SearchPage & { savedSearch: Awaited<ReturnType<typeof saved.get>> }> {
    const s = await saved.get(actor, savedSearchId);
    const { hits, next, rankedWithin } = await runSearch(db, dialect, pack, { q: s.query, filters: s.filters, ...page });
    return { savedSearch: s, hits, next, rankedWithin };
  }

  return { search, rerun, save: saved.save, listSaved: saved.list, getSaved: saved.get, deleteSaved: saved.remove, collect: collections.collect, collected: collections.collected };
}

export type ArchiveSearchService = ReturnType<typeof createArchiveSearchService>;
