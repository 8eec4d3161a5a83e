import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { PersonActor } from '../../src/kernel/actor.ts';
import { appWithPersonas, as } from '../api/personas.ts';
import { describeWithContext } from '../context.ts';
import { pst, world, type World } from './support.ts';

describeWithContext('offduty and reviews over HTTP', (get) => {
  let w: World;
  let app: FastifyInstance;
  beforeAll(async () => {
    w = await world(get());
    app = await appWithPersonas(get(), new Map<string, PersonActor>([['poster', w.poster], ['pwhead', w.pwHead], ['cshead', w.csHead], ['pia', w.pia]]));
  }, 120_000);
  afterAll(async () => app?.close());

  it('[IV.C.15(e)(i)(B)] the payroll export is a CSV download with a header row, safe to open in a spreadsheet', async () => {
    const ctx = get();
    ctx.clock.set(pst('2026-11-20T20:00'));
    expect((await app.inject({ method: 'POST', url: '/api/offduty/sessions/start', headers: as('poster'), payload: { note: '=cmd|calc' } })).statusCode).toBe(201);
    ctx.clock.set(pst('2026-11-20T20:04'));
    const end = await app.inject({ method: 'POST', url: '/api/offduty/sessions/end', headers: as('poster') });
    expect(end.statusCode).toBe(200);
    expect(end.json().entry).toMatchObject({ minutes: 4, flags: [] });

    const pw = w.poster.roles.find((g) => g.departmentId)!.departmentId!;
    const res = await app.inject({ method: 'GET', url: `/api/offduty/log.csv?departmentId=${pw}&from=2026-11-20&to=2026-11-20`, headers: as('pwhead') });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="offduty-[\w-]+\.csv"$/);
    const [header, row, ...rest] = res.body.trimEnd().split('\r\n');
    expect(header).toBe('Entry,Employee,Email,Department,Date,Start,End,Minutes,Pre-authorization,Flags,Corrects entry,Note,Start (UTC),End (UTC)');
    expect(rest).toEqual([]);
    expect(row).toContain(',Jordan Patel,jpatel@carsonca.gov,Public Works,2026-11-20,2026-11-20 20:00 PST,2026-11-20 20:04 PST,4,none,,,\'=cmd|calc,');

    const other = await app.inject({ method: 'GET', url: `/api/offduty/log.csv?departmentId=${pw}`, headers: as('cshead') });
    expect(other.statusCode).toBe(403);
    expect(other.json().error.clauses.map((c: { id: string }) => c.id)).toContain('IV.C.15(e)(i)(B)');
    const bad = await app.inject({ method: 'GET', url: `/api/offduty/log.csv?departmentId=${pw}&from=yesterday`, headers: as('pwhead') });
    expect(bad.statusCode).toBe(400);
  });

  it('[IV.C.15(e)(i)(A)] a pre-authorization is requested and decided over HTTP', async () => {
    const ctx = get();
    ctx.clock.set(pst('2026-11-23T09:00'));
    const req = await app.inject({ method: 'POST', url: '/api/offduty/preauths', headers: as('poster'), payload: { windowStart: '2026-11-23T18:00:00-08:00', windowEnd: '2026-11-23T20:00:00-08:00', reason: 'Council meeting live posts' } });
    expect(req.statusCode).toBe(201);
    const id = req.json().preauth.id as string;
    const pending = await app.inject({ method: 'GET', url: '/api/offduty/preauths?scope=decide', headers: as('pwhead') });
    expect(pending.json().preauths.map((p: { id: string }) => p.id)).toContain(id);
    expect((await app.inject({ method: 'POST', url: `/api/offduty/preauths/${id}/decision`, headers: as('poster'), payload: { decision: 'approve' } })).statusCode).toBe(403);
    const ok = await app.inject({ method: 'POST', url: `/api/offduty/preauths/${id}/decision`, headers: as('pwhead'), payload: { decision: 'approve', note: 'Yes' } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().preauth.status).toBe('approved');
  });

  it('[IV.C.15(f)(iii)] the dashboard lists my review tasks', async () => {
    const ctx = get();
    ctx.clock.set(pst('2026-11-23T09:00'));
    await ctx.reviews.tick(ctx.clock.now());
    const res = await app.inject({ method: 'GET', url: '/api/reviews?mine=1', headers: as('pia') });
    expect(res.statusCode).toBe(200);
    const tasks = res.json().tasks as { platformName: string; kind: string; abilities: Record<string, boolean> }[];
    expect(tasks.map((t) => [t.platformName, t.kind]).sort()).toEqual([
      ['Carson City News', 'ads_links'],
      ['Carson City News', 'currency'],
    ]);
    expect(tasks.every((t) => t.abilities['review.complete'])).toBe(true);
    expect((await app.inject({ method: 'GET', url: '/api/reviews?mine=1', headers: as('poster') })).statusCode).toBe(403);
  });
});
