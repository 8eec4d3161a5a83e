import type { Policy } from '../../../src/authz/index.ts';
import type { Fixture } from '../matrix-fixtures.ts';

/** Matrix fixtures for the attachments module's routes (see test/api/matrix-fixtures.ts for the shape). */
export const attachmentsFixtures: Record<string, Fixture> = {};

/** The attachments module's policy, keyed by the module name used in its routes' actions ('attachments:…'). */
export const attachmentsPolicies: Record<string, Policy> = {};
