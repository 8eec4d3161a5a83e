import { authorize, can } from '../../authz/index.ts';
import type { Executor } from '../../db/index.ts';
import type { Actor } from '../../kernel/actor.ts';
import { localDate } from '../../policy/index.ts';
import { toIso, toJson } from '../../kernel/codec.ts';
import { conflict, invalidInput, notFound, policyRefusal } from '../../kernel/errors.ts';
import { newId } from '../../kernel/ids.ts';
import { C, citeIn } from './clauses.ts';
import type { OffdutyDeps } from './deps.ts';
import { cityStamp, notifySupervisors } from './notices.ts';
import { offdutyPolicy, type PreauthResource } from './policy.ts';
import { loadPreauth, preauthQuery, toPreauth, type Preauth } from './repo.ts';
import { MAX_PREAUTH_DAYS } from './rules.ts';

export interface PreauthInput {
  windowStart: string;
  windowEnd: string;
  reason: string;
  platformIds?: string[];
}

export type PreauthView = Preauth & { abilities: Record<string, boolean> };

function instant(path: string, s: string): Date {
  const d = new Date(s);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(s) || Number.isNaN(d.getTime())) throw invalidInput(path, 'expected an ISO-8601 date-time, e.g. 2026-11-20T18:00:00-08:00');
  return d;
}

