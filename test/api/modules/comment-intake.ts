import type { Policy } from '../../../src/authz/index.ts';
import type { Fixture } from '../matrix-fixtures.ts';

const PW_BLUESKY = 'Carson Public Works on Bluesky';

/** Matrix fixtures for staff comment intake (the Facebook webhook routes are public: no fixture). */
export const commentIntakeFixtures: Record<string, Fixture> = {
  'POST /api/comments/import': async (w) => {
    const i = w.seq();
    const line = JSON.stringify({ remote_id: `at://did:plc:matrix/app.bsky.feed.post/import-${i}`, post_remote_id: 'at://did:plc:city/app.bsky.feed.post/matrix', author_handle: `importer${i}.bsky.social`, text: 'Is the library open on Sunday?', created_at: w.ctx.clock.now().toISOString() });
    return { body: { platformId: w.platform(PW_BLUESKY).id, format: 'jsonl', content: `${line}\n` }, resource: null };
  },
};

/** Governed by the comments module's policy (comments:comment.ingest), registered by test/api/modules/comments.ts. */
export const commentIntakePolicies: Record<string, Policy> = {};
