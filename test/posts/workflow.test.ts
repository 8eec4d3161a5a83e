import { beforeAll, expect, it } from 'vitest';
import { describeWithContext } from '../context.ts';
import { postsWorld, type PostsWorld } from './support.ts';

describeWithContext('posts: draft → approval → IT review → published on the City feed', (get) => {
  let w: PostsWorld;
  beforeAll(async () => {
    w = await postsWorld(get());
  });

  it('[IV.C.5] [IV.A.17] walks a post through department approval and IT review to publication', async () => {
    const ctx = get();
    const p = await ctx.posts.create(w.poster, w.draft());
    expect(p.status).toBe('draft');
    expect(p.findings.filter((f) => f.severity === 'block')).toEqual([]);
    expect((await ctx.posts.submit(w.poster, p.id)).status).toBe('submitted');
    expect((await ctx.posts.approve(w.pwHead, p.id, { comment: 'Good' })).status).toBe('approved');
    const scheduled = await ctx.posts.itReview(w.it, p.id);
    expect(scheduled.status).toBe('scheduled');
    expect(scheduled.publications).toMatchObject([{ platformId: w.pwNews, status: 'pending' }]);

    const run = await ctx.posts.publisher().runDue();
    expect(run.published).toBe(1);
    const published = await ctx.posts.get(w.poster, p.id);
    expect(published.status).toBe('published');
    expect(published.publications[0]).toMatchObject({ status: 'published', attempts: 1 });
    const entries = await ctx.db.db.selectFrom('feed_entries').selectAll().where('idempotency_key', '=', `${p.id}:${w.pwNews}:v1`).execute();
    expect(entries).toHaveLength(1);
    expect(entries[0]!.body).toBe(p.body);
    const audit = await ctx.db.db.selectFrom('audit_events').select('action').where('target_id', '=', p.id).orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual(['post.created', 'post.submitted', 'post.approved', 'post.it_reviewed', 'post.published']);
  });

  it('[IV.C.5] no one approves their own post', async () => {
    const ctx = get();
    const p = await ctx.posts.create(w.cm, w.draft({ targets: [{ platformId: w.cityNews }] }));
    await ctx.posts.submit(w.cm, p.id);
    await expect(ctx.posts.approve(w.cm, p.id)).rejects.toMatchObject({ code: 'policy_refusal', clauses: ['IV.C.5'] });
    // The Assistant City Manager, the City Manager's designee, can.
    expect((await ctx.posts.approve(w.acm, p.id)).status).toBe('approved');
  });

  it('[IV.C.5] only the head of the platform’s department (or the City Manager) approves', async () => {
    const ctx = get();
    const p = await ctx.posts.create(w.poster, w.draft());
    await ctx.posts.submit(w.poster, p.id);
    await expect(ctx.posts.approve(w.csHead, p.id)).rejects.toMatchObject({ code: 'forbidden', clauses: ['IV.C.5'] });
    await expect(ctx.posts.itReview(w.it, p.id)).rejects.toMatchObject({ code: 'conflict' });
  });

  it('[IV.A.2] [IV.C.3] refuses a draft from someone not designated for the platform', async () => {
    const ctx = get();
    await expect(ctx.posts.create(w.poster, w.draft({ targets: [{ platformId: w.cityNews }] }))).rejects.toMatchObject({ code: 'policy_refusal' });
    await expect(ctx.posts.create(w.auditor, w.draft())).rejects.toMatchObject({ code: 'forbidden' });
    expect(await ctx.db.db.selectFrom('posts').select('id').where('author_id', '=', w.auditor.personId).execute()).toEqual([]);
  });

  it('[IV.C.5] [IV.A.17] an edit after approval voids the approvals and sends the post back', async () => {
    const ctx = get();
    const id = await w.schedule();
    const edited = await ctx.posts.update(w.poster, id, w.draft({ body: 'Street sweeping on Avalon Boulevard moves to Wednesday mornings. Details: https://ci.carson.ca.us/sweeping' }));
    expect(edited.status).toBe('submitted');
    expect(edited.version).toBe(2);
    expect(edited.approvals.every((a) => a.voided)).toBe(true);
    expect(edited.publications.map((p) => p.status)).toEqual(['cancelled']);
    await expect(ctx.posts.itReview(w.it, id)).rejects.toMatchObject({ code: 'conflict' });
    expect((await ctx.posts.publisher().runDue()).published).toBe(0);
  });

  it('[IV.C.5] a rejection carries a comment back to the author as a draft', async () => {
    const ctx = get();
    const p = await ctx.posts.create(w.poster, w.draft());
    await ctx.posts.submit(w.poster, p.id);
    await expect(ctx.posts.reject(w.pwHead, p.id, { comment: '  ' })).rejects.toMatchObject({ code: 'invalid_input' });
    const back = await ctx.posts.reject(w.pwHead, p.id, { comment: 'Say which blocks of Avalon.' });
    expect(back.status).toBe('draft');
    expect(back.approvals.at(-1)).toMatchObject({ decision: 'rejected', comment: 'Say which blocks of Avalon.' });
    const notes = await ctx.notifications.listFor(w.poster);
    expect(notes.some((n) => n.kind === 'post.rejected' && n.body === 'Say which blocks of Avalon.')).toBe(true);
  });

  it('[IV.D.7(a)] a block finding stops approval until the City Manager overrides it with a reason', async () => {
    const ctx = get();
    const p = await ctx.posts.create(w.poster, w.draft({ body: 'Questions? Call Jane at 310-555-0199. Details: https://ci.carson.ca.us/sweeping' }));
    expect(p.findings.some((f) => f.severity === 'block' && f.clause === 'IV.D.7(a)')).toBe(true);
    await ctx.posts.submit(w.poster, p.id);
    await expect(ctx.posts.approve(w.pwHead, p.id)).rejects.toMatchObject({ code: 'policy_refusal', clauses: ['IV.D.7(a)'] });
    await expect(ctx.posts.override(w.pwHead, p.id, { reason: 'fine' })).rejects.toMatchObject({ code: 'forbidden' });
    await ctx.posts.override(w.cm, p.id, { reason: 'Jane is the public contact for street sweeping' });
    expect((await ctx.posts.approve(w.pwHead, p.id)).status).toBe('approved');
    const ev = await ctx.db.db.selectFrom('audit_events').select(['reason', 'clauses']).where('target_id', '=', p.id).where('action', '=', 'post.block_overridden').executeTakeFirstOrThrow();
    expect(ev.reason).toBe('Jane is the public contact for street sweeping');
  });

  it('[IV.A.3] [IV.A.7] refuses a terminated or not-yet-active platform', async () => {
    const ctx = get();
    const relay = (await w.platform('Old News Relay')).id;
    const requested = (await w.platform('Public Works Field Updates Feed')).id;
    await expect(ctx.posts.create(w.cm, w.draft({ targets: [{ platformId: relay }] }))).rejects.toMatchObject({ code: 'policy_refusal', clauses: ['IV.A.7'] });
    await expect(ctx.posts.create(w.cm, w.draft({ targets: [{ platformId: requested }] }))).rejects.toMatchObject({ code: 'policy_refusal', clauses: ['IV.A.3'] });
  });

  it('[IV.C.15(h)] shows a near-duplicate of a recent post to the author and approvers', async () => {
    const ctx = get();
    const first = await ctx.posts.create(w.poster, w.draft({ title: 'Avalon resurfacing', body: 'Avalon Boulevard resurfacing starts Monday, December 7 at 8 a.m. between 213th and 220th Street. Details: https://ci.carson.ca.us/avalon' }));
    await ctx.posts.submit(w.poster, first.id);
    const second = await ctx.posts.create(w.poster, w.draft({ title: 'Avalon resurfacing', body: 'Avalon Boulevard resurfacing starts Monday, December 14 at 8 a.m. between 213th and 220th Street. Details: https://ci.carson.ca.us/avalon' }));
    const conflicts = second.findings.filter((f) => f.source === 'conflict');
    expect(conflicts.length).toBeGreaterThan(0);
    expect(conflicts[0]).toMatchObject({ clause: 'IV.C.15(h)', otherPostId: first.id });
  });

  it('[IV.A.16] [IV.C.1] removal takes the post off the feed and keeps it with the reason', async () => {
    const ctx = get();
    const id = await w.schedule();
    await ctx.posts.publisher().runDue();
    await expect(ctx.posts.remove(w.pwHead, id, { reason: 'x' })).rejects.toMatchObject({ code: 'forbidden' });
    const removed = await ctx.posts.remove(w.it, id, { reason: 'Wrong week announced' });
    expect(removed.status).toBe('removed');
    expect(removed.removed).toMatchObject({ reason: 'Wrong week announced', by: w.it.personId });
    expect(removed.publications[0]!.status).toBe('removed');
    expect(removed.body).toContain('Street sweeping');
    const entry = await ctx.db.db.selectFrom('feed_entries').select('removed_at').where('idempotency_key', 'like', `${id}:%`).executeTakeFirstOrThrow();
    expect(entry.removed_at).not.toBeNull();
  });

  it('[IV.C.15(f)(v)] a correction of a published post tells the department head when it goes out', async () => {
    const ctx = get();
    const original = await w.schedule();
    const draft = await ctx.posts.create(w.poster, w.draft());
    await expect(ctx.posts.create(w.poster, w.draft({ correctionOf: draft.id }))).rejects.toMatchObject({ code: 'conflict', clauses: ['IV.C.15(f)(v)'] });
    await ctx.posts.publisher().runDue();
    const fix = await w.schedule({ title: 'Correction: street sweeping', correctionOf: original });
    await ctx.posts.publisher().runDue();
    expect((await ctx.posts.get(w.poster, fix)).correctionOf).toBe(original);
    const notes = await ctx.notifications.listFor(w.pwHead);
    expect(notes.some((n) => n.kind === 'post.corrected' && n.relatedId === fix)).toBe(true);
  });
});
