import type { Policy } from '../../../src/authz/index.ts';
import { commentsPolicy } from '../../../src/modules/comments/index.ts';
import type { Fixture, World } from '../matrix-fixtures.ts';

const PW_BLUESKY = 'Carson Public Works on Bluesky';

/** A fresh comment on the Public Works Bluesky account (comments authorized by the City Manager in the demo). */
async function freshComment(w: World, text = 'When does the repaving on Carson Street finish?'): Promise<string> {
  const i = w.seq();
  const r = await w.ctx.comments.ingest([{ platformId: w.platform(PW_BLUESKY).id, remoteId: `at://did:plc:matrix/app.bsky.feed.post/${i}`, postRemoteId: 'at://did:plc:city/app.bsky.feed.post/matrix', authorHandle: `resident${i}.bsky.social`, authorName: `Resident ${i}`, text, createdAt: w.ctx.clock.now().toISOString(), native: { i } }], 'poll');
  return r.ids[0]!;
}

/** Matrix fixtures for the comments module's routes (see test/api/matrix-fixtures.ts for the shape). */
export const commentsFixtures: Record<string, Fixture> = {
  'GET /api/comments/queue': async () => ({ query: 'limit=5', resource: null }),
  'GET /api/comments/:id': async (w) => ({ params: { id: await freshComment(w) }, resource: null }),
  'POST /api/comments/:id/decisions': async (w) => ({ params: { id: await freshComment(w) }, body: { decision: 'keep' }, resource: null }),
  'POST /api/comments/bulk-decisions': async (w) => ({ body: { ids: [await freshComment(w), await freshComment(w)], decision: 'keep' }, resource: null }),
  'POST /api/comments/:id/second': async (w) => {
    const id = await freshComment(w, 'The director is a liar and a thief');
    await w.ctx.comments.setSettings(w.system, { autoHideClauses: [], twoPersonRule: true });
    await w.ctx.comments.decide(w.system, id, { decision: 'remove', clauses: ['V.14'] });
    await w.ctx.comments.setSettings(w.system, { autoHideClauses: [], twoPersonRule: false });
    return { params: { id }, body: {}, resource: null };
  },
  'POST /api/comments/:id/confirm-platform': async (w) => {
    const id = await freshComment(w);
    await w.ctx.comments.decide(w.system, id, { decision: 'hide', clauses: ['V.1'] });
    return { params: { id }, body: { note: 'Done by hand' }, resource: null };
  },
  'GET /api/moderation/settings': async () => ({ resource: null }),
  'PUT /api/moderation/settings': async () => ({ body: { autoHideClauses: ['V.7'], twoPersonRule: false }, resource: null }),
};

/** The comments module's policy, keyed by the module name used in its routes' actions ('comments:…'). */
export const commentsPolicies: Record<string, Policy> = { comments: commentsPolicy };
