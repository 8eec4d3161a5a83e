import type { Policy } from '../../../src/authz/index.ts';
import { productionsPolicy } from '../../../src/modules/productions/index.ts';
import type { Fixture, World } from '../matrix-fixtures.ts';

/** A production row that already failed: reading it is allowed or not, and nothing runs. */
async function failedProduction(w: World): Promise<string> {
  const id = `matrix-production-${w.seq()}`;
  const at = w.ctx.clock.now().toISOString();
  await w.ctx.db.db.insertInto('productions').values({ id, format: 'warc', filters_json: '{}', bates_prefix: 'CARSON', status: 'failed', requested_by: null, requested_by_label: 'matrix', requested_at: at, started_at: at, heartbeat_at: at, finished_at: at, phase: null, item_count: null, first_bates: null, last_bates: null, result_file: null, result_bytes: null, result_sha256: null, error: 'matrix' }).execute();
  return id;
}

/** Matrix fixtures for the productions routes (see test/api/matrix-fixtures.ts for the shape). */
export const productionsFixtures: Record<string, Fixture> = {
  'GET /api/productions': async () => ({ resource: null }),
  // A filter that selects nothing on the matrix's database: the job, when allowed, is quick.
  'POST /api/productions': async () => ({ body: { format: 'warc', filter: { from: '2000-01-01', to: '2000-01-02' } }, resource: null }),
  'GET /api/productions/:id': async (w) => ({ params: { id: await failedProduction(w) }, resource: null }),
  'GET /api/productions/:id/download': async (w) => ({ params: { id: await failedProduction(w) }, resource: null }),
  'GET /api/productions/:id/custody': async (w) => ({ params: { id: await failedProduction(w) }, resource: null }),
};

/** The productions module's policy, keyed by the module name used in its routes' actions ('productions:…'). */
export const productionsPolicies: Record<string, Policy> = { productions: productionsPolicy };
