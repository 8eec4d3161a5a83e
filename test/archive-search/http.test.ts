import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { PersonActor } from '../../src/kernel/actor.ts';
import { appWithPersonas, as } from '../api/personas.ts';
import { describeWithContext } from '../context.ts';
import { capture, desk, FORM, type Desk } from './support.ts';

describeWithContext('archive search over HTTP', (get) => {
  let app: FastifyInstance;
  let d: Desk;
  let flood: string;
  beforeAll(async () => {
    d = await desk(get());
    app = await appWithPersonas(get(), new Map<string, PersonActor>([['clerk', d.clerk], ['attorney', d.attorney], ['moderator', d.moderator]]));
    flood = await capture(get(), { renderedText: 'Flooding at <b>Veterans Park</b> after the storm', platformId: 'plat-fb', metadata: { author: { handle: 'rain.watcher' } } });
  }, 120_000);
  afterAll(async () => app?.close());

  it('[IV.A.11] search, save, re-run, collect into a request and list what was collected; hostile query text is a 200 or a 400, never a 500', async () => {
    const search = await app.inject({ method: 'GET', url: `/api/archive/search?q=${encodeURIComponent('flooding "veterans park" -drill')}&platform=plat-fb&kind=comment`, headers: as('attorney') });
    expect(search.statusCode).toBe(200);
    expect(search.json().hits.map((h: { id: string }) => h.id)).toEqual([flood]);
    // The snippet is parts of text, never HTML.
    const parts = search.json().hits[0].snippet as { text: string; hit: boolean }[];
    expect(parts.map((p) => p.text).join('')).toContain('<b>Veterans Park</b>');
    for (const q of ['"unbalanced', 'NEAR(a b', '*', 'a OR', '\\', '{col}:x', '-', '"""']) {
      const res = await app.inject({ method: 'GET', url: `/api/archive/search?q=${encodeURIComponent(q)}`, headers: as('clerk') });
      expect([200, 400], q).toContain(res.statusCode);
    }
    const bad = await app.inject({ method: 'GET', url: '/api/archive/search?q=-flooding', headers: as('clerk') });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe('q');

    const saved = await app.inject({ method: 'POST', url: '/api/archive/saved-searches', headers: as('clerk'), payload: { name: 'Park flooding', q: 'flooding park', filters: { kind: 'comment' } } });
    expect(saved.statusCode).toBe(201);
    const id = saved.json().savedSearch.id as string;
    const list = await app.inject({ method: 'GET', url: '/api/archive/saved-searches', headers: as('attorney') });
    const mine = list.json().savedSearches.find((s: { id: string }) => s.id === id);
    expect(mine.abilities['archive_search.delete']).toBe(false);
    expect(list.json().abilities).toEqual({ 'archive_search.save': true, 'archive_search.collect': false });
    const rerun = await app.inject({ method: 'GET', url: `/api/archive/saved-searches/${id}/results`, headers: as('attorney') });
    expect(rerun.json().hits.map((h: { id: string }) => h.id)).toEqual([flood]);

    const created = await app.inject({ method: 'POST', url: '/api/records-requests', headers: as('clerk'), payload: { ...FORM, channel: 'email' } });
    const requestId = created.json().request.id as string;
    expect((await app.inject({ method: 'POST', url: `/api/records-requests/${requestId}/collect`, headers: as('attorney'), payload: { savedSearchId: id } })).statusCode).toBe(403);
    const both = await app.inject({ method: 'POST', url: `/api/records-requests/${requestId}/collect`, headers: as('clerk'), payload: { savedSearchId: id, itemIds: [flood] } });
    expect(both.statusCode).toBe(400);
    const collect = await app.inject({ method: 'POST', url: `/api/records-requests/${requestId}/collect`, headers: as('clerk'), payload: { savedSearchId: id } });
    expect(collect.statusCode).toBe(200);
    expect(collect.json().collection).toMatchObject({ matched: 1, added: 1 });
    const collected = await app.inject({ method: 'GET', url: `/api/records-requests/${requestId}/collected`, headers: as('attorney') });
    expect(collected.json().items.map((i: { archiveItemId: string }) => i.archiveItemId)).toEqual([flood]);

    expect((await app.inject({ method: 'DELETE', url: `/api/archive/saved-searches/${id}`, headers: as('attorney') })).statusCode).toBe(403);
    expect((await app.inject({ method: 'DELETE', url: `/api/archive/saved-searches/${id}`, headers: as('clerk') })).statusCode).toBe(204);
    expect((await app.inject({ method: 'GET', url: `/api/archive/saved-searches/${id}/results`, headers: as('clerk') })).statusCode).toBe(404);
    // A deleted saved search still names what it collected.
    const after = await app.inject({ method: 'GET', url: `/api/records-requests/${requestId}/collected`, headers: as('clerk') });
    expect(after.json().items[0].collection.savedSearchName).toBe('Park flooding');

    expect((await app.inject({ method: 'GET', url: '/api/archive/search?q=flooding', headers: as('moderator') })).statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: '/api/archive/search?q=flooding' })).statusCode).toBe(401);
  });
});
