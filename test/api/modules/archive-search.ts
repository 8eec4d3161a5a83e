import type { Policy } from '../../../src/authz/index.ts';
import { archiveSearchPolicy } from '../../../src/modules/archive-search/index.ts';
import type { Fixture, World } from '../matrix-fixtures.ts';

/** One archived record, captured the way a writer does: inside a transaction. */
async function archivedItem(w: World): Promise<string> {
  const i = w.seq();
  const item = await w.ctx.db.db.transaction().execute((tx) =>
    w.ctx.archive.capture(tx, { kind: 'comment', sourceId: `matrix-search-${i}`, departmentId: w.dept('PW'), platformId: null, native: { text: `Matrix search comment ${i}` }, renderedText: `Matrix search comment ${i} about the water main` }),
  );
  return item.id;
}

/** A saved search owned by the City Clerk persona (only its owner may delete it). */
async function savedSearch(w: World): Promise<{ id: string; ownerId: string }> {
  const clerk = await w.ctx.people.actorFor(w.person('clerk@carsonca.gov'));
  if (!clerk) throw new Error('matrix world: no clerk');
  const s = await w.ctx.archiveSearch.save(clerk, { name: `Matrix search ${w.seq()}`, q: 'water main', filters: { kind: 'comment' } });
  return { id: s.id, ownerId: s.ownerId };
}

const request = async (w: World) => w.ctx.recordsRequests.create(w.system, { description: `Matrix records request ${w.seq()}`, email: 'requester@example.org' });

/** Matrix fixtures for archive search's routes (see test/api/matrix-fixtures.ts for the shape). */
export const archiveSearchFixtures: Record<string, Fixture> = {
  'GET /api/archive/search': async () => ({ query: 'q=water%20main&kind=comment&from=2026-01-01&limit=5', resource: null }),
  'GET /api/archive/saved-searches': async () => ({ query: 'mine=1', resource: null }),
  'POST /api/archive/saved-searches': async (w) => ({ body: { name: `Matrix saved ${w.seq()}`, q: '"water main" -sewer', filters: { department: w.dept('PW') } }, resource: null }),
  'GET /api/archive/saved-searches/:id/results': async (w) => ({ params: { id: (await savedSearch(w)).id }, query: 'limit=5', resource: null }),
  'DELETE /api/archive/saved-searches/:id': async (w) => {
    const s = await savedSearch(w);
    return { params: { id: s.id }, resource: { ownerId: s.ownerId } };
  },
  'POST /api/records-requests/:id/collect': async (w) => ({ params: { id: (await request(w)).id }, body: { itemIds: [await archivedItem(w)] }, resource: null }),
  'GET /api/records-requests/:id/collected': async (w) => ({ params: { id: (await request(w)).id }, resource: null }),
};

/** The module's policy, keyed by the module name used in its routes' actions ('archive-search:…'). */
export const archiveSearchPolicies: Record<string, Policy> = { 'archive-search': archiveSearchPolicy };
