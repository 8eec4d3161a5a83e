import type { Policy } from '../../../src/authz/index.ts';
import { archiveImportPolicy } from '../../../src/modules/archive-import/index.ts';
import type { Fixture, World } from '../matrix-fixtures.ts';

/** An import row that already failed: reading it is allowed or not, and nothing runs. */
async function failedImport(w: World): Promise<string> {
  const id = `matrix-import-${w.seq()}`;
  const at = w.ctx.clock.now().toISOString();
  await w.ctx.db.db.insertInto('archive_imports').values({ id, format: 'x-archive', platform_id: null, account_handle: null, file_name: 'matrix.zip', file_bytes: 4, file_sha256: '0'.repeat(64), status: 'failed', requested_by: null, requested_by_label: 'matrix', requested_at: at, started_at: at, heartbeat_at: at, finished_at: at, report_json: null, error: 'matrix' }).execute();
  return id;
}

/** Matrix fixtures for the archive import routes (see test/api/matrix-fixtures.ts for the shape). */
export const archiveImportFixtures: Record<string, Fixture> = {
  'GET /api/archive/imports': async () => ({ resource: null }),
  // No body: an allowed caller is told the upload is empty or unscanned (4xx), a refused one 403.
  'POST /api/archive/imports': async () => ({ query: 'format=x-archive&filename=twitter.zip', resource: null }),
  'GET /api/archive/imports/:id': async (w) => ({ params: { id: await failedImport(w) }, resource: null }),
};

/** The archive import module's policy, keyed by the module name used in its routes' actions ('archive-import:…'). */
export const archiveImportPolicies: Record<string, Policy> = { 'archive-import': archiveImportPolicy };
