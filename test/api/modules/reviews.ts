import type { Policy } from '../../../src/authz/index.ts';
import { toIso } from '../../../src/kernel/codec.ts';
import { newId } from '../../../src/kernel/ids.ts';
import { reviewsPolicy } from '../../../src/modules/reviews/index.ts';
import type { Fixture } from '../matrix-fixtures.ts';

/** Matrix fixtures for the reviews module's routes (see test/api/matrix-fixtures.ts for the shape). */
export const reviewsFixtures: Record<string, Fixture> = {
  'GET /api/reviews': async () => ({ query: 'mine=1', resource: null }),
  'POST /api/reviews/:id/complete': async (w) => {
    // A fresh open task on the Public Works platform (its own period key, so it never collides with the scheduler's).
    const p = w.platform('Carson Public Works on Bluesky');
    const id = newId();
    await w.ctx.db.db
      .insertInto('review_tasks')
      .values({ id, platform_id: p.id, kind: 'currency', period: `matrix-${w.seq()}`, due_on: w.today, owner_role: 'department_head', owner_department_id: p.departmentId, status: 'open', created_at: toIso(w.ctx.clock.now()), completed_at: null, completed_by: null, outcome: null, findings: null, notes: null, cancelled_reason: null })
      .execute();
    return { params: { id }, body: { outcome: 'ok', findings: 'Matrix review: content current' }, resource: { departmentId: p.departmentId } };
  },
};

/** The reviews module's policy, keyed by the module name used in its routes' actions ('reviews:…'). */
export const reviewsPolicies: Record<string, Policy> = { reviews: reviewsPolicy };
