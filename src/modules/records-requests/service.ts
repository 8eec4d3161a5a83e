import { sql } from 'kysely';
import { authorize } from '../../authz/index.ts';
import type { Executor, Row } from '../../db/index.ts';
import { actorId, publicActor, type Actor, type Role } from '../../kernel/actor.ts';
import { toIso } from '../../kernel/codec.ts';
import { conflict, invalidInput, notFound, policyRefusal } from '../../kernel/errors.ts';
import { newId } from '../../kernel/ids.ts';
import { hasClause, localDate } from '../../policy/index.ts';
import { determinationDue } from './dates.ts';
import { EXEMPTIONS, EXTENSION_GROUNDS, OUTCOMES } from './statutes.ts';
import type { RecordsRequestsDeps } from './deps.ts';
import { calendarDate, LIMITS, newReference, normalizeReference, text, validateIntake, type IntakeInput } from './intake.ts';
import { recordsAbilities, recordsRequestsPolicy } from './policy.ts';
import { loadRequest, peopleById, toPublicStatus, toSummary } from './repo.ts';
import { createReminders } from './reminders.ts';
import { requestArchiver } from './archive-record.ts';
import type { MessageChannel, MessageDirection, PublicRequestStatus, RecordsRequest, RequestStatus, RequestSummary } from './types.ts';
import { createWorkflow } from './workflow.ts';

export interface StaffIntakeInput extends IntakeInput {
  /** How it came in (the first entry of the dialogue). */
  channel?: MessageChannel;
  /** The City date it was received, when entered later (never in the future). */
  receivedOn?: string | null;
}

export type RecordsRequestView = RecordsRequest & { abilities: Record<string, boolean> };

/**
 * The public records request desk (IV.A.11): intake from the public form and by the City Clerk's
 * office, status by reference for the requester, the desk's list and each request with its
 * dialogue. The deadline work (extension, review, determination) is in workflow.ts; reminders
 * in reminders.ts.
 */
