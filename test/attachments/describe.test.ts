import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as } from '../api/personas.ts';
import { dialects } from '../dialects.ts';
import { startClamd, type Clamd } from '../support/clamd.ts';
import { attachmentsWorld, cameraJpeg, mp4, pdf, upload, type AttachmentsWorld } from './support.ts';

let clamd: Clamd;
beforeAll(async () => {
  clamd = await startClamd();
}, 90_000);
afterAll(async () => clamd?.stop());

type Issue = { clause: string; message: string };
const clausesOf = (issues: Issue[]) => issues.map((i) => i.clause).sort();

for (const dialect of dialects) {
  describe(`attachments: describe and forPost [${dialect}]`, () => {
    let w: AttachmentsWorld;
    beforeAll(async () => {
      w = await attachmentsWorld(dialect, clamd.socket);
    }, 60_000);
    afterAll(async () => w?.close());

    const up = async (name: string, bytes: Buffer, who = 'author') => {
      const res = await upload(w, who, name, bytes);
      expect(res.statusCode, res.body).toBe(201);
      return res.json().attachment as { id: string; issues: Issue[] };
    };
    const patch = (id: string, body: object, who = 'author') => w.app.inject({ method: 'PATCH', url: `/api/attachments/${id}`, headers: as(who), payload: body });

    it('[IV.A.9] requires meaningful alt text on images: empty, "image" and file names are refused', async () => {
      const a = await up('DSC_0042.jpg', await cameraJpeg());
      for (const alt of ['', '   ', 'image', 'Photo', 'photo.jpg', 'DSC_0042', 'IMG_1234']) {
        const res = await patch(a.id, { altText: alt });
        expect(res.statusCode, alt).toBe(400);
        expect(res.json().error.clauses?.[0]?.id, alt).toBe('IV.A.9');
      }
      const ok = await patch(a.id, { altText: 'Mayor cutting the ribbon at the new Carson library' });
      expect(ok.statusCode).toBe(200);
      expect(clausesOf(ok.json().attachment.issues)).not.toContain('IV.A.9');
    });

    it('[IV.D.7(b)] a photo carries the public-event attestation; one taken at a public social event cannot be posted', async () => {
      const a = await up('festival.jpg', await cameraJpeg());
      expect(clausesOf(a.issues)).toContain('IV.D.7(b)');
      const yes = (await patch(a.id, { photoAttestation: { atPublicSocialEvent: true } })).json().attachment;
      expect(yes.photoAttestation).toMatchObject({ atPublicSocialEvent: true, attestedBy: 'p-author' });
      expect(yes.issues.find((i: Issue) => i.clause === 'IV.D.7(b)').message).toMatch(/taken at a public social event: such photos are not posted/);
      const no = (await patch(a.id, { photoAttestation: { atPublicSocialEvent: false } })).json().attachment;
      expect(clausesOf(no.issues)).not.toContain('IV.D.7(b)');
    });

    it('[IV.D.6(e)] content the City does not own needs a permission record: who, when, and for what', async () => {
      const a = await up('donated.pdf', pdf());
      const missing = await patch(a.id, { ownership: 'third_party' });
      expect(missing.statusCode).toBe(400);
      expect(missing.json().error.clauses[0].id).toBe('IV.D.6(e)');
      const future = await patch(a.id, { ownership: 'third_party', permission: { grantedBy: 'Carson Historical Society', grantedOn: '2027-01-01', scope: 'City social media' } });
      expect(future.json().error.message).toMatch(/future/);
      const ok = await patch(a.id, { ownership: 'third_party', permission: { grantedBy: 'Carson Historical Society', grantedOn: '2026-11-01', scope: 'City social media, 2026', reference: 'Letter of 1 Nov 2026' } });
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json().attachment.permission).toEqual({ grantedBy: 'Carson Historical Society', grantedOn: '2026-11-01', scope: 'City social media, 2026', reference: 'Letter of 1 Nov 2026' });
      expect(clausesOf(ok.json().attachment.issues)).not.toContain('IV.D.6(e)');
      const city = (await patch(a.id, { ownership: 'city' })).json().attachment;
      expect(city).toMatchObject({ ownership: 'city', permission: null });
    });

    it('[IV.D.7(c)] use of the City seal or logo needs an authorization reference', async () => {
      const a = await up('banner.pdf', pdf());
      const res = await patch(a.id, { usesCitySeal: true });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.clauses[0].id).toBe('IV.D.7(c)');
      const ok = (await patch(a.id, { usesCitySeal: true, sealAuthorization: 'City Manager memo CM-2026-14' })).json().attachment;
      expect(ok).toMatchObject({ usesCitySeal: true, sealAuthorization: 'City Manager memo CM-2026-14' });
      expect(clausesOf(ok.issues)).not.toContain('IV.D.7(c)');
    });

    it('[IV.D.5] [IV.A.9] a video needs captions (a caption file or in the video) and its copy on the City website', async () => {
      const v = await up('council-recap.mp4', mp4());
      expect(clausesOf(v.issues)).toEqual(expect.arrayContaining(['IV.A.9', 'IV.D.5']));
      const off = await patch(v.id, { cityWebsiteUrl: 'https://www.youtube.com/watch?v=abc' });
      expect(off.statusCode).toBe(400);
      expect(off.json().error.clauses[0].id).toBe('IV.D.5');
      expect((await patch(v.id, { cityWebsiteUrl: 'https://carsonca.gov/videos/council-recap' })).statusCode).toBe(200);

      const notCaptions = await up('agenda.pdf', pdf());
      expect((await patch(v.id, { captions: { kind: 'file', fileId: notCaptions.id } })).statusCode).toBe(400);
      const vtt = await up('council-recap.srt', Buffer.from('1\n00:00:00,000 --> 00:00:02,000\nGood evening, Carson.\n'));
      const done = (await patch(v.id, { captions: { kind: 'file', fileId: vtt.id }, ownership: 'city', usesCitySeal: false })).json().attachment;
      expect(done.issues).toEqual([]);

      const [forPost] = await w.ctx.attachments.forPost(w.ctx.db.db, [v.id]);
      expect(forPost).toMatchObject({ id: v.id, kind: 'video', mimeType: 'video/mp4', filename: 'council-recap.mp4', status: 'clean', issues: [] });
      expect(forPost!.path).toMatch(/attachments\/[0-9a-f]{2}\/[0-9a-f]{64}\.mp4$/);
    });

    it('forPost lists every unmet requirement with its clause, in the order asked, and refuses unknown ids', async () => {
      const img = await up('park.jpg', await cameraJpeg());
      const doc = await up('notice.pdf', pdf());
      const list = await w.ctx.attachments.forPost(w.ctx.db.db, [doc.id, img.id]);
      expect(list.map((a) => a.id)).toEqual([doc.id, img.id]);
      expect(clausesOf(list[1]!.issues)).toEqual(['IV.A.9', 'IV.D.6(e)', 'IV.D.7(b)', 'IV.D.7(c)']);
      expect(clausesOf(list[0]!.issues)).toEqual(['IV.D.6(e)', 'IV.D.7(c)']);
      expect(list.every((a) => a.path.startsWith(w.dataDir))).toBe(true);
      await expect(w.ctx.attachments.forPost(w.ctx.db.db, [img.id, 'no-such-id'])).rejects.toMatchObject({ code: 'not_found' });
    });

    it('describing is audited; only the uploader, their department head, the City Manager or the PIA may describe', async () => {
      const a = await up('crew.jpg', await cameraJpeg());
      expect((await patch(a.id, { altText: 'Crew repaving Avalon Boulevard' }, 'otherAuthor')).statusCode).toBe(403);
      expect((await patch(a.id, { altText: 'Crew repaving Avalon Boulevard' }, 'employee')).statusCode).toBe(403);
      expect((await patch(a.id, { altText: 'Crew repaving Avalon Boulevard' }, 'head')).statusCode).toBe(200);
      expect((await patch(a.id, { ownership: 'city' }, 'cm')).statusCode).toBe(200);
      const events = await w.ctx.audit.list(w.people.it, { targetId: a.id });
      expect(events.map((e) => e.action).sort()).toEqual(['attachment.described', 'attachment.described', 'attachment.uploaded']);
      expect(events.find((e) => e.clauses.includes('IV.A.9'))?.after).toMatchObject({ alt_text: 'Crew repaving Avalon Boulevard' });
    });

    it('staff of other departments see neither the metadata nor the file', async () => {
      const a = await up('yard.jpg', await cameraJpeg());
      expect((await w.app.inject({ method: 'GET', url: `/api/attachments/${a.id}`, headers: as('otherAuthor') })).statusCode).toBe(403);
      expect((await w.app.inject({ method: 'GET', url: `/api/attachments/${a.id}/file`, headers: as('otherAuthor') })).statusCode).toBe(403);
      expect((await w.app.inject({ method: 'GET', url: `/api/attachments/${a.id}`, headers: as('it') })).statusCode).toBe(200);
      const file = await w.app.inject({ method: 'GET', url: `/api/attachments/${a.id}/file`, headers: as('head') });
      expect(file.statusCode).toBe(200);
      expect(file.headers['content-security-policy']).toMatch(/sandbox/);
    });
  });
}
