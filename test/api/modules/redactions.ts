import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import type { Policy } from '../../../src/authz/index.ts';
import { redactionsPolicy } from '../../../src/modules/redactions/index.ts';
import type { Fixture, World } from '../matrix-fixtures.ts';

/** A fresh records request and an archived comment to redact in it. */
async function requestAndItem(w: World): Promise<{ requestId: string; itemId: string }> {
  const i = w.seq();
  const r = await w.ctx.recordsRequests.create(w.system, { description: `Matrix redaction request ${i}`, email: 'requester@example.org' });
  const text = `Matrix comment ${i} from Pat Doe at 555-0100`;
  const item = await w.ctx.db.db.transaction().execute((tx) => w.ctx.archive.capture(tx, { kind: 'comment', sourceId: `matrix-redaction-${i}`, departmentId: null, platformId: null, native: { text }, renderedText: text }));
  return { requestId: r.id, itemId: item.id };
}

/** An archived image attachment whose file is stored where attachments keep them (content-addressed, so rewriting it is harmless). */
async function imageItem(w: World): Promise<{ requestId: string; itemId: string }> {
  const i = w.seq();
  const r = await w.ctx.recordsRequests.create(w.system, { description: `Matrix image redaction ${i}`, email: 'requester@example.org' });
  const bytes = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#3366cc' } }).png().toBuffer();
  const sha = createHash('sha256').update(bytes).digest('hex');
  const dir = join(w.ctx.config.dataDir, 'attachments', sha.slice(0, 2));
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, `${sha}.png`), bytes);
  const native = { id: `matrix-attachment-${i}`, kind: 'image', mime_type: 'image/png', filename: 'matrix.png', stored_sha256: sha, width: 8, height: 8, status: 'clean' };
  const item = await w.ctx.db.db.transaction().execute((tx) => w.ctx.archive.capture(tx, { kind: 'attachment', sourceTable: 'attachments', sourceId: native.id, departmentId: null, platformId: null, native, renderedText: 'matrix.png' }));
  await w.ctx.redactions.mark(w.system, r.id, { itemId: item.id, region: { x: 1, y: 1, w: 3, h: 3 }, exemption: 'personal_privacy' });
  return { requestId: r.id, itemId: item.id };
}

async function marked(w: World, ground?: string) {
  const { requestId, itemId } = await requestAndItem(w);
  const x = await w.ctx.redactions.mark(w.system, requestId, { itemId, span: { start: 0, end: 6 }, ...(ground ? { ground } : { exemption: 'personal_privacy' as const }) });
  return { requestId, itemId, redactionId: x.id };
}

/** Matrix fixtures for the redaction routes (IV.A.11). */
export const redactionsFixtures: Record<string, Fixture> = {
  'GET /api/records-requests/:id/redactions': async (w) => ({ params: { id: (await marked(w)).requestId }, resource: null }),
  'GET /api/records-requests/:id/redactions/log.csv': async (w) => ({ params: { id: (await marked(w)).requestId }, resource: null }),
  'GET /api/records-requests/:id/redactions/items/:itemId': async (w) => {
    const m = await marked(w);
    return { params: { id: m.requestId, itemId: m.itemId }, resource: null };
  },
  'GET /api/records-requests/:id/redactions/items/:itemId/redacted.html': async (w) => {
    const m = await marked(w);
    return { params: { id: m.requestId, itemId: m.itemId }, resource: null };
  },
  'GET /api/records-requests/:id/redactions/items/:itemId/redacted.png': async (w) => {
    const m = await imageItem(w);
    return { params: { id: m.requestId, itemId: m.itemId }, resource: null };
  },
  'POST /api/records-requests/:id/redactions': async (w) => {
    const { requestId, itemId } = await requestAndItem(w);
    return { params: { id: requestId }, body: { itemId, span: { start: 7, end: 14 }, exemption: 'personal_privacy' }, resource: null };
  },
  'POST /api/records-requests/:id/redactions/:redactionId/withdraw': async (w) => {
    const m = await marked(w);
    return { params: { id: m.requestId, redactionId: m.redactionId }, body: { reason: 'Disclosable after all.' }, resource: null };
  },
  'POST /api/records-requests/:id/redactions/:redactionId/approve': async (w) => {
    const m = await marked(w, 'A ground outside the statute list, for the matrix');
    return { params: { id: m.requestId, redactionId: m.redactionId }, body: { note: 'Approved.' }, resource: null };
  },
};

/** The module's policy, keyed by the module name used in its routes' actions ('redactions:…'). */
export const redactionsPolicies: Record<string, Policy> = { redactions: redactionsPolicy };
