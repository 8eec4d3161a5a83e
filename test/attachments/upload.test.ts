import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as } from '../api/personas.ts';
import { dialects } from '../dialects.ts';
import { EICAR, startClamd, type Clamd } from '../support/clamd.ts';
import { attachmentsWorld, cameraJpeg, MB, mp4, pdf, png, upload, zip, type AttachmentsWorld } from './support.ts';

let clamd: Clamd;
beforeAll(async () => {
  clamd = await startClamd();
}, 90_000);
afterAll(async () => clamd?.stop());

/** Every file under <dataDir>/attachments except the given subfolders. */
function storedFiles(w: AttachmentsWorld, ...skip: string[]): string[] {
  const root = join(w.dataDir, 'attachments');
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(root.length + 1))
    .filter((p) => !skip.some((s) => p.startsWith(`${s}/`)));
}

async function rowCount(w: AttachmentsWorld) {
  return Number((await w.ctx.db.db.selectFrom('attachments').select((e) => e.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
}

for (const dialect of dialects) {
  describe(`attachments: upload [${dialect}]`, () => {
    let w: AttachmentsWorld;
    beforeAll(async () => {
      w = await attachmentsWorld(dialect, clamd.socket);
    }, 60_000);
    afterAll(async () => w?.close());

    it('[IV.C.15(i)(iii)] scans, stores by sha256 and strips EXIF and GPS from a photo', async () => {
      const original = await cameraJpeg();
      expect((await sharp(original).metadata()).exif).toBeDefined();
      const res = await upload(w, 'author', 'IMG_0042.JPG', original);
      expect(res.statusCode, res.body).toBe(201);
      const a = res.json().attachment;
      expect(a).toMatchObject({ kind: 'image', mimeType: 'image/jpeg', filename: 'IMG_0042.jpg', status: 'clean', width: 64, height: 48 });
      expect(a.issues.map((i: { clause: string }) => i.clause)).toEqual(expect.arrayContaining(['IV.A.9', 'IV.D.7(b)', 'IV.D.6(e)', 'IV.D.7(c)']));

      const file = await w.app.inject({ method: 'GET', url: `/api/attachments/${a.id}/file`, headers: as('author') });
      expect(file.statusCode).toBe(200);
      expect(file.headers['content-type']).toBe('image/jpeg');
      const served = file.rawPayload;
      const meta = await sharp(served).metadata();
      expect(meta.exif).toBeUndefined();
      expect(served.includes(Buffer.from('CrierCam'))).toBe(false);
      expect(served.includes(Buffer.from([0x25, 0x88]))).toBe(false); // the GPS IFD tag
      expect(storedFiles(w, 'tmp', 'quarantine')).toHaveLength(1);
      expect(storedFiles(w, 'quarantine').filter((f) => f.startsWith('tmp/'))).toEqual([]);
    });

    it('takes PNG, MP4, PDF and WebVTT by their content', async () => {
      const cases: [string, Buffer, string, string][] = [
        ['chart.png', await png(), 'image', 'image/png'],
        ['walkthrough.mp4', mp4(), 'video', 'video/mp4'],
        ['agenda.pdf', pdf(), 'pdf', 'application/pdf'],
        ['walkthrough.vtt', Buffer.from('WEBVTT\n\n00:00.000 --> 00:02.000\nWelcome to Carson\n'), 'captions', 'text/vtt'],
      ];
      for (const [name, bytes, kind, mime] of cases) {
        const res = await upload(w, 'author', name, bytes);
        expect(res.statusCode, `${name}: ${res.body}`).toBe(201);
        expect(res.json().attachment).toMatchObject({ kind, mimeType: mime, status: 'clean' });
      }
    });

    it('decides the type from the content, not the declared type or the name', async () => {
      const jpeg = await cameraJpeg();
      const res = await upload(w, 'author', 'flyer.png', jpeg, { 'content-type': 'image/png' });
      expect(res.statusCode).toBe(201);
      expect(res.json().attachment).toMatchObject({ mimeType: 'image/jpeg', filename: 'flyer.jpg' });

      const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(62), Buffer.from('PE\0\0'), Buffer.alloc(400, 1)]);
      exe.writeUInt32LE(64, 60);
      const before = await rowCount(w);
      const refused = await upload(w, 'author', 'holiday-photo.jpg', exe, { 'content-type': 'image/jpeg' });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error.message).toMatch(/holiday-photo\.jpg is .*(EXE|exe|msdos|executable).*cannot be attached/i);
      expect(await rowCount(w)).toBe(before);
    });

    it('refuses a truncated JPEG and a corrupt one, keeping nothing', async () => {
      const before = await rowCount(w);
      const files = storedFiles(w).length;
      const jpeg = await cameraJpeg(300, 200);
      const truncated = await upload(w, 'author', 'cut.jpg', jpeg.subarray(0, Math.floor(jpeg.length * 0.6)));
      expect(truncated.statusCode).toBe(400);
      expect(truncated.json().error.message).toMatch(/cut\.jpg cannot be read as a JPEG image: it is corrupt or truncated/);
      const corrupt = Buffer.concat([jpeg.subarray(0, 4), Buffer.alloc(2000, 0x41)]);
      const bad = await upload(w, 'author', 'noise.jpg', corrupt);
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.message).toMatch(/corrupt or truncated/);
      expect(await rowCount(w)).toBe(before);
      expect(storedFiles(w).length).toBe(files);
    });

    it('refuses a polyglot: a JPEG that is also a ZIP archive, and a PDF that is too', async () => {
      const before = await rowCount(w);
      const jpegZip = Buffer.concat([await cameraJpeg(), zip('run.js', Buffer.from('alert(1)'))]);
      const res = await upload(w, 'author', 'innocent.jpg', jpegZip);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.message).toMatch(/innocent\.jpg is a JPEG image that is also a ZIP archive \(a polyglot file\)/);
      const pdfZip = Buffer.concat([pdf(), zip('a.txt', Buffer.from('hello'))]);
      expect((await upload(w, 'author', 'report.pdf', pdfZip)).json().error.message).toMatch(/also a ZIP archive/);
      const gifHtml = Buffer.concat([await sharp({ create: { width: 4, height: 4, channels: 3, background: '#fff' } }).gif().toBuffer(), Buffer.from('<script>alert(1)</script>')]);
      expect((await upload(w, 'author', 'tiny.gif', gifHtml)).json().error.message).toMatch(/also markup or script/);
      expect(await rowCount(w)).toBe(before);
    });

    it('refuses an SVG, which can carry script', async () => {
      const svg = Buffer.from('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(document.cookie)</script><rect width="10" height="10"/></svg>');
      const res = await upload(w, 'author', 'seal.svg', svg, { 'content-type': 'image/svg+xml' });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.message).toMatch(/SVG is refused because it can carry scripts/);
    });

    it('refuses a 2 GB upload from its Content-Length without reading it', async () => {
      let pulled = 0;
      const huge = new Readable({
        read() {
          pulled += 64 * 1024;
          this.push(pulled > 2 * 1024 * MB ? null : Buffer.alloc(64 * 1024));
        },
      });
      const res = await upload(w, 'author', 'ceremony.mp4', huge, { 'content-length': String(2 * 1024 * MB) });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.message).toMatch(/too large \(2\.0 GB\): the limit is 4 MB/);
      expect(pulled).toBeLessThan(4 * MB);
    });

    it('over a real connection, answers the 2 GB upload at once and stops reading', async () => {
      const url = new URL(await w.app.listen({ port: 0, host: '127.0.0.1' }));
      let written = 0;
      const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = request({ host: url.hostname, port: url.port, method: 'POST', path: '/api/attachments?filename=parade.mp4', headers: { ...as('author'), 'content-type': 'video/mp4', 'content-length': String(2 * 1024 * MB) } });
        let done = false;
        req.on('response', (res) => {
          done = true;
          let body = '';
          res.on('data', (d: Buffer) => (body += d));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        });
        req.on('error', (e) => (done ? undefined : reject(e)));
        const chunk = Buffer.alloc(256 * 1024);
        const pump = () => {
          while (!done && written < 2 * 1024 * MB) {
            written += chunk.length;
            if (!req.write(chunk)) return void req.once('drain', pump);
          }
        };
        pump();
      });
      expect(answer.status).toBe(400);
      expect(answer.body).toMatch(/too large \(2\.0 GB\)/);
      expect(written).toBeLessThan(32 * MB);
    });

    it('stops reading an upload without a length at the limit for its type', async () => {
      const jpeg = await cameraJpeg();
      let pulled = 0;
      const stream = new Readable({
        read() {
          pulled += 64 * 1024;
          this.push(pulled > 1024 * MB ? null : pulled === 64 * 1024 ? Buffer.concat([jpeg, Buffer.alloc(64 * 1024 - jpeg.length)]) : Buffer.alloc(64 * 1024));
        },
      });
      const res = await upload(w, 'author', 'big.jpg', stream, { 'transfer-encoding': 'chunked' });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.message).toMatch(/A JPEG image is too large: the limit is 2 MB/);
      expect(pulled).toBeLessThan(8 * MB);
      expect(storedFiles(w, 'quarantine').filter((f) => f.startsWith('tmp/'))).toEqual([]);
    });

    it('[IV.C.15(i)(iii)] quarantines the EICAR file, audits it, tells the IT Manager, and nothing is attachable', async () => {
      const cleanFiles = storedFiles(w, 'quarantine', 'tmp').length;
      const res = await upload(w, 'author', 'eicar.com', Buffer.from(EICAR));
      expect(res.statusCode).toBe(403);
      const err = res.json().error;
      expect(err.code).toBe('policy_refusal');
      expect(err.message).toMatch(/eicar\.bin was refused: the virus scanner found Crier\.Test\.EICAR\.UNOFFICIAL\. The file is quarantined \(attachment [0-9a-f-]+\) and the IT Manager has been told/);
      expect(err.clauses.map((c: { id: string }) => c.id)).toEqual(['IV.C.15(i)(iii)']);
      const id = /attachment ([0-9a-f-]+)\)/.exec(err.message)![1]!;

      const q = readdirSync(join(w.dataDir, 'attachments', 'quarantine'));
      expect(q).toHaveLength(1);
      expect(readFileSync(join(w.dataDir, 'attachments', 'quarantine', q[0]!)).toString()).toBe(EICAR);
      expect(storedFiles(w, 'quarantine', 'tmp').length).toBe(cleanFiles);

      const events = await w.ctx.audit.list(w.people.it, { targetId: id });
      expect(events.map((e) => e.action)).toContain('attachment.quarantined');
      const notes = await w.ctx.notifications.listFor(w.people.it);
      expect(notes.some((n) => n.kind === 'attachment.quarantined' && n.relatedId === id && n.body.includes('Crier.Test.EICAR'))).toBe(true);

      const [forPost] = await w.ctx.attachments.forPost(w.ctx.db.db, [id]);
      expect(forPost).toMatchObject({ status: 'quarantined', path: '' });
      expect(forPost!.issues[0]!.clause).toBe('IV.C.15(i)(iii)');
      const file = await w.app.inject({ method: 'GET', url: `/api/attachments/${id}/file`, headers: as('cm') });
      expect(file.statusCode).toBe(403);
      expect(file.json().error.message).toMatch(/quarantined .* never served/);
      const describe = await w.app.inject({ method: 'PATCH', url: `/api/attachments/${id}`, headers: as('author'), payload: { altText: 'A park' } });
      expect(describe.statusCode).toBe(409);
    });

    it('[IV.C.15(i)(iii)] quarantines a PDF that carries the EICAR string', async () => {
      const res = await upload(w, 'author', 'minutes.pdf', pdf(`% ${EICAR}`));
      expect(res.statusCode).toBe(403);
      expect(res.json().error.message).toMatch(/minutes\.pdf was refused: the virus scanner found/);
    });

    it('refuses a JSON body and an empty one with a clear message', async () => {
      const json = await w.app.inject({ method: 'POST', url: '/api/attachments?filename=x.jpg', headers: { ...as('author'), 'content-type': 'application/json' }, payload: { file: 'x' } });
      expect(json.statusCode).toBe(400);
      expect(json.json().error.message).toMatch(/Send the file itself as the request body/);
      const empty = await upload(w, 'author', 'x.jpg', Buffer.alloc(0));
      expect(empty.statusCode).toBe(400);
    });

    it('lets only those who draft posts upload', async () => {
      const res = await upload(w, 'employee', 'a.png', await png());
      expect(res.statusCode).toBe(403);
      expect((await upload(w, 'it', 'a.png', await png())).statusCode).toBe(403);
      expect((await upload(w, 'head', 'a.png', await png())).statusCode).toBe(201);
      expect((await upload(w, 'cm', 'a.png', await png())).statusCode).toBe(201);
    });
  });
}

describe('attachments: without a virus scanner', () => {
  let w: AttachmentsWorld;
  beforeAll(async () => {
    w = await attachmentsWorld('sqlite', null);
  });
  afterAll(async () => w?.close());

  it('[IV.C.15(i)(iii)] refuses uploads, naming the missing scanner, and keeps nothing', async () => {
    const res = await upload(w, 'author', 'park.png', await png());
    expect(res.statusCode).toBe(503);
    expect(res.json().error.message).toMatch(/no virus scanner is configured.*CRIER_CLAMD_SOCKET/);
    expect(await rowCount(w)).toBe(0);
  });
});
