import { rmSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { WARCParser } from 'warcio';
import type { PersonActor } from '../../src/kernel/actor.ts';
import { appWithPersonas, as, persona } from '../api/personas.ts';
import { describeWithContext, type TestContext } from '../context.ts';
import { scratchDir, seedArchive, type Seeded } from './support.ts';

const dataDir = scratchDir('productions-http-data');

async function finished(app: FastifyInstance, id: string, who = 'clerk') {
  for (let i = 0; i < 600; i++) {
    const p = (await app.inject({ method: 'GET', url: `/api/productions/${id}`, headers: as(who) })).json().production;
    if (p.status === 'done' || p.status === 'failed') return p;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`production ${id} did not finish`);
}

describeWithContext(
  'productions from the UI: jobs, progress and download over HTTP',
  (get) => {
    let app: FastifyInstance;
    let s: Seeded;
    let ctx: TestContext;
    beforeAll(async () => {
      ctx = get();
      s = await seedArchive(ctx);
      const personas = new Map<string, PersonActor>([
        ['clerk', persona('p-clerk', 'Clara Clerk', [{ role: 'city_clerk' }])],
        ['attorney', persona('p-attorney', 'Avery Attorney', [{ role: 'city_attorney' }])],
        ['it', persona('p-it', 'Ivan IT', [{ role: 'it_manager' }])],
        ['auditor', persona('p-auditor', 'Audrey Auditor', [{ role: 'auditor' }])],
        ['head', persona('p-head', 'Hal Head', [{ role: 'department_head', departmentId: s.pw }])],
      ]);
      app = await appWithPersonas(ctx, personas);
    }, 120_000);
    afterAll(async () => app?.close());

    it('[IV.A.12] the City Clerk starts a BagIt production, follows it to 100%, and downloads the zipped bag', async () => {
      const res = await app.inject({ method: 'POST', url: '/api/productions', headers: as('clerk'), payload: { format: 'bagit', filter: { kinds: ['post_version', 'attachment'] }, batesPrefix: 'PRR-7' } });
      expect(res.statusCode).toBe(202);
      const started = res.json().production;
      expect(started).toMatchObject({ format: 'bagit', requestedBy: 'Clara Clerk', batesPrefix: 'PRR-7' });
      const done = await finished(app, started.id);
      const expected = s.items.filter((i) => i.kind === 'post_version' || i.kind === 'attachment').length;
      expect(done).toMatchObject({ status: 'done', percent: 100, items: expected, firstBates: 'PRR-7-000001', error: null });
      expect(done.fileName).toMatch(/^crier-production-[0-9a-f]{8}\.zip$/);
      const file = await app.inject({ method: 'GET', url: `/api/productions/${started.id}/download`, headers: as('attorney') });
      expect(file.statusCode).toBe(200);
      expect(file.headers['content-type']).toBe('application/zip');
      expect(file.headers['content-disposition']).toBe(`attachment; filename="${done.fileName}"`);
      expect(file.rawPayload.subarray(0, 2).toString()).toBe('PK');
      const top = done.fileName.replace(/\.zip$/, '');
      for (const name of ['bagit.txt', 'bag-info.txt', 'manifest-sha256.txt', 'tagmanifest-sha256.txt', 'chain-of-custody.txt', 'certification-fre-902-14.txt', 'data/loadfile.csv', 'data/media/PRR-7-000004.png']) expect(file.rawPayload.includes(`${top}/${name}`), name).toBe(true);
      const list = (await app.inject({ method: 'GET', url: '/api/productions', headers: as('it') })).json();
      expect(list.productions.map((p: { id: string }) => p.id)).toContain(started.id);
      expect(list.abilities).toEqual({ 'productions.create': true, 'productions.read': true });
      const audit = await ctx.db.db.selectFrom('audit_events').select(['action', 'actor_label']).where('target_id', '=', started.id).orderBy('seq').execute();
      expect(audit.map((a) => a.action)).toEqual(['production.requested', 'production.exported', 'production.completed']);
      expect(audit[0]!.actor_label).toBe('Clara Clerk');
    }, 60_000);

    it('[IV.A.12] a WARC production downloads as a file warcio reads back', async () => {
      const res = await app.inject({ method: 'POST', url: '/api/productions', headers: as('it'), payload: { format: 'warc', filter: { departments: ['city'] } } });
      expect(res.statusCode).toBe(202);
      const done = await finished(app, res.json().production.id, 'it');
      expect(done.status).toBe('done');
      const file = await app.inject({ method: 'GET', url: `/api/productions/${done.id}/download`, headers: as('it') });
      expect(file.headers['content-type']).toBe('application/warc');
      const types: string[] = [];
      for await (const r of new WARCParser([new Uint8Array(file.rawPayload)])) types.push(r.warcType ?? '');
      expect(types).toEqual(['warcinfo', ...s.items.filter((i) => i.departmentId === null).map(() => 'resource')]);
    }, 60_000);

    it('[IV.A.12] only the City Clerk, City Attorney and IT Manager may produce; bad filters are a 400 naming them; nothing to download until done', async () => {
      for (const who of ['auditor', 'head']) {
        const r = await app.inject({ method: 'POST', url: '/api/productions', headers: as(who), payload: { format: 'bagit' } });
        expect(r.statusCode).toBe(403);
        expect(r.json().error.clauses.map((c: { id: string }) => c.id)).toEqual(['IV.A.12']);
        expect((await app.inject({ method: 'GET', url: '/api/productions', headers: as(who) })).statusCode).toBe(403);
      }
      expect((await app.inject({ method: 'GET', url: '/api/productions' })).statusCode).toBe(401);
      const bad = await app.inject({ method: 'POST', url: '/api/productions', headers: as('clerk'), payload: { format: 'bagit', filter: { platforms: ['nope'] } } });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.fields).toEqual([{ path: 'platforms', message: 'no platform has the id nope' }]);
      expect((await app.inject({ method: 'POST', url: '/api/productions', headers: as('clerk'), payload: { format: 'pdf' } })).statusCode).toBe(400);
      expect((await app.inject({ method: 'POST', url: '/api/productions', headers: as('clerk'), payload: { format: 'bagit', filter: { kinds: ['mail_outbox'] } } })).statusCode).toBe(400);
      const before = await ctx.db.db.selectFrom('productions').select('id').execute();
      expect(before.every((p) => p.id)).toBe(true);
      const at = ctx.clock.now().toISOString();
      await ctx.db.db.insertInto('productions').values({ id: 'p-queued', format: 'bagit', filters_json: '{}', bates_prefix: 'X', status: 'running', requested_by: null, requested_by_label: 'x', requested_at: at, started_at: at, heartbeat_at: at, finished_at: null, phase: 'writing', item_count: null, first_bates: null, last_bates: null, result_file: null, result_bytes: null, result_sha256: null, error: null }).execute();
      const early = await app.inject({ method: 'GET', url: '/api/productions/p-queued/download', headers: as('clerk') });
      expect(early.statusCode).toBe(409);
      expect(early.json().error.message).toContain('is running: there is nothing to download yet');
      // Its process stopped: after 15 minutes without progress the scheduler marks it failed.
      await ctx.productions.tick(new Date(Date.parse(at) + 16 * 60_000));
      const p = (await app.inject({ method: 'GET', url: '/api/productions/p-queued', headers: as('clerk') })).json().production;
      expect(p).toMatchObject({ status: 'failed', error: expect.stringContaining('interrupted') });
    });
  },
  { config: { dataDir } },
);

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
