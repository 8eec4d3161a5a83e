import type { Policy } from '../../../src/authz/index.ts';
import { archivePolicy } from '../../../src/modules/archive/index.ts';
import type { Fixture, World } from '../matrix-fixtures.ts';

/** One archived record, captured the way a writer does: inside a transaction. */
async function archivedItem(w: World): Promise<string> {
  const i = w.seq();
  const item = await w.ctx.db.db.transaction().execute((tx) =>
    w.ctx.archive.capture(tx, { kind: 'comment', sourceId: `matrix-comment-${i}`, departmentId: w.dept('PW'), platformId: null, native: { text: `Matrix comment ${i}` }, renderedText: `Matrix comment ${i}` }),
  );
  return item.id;
}

/** Matrix fixtures for the archive's routes (see test/api/matrix-fixtures.ts for the shape). */
export const archiveFixtures: Record<string, Fixture> = {
  'GET /api/archive/items': async (w) => ({ query: `kind=comment&department=${w.dept('PW')}&from=2026-01-01&limit=5`, resource: null }),
  'GET /api/archive/items/:id': async (w) => ({ params: { id: await archivedItem(w) }, resource: null }),
  'GET /api/archive/verify': async () => ({ resource: null }),
};

/** The archive module's policy, keyed by the module name used in its routes' actions ('archive:…'). */
export const archivePolicies: Record<string, Policy> = { archive: archivePolicy };
