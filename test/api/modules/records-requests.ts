import type { Policy } from '../../../src/authz/index.ts';
import { recordsRequestsPolicy } from '../../../src/modules/records-requests/index.ts';
import type { Fixture, World } from '../matrix-fixtures.ts';

/** Matrix fixtures for the records request desk's staff routes (IV.A.11). Each call gets a fresh request. */
const fresh = async (w: World) => w.ctx.recordsRequests.create(w.system, { description: `Matrix records request ${w.seq()}`, email: 'requester@example.org' });

export const recordsRequestsFixtures: Record<string, Fixture> = {
  'GET /api/records-requests': async () => ({ query: 'status=open', resource: null }),
  'GET /api/records-requests/statutes': async () => ({ resource: null }),
  'GET /api/records-requests/:id': async (w) => ({ params: { id: (await fresh(w)).id }, resource: null }),
  'POST /api/records-requests': async () => ({ body: { description: 'Every post about the street fair', phone: '310-555-0199', channel: 'phone' }, resource: null }),
  'POST /api/records-requests/:id/assign': async (w) => ({ params: { id: (await fresh(w)).id }, body: { ownerId: w.person('clerk@carsonca.gov'), reviewerId: w.person('attorney@carsonca.gov') }, resource: null }),
  'POST /api/records-requests/:id/messages': async (w) => ({ params: { id: (await fresh(w)).id }, body: { direction: 'to_requester', channel: 'email', body: 'We received your request.' }, resource: null }),
  'POST /api/records-requests/:id/extend': async (w) => ({ params: { id: (await fresh(w)).id }, body: { ground: 'voluminous', days: 7, noticeText: 'The request covers thousands of comments; we need seven more days.' }, resource: null }),
  'POST /api/records-requests/:id/review': async (w) => ({ params: { id: (await fresh(w)).id }, body: { outcome: 'concur', note: 'Concur.' }, resource: null }),
  'POST /api/records-requests/:id/determine': async (w) => ({ params: { id: (await fresh(w)).id }, body: { outcome: 'disclose_full', reasons: 'All records are disclosable.', estimatedProductionOn: w.today }, resource: null }),
  'POST /api/records-requests/:id/close': async (w) => {
    const r = await fresh(w);
    await w.ctx.recordsRequests.determine(w.system, r.id, { outcome: 'no_records', reasons: 'The City holds no responsive records.' });
    return { params: { id: r.id }, body: { note: 'Answered.' }, resource: null };
  },
};

/** The module's policy, keyed by the module name used in its routes' actions ('records-requests:…'). */
export const recordsRequestsPolicies: Record<string, Policy> = { 'records-requests': recordsRequestsPolicy };
