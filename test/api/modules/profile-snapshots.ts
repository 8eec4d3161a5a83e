import type { Policy } from '../../../src/authz/index.ts';
import type { Fixture } from '../matrix-fixtures.ts';

/** Matrix fixtures for reading a platform's live profile into the archive (rule: platforms' platform.edit_profile). */
export const profileSnapshotsFixtures: Record<string, Fixture> = {
  'POST /api/platforms/:id/profile/refresh': async (w) => {
    const p = w.platform('Carson Public Works News');
    return { params: { id: p.id }, resource: { departmentId: p.departmentId, status: 'active', commentsEnabled: false } };
  },
};

/** The route is governed by the platforms policy, which the matrix registers already. */
export const profileSnapshotsPolicies: Record<string, Policy> = {};
