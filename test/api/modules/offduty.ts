import type { Policy } from '../../../src/authz/index.ts';
import { offdutyPolicy } from '../../../src/modules/offduty/index.ts';
import type { Fixture, World } from '../matrix-fixtures.ts';

const HOUR = 3_600_000;

/** A fresh Public Works employee (so no persona is ever the requester or the entry's owner). */
async function freshPwEmployee(w: World) {
  const i = w.seq();
  const p = await w.ctx.people.createPerson(w.system, { name: `Offduty Person ${i}`, email: `offduty${i}@carsonca.gov`, title: 'Analyst', departmentId: w.dept('PW') });
  await w.ctx.people.grantRole(w.system, p.id, { role: 'employee', departmentId: w.dept('PW') });
  return (await w.ctx.people.actorFor(p.id))!;
}

const later = (w: World, hours: number) => new Date(w.ctx.clock.now().getTime() + hours * HOUR).toISOString();

/** Matrix fixtures for the offduty module's routes (see test/api/matrix-fixtures.ts for the shape). */
export const offdutyFixtures: Record<string, Fixture> = {
  'GET /api/offduty/preauths': async () => ({ query: 'scope=decide', resource: null }),
  'POST /api/offduty/preauths': async (w, as) => ({ body: { windowStart: later(w, 9), windowEnd: later(w, 11), reason: 'Matrix evening coverage' }, resource: { personId: as.personId } }),
  'POST /api/offduty/preauths/:id/decision': async (w) => {
    const requester = await freshPwEmployee(w);
    const p = await w.ctx.offduty.requestPreauth(requester, { windowStart: later(w, 9), windowEnd: later(w, 11), reason: 'Matrix evening coverage' });
    return { params: { id: p.id }, body: { decision: 'approve' }, resource: { personId: requester.personId, departmentId: w.dept('PW'), requesterIsHead: false } };
  },
  'GET /api/offduty/me': async (_w, as) => ({ resource: { personId: as.personId } }),
  'POST /api/offduty/sessions/start': async (_w, as) => ({ body: { note: 'Matrix' }, resource: { personId: as.personId } }),
  'POST /api/offduty/sessions/end': async (_w, as) => ({ resource: { personId: as.personId } }),
  'POST /api/offduty/entries/:id/corrections': async (w) => {
    const owner = await freshPwEmployee(w);
    // Last night, 20:00 in Carson: a posting action off duty, closed by the sweep.
    const night = new Date(w.ctx.clock.now().getTime() - 14 * HOUR);
    await w.ctx.db.db.transaction().execute((tx) => w.ctx.offduty.noteActivity(tx, owner, night, 'matrix.post'));
    await w.ctx.offduty.tick(w.ctx.clock.now());
    const entry = await w.ctx.db.db.selectFrom('offduty_entries').select('id').where('person_id', '=', owner.personId).executeTakeFirstOrThrow();
    return {
      params: { id: entry.id },
      body: { startedAt: night.toISOString(), endedAt: new Date(night.getTime() + 4 * 60_000).toISOString(), reason: 'Matrix correction' },
      resource: { personId: owner.personId, departmentId: w.dept('PW') },
    };
  },
  'GET /api/offduty/log': async (w) => ({ query: `departmentId=${w.dept('PW')}`, resource: { departmentId: w.dept('PW') } }),
  'GET /api/offduty/log.csv': async (w) => ({ query: `departmentId=${w.dept('PW')}`, resource: { departmentId: w.dept('PW') } }),
};

/** The offduty module's policy, keyed by the module name used in its routes' actions ('offduty:…'). */
export const offdutyPolicies: Record<string, Policy> = { offduty: offdutyPolicy };
