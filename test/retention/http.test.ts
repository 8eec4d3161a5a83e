import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { PersonActor } from '../../src/kernel/actor.ts';
import { appWithPersonas, as } from '../api/personas.ts';
import { describeWithContext } from '../context.ts';
import { archived, CONSENT, office, type Office } from './support.ts';

describeWithContext('retention and legal holds over HTTP', (get) => {
  let app: FastifyInstance;
  let o: Office;
  beforeAll(async () => {
    o = await office(get());
    app = await appWithPersonas(get(), new Map<string, PersonActor>([['clerk', o.clerk], ['attorney', o.attorney], ['custodian', o.custodian], ['moderator', o.moderator]]));
  }, 120_000);
  afterAll(async () => app?.close());

  const post = (who: string, url: string, payload: object = {}) => app.inject({ method: 'POST', url, headers: as(who), payload });
  const getAs = (who: string, url: string) => app.inject({ method: 'GET', url, headers: as(who) });

  it('[IV.A.13] the whole disposition over HTTP: propose, consent, numbers, destroy, certificate; refusals carry their codes and clauses', async () => {
    const item = await archived(get(), '2023-05-01T17:00:00Z');
    const eligible = await getAs('clerk', '/api/retention/eligible?category=comments&limit=1000');
    expect(eligible.statusCode).toBe(200);
    expect(eligible.json().items.map((i: { id: string }) => i.id)).toContain(item.id);
    expect((await getAs('moderator', '/api/retention/eligible')).statusCode).toBe(403);
    expect((await getAs('clerk', '/api/retention/eligible?category=nope')).json().error.fields[0].path).toBe('category');

    const proposed = await post('clerk', '/api/dispositions', { itemIds: [item.id], note: 'Comments of May 2023' });
    expect(proposed.statusCode).toBe(201);
    const id = proposed.json().batch.id as string;
    expect((await post('clerk', '/api/dispositions', { itemIds: [item.id], note: 'Again', extra: 1 })).statusCode).toBe(400);
    const early = await post('clerk', `/api/dispositions/${id}/destroy`);
    expect(early.statusCode).toBe(403);
    expect(early.json().error).toMatchObject({ code: 'policy_refusal', message: expect.stringMatching(/consents in writing/) });
    expect((await post('clerk', `/api/dispositions/${id}/consent`, { text: CONSENT })).json().error.code).toBe('forbidden');
    expect((await post('attorney', `/api/dispositions/${id}/consent`, { text: CONSENT })).statusCode).toBe(200);
    expect((await post('clerk', `/api/dispositions/${id}/authority`, { resolutionNumber: 'Res. 26-401', formNumber: 'RDA-26-041' })).statusCode).toBe(200);
    const done = await post('clerk', `/api/dispositions/${id}/destroy`);
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ batch: { status: 'destroyed' }, certificate: { items: [{ id: item.id, contentSha256: item.contentSha256, itemHash: item.itemHash }] } });
    expect((await post('clerk', `/api/dispositions/${id}/destroy`)).statusCode).toBe(409);
    const cert = await getAs('attorney', `/api/dispositions/${id}/certificate`);
    expect(cert.json().certificate.body).toMatchObject({ resolutionNumber: 'Res. 26-401', formNumber: 'RDA-26-041', consentText: CONSENT });
    const read = await getAs('clerk', `/api/archive/items/${item.id}`);
    expect(read.json().item).toMatchObject({ native: null, renderedText: '', disposed: { batchId: id } });
    expect(read.body).not.toMatch(/street fair/);
  });

  it('[IV.A.13] legal holds over HTTP: bad input names the field; the custodian acknowledges their own hold', async () => {
    const bad = await post('attorney', '/api/legal-holds', { matter: 'Claim 7', custodianId: o.custodian.personId, fromDate: '2025-06-01', toDate: '2025-01-01' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toEqual([{ path: 'toDate', message: 'the date range is inverted: 2025-01-01 is before fromDate 2025-06-01' }]);
    const unknown = await post('attorney', '/api/legal-holds', { matter: 'Claim 7', custodianId: o.custodian.personId, fromDate: '2025-01-01', platformIds: ['twitter'] });
    expect(unknown.json().error.fields).toEqual([{ path: 'platformIds.0', message: 'unknown platform: twitter' }]);
    const ok = await post('attorney', '/api/legal-holds', { matter: 'Claim 7', custodianId: o.custodian.personId, fromDate: '2025-01-01', platformIds: [o.platform] });
    expect(ok.statusCode).toBe(201);
    const id = ok.json().hold.id as string;
    expect((await post('clerk', `/api/legal-holds/${id}/acknowledge`)).statusCode).toBe(403);
    const mine = await getAs('custodian', '/api/legal-holds/mine');
    expect(mine.json().holds.map((h: { id: string }) => h.id)).toEqual([id]);
    expect((await post('custodian', `/api/legal-holds/${id}/acknowledge`)).json().hold.status).toBe('acknowledged');
    expect((await getAs('custodian', '/api/legal-holds')).statusCode).toBe(403);
    expect((await post('attorney', `/api/legal-holds/${id}/release`, {})).statusCode).toBe(400);
    expect((await post('attorney', `/api/legal-holds/${id}/release`, { reason: 'Claim paid.' })).json().hold.status).toBe('released');
  });
});
