import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import sharp from 'sharp';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { dialects } from '../dialects.ts';
import { createTestContext, type TestContext } from '../context.ts';
import { startClamd, type Clamd } from '../support/clamd.ts';
import { postsWorld, type PostsWorld } from './support.ts';
import { describe } from 'vitest';

/** Posts with attachments: the attachments module's requirements become the post's findings. */
let clamd: Clamd;
beforeAll(async () => {
  clamd = await startClamd();
}, 120_000);
afterAll(() => clamd?.stop());

const png = () => sharp({ create: { width: 32, height: 24, channels: 3, background: { r: 200, g: 80, b: 40 } } }).png().toBuffer();

for (const dialect of dialects) {
  describe(`posts with attachments [${dialect}]`, () => {
    let ctx: TestContext;
    let w: PostsWorld;
    let dataDir: string;
    beforeAll(async () => {
      dataDir = mkdtempSync(join(tmpdir(), 'crier-post-att-'));
      ctx = await createTestContext(dialect, { config: { dataDir, attachments: { clamd: { socket: clamd.socket }, maxBytes: { image: 2 ** 21, video: 2 ** 22, pdf: 2 ** 21 } } } });
      w = await postsWorld(ctx);
    }, 120_000);
    afterAll(async () => {
      await ctx?.close();
      rmSync(dataDir, { recursive: true, force: true });
    });

    const uploadPng = async () => {
      const bytes = await png();
      return ctx.attachments.upload(w.poster, { filename: 'crew.png', contentLength: bytes.length, body: Readable.from([bytes]) });
    };

    it('[IV.A.9] [IV.D.7(b)] an image without alt text or photo attestation blocks approval until described', async () => {
      const file = await uploadPng();
      const p = await ctx.posts.create(w.poster, w.draft({ attachmentIds: [file.id] }));
      const blocks = p.findings.filter((f) => f.severity === 'block' && f.source === 'attachment');
      expect(blocks.map((b) => b.clause)).toEqual(expect.arrayContaining(['IV.A.9', 'IV.D.7(b)']));
      await ctx.posts.submit(w.poster, p.id);
      await expect(ctx.posts.approve(w.pwHead, p.id)).rejects.toMatchObject({ code: 'policy_refusal' });

      await ctx.attachments.describe(w.poster, file.id, { altText: 'A street crew patching a pothole on Carson Street', photoAttestation: { atPublicSocialEvent: false }, ownership: 'city', usesCitySeal: false });
      // The post is screened again when the author saves it after describing the file.
      const edited = await ctx.posts.update(w.poster, p.id, w.draft({ attachmentIds: [file.id] }));
      expect(edited.findings.filter((f) => f.source === 'attachment')).toEqual([]);
      await ctx.posts.approve(w.pwHead, p.id);
      await ctx.posts.itReview(w.it, p.id);
      expect((await ctx.posts.publisher().runDue()).published).toBe(1);
      const entry = await ctx.db.db.selectFrom('feed_entries').select('media').where('idempotency_key', 'like', `${p.id}:%`).executeTakeFirstOrThrow();
      expect(JSON.parse(entry.media)).toEqual([{ mimeType: 'image/png', altText: 'A street crew patching a pothole on Carson Street' }]);
    });

    it('refuses an attachment id that does not exist, and writes nothing', async () => {
      const before = await ctx.db.db.selectFrom('posts').select('id').execute();
      await expect(ctx.posts.create(w.poster, w.draft({ attachmentIds: ['no-such-file'] }))).rejects.toMatchObject({ code: 'not_found' });
      expect(await ctx.db.db.selectFrom('posts').select('id').execute()).toHaveLength(before.length);
    });
  });
}