/** Pre-authorization of off-duty work (IV.C.15(e)(i)(A)): requested by the employee, decided by their supervisor. */
export function createPreauths(deps: OffdutyDeps) {
  const { db, clock, pack, audit } = deps;
  const cite = (...ids: string[]) => citeIn(pack, ...ids);

  /** The rule's resource for a request: the requester heads their department → only the City Manager decides. Reads through `executor` (SQLite has one connection: inside a transaction, only the transaction may read). */
  async function resourceOf(executor: Executor, p: Preauth): Promise<PreauthResource> {
    const today = localDate(pack, clock.now());
    let q = executor
      .selectFrom('role_assignments')
      .select('id')
      .where('person_id', '=', p.personId)
      .where('role', '=', 'department_head')
      .where('revoked_at', 'is', null)
      .where((eb) => eb.or([eb('starts_on', 'is', null), eb('starts_on', '<=', today)]))
      .where((eb) => eb.or([eb('ends_on', 'is', null), eb('ends_on', '>=', today)]));
    if (p.departmentId !== null) q = q.where('department_id', '=', p.departmentId);
    return { personId: p.personId, departmentId: p.departmentId, requesterIsHead: !!(await q.executeTakeFirst()) };
  }

  async function view(executor: Executor, actor: Actor, p: Preauth): Promise<PreauthView> {
    const decide = p.status === 'pending' && can(offdutyPolicy, actor, 'preauth.decide', await resourceOf(executor, p)).allow;
    return { ...p, abilities: { 'preauth.decide': decide } };
  }

  async function requestPreauth(actor: Actor, input: PreauthInput): Promise<PreauthView> {
    authorize(offdutyPolicy, actor, 'preauth.request', { personId: actor.kind === 'person' ? actor.personId : '' });
    if (actor.kind !== 'person') throw new Error('unreachable');
    const start = instant('windowStart', input.windowStart);
    const end = instant('windowEnd', input.windowEnd);
    const now = clock.now();
    if (end <= start) throw invalidInput('windowEnd', 'must be after windowStart');
    if (end <= now) throw policyRefusal('This window has already ended: pre-authorization is asked before the work, not after', cite(C.preAuthorized));
    if (end.getTime() - start.getTime() > MAX_PREAUTH_DAYS * 86_400_000) throw invalidInput('windowEnd', `a pre-authorization covers at most ${MAX_PREAUTH_DAYS} days`);
    const reason = input.reason.trim();
    if (reason.length < 5) throw invalidInput('reason', 'say what the off-duty work is for (at least 5 characters)');
    const platformIds = [...new Set(input.platformIds ?? [])];
    return db.transaction().execute(async (tx) => {
      if (platformIds.length) {
        const found = await tx.selectFrom('platforms').select('id').where('id', 'in', platformIds).execute();
        const missing = platformIds.filter((id) => !found.some((f) => f.id === id));
        if (missing.length) throw invalidInput('platformIds', `no platform ${missing.join(', ')}`);
      }
      const person = await tx.selectFrom('persons').select(['department_id', 'name']).where('id', '=', actor.personId).executeTakeFirst();
      if (!person) throw notFound('Person', actor.personId);
      const id = newId();
      await tx
        .insertInto('offduty_preauths')
        .values({
          id,
          person_id: actor.personId,
          department_id: person.department_id,
          window_start: toIso(start),
          window_end: toIso(end),
          reason,
          platform_ids: toJson(platformIds),
          status: 'pending',
          requested_at: toIso(now),
          decided_by: null,
          decided_at: null,
          decision_note: null,
        })
        .execute();
      const p = await loadPreauth(tx, id);
      await audit.record(tx, actor, { action: 'offduty.preauth_requested', targetType: 'offduty_preauth', targetId: id, targetLabel: `${person.name}: ${cityStamp(deps, start)}`, after: p, clauses: cite(C.preAuthorized) });
      await notifySupervisors(deps, tx, actor.personId, {
        kind: 'offduty.preauth_requested',
        subject: `${person.name} asks to work off duty ${cityStamp(deps, start)} – ${cityStamp(deps, end)}`,
        body: reason,
        relatedType: 'offduty_preauth',
        relatedId: id,
        clauses: [C.preAuthorized],
      });
      return view(tx, actor, p);
    });
  }

  async function decidePreauth(actor: Actor, id: string, input: { decision: 'approve' | 'deny'; note?: string | null }): Promise<PreauthView> {
    return db.transaction().execute(async (tx) => {
      const before = await loadPreauth(tx, id);
      authorize(offdutyPolicy, actor, 'preauth.decide', await resourceOf(tx, before));
      if (before.status !== 'pending') throw conflict(`This request was already ${before.status}`);
      const now = clock.now();
      if (input.decision === 'approve' && Date.parse(before.windowEnd) <= now.getTime()) {
        throw policyRefusal('The requested window has already ended: work cannot be pre-authorized after the fact', cite(C.preAuthorized));
      }
      const note = input.note?.trim() || null;
      if (input.decision === 'deny' && !note) throw invalidInput('note', 'say why the request is denied');
      const status = input.decision === 'approve' ? 'approved' : 'denied';
      await tx
        .updateTable('offduty_preauths')
        .set({ status, decided_by: actor.kind === 'person' ? actor.personId : null, decided_at: toIso(now), decision_note: note })
        .where('id', '=', id)
        .where('status', '=', 'pending')
        .execute();
      const after = await loadPreauth(tx, id);
      await audit.record(tx, actor, {
        action: `offduty.preauth_${status}`,
        targetType: 'offduty_preauth',
        targetId: id,
        targetLabel: `${before.personName}: ${cityStamp(deps, before.windowStart)}`,
        before: { status: before.status },
        after: { status, note },
        clauses: cite(C.preAuthorized),
        reason: note,
      });
      await deps.notifications.notify(tx, {
        audience: 'person',
        personId: before.personId,
        kind: `offduty.preauth_${status}`,
        subject: `Your off-duty request for ${cityStamp(deps, before.windowStart)} was ${status}`,
        body: note ?? (status === 'approved' ? 'Approved.' : 'Denied.'),
        relatedType: 'offduty_preauth',
        relatedId: id,
        clauses: cite(C.preAuthorized),
      });
      return view(tx, actor, after);
    });
  }

  /** 'mine': one's own requests; 'decide': the pending requests one may decide. */
  async function listPreauths(actor: Actor, scope: 'mine' | 'decide' = 'mine'): Promise<PreauthView[]> {
    authorize(offdutyPolicy, actor, 'preauth.list', null);
    if (actor.kind !== 'person') return [];
    let q = preauthQuery(db).orderBy('a.window_start', 'desc').orderBy('a.id').limit(500);
    q = scope === 'mine' ? q.where('a.person_id', '=', actor.personId) : q.where('a.status', '=', 'pending').where('a.person_id', '!=', actor.personId);
    const views = await Promise.all((await q.execute()).map((r) => view(db, actor, toPreauth(r))));
    return scope === 'mine' ? views : views.filter((v) => v.abilities['preauth.decide']);
  }

  return { requestPreauth, decidePreauth, listPreauths };
}
