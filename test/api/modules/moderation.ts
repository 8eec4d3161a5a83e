import type { Policy } from '../../../src/authz/index.ts';
import { toIso, toJson } from '../../../src/kernel/codec.ts';
import { newId } from '../../../src/kernel/ids.ts';
import { appealsPolicy } from '../../../src/modules/appeals/index.ts';
import { bansPolicy } from '../../../src/modules/bans/index.ts';
import { legislativeAccountsPolicy } from '../../../src/modules/legislative-accounts/index.ts';
import { moderationReportsPolicy } from '../../../src/modules/moderation-reports/index.ts';
import type { Fixture, World } from '../matrix-fixtures.ts';

const PW_BLUESKY = 'Carson Public Works on Bluesky';
const MODERATOR = 'moderator@carsonca.gov';
/** A decider who is no persona, so the different-moderator rule never decides a matrix cell. */
const ELSEWHERE = 'matrix-moderator-elsewhere';

/** A ban made by the system, reviewed by the demo moderator. */
async function freshBan(w: World) {
  return w.ctx.bans.createBan(w.system, { platformId: w.platform(PW_BLUESKY).id, handle: `matrix.${w.seq()}`, clauses: ['V.7'], reason: 'Matrix advert flood', reviewerId: w.person(MODERATOR) });
}

/** An open appeal of a comment removed by someone who is no persona. */
async function freshAppeal(w: World) {
  const at = toIso(w.ctx.clock.now());
  const id = newId();
  await w.ctx.db.db
    .insertInto('comments')
    .values({ id, platform_id: w.platform(PW_BLUESKY).id, remote_id: `matrix-${id}`, post_id: null, post_remote_id: 'matrix-post', parent_remote_id: null, author_handle: 'matrix.resident', author_name: null, url: null, text: 'Matrix comment', version: 1, source: 'import', created_on_platform_at: at, captured_at: at, updated_at: at, deleted_on_platform_at: null, visibility: 'removed', review_state: 'decided', severity: 0, findings: '[]', legislative_person_id: null, retain_until: null })
    .execute();
  await w.ctx.db.db
    .insertInto('moderation_decisions')
    .values({ id: newId(), comment_id: id, decision: 'remove', clauses: toJson(['V.1']), note: null, moderator_id: ELSEWHERE, automatic: 0, decided_at: at, status: 'final', second_moderator_id: null, second_at: null, platform_action: 'done', platform_note: null, confirmed_by: null, confirmed_at: null })
    .execute();
  return w.ctx.appeals.submit({ commentId: id, name: 'Matrix Resident', contact: 'matrix@example.org', statement: 'Matrix appeal statement' });
}

/** Matrix fixtures for bans, appeals, the legislative accounts register and moderation reports. */
export const moderationFixtures: Record<string, Fixture> = {
  'GET /api/bans': async () => ({ query: 'status=active', resource: null }),
  'GET /api/bans/reviewers': async () => ({ resource: null }),
  'GET /api/bans/:id': async (w) => ({ params: { id: (await freshBan(w)).id }, resource: null }),
  'POST /api/bans': async (w, as) => ({
    body: { platformId: w.platform(PW_BLUESKY).id, handle: `matrix.new.${w.seq()}`, clauses: ['V.3'], reason: 'Matrix profanity', durationDays: 7, reviewerId: as.personId === w.person(MODERATOR) ? w.person('pia@carsonca.gov') : w.person(MODERATOR) },
    resource: null,
  }),
  'POST /api/bans/:id/review': async (w) => {
    const b = await freshBan(w);
    return { params: { id: b.id }, body: { outcome: 'keep', note: 'Matrix review note' }, resource: { reviewerId: b.reviewerId } };
  },
  'POST /api/bans/:id/lift': async (w) => ({ params: { id: (await freshBan(w)).id }, body: { reason: 'Matrix lift reason' }, resource: null }),
  'GET /api/appeals': async () => ({ query: 'status=open', resource: null }),
  'GET /api/appeals/:id': async (w) => ({ params: { id: (await freshAppeal(w)).reference }, resource: null }),
  'POST /api/appeals/:id/decide': async (w) => ({ params: { id: (await freshAppeal(w)).reference }, body: { outcome: 'deny', note: 'Matrix denial note' }, resource: { deciders: [ELSEWHERE] } }),
  'GET /api/legislative-accounts': async () => ({ resource: null }),
  'GET /api/legislative-accounts/members': async () => ({ resource: null }),
  'POST /api/legislative-accounts': async (w) => ({ body: { personId: w.person('ldavis.council@carsonca.gov'), platformId: w.platform(PW_BLUESKY).id, handle: `council.${w.seq()}` }, resource: null }),
  'POST /api/legislative-accounts/:id/remove': async (w) => {
    const a = await w.ctx.legislativeAccounts.register(w.system, { personId: w.person('ldavis.council@carsonca.gov'), platformId: w.platform(PW_BLUESKY).id, handle: `council.rm.${w.seq()}` });
    return { params: { id: a.id }, body: { reason: 'Matrix: term ended' }, resource: null };
  },
  'GET /api/moderation-reports/decisions': async () => ({ query: 'from=2026-01-01', resource: null }),
  'GET /api/moderation-reports/consistency': async () => ({ query: 'threshold=0.9', resource: null }),
};

export const moderationPolicies: Record<string, Policy> = { bans: bansPolicy, appeals: appealsPolicy, legislative: legislativeAccountsPolicy, 'moderation-reports': moderationReportsPolicy };
