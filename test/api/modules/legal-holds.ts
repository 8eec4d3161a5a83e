import type { Policy } from '../../../src/authz/index.ts';
import { legalHoldsPolicy } from '../../../src/modules/legal-holds/index.ts';
import type { Fixture, World } from '../matrix-fixtures.ts';

const CUSTODIAN = 'sokafor@carsonca.gov';

/** A fresh hold issued by the system; the custodian is the demo city's employee unless named. */
async function freshHold(w: World, custodianEmail = CUSTODIAN) {
  return w.ctx.legalHolds.issue(w.system, {
    matter: `Matrix matter ${w.seq()}`,
    custodianId: w.person(custodianEmail),
    platformIds: [w.platform('Carson Public Works on Bluesky').id],
    fromDate: '2024-01-01',
    toDate: '2024-12-31',
  });
}

/** Matrix fixtures for legal holds (SPEC §5). */
export const legalHoldsFixtures: Record<string, Fixture> = {
  'GET /api/legal-holds': async () => ({ query: 'status=issued', resource: null }),
  'GET /api/legal-holds/mine': async () => ({ resource: null }),
  // The custodian may read their own hold whatever their role: the clerk (a reader anyway) is named here.
  'GET /api/legal-holds/:id': async (w) => ({ params: { id: (await freshHold(w, 'clerk@carsonca.gov')).id }, resource: null }),
  'POST /api/legal-holds': async (w) => ({
    body: { matter: `Matrix claim ${w.seq()}`, custodianId: w.person(CUSTODIAN), platformIds: [w.platform('Carson Public Works on Bluesky').id], fromDate: '2024-01-01', toDate: '2024-06-30' },
    resource: null,
  }),
  'POST /api/legal-holds/:id/acknowledge': async (w) => {
    const h = await freshHold(w);
    return { params: { id: h.id }, resource: { custodianId: h.custodian.id } };
  },
  'POST /api/legal-holds/:id/release': async (w) => ({ params: { id: (await freshHold(w)).id }, body: { reason: 'Matter closed.' }, resource: null }),
};

export const legalHoldsPolicies: Record<string, Policy> = { 'legal-holds': legalHoldsPolicy };
