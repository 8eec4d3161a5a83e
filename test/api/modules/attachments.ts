import type { Policy } from '../../../src/authz/index.ts';
import { newId } from '../../../src/kernel/ids.ts';
import { attachmentsPolicy } from '../../../src/modules/attachments/index.ts';
import type { Fixture, World } from '../matrix-fixtures.ts';

/**
 * A Public Works image uploaded by the demo's poster, written straight to the table: the matrix
 * context has no virus scanner, and the subject here is who may reach it. Its file is not on
 * disk, so a permitted preview answers 404 (not a deny).
 */
async function freshAttachment(w: World) {
  const id = newId();
  const now = w.ctx.clock.now().toISOString();
  const departmentId = w.dept('PW');
  const uploadedBy = w.person('jpatel@carsonca.gov');
  await w.ctx.db.db
    .insertInto('attachments')
    .values({ id, kind: 'image', mime_type: 'image/png', filename: `matrix-${w.seq()}.png`, size_bytes: 10, original_sha256: 'a'.repeat(64), stored_sha256: 'b'.repeat(64), status: 'clean', scanner: 'matrix', scan_signature: null, scanned_at: now, width: 1, height: 1, department_id: departmentId, uploaded_by: uploadedBy, uploaded_at: now, alt_text: null, caption_text: null, caption_file_id: null, city_website_url: null, photo_at_public_event: null, photo_attested_by: null, photo_attested_at: null, ownership: null, permission_json: null, uses_city_seal: null, seal_authorization: null, updated_at: now })
    .execute();
  return { id, resource: { departmentId, uploadedBy } };
}

/** Matrix fixtures for the attachments module's routes (see test/api/matrix-fixtures.ts for the shape). */
export const attachmentsFixtures: Record<string, Fixture> = {
  // No body: a permitted caller is told to send the file (400), a refused one is refused first.
  'POST /api/attachments': async () => ({ query: 'filename=park.png', resource: null }),
  'GET /api/attachments/:id': async (w) => {
    const a = await freshAttachment(w);
    return { params: { id: a.id }, resource: a.resource };
  },
  'PATCH /api/attachments/:id': async (w) => {
    const a = await freshAttachment(w);
    return { params: { id: a.id }, body: { ownership: 'city', usesCitySeal: false }, resource: a.resource };
  },
  'GET /api/attachments/:id/file': async (w) => {
    const a = await freshAttachment(w);
    return { params: { id: a.id }, resource: a.resource };
  },
};

/** The attachments module's policy, keyed by the module name used in its routes' actions ('attachments:…'). */
export const attachmentsPolicies: Record<string, Policy> = { attachments: attachmentsPolicy };
