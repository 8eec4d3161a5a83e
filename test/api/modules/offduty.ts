import type { Policy } from '../../../src/authz/index.ts';
import type { Fixture } from '../matrix-fixtures.ts';

/** Matrix fixtures for the offduty module's routes (see test/api/matrix-fixtures.ts for the shape). */
export const offdutyFixtures: Record<string, Fixture> = {};

/** The offduty module's policy, keyed by the module name used in its routes' actions ('offduty:…'). */
export const offdutyPolicies: Record<string, Policy> = {};
