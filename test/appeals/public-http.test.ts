import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithContext } from '../context.ts';
import { appWithPersonas } from '../api/personas.ts';
import { commentWithDecision, modWorld, PW_BLUESKY, type ModWorld } from '../bans/support.ts';

describeWithContext('public comment pages and the appeal form over HTTP (no sign-in)', (get) => {
  let app: FastifyInstance;
  let w: ModWorld;
  beforeAll(async () => {
    w = await modWorld(get());
    app = await appWithPersonas(get(), new Map());
  }, 120_000);
  afterAll(async () => app?.close());

  it('[V] [IV.C.11] [IV.A.6] the Section V comment policy is published as adopted, with its version and date and the platforms it applies on', async () => {
    const ctx = get();
    const res = await app.inject({ method: 'GET', url: '/api/public/comment-policy' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const current = await ctx.policyVersions.current();
    expect(body.policy).toMatchObject({ name: ctx.pack.name, number: 'Council Policy 01.01.04', version: '2016-12-07', adoptedOn: '2016-12-07', versionId: current.id, recordedAt: current.recordedAt });
    expect(body.text).toBe(ctx.pack.texts.commentPolicy);
    expect(body.grounds).toHaveLength(15);
    expect(body.grounds[0]).toEqual({ id: 'V.1', title: 'Off-topic, random or unintelligible', text: 'Comments not related to the original topic, including random or unintelligible comments.' });
    expect(body.grounds[14].id).toBe('V.15');
    // [IV.A.6] It applies on the platforms the City Manager opened to comments, listed with it.
    const open = await ctx.db.db.selectFrom('platforms').select('name').where('status', '=', 'active').where('comments_enabled', '=', 1).orderBy('name').execute();
    expect(body.platforms.map((p: { name: string }) => p.name)).toEqual(open.map((p) => p.name));
    expect(open.length).toBeGreaterThan(0);
  });

  it('[IV.C.10] the disclaimers are published from the policy pack', async () => {
    const ctx = get();
    const res = await app.inject({ method: 'GET', url: '/api/public/disclaimers' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ recordsDisclaimer: ctx.pack.texts.recordsDisclaimer, purposeNotice: ctx.pack.texts.purposeNotice, liabilityDisclaimer: ctx.pack.texts.liabilityDisclaimer, privacyPolicyUrl: ctx.pack.jurisdiction.privacyPolicyUrl, policy: { version: '2016-12-07' } });
  });

  it('[V] anyone appeals without signing in, gets a reference, and sees its status with no personal data; the form is rate-limited', async () => {
    const ctx = get();
    const pw = (await w.platform(PW_BLUESKY)).id;
    const { commentId } = await commentWithDecision(ctx, { platformId: pw, text: 'Potholes on 223rd again', decision: 'hide', clauses: ['V.1'], moderatorId: w.moderator.personId });
    const form = { commentId, name: 'Jamie Q. Public', contact: 'jamie@example.org', statement: 'My comment was about the road work in the post.' };
    const res = await app.inject({ method: 'POST', url: '/api/public/appeals', payload: form });
    expect(res.statusCode).toBe(201);
    const ref = res.json().appeal.reference as string;
    const status = await app.inject({ method: 'GET', url: `/api/public/appeals/${encodeURIComponent(ref)}` });
    expect(status.statusCode).toBe(200);
    expect(status.json().appeal).toMatchObject({ reference: ref, status: 'open', subject: 'comment' });
    expect(status.body).not.toMatch(/Jamie|example\.org|223rd/);
    expect((await app.inject({ method: 'POST', url: '/api/public/appeals', payload: { ...form, extra: 1 } })).statusCode).toBe(400);
    expect((await app.inject({ method: 'POST', url: '/api/public/appeals', payload: { ...form, statement: 'x'.repeat(7000) } })).statusCode).toBe(400);
    // Staff pages stay behind sign-in.
    expect((await app.inject({ method: 'GET', url: '/api/appeals' })).statusCode).toBe(401);
    let last = 0;
    for (let i = 0; i < 12; i++) last = (await app.inject({ method: 'POST', url: '/api/public/appeals', payload: form })).statusCode;
    expect(last).toBe(429);
    // Ten attempts an hour per address, refused ones included: one kept before, seven more after the two refused.
    expect(await ctx.db.db.selectFrom('moderation_appeals').select('id').where('comment_id', '=', commentId).execute()).toHaveLength(8);
  });
});
