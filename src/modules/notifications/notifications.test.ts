import { beforeAll, expect, it } from 'vitest';
import { describeWithContext } from '../../../test/context.ts';
import type { PersonActor } from '../../kernel/actor.ts';
import { makeFactory } from '../platforms/test/factory.ts';

describeWithContext('notifications', (get) => {
  const f = makeFactory(() => get().db.db);
  let cm: PersonActor, clerk: PersonActor, member: PersonActor, member2: PersonActor, it_: PersonActor, employee: PersonActor;

  beforeAll(async () => {
    cm = await f.person('Cara Manager', [{ role: 'city_manager' }]);
    clerk = await f.person('Clara Clerk', [{ role: 'city_clerk' }]);
    member = await f.person('Carl Council', [{ role: 'legislative_member' }]);
    member2 = await f.person('Cleo Council', [{ role: 'legislative_member' }]);
    it_ = await f.person('Ivan Tech', [{ role: 'it_manager' }]);
    employee = await f.person('Eve Employee', [{ role: 'employee' }]);
  });

  const send = (input: Parameters<ReturnType<typeof get>['notifications']['notify']>[1]) => get().db.db.transaction().execute((tx) => get().notifications.notify(tx, input));

  it('[IV.A.7] a Council notice reaches Council members, the City Manager and the City Clerk, and no one else', async () => {
    const n = await send({ audience: 'council', kind: 'test.council', subject: 'Council notice', body: 'Body', clauses: ['IV.A.7'], relatedType: 'test', relatedId: 'c1' });
    for (const who of [member, member2, cm, clerk]) expect((await get().notifications.listFor(who, { relatedId: 'c1' })).map((x) => x.id)).toEqual([n.id]);
    for (const who of [it_, employee]) expect(await get().notifications.listFor(who, { relatedId: 'c1' })).toEqual([]);
  });

  it('person and role notices reach only their addressees', async () => {
    const p = await send({ audience: 'person', personId: employee.personId, kind: 'test.person', subject: 'Yours', body: 'b', clauses: [], relatedId: 'p1' });
    const r = await send({ audience: 'role', role: 'it_manager', kind: 'test.role', subject: 'IT', body: 'b', clauses: [], relatedId: 'r1' });
    expect((await get().notifications.listFor(employee, { relatedId: 'p1' })).map((x) => x.id)).toEqual([p.id]);
    expect(await get().notifications.listFor(cm, { relatedId: 'p1' })).toEqual([]);
    expect((await get().notifications.listFor(it_, { relatedId: 'r1' })).map((x) => x.id)).toEqual([r.id]);
    expect(await get().notifications.listFor(employee, { relatedId: 'r1' })).toEqual([]);
  });

  it('each reader marks a shared notice read for themselves, audited; others cannot', async () => {
    const n = await send({ audience: 'council', kind: 'test.council', subject: 'Read me', body: 'b', clauses: ['IV.A.7'], relatedId: 'm1' });
    const read = await get().notifications.markRead(member, n.id);
    expect(read.readAt).toBe(get().clock.now().toISOString());
    expect(await get().notifications.markRead(member, n.id)).toMatchObject({ readAt: read.readAt });
    expect((await get().notifications.listFor(member, { relatedId: 'm1' }))[0]!.readAt).not.toBeNull();
    expect((await get().notifications.listFor(member2, { relatedId: 'm1' }))[0]!.readAt).toBeNull();
    expect((await get().notifications.listFor(member2, { unreadOnly: true })).some((x) => x.id === n.id)).toBe(true);
    expect((await get().notifications.listFor(member, { unreadOnly: true })).some((x) => x.id === n.id)).toBe(false);
    await expect(get().notifications.markRead(employee, n.id)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(get().notifications.markRead(member, 'no-such-id')).rejects.toMatchObject({ code: 'not_found' });
    const events = await get().audit.list(cm, { targetId: n.id, action: 'notification.read' });
    expect(events).toHaveLength(1);
  });

  it('a notice sent in a transaction that rolls back does not exist', async () => {
    const before = await get().notifications.count();
    await expect(
      get().db.db.transaction().execute(async (tx) => {
        await get().notifications.notify(tx, { audience: 'council', kind: 'test.x', subject: 's', body: 'b', clauses: [] });
        throw new Error('change failed');
      }),
    ).rejects.toThrow('change failed');
    expect(await get().notifications.count()).toBe(before);
  });
});
