import type { Policy } from '../../../src/authz/index.ts';
import { retentionPolicy } from '../../../src/modules/retention/index.ts';
import type { Fixture, World } from '../matrix-fixtures.ts';

const CONSENT = 'The City Attorney consents in writing to the destruction of these records.';

/** An archived record from 2023: its retention (current year + 2) ended on 2026-01-01. */
async function oldItem(w: World): Promise<string> {
  const i = w.seq();
  const item = await w.ctx.db.db.transaction().execute((tx) =>
    w.ctx.archive.capture(tx, { kind: 'comment', sourceId: `matrix-old-comment-${i}`, departmentId: null, platformId: null, native: { text: `Old comment ${i}` }, renderedText: `Old comment ${i}`, metadata: { createdOnPlatformAt: '2023-03-01T20:00:00.000Z' }, createdAt: '2023-03-01T20:00:00.000Z' }),
  );
  return item.id;
}

/** A fresh batch taken by the system as far as `upTo`. */
async function batch(w: World, upTo: 'proposed' | 'consented' | 'authorized' | 'destroyed') {
  const r = w.ctx.retention;
  const b = await r.propose(w.system, { itemIds: [await oldItem(w)], note: 'Matrix disposition' });
  if (upTo === 'proposed') return b.id;
  await r.consent(w.system, b.id, { text: CONSENT });
  if (upTo === 'consented') return b.id;
  await r.recordAuthority(w.system, b.id, { resolutionNumber: `Res. M-${w.seq()}`, formNumber: `RDA-M-${w.seq()}` });
  if (upTo === 'authorized') return b.id;
  await r.destroy(w.system, b.id);
  return b.id;
}

/** Matrix fixtures for retention schedules and the disposition workflow (Gov. Code 34090). */
export const retentionFixtures: Record<string, Fixture> = {
  'GET /api/retention/schedules': async () => ({ resource: null }),
  'GET /api/retention/eligible': async () => ({ query: 'category=comments&limit=5', resource: null }),
  'GET /api/dispositions': async () => ({ query: 'status=proposed', resource: null }),
  'GET /api/dispositions/:id': async (w) => ({ params: { id: await batch(w, 'proposed') }, resource: null }),
  'GET /api/dispositions/:id/certificate': async (w) => ({ params: { id: await batch(w, 'destroyed') }, resource: null }),
  'POST /api/dispositions': async (w) => ({ body: { itemIds: [await oldItem(w)], note: 'Comments of March 2023' }, resource: null }),
  'POST /api/dispositions/:id/consent': async (w) => ({ params: { id: await batch(w, 'proposed') }, body: { text: CONSENT }, resource: null }),
  'POST /api/dispositions/:id/authority': async (w) => ({ params: { id: await batch(w, 'consented') }, body: { resolutionNumber: 'Res. 26-300', formNumber: 'RDA-26-030' }, resource: null }),
  'POST /api/dispositions/:id/destroy': async (w) => ({ params: { id: await batch(w, 'authorized') }, resource: null }),
  'POST /api/dispositions/:id/withdraw': async (w) => ({ params: { id: await batch(w, 'proposed') }, body: { reason: 'Proposed in error.' }, resource: null }),
};

export const retentionPolicies: Record<string, Policy> = { retention: retentionPolicy };
