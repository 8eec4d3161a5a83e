import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { declaredRoutes } from '../../src/http/route.ts';
import { describeWithContext } from '../context.ts';
import { appWithPersonas, as, persona } from './personas.ts';
import { snapshot } from './db-snapshot.ts';

/**
 * Random bodies at every write route, as the most powerful persona: never a 5xx, and a refused
 * request (any 4xx) changes nothing in the database.
 */
describeWithContext('fuzzing every write route', (get) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    const boss = persona('p-fuzz', 'Fuzz Boss', [{ role: 'city_manager' }, { role: 'it_manager' }, { role: 'city_clerk' }]);
    app = await appWithPersonas(get(), new Map([['boss', boss]]));
  });
  afterAll(async () => app?.close());

  const body = fc.oneof(
    fc.jsonValue(),
    fc.dictionary(fc.constantFrom('name', 'email', 'id', 'reason', 'platformIds', 'personId', 'clauseId', 'startsOn', 'enabled', 'decision', 'code', 'password', 'type'), fc.jsonValue()),
    fc.string(),
  );
  const id = fc.oneof(fc.uuid(), fc.string({ minLength: 1, maxLength: 40 }).map(encodeURIComponent), fc.constant('..%2F..'));

  it('no write route answers 5xx, and refusals leave the database untouched', async () => {
    const writes = declaredRoutes(app).filter((r) => r.method !== 'GET');
    expect(writes.length).toBeGreaterThan(0);
    for (const r of writes) {
      await fc.assert(
        fc.asyncProperty(body, id, fc.boolean(), async (payload, someId, rawText) => {
          const url = r.url.replace(/:[A-Za-z]+/g, () => (someId.length ? someId : 'x'));
          const before = await snapshot(get().db.db);
          const res = await app.inject({
            method: r.method as 'POST',
            url,
            headers: { ...as('boss'), 'content-type': 'application/json' },
            payload: rawText && typeof payload === 'string' ? payload : JSON.stringify(payload),
          });
          if (res.statusCode >= 500) throw new Error(`${r.method} ${r.url} answered ${res.statusCode}: ${res.body} for ${JSON.stringify(payload)}`);
          if (res.statusCode >= 400) {
            expect(JSON.parse(res.body).error?.message, `${r.method} ${r.url} error body`).toBeTruthy();
            expect(await snapshot(get().db.db), `${r.method} ${r.url} refused but wrote`).toBe(before);
          }
        }),
        { numRuns: 25 },
      );
    }
  }, 300_000);
});
