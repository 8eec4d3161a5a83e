import type { Policy } from '../../../src/authz/index.ts';
import { legislativeAccountsPolicy } from '../../../src/modules/legislative-accounts/index.ts';
import type { Fixture } from '../matrix-fixtures.ts';

/** Matrix fixtures for the Brown Act guard's log of members' reactions and responses (IV.B). */
export const brownActFixtures: Record<string, Fixture> = {
  'GET /api/legislative-accounts/activity': async () => ({ query: 'kind=reaction&limit=20', resource: null }),
};

export const brownActPolicies: Record<string, Policy> = { legislative: legislativeAccountsPolicy };
