import { beforeAll, expect, it } from 'vitest';
import { describeWithContext } from '../context.ts';
import { postsWorld, type PostsWorld } from './support.ts';

// Thursday 2026-11-19, Carson time (America/Los_Angeles, UTC−8 in November).
const THU_10AM = '2026-11-19T18:00:00Z';
const THU_9PM = '2026-11-20T05:00:00Z';
const FRI_7AM = '2026-11-20T15:00:00Z';

describeWithContext('posts: business hours, emergencies and schedule times', (get) => {
  let w: PostsWorld;
  beforeAll(async () => {
    w = await postsWorld(get());
  });
  const at = (iso: string) => get().clock.set(new Date(iso));

  it('[IV.C.15(e)] refuses posting actions outside business hours', async () => {
    at(THU_9PM);
    await expect(get().posts.create(w.poster, w.draft())).rejects.toMatchObject({ code: 'policy_refusal', clauses: ['IV.C.15(e)'] });
    at(THU_10AM);
    const p = await get().posts.create(w.poster, w.draft());
    at(THU_9PM);
    await expect(get().posts.submit(w.poster, p.id)).rejects.toMatchObject({ code: 'policy_refusal', clauses: ['IV.C.15(e)'] });
    expect((await get().posts.get(w.poster, p.id)).status).toBe('draft');
    at(THU_10AM);
  });

  it('[IV.C.15(e)] refuses a schedule outside business hours at review, naming the next business time', async () => {
    at(THU_10AM);
    const p = await get().posts.create(w.poster, w.draft({ scheduledFor: '2026-11-19T20:00' }));
    expect(p.findings.some((f) => f.source === 'schedule' && f.clause === 'IV.C.15(e)')).toBe(true);
    await get().posts.submit(w.poster, p.id);
    await get().posts.approve(w.pwHead, p.id);
    await expect(get().posts.itReview(w.it, p.id)).rejects.toMatchObject({ code: 'policy_refusal', clauses: ['IV.C.15(e)'], message: expect.stringContaining('2026-11-20T15:30:00.000Z') });
  });

  it('[IV.C.15(e)] a post the City Manager directed goes out after hours, and the direction is recorded', async () => {
    at(THU_10AM);
    const p = await get().posts.create(w.poster, w.draft({ scheduledFor: '2026-11-19T20:00' }));
    await get().posts.direct(w.cm, p.id, { reason: 'Council meeting outcome tonight' });
    await get().posts.submit(w.poster, p.id);
    await get().posts.approve(w.pwHead, p.id);
    const s = await get().posts.itReview(w.it, p.id);
    expect(s.publications[0]!.dueAt).toBe('2026-11-20T04:00:00.000Z');
    at('2026-11-20T04:00:30Z');
    expect((await get().posts.publisher().runDue()).published).toBeGreaterThanOrEqual(1);
    expect((await get().posts.get(w.poster, p.id)).direction).toMatchObject({ by: w.cm.personId, reason: 'Council meeting outcome tonight' });
    at(THU_10AM);
  });

  it('[IV.C.15(e)] a due post found outside business hours waits for the next business time', async () => {
    at(THU_10AM);
    const id = await w.schedule({ scheduledFor: '2026-11-19T17:25' });
    at(FRI_7AM);
    expect(await get().posts.publisher().runDue()).toMatchObject({ deferred: 1, published: 0 });
    const pub = (await get().posts.get(w.poster, id)).publications[0]!;
    expect(pub).toMatchObject({ status: 'pending', nextAttemptAt: '2026-11-20T15:30:00.000Z', attempts: 0 });
    at('2026-11-20T15:30:00Z');
    expect((await get().posts.publisher().runDue()).published).toBe(1);
    at(THU_10AM);
  });

  it('[IV.A.5] an emergency post must cite its release on the City website or Nixle', async () => {
    at(THU_10AM);
    await expect(get().posts.create(w.poster, w.draft({ emergency: { releaseUrl: 'https://twitter.com/carson/status/1', releasedAt: '2026-11-19T09:50' } }))).rejects.toMatchObject({ code: 'policy_refusal', clauses: ['IV.A.5'] });
    const ok = await get().posts.create(w.poster, w.draft({ emergency: { releaseUrl: 'https://nixle.us/ALERT123', releasedAt: '2026-11-19T09:50' } }));
    expect(ok.emergency).toMatchObject({ system: 'Nixle', releaseUrl: 'https://nixle.us/ALERT123', releasedAt: '2026-11-19T17:50:00.000Z' });
  });

  it('[IV.A.5] an emergency post never goes out before its release elsewhere', async () => {
    at(THU_10AM);
    const id = await w.schedule({ emergency: { releaseUrl: 'https://ci.carson.ca.us/alerts/water-main', releasedAt: '2026-11-19T10:30' } });
    expect(await get().posts.publisher().runDue()).toMatchObject({ published: 0 });
    expect((await get().posts.get(w.poster, id)).publications[0]!.dueAt).toBe('2026-11-19T18:30:00.000Z');
    at('2026-11-19T18:30:00Z');
    expect((await get().posts.publisher().runDue()).published).toBe(1);
    at(THU_10AM);
  });

  it('[IV.A.5] [IV.C.15(e)] [IV.C.15(e)(i)(B)] emergency work at night is allowed and logged as off-duty work', async () => {
    at(THU_9PM);
    const p = await get().posts.create(w.poster, w.draft({ emergency: { releaseUrl: 'https://nixle.us/ALERT9', releasedAt: '2026-11-19T20:55' } }));
    expect(p.status).toBe('draft');
    const activity = await get().db.db.selectFrom('offduty_activities').selectAll().where('person_id', '=', w.poster.personId).execute();
    expect(activity.some((a) => a.what.includes('drafted post') && a.what.includes('emergency'))).toBe(true);
    at(THU_10AM);
  });

  it('refuses a schedule time that does not exist (daylight saving gap) or is in the past', async () => {
    at('2027-03-10T18:00:00Z');
    await expect(get().posts.create(w.poster, w.draft({ scheduledFor: '2027-03-14T02:30' }))).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringContaining('does not exist') });
    await expect(get().posts.create(w.poster, w.draft({ scheduledFor: '2027-03-01T10:00' }))).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringContaining('in the past') });
    await expect(get().posts.create(w.poster, w.draft({ scheduledFor: 'next tuesday' }))).rejects.toMatchObject({ code: 'invalid_input' });
    at(THU_10AM);
  });
});
