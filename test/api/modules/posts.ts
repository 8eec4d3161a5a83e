import type { Policy } from '../../../src/authz/index.ts';
import type { Fixture } from '../matrix-fixtures.ts';

/** Matrix fixtures for the posts module's routes (see test/api/matrix-fixtures.ts for the shape). */
export const postsFixtures: Record<string, Fixture> = {};

/** The posts module's policy, keyed by the module name used in its routes' actions ('posts:…'). */
export const postsPolicies: Record<string, Policy> = {};
