import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createClamdScanner } from '../../src/adapters/clamav/index.ts';
import { systemActor, type PersonActor } from '../../src/kernel/actor.ts';
import { createArchiveImport, createArchiveImportJobs, type ArchiveImportJobs } from '../../src/modules/archive-import/index.ts';
import { appWithPersonas, as, persona } from '../api/personas.ts';
import { describeWithContext, type TestContext } from '../context.ts';
import { EICAR, EICAR_SIGNATURE, startClamd, type Clamd } from '../support/clamd.ts';
import { vaultWorld } from '../vault/support.ts';
import { makeZip, renameInPlace, sha256, tweetsPart } from './zip-support.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'crier-import-upload-'));
const MAX = 2 * 1024 * 1024;
let clamd: Clamd;
beforeAll(async () => {
  clamd = await startClamd();
}, 120_000);
afterAll(async () => {
  await clamd?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describeWithContext(
  'archive imports from the web app: upload, scan, job, report',
  (get) => {
    let ctx: TestContext;
    let jobs: ArchiveImportJobs;
    let app: FastifyInstance;
    let bare: FastifyInstance;
    let facebookId: string;
    const personas = new Map<string, PersonActor>([
      ['clerk', persona('p-clerk', 'Clara Clerk', [{ role: 'city_clerk' }])],
      ['it', persona('p-it', 'Ivan IT', [{ role: 'it_manager' }])],
      ['attorney', persona('p-attorney', 'Avery Attorney', [{ role: 'city_attorney' }])],
      ['auditor', persona('p-auditor', 'Audrey Auditor', [{ role: 'auditor' }])],
    ]);
    const post = (who: string, query: string, body: Buffer, a: FastifyInstance = app) => a.inject({ method: 'POST', url: `/api/archive/imports?${query}`, headers: { ...as(who), 'content-type': 'application/zip' }, payload: body });
    const finished = async (id: string) => {
      for (let i = 0; i < 600; i++) {
        const r = (await app.inject({ method: 'GET', url: `/api/archive/imports/${id}`, headers: as('clerk') })).json().import;
        if (r.status === 'done' || r.status === 'failed') return r;
        await new Promise((res) => setTimeout(res, 50));
      }
      throw new Error(`import ${id} did not finish`);
    };
    const uploads = () => readdirSync(join(dataDir, 'archive-imports'));

    beforeAll(async () => {
      ctx = get();
      facebookId = (await (await vaultWorld(ctx)).platform('Carson Community Services on Facebook')).id;
      const importer = createArchiveImport({ db: ctx.db.db, dialect: ctx.db.dialect, pack: ctx.pack, audit: ctx.audit, archive: ctx.archive });
      jobs = createArchiveImportJobs({ db: ctx.db.db, clock: ctx.clock, pack: ctx.pack, audit: ctx.audit, dataDir, scanner: createClamdScanner({ socket: clamd.socket }), maxBytes: MAX, importer });
      app = await appWithPersonas({ ...ctx, archiveImports: jobs }, personas);
      // The context as configured here: no clamd.
      bare = await appWithPersonas(ctx, personas);
    }, 120_000);
    afterAll(async () => {
      await app?.close();
      await bare?.close();
    });

    it('[IV.A.13] the City Clerk uploads an X archive ZIP: scanned, queued, imported by the job; the view lists each part and each record added, skipped or malformed with its position; the upload is not kept', async () => {
      const zip = await makeZip([
        { name: 'data/tweets.js', data: tweetsPart(0, [{ id: '2000000000000000001', text: 'Upload one' }, { id: '2000000000000000002', text: 'Upload two' }]) },
        { name: 'data/tweets-part1.js', data: 'window.YTD.tweets.part1 = [\n  { "tweet": { "id_str": "2000000000000000001", "created_at": "Fri Jan 06 16:00:00 +0000 2023", "full_text": "Upload one" } },\n  { "tweet": { "full_text": "no id" } }\n]' },
      ]);
      const res = await post('clerk', 'format=x-archive&filename=twitter-2026.zip&account=CityofCarson', zip);
      expect(res.statusCode, res.body).toBe(202);
      expect(res.json().import).toMatchObject({ fileName: 'twitter-2026.zip', bytes: zip.length, sha256: sha256(zip), requestedBy: 'Clara Clerk' });
      const done = await finished(res.json().import.id);
      expect(done).toMatchObject({ status: 'done', percent: 100, records: 4, added: 2, skipped: 1, malformed: 1 });
      expect(done.report.parts.map((p: { name: string; added: number; skipped: number }) => [p.name, p.added, p.skipped])).toEqual([
        ['data/tweets.js', 2, 0],
        ['data/tweets-part1.js', 0, 1],
      ]);
      expect(done.report.outcomes).toEqual([
        { location: 'data/tweets.js record 1 (line 2)', key: 'x:2000000000000000001', outcome: 'added' },
        { location: 'data/tweets.js record 2 (line 9)', key: 'x:2000000000000000002', outcome: 'added' },
        { location: 'data/tweets-part1.js record 1 (line 2)', key: 'x:2000000000000000001', outcome: 'skipped' },
      ]);
      expect(done.report.malformed).toEqual([{ location: 'data/tweets-part1.js record 2 (line 3)', problem: 'id_str is missing or not a tweet id' }]);
      const item = (await ctx.archive.list(systemActor('test'), { kind: 'imported_post', limit: 100 })).items.find((i) => i.sourceId === 'x:2000000000000000001')!;
      expect(item.metadata).toMatchObject({ sourceFile: { name: 'twitter-2026.zip', sha256: sha256(zip) }, capturedBy: 'system:archive import for Clara Clerk' });
      expect(uploads()).toEqual([]);
      const list = (await app.inject({ method: 'GET', url: '/api/archive/imports', headers: as('it') })).json().imports;
      expect(list[0]).toMatchObject({ id: done.id, status: 'done', added: 2 });
      expect(list[0].report).toBeUndefined();
      const events = (await ctx.audit.list(systemActor('test'), {})).filter((e) => e.targetId === done.id).map((e) => e.action);
      expect(events.sort()).toEqual(['archive.import_completed', 'archive.import_requested']);
    }, 120_000);

    it('[IV.C.15(i)(iii)] a download carrying a virus (inside the ZIP) is refused at upload, audited, and not kept', async () => {
      const zip = await makeZip([{ name: 'data/tweets.js', data: tweetsPart(0, []) }, { name: 'data/tweets_media/1-x.jpg', data: `padding ${EICAR} padding` }]);
      const res = await post('it', 'format=x-archive&filename=infected.zip', zip);
      expect(res.statusCode).toBe(403);
      expect(res.json().error.message).toContain(`infected.zip was refused: the virus scanner found ${EICAR_SIGNATURE}`);
      expect(uploads()).toEqual([]);
      expect((await ctx.audit.list(systemActor('test'), { action: 'archive.import_refused' }))[0]).toMatchObject({ targetId: sha256(zip), after: { reason: 'infected' } });
    }, 60_000);

    it('a hostile ZIP is taken, then its job fails naming why, with nothing imported; too large an upload and a wrong platform are refused at once', async () => {
      const good = await makeZip([{ name: 'data/tweets.js', data: tweetsPart(0, [{ id: '2100000000000000001', text: 'never' }]) }, { name: 'aa/evil.js', data: 'x' }]);
      const res = await post('clerk', 'format=x-archive&filename=climb.zip', renameInPlace(good, 'aa/evil.js', '../evil.js'));
      expect(res.statusCode).toBe(202);
      const failed = await finished(res.json().import.id);
      expect(failed).toMatchObject({ status: 'failed', added: 0, error: expect.stringContaining('climb.zip holds an entry named "../evil.js", which points outside the archive') });
      expect(uploads()).toEqual([]);

      const big = await post('clerk', 'format=x-archive&filename=big.zip', Buffer.alloc(MAX + 1, 1));
      expect(big.statusCode).toBe(400);
      expect(big.json().error.message).toContain('larger than the 2 MiB an upload may be');
      const wrong = await post('clerk', `format=x-archive&filename=t.zip&platformId=${facebookId}`, good);
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json().error.message).toMatch(/is a facebook platform; a x-archive download belongs to a x or twitter platform/);
      expect(uploads()).toEqual([]);
    }, 60_000);

    it('only the City Clerk and the IT Manager import; without a virus scanner uploads are refused', async () => {
      const zip = await makeZip([{ name: 'data/tweets.js', data: tweetsPart(0, []) }]);
      for (const who of ['attorney', 'auditor']) {
        expect((await post(who, 'format=x-archive&filename=t.zip', zip)).statusCode).toBe(403);
        expect((await app.inject({ method: 'GET', url: '/api/archive/imports', headers: as(who) })).statusCode).toBe(403);
      }
      expect((await app.inject({ method: 'GET', url: '/api/archive/imports' })).statusCode).toBe(401);
      const none = await post('clerk', 'format=x-archive&filename=t.zip', zip, bare);
      expect(none.statusCode).toBe(503);
      expect(none.json().error.message).toContain('no virus scanner is configured');
    }, 60_000);

    it('an import whose process stopped is marked failed by the scheduler after 15 minutes without progress', async () => {
      const at = ctx.clock.now().toISOString();
      await ctx.db.db.insertInto('archive_imports').values({ id: 'imp-stuck', format: 'x-archive', platform_id: null, account_handle: null, file_name: 'stuck.zip', file_bytes: 10, file_sha256: '0'.repeat(64), status: 'running', requested_by: null, requested_by_label: 'x', requested_at: at, started_at: at, heartbeat_at: at, finished_at: null, report_json: null, error: null }).execute();
      await jobs.tick(new Date(Date.parse(at) + 14 * 60_000));
      expect((await jobs.get(systemActor('test'), 'imp-stuck')).status).toBe('running');
      await jobs.tick(new Date(Date.parse(at) + 16 * 60_000));
      expect(await jobs.get(systemActor('test'), 'imp-stuck')).toMatchObject({ status: 'failed', error: expect.stringContaining('interrupted') });
    });
  },
  { config: { dataDir } },
);
