import type { Policy } from '../../../src/authz/index.ts';
import { screeningPolicy } from '../../../src/modules/screening/index.ts';
import type { Fixture } from '../matrix-fixtures.ts';

/** Matrix fixtures for the screening module's routes (see test/api/matrix-fixtures.ts for the shape). */
export const screeningFixtures: Record<string, Fixture> = {
  'POST /api/screening/post': async () => ({
    body: { text: 'Street sweeping moves to Tuesdays. Details: https://ci.carson.ca.us/streets', platformTypes: ['x', 'bluesky'] },
    resource: null,
  }),
};

/** The screening module's policy, keyed by the module name used in its routes' actions ('screening:…'). */
export const screeningPolicies: Record<string, Policy> = { screening: screeningPolicy };