export function createRecordsRequestsService(deps: RecordsRequestsDeps) {
  const { db, clock, pack, audit } = deps;
  const cite = (...ids: string[]) => ids.filter((id) => hasClause(pack, id));
  const today = () => localDate(pack, clock.now());
  const view = (actor: Actor, r: RecordsRequest): RecordsRequestView => ({ ...r, abilities: recordsAbilities(actor) });
  const archived = requestArchiver(deps.archive);

  async function row(ex: Executor, id: string): Promise<Row<'records_requests'>> {
    const r = await ex.selectFrom('records_requests').selectAll().where('id', '=', id).executeTakeFirst();
    if (!r) throw notFound('Records request', id);
    return r;
  }

  async function appendMessage(tx: Executor, requestId: string, m: { direction: MessageDirection; channel: MessageChannel; body: string; recordedBy: string | null }) {
    // Lock the request's row first (PostgreSQL): concurrent appends take turns instead of colliding on the position.
    await tx.updateTable('records_requests').set((eb) => ({ status: eb.ref('status') })).where('id', '=', requestId).execute();
    const last = await tx.selectFrom('records_request_messages').select(sql<number>`coalesce(max(position), 0)`.as('n')).where('request_id', '=', requestId).executeTakeFirst();
    const position = Number(last?.n ?? 0) + 1;
    await tx.insertInto('records_request_messages').values({ id: newId(), request_id: requestId, position, direction: m.direction, channel: m.channel, body: m.body, recorded_by: m.recordedBy, recorded_at: toIso(clock.now()) }).execute();
    return position;
  }

  /** Who hears about a request: its owner, or the City Clerk's office while nobody owns it. */
  const ownerAudience = (r: Pick<Row<'records_requests'>, 'owner_id'>) => (r.owner_id ? { audience: 'person' as const, personId: r.owner_id } : { audience: 'role' as const, role: 'city_clerk' });

  async function intake(actor: Actor, input: StaffIntakeInput, channel: 'public_form' | 'staff'): Promise<Row<'records_requests'>> {
    const v = validateIntake(input);
    const now = clock.now();
    let { receivedOn, dueOn } = determinationDue(pack, now);
    if (channel === 'staff' && input.receivedOn) {
      const on = calendarDate('receivedOn', input.receivedOn);
      if (on > receivedOn) throw invalidInput('receivedOn', 'cannot be in the future');
      receivedOn = on;
      dueOn = determinationDue(pack, new Date(`${on}T12:00:00Z`)).dueOn;
    }
    return db.transaction().execute(async (tx) => {
      const r: Row<'records_requests'> = {
        id: newId(),
        reference: newReference(receivedOn.slice(0, 4)),
        description: v.description,
        requester_name: v.name,
        email: v.email,
        phone: v.phone,
        postal_address: v.postalAddress,
        preferred_format: v.preferredFormat,
        channel,
        entered_by: actorId(actor),
        received_at: toIso(now),
        received_on: receivedOn,
        original_due_on: dueOn,
        due_on: dueOn,
        status: 'open',
        owner_id: null,
        reviewer_id: null,
        assigned_by: null,
        assigned_at: null,
        estimated_production_on: null,
        determined_at: null,
        closed_at: null,
        closed_by: null,
        close_note: null,
      };
      await tx.insertInto('records_requests').values(r).execute();
      await appendMessage(tx, r.id, { direction: 'from_requester', channel: channel === 'public_form' ? 'portal' : (input.channel ?? 'in_person'), body: v.description, recordedBy: actorId(actor) });
      // No personal data in the trail: the request holds it, readable by the roles allowed.
      await audit.record(tx, actor, { action: 'records_request.received', targetType: 'records_request', targetId: r.id, targetLabel: `Records request ${r.reference}`, after: { reference: r.reference, channel, receivedOn, dueOn }, clauses: cite('IV.A.11') });
      await archived(tx, r.id, 'received');
      await deps.notifications.notify(tx, { ...ownerAudience(r), kind: 'records_request.received', subject: `Public records request ${r.reference} received`, body: `Determination due ${dueOn} (10 calendar days, Gov. Code 7922.535(a)). Assign it and review it with the City Attorney's Office.`, relatedType: 'records_request', relatedId: r.id, clauses: cite('IV.A.11') });
      return r;
    });
  }

  /** The public form (no sign-in). */
  async function submit(input: IntakeInput): Promise<PublicRequestStatus> {
    authorize(recordsRequestsPolicy, publicActor, 'records.submit', null);
    const { name, email, phone, postalAddress, description, preferredFormat } = input;
    const r = await intake(publicActor, { name, email, phone, postalAddress, description, preferredFormat }, 'public_form');
    return toPublicStatus(db, r, (iso) => localDate(pack, new Date(iso)));
  }

  /** Entry by the City Clerk's office (a request by mail, phone, email or at the counter). */
  async function create(actor: Actor, input: StaffIntakeInput): Promise<RecordsRequestView> {
    authorize(recordsRequestsPolicy, actor, 'records.create', null);
    const r = await intake(actor, input, 'staff');
    return view(actor, await loadRequest(db, r, today()));
  }

  /** The requester's view by reference: status and dates only. */
  async function status(reference: string): Promise<PublicRequestStatus> {
    const r = await db.selectFrom('records_requests').selectAll().where('reference', '=', normalizeReference(reference)).executeTakeFirst();
    if (!r) throw notFound('Records request', reference.slice(0, 40));
    return toPublicStatus(db, r, (iso) => localDate(pack, new Date(iso)));
  }

  async function list(actor: Actor, filter: { status?: RequestStatus; overdue?: boolean } = {}): Promise<RequestSummary[]> {
    authorize(recordsRequestsPolicy, actor, 'records.list', null);
    const t = today();
    let q = db.selectFrom('records_requests').selectAll().orderBy('due_on').orderBy('received_at').limit(500);
    if (filter.status) q = q.where('status', '=', filter.status);
    if (filter.overdue) q = q.where((eb) => eb.or([eb.and([eb('status', '=', 'open'), eb('due_on', '<', t)]), eb.and([eb('status', '=', 'determined'), eb('estimated_production_on', '<', t)])]));
    const rows = await q.execute();
    const people = await peopleById(db, rows.flatMap((r) => [r.owner_id, r.reviewer_id]));
    return rows.map((r) => toSummary(r, people, t));
  }

  /** The statutory lists the staff forms offer (grounds, exemptions, outcomes: the City Attorney's to maintain). */
  function statutes(actor: Actor) {
    authorize(recordsRequestsPolicy, actor, 'records.list', null);
    return {
      grounds: Object.entries(EXTENSION_GROUNDS).map(([id, g]) => ({ id, ...g })),
      exemptions: Object.entries(EXEMPTIONS).map(([id, e]) => ({ id, ...e })),
      outcomes: Object.entries(OUTCOMES).map(([id, label]) => ({ id, label })),
    };
  }

  async function get(actor: Actor, id: string): Promise<RecordsRequestView> {
    authorize(recordsRequestsPolicy, actor, 'records.list', null);
    return view(actor, await loadRequest(db, await row(db, id), today()));
  }

  async function holdsRole(ex: Executor, personId: string, role: Role): Promise<boolean> {
    const t = today();
    const g = await ex
      .selectFrom('role_assignments as a')
      .innerJoin('persons as p', 'p.id', 'a.person_id')
      .select('a.id')
      .where('a.person_id', '=', personId)
      .where('a.role', '=', role)
      .where('a.revoked_at', 'is', null)
      .where('p.status', '=', 'active')
      .where((eb) => eb.or([eb('a.starts_on', 'is', null), eb('a.starts_on', '<=', t)]))
      .where((eb) => eb.or([eb('a.ends_on', 'is', null), eb('a.ends_on', '>=', t)]))
      .executeTakeFirst();
    return !!g;
  }

  /** Owned by someone in the City Clerk's office, reviewed by someone in the City Attorney's (IV.A.11). */
  async function assign(actor: Actor, id: string, input: { ownerId?: string | null; reviewerId?: string | null }): Promise<RecordsRequestView> {
    authorize(recordsRequestsPolicy, actor, 'records.assign', null);
    if (!input.ownerId && !input.reviewerId) throw invalidInput('ownerId', 'name an owner (City Clerk) or a reviewer (City Attorney), or both');
    return db.transaction().execute(async (tx) => {
      const r = await row(tx, id);
      if (r.status === 'closed') throw conflict(`Records request ${r.reference} is closed`);
      if (input.ownerId && !(await holdsRole(tx, input.ownerId, 'city_clerk'))) throw policyRefusal('The owner of a records request is someone in the City Clerk\'s office (IV.A.11): this person does not hold the City Clerk role', cite('IV.A.11'));
      if (input.reviewerId && !(await holdsRole(tx, input.reviewerId, 'city_attorney'))) throw policyRefusal('Requests are reviewed with the City Attorney\'s Office (IV.A.11): this person does not hold the City Attorney role', cite('IV.A.11'));
      const set = { owner_id: input.ownerId ?? r.owner_id, reviewer_id: input.reviewerId ?? r.reviewer_id, assigned_by: actorId(actor), assigned_at: toIso(clock.now()) };
      await tx.updateTable('records_requests').set(set).where('id', '=', id).execute();
      await audit.record(tx, actor, { action: 'records_request.assigned', targetType: 'records_request', targetId: id, targetLabel: `Records request ${r.reference}`, before: { ownerId: r.owner_id, reviewerId: r.reviewer_id }, after: { ownerId: set.owner_id, reviewerId: set.reviewer_id }, clauses: cite('IV.A.11') });
      await archived(tx, id, 'assigned');
      for (const [personId, what] of [[input.ownerId, 'own'], [input.reviewerId, 'review']] as const) {
        if (personId && personId !== actorId(actor)) await deps.notifications.notify(tx, { audience: 'person', personId, kind: 'records_request.assigned', subject: `Records request ${r.reference} assigned to you to ${what}`, body: `Determination due ${r.due_on}.`, relatedType: 'records_request', relatedId: id, clauses: cite('IV.A.11') });
      }
      return view(actor, await loadRequest(tx, await row(tx, id), today()));
    });
  }

  /** The dialogue is append-only: a message is added, never edited or removed. */
  async function addMessage(actor: Actor, id: string, input: { direction: MessageDirection; channel: MessageChannel; body: string }): Promise<RecordsRequestView> {
    authorize(recordsRequestsPolicy, actor, 'records.message', null);
    const body = text('body', input.body, LIMITS.message);
    return db.transaction().execute(async (tx) => {
      const r = await row(tx, id);
      const position = await appendMessage(tx, id, { direction: input.direction, channel: input.channel, body, recordedBy: actorId(actor) });
      await audit.record(tx, actor, { action: 'records_request.message_added', targetType: 'records_request', targetId: id, targetLabel: `Records request ${r.reference}`, after: { position, direction: input.direction, channel: input.channel }, clauses: cite('IV.A.11') });
      await archived(tx, id, 'message_added');
      return view(actor, await loadRequest(tx, await row(tx, id), today()));
    });
  }

  const flow = createWorkflow(deps, { row, appendMessage, ownerAudience, today, view: (actor, r) => view(actor, r), archived });
  const reminders = createReminders(deps);

  return { submit, create, status, list, statutes, get, assign, addMessage, ...flow, tick: reminders.tick };
}

export type RecordsRequestsService = ReturnType<typeof createRecordsRequestsService>;
