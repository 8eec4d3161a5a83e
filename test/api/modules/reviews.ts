import type { Policy } from '../../../src/authz/index.ts';
import type { Fixture } from '../matrix-fixtures.ts';

/** Matrix fixtures for the reviews module's routes (see test/api/matrix-fixtures.ts for the shape). */
export const reviewsFixtures: Record<string, Fixture> = {};

/** The reviews module's policy, keyed by the module name used in its routes' actions ('reviews:…'). */
export const reviewsPolicies: Record<string, Policy> = {};
