import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { systemActor, type PersonActor } from '../../src/kernel/actor.ts';
import { appWithPersonas, as, persona } from '../api/personas.ts';
import { describeWithContext, type TestContext } from '../context.ts';
import { scratchDir, seedArchive } from './support.ts';

const dataDir = scratchDir('productions-expiry-data');
const DAY = 86_400_000;

describeWithContext(
  'productions expire: the downloadable file is removed after the set days, the record and custody log stay',
  (get) => {
    let app: FastifyInstance;
    let ctx: TestContext;
    const clerk = persona('p-clerk', 'Clara Clerk', [{ role: 'city_clerk' }]);
    beforeAll(async () => {
      ctx = get();
      await seedArchive(ctx);
      app = await appWithPersonas(ctx, new Map<string, PersonActor>([['clerk', clerk]]));
    }, 120_000);
    afterAll(async () => app?.close());

    const made = async (format: 'bagit' | 'warc') => {
      const started = await ctx.productions.start(clerk, { format });
      await ctx.productions.kick();
      const done = await ctx.productions.get(clerk, started.id);
      expect(done.status).toBe('done');
      return done;
    };

    it('[IV.A.12] 7 days (the setting) after it finished the file goes, audited; not a day before; the UI sees "expired" and the download says why', async () => {
      ctx.clock.set('2026-11-19T18:00:00Z');
      const bag = await made('bagit');
      const folder = join(dataDir, 'productions', bag.id);
      const zip = join(folder, bag.fileName!);
      expect(existsSync(zip)).toBe(true);
      expect(bag.expiresAt).toBe(new Date(Date.parse(bag.finishedAt!) + 7 * DAY).toISOString());
      ctx.clock.set('2026-11-20T18:00:00Z');
      const warc = await made('warc');

      // Six days and 23 hours after the bag: nothing expires.
      ctx.clock.set(new Date(Date.parse(bag.finishedAt!) + 7 * DAY - 3_600_000));
      expect(await ctx.productions.expire()).toBe(0);
      expect((await app.inject({ method: 'GET', url: `/api/productions/${bag.id}/download`, headers: as('clerk') })).statusCode).toBe(200);

      // Past seven days: the scheduler's tick removes the bag's zip; the WARC, a day younger, stays.
      ctx.clock.set(new Date(Date.parse(bag.finishedAt!) + 7 * DAY + 60_000));
      await ctx.productions.tick(ctx.clock.now());
      expect(existsSync(zip)).toBe(false);
      expect(readFileSync(join(folder, 'chain-of-custody.txt'), 'utf8')).toContain(bag.id);
      expect(existsSync(join(dataDir, 'productions', warc.id, warc.fileName!))).toBe(true);

      const view = (await app.inject({ method: 'GET', url: `/api/productions/${bag.id}`, headers: as('clerk') })).json().production;
      expect(view).toMatchObject({ status: 'expired', expiredAt: ctx.clock.now().toISOString(), sha256: bag.sha256, items: bag.items, fileName: bag.fileName });
      const dl = await app.inject({ method: 'GET', url: `/api/productions/${bag.id}/download`, headers: as('clerk') });
      expect(dl.statusCode).toBe(409);
      expect(dl.json().error.message).toContain(`expired on ${ctx.clock.now().toISOString()}: its file was removed 7 days after it was made (the record of it and its custody log are kept)`);

      const events = await ctx.audit.list(systemActor('test'), { action: 'production.expired' });
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ targetId: bag.id, after: { removedFile: `${bag.id}/${bag.fileName}`, sha256: bag.sha256, expiryDays: 7 } });
      // Swept again: nothing more happens (one event, no error).
      expect(await ctx.productions.expire()).toBe(0);

      ctx.clock.advance(DAY);
      expect(await ctx.productions.expire()).toBe(1);
      expect(existsSync(join(dataDir, 'productions', warc.id, warc.fileName!))).toBe(false);
      expect((await ctx.audit.list(systemActor('test'), { action: 'production.expired' })).map((e) => e.targetId).sort()).toEqual([bag.id, warc.id].sort());

      // Both custody logs outlive their files: who made the copy, when, and the file's SHA-256.
      for (const p of [bag, warc]) {
        const log = await app.inject({ method: 'GET', url: `/api/productions/${p.id}/custody`, headers: as('clerk') });
        expect(log.statusCode).toBe(200);
        expect(log.headers['content-type']).toBe('text/plain; charset=utf-8');
        expect(log.body).toContain(`CHAIN OF CUSTODY: production ${p.id}`);
        expect(log.body).toContain(`Bates numbers: ${p.firstBates} to ${p.lastBates}, consecutive`);
        expect(log.body).toMatch(/^Exported by: .*Clara Clerk/m);
      }
      const warcLog = (await app.inject({ method: 'GET', url: `/api/productions/${warc.id}/custody`, headers: as('clerk') })).body;
      expect(warcLog).toContain(`The WARC file's own SHA-256 is\n  ${warc.sha256} (${warc.bytes} bytes)`);
      expect(warcLog).not.toContain('manifest-sha256.txt');
    }, 120_000);

    it('[IV.A.12] a file already gone when the sweep comes (removed by hand, or a crash after removal) is still recorded as expired once', async () => {
      ctx.clock.set('2026-12-10T18:00:00Z');
      const warc = await made('warc');
      rmSync(join(dataDir, 'productions', warc.id, warc.fileName!));
      ctx.clock.advance(8 * DAY);
      expect(await ctx.productions.expire()).toBe(1);
      expect((await ctx.productions.get(clerk, warc.id)).status).toBe('expired');
    }, 120_000);

    it('[IV.A.12] a production still running has no custody log yet; an unknown one is not found', async () => {
      const started = await ctx.productions.start(clerk, { format: 'warc' });
      const early = await app.inject({ method: 'GET', url: `/api/productions/${started.id}/custody`, headers: as('clerk') });
      expect(early.statusCode).toBe(409);
      expect(early.json().error.message).toContain('its chain-of-custody log is written when it finishes');
      await ctx.productions.kick();
      expect((await app.inject({ method: 'GET', url: `/api/productions/${started.id}/custody`, headers: as('clerk') })).statusCode).toBe(200);
      expect((await app.inject({ method: 'GET', url: '/api/productions/no-such-production/custody', headers: as('clerk') })).statusCode).toBe(404);
    }, 120_000);
  },
  { config: { dataDir, productionExpiryDays: 7 } },
);

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
