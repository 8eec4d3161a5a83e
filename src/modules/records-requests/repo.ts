import type { Executor, Row } from '../../db/index.ts';
import { fromJson } from '../../kernel/codec.ts';
import { EXEMPTIONS, EXTENSION_GROUNDS, OUTCOMES, type Exemption, type ExtensionGround, type Outcome } from './statutes.ts';
import type { Determination, Extension, Message, MessageChannel, MessageDirection, PersonRef, PublicRequestStatus, RecordsRequest, RequestStatus, RequestSummary, Review } from './types.ts';

type People = Map<string, PersonRef>;

/** Names and titles of the people a set of rows mention, in one query. */
export async function peopleById(ex: Executor, ids: (string | null | undefined)[]): Promise<People> {
  const wanted = [...new Set(ids.filter((x): x is string => !!x))];
  const out: People = new Map();
  if (!wanted.length) return out;
  for (const p of await ex.selectFrom('persons').select(['id', 'name', 'title']).where('id', 'in', wanted).execute()) out.set(p.id, { id: p.id, name: p.name, title: p.title });
  return out;
}

const ref = (people: People, id: string | null | undefined): PersonRef | null => (id ? (people.get(id) ?? { id, name: 'Unknown person', title: null }) : null);

/** The date that matters next: the determination while open, then the estimated production date until closed. */
export function nextDue(r: Row<'records_requests'>): string | null {
  if (r.status === 'open') return r.due_on;
  if (r.status === 'determined') return r.estimated_production_on;
  return null;
}

export function toSummary(r: Row<'records_requests'>, people: People, today: string): RequestSummary {
  const next = nextDue(r);
  return {
    id: r.id,
    reference: r.reference,
    description: r.description,
    requesterName: r.requester_name,
    channel: r.channel as RequestSummary['channel'],
    receivedAt: r.received_at,
    receivedOn: r.received_on,
    originalDueOn: r.original_due_on,
    dueOn: r.due_on,
    status: r.status as RequestStatus,
    extended: r.due_on !== r.original_due_on,
    estimatedProductionOn: r.estimated_production_on,
    nextDueOn: next,
    overdue: next !== null && today > next,
    owner: ref(people, r.owner_id),
    reviewer: ref(people, r.reviewer_id),
  };
}

export async function loadRequest(ex: Executor, r: Row<'records_requests'>, today: string): Promise<RecordsRequest> {
  const ext = await ex.selectFrom('records_request_extensions').selectAll().where('request_id', '=', r.id).executeTakeFirst();
  const reviews = await ex.selectFrom('records_request_reviews').selectAll().where('request_id', '=', r.id).orderBy('reviewed_at').orderBy('id').execute();
  const det = await ex.selectFrom('records_request_determinations').selectAll().where('request_id', '=', r.id).executeTakeFirst();
  const withheld = det ? await ex.selectFrom('records_request_withheld').selectAll().where('determination_id', '=', det.id).orderBy('position').execute() : [];
  const messages = await ex.selectFrom('records_request_messages').selectAll().where('request_id', '=', r.id).orderBy('position').execute();
  const people = await peopleById(ex, [r.owner_id, r.reviewer_id, r.entered_by, r.assigned_by, r.closed_by, ext?.approved_by, det?.determined_by, ...reviews.map((v) => v.reviewer_id), ...messages.map((m) => m.recorded_by)]);

  const extension: Extension | null = ext
    ? {
        ground: ext.ground as ExtensionGround,
        citation: EXTENSION_GROUNDS[ext.ground as ExtensionGround]?.citation ?? ext.ground,
        groundLabel: EXTENSION_GROUNDS[ext.ground as ExtensionGround]?.label ?? ext.ground,
        groundText: EXTENSION_GROUNDS[ext.ground as ExtensionGround]?.text ?? '',
        detail: fromJson<Extension['detail']>(ext.ground_detail) ?? {},
        days: ext.days,
        previousDueOn: ext.previous_due_on,
        newDueOn: ext.new_due_on,
        noticeText: ext.notice_text,
        approvedBy: ref(people, ext.approved_by),
        approvedAt: ext.approved_at,
      }
    : null;
  const determination: Determination | null = det
    ? {
        outcome: det.outcome as Outcome,
        outcomeLabel: OUTCOMES[det.outcome as Outcome] ?? det.outcome,
        estimatedProductionOn: det.estimated_production_on,
        reasons: det.reasons,
        responsible: fromJson<Determination['responsible']>(det.responsible) ?? [],
        letterText: det.letter_text,
        withheld: withheld.map((w) => ({ item: w.item, exemption: w.exemption as Exemption, citation: w.citation, label: EXEMPTIONS[w.exemption as Exemption]?.label ?? w.exemption, explanation: w.explanation })),
        determinedBy: ref(people, det.determined_by),
        determinedAt: det.determined_at,
      }
    : null;
  return {
    ...toSummary(r, people, today),
    email: r.email,
    phone: r.phone,
    postalAddress: r.postal_address,
    preferredFormat: r.preferred_format,
    enteredBy: ref(people, r.entered_by),
    assignedBy: ref(people, r.assigned_by),
    assignedAt: r.assigned_at,
    extension,
    reviews: reviews.map((v): Review => ({ id: v.id, reviewer: ref(people, v.reviewer_id), outcome: v.outcome as Review['outcome'], note: v.note, reviewedAt: v.reviewed_at })),
    determination,
    messages: messages.map((m): Message => ({ id: m.id, direction: m.direction as MessageDirection, channel: m.channel as MessageChannel, body: m.body, recordedBy: ref(people, m.recorded_by), recordedAt: m.recorded_at })),
    closedAt: r.closed_at,
    closedBy: ref(people, r.closed_by),
    closeNote: r.close_note,
  };
}

/** Status and dates only: built field by field, so nothing private can slip in. */
export async function toPublicStatus(ex: Executor, r: Row<'records_requests'>, localDateOf: (iso: string) => string): Promise<PublicRequestStatus> {
  const ext = await ex.selectFrom('records_request_extensions').select(['ground']).where('request_id', '=', r.id).executeTakeFirst();
  const det = await ex.selectFrom('records_request_determinations').select(['outcome', 'determined_at', 'estimated_production_on']).where('request_id', '=', r.id).executeTakeFirst();
  return {
    reference: r.reference,
    status: r.status as RequestStatus,
    receivedOn: r.received_on,
    determinationDueOn: r.due_on,
    extended: !!ext,
    extensionReason: ext ? `${EXTENSION_GROUNDS[ext.ground as ExtensionGround]?.label ?? 'Unusual circumstances'} (${EXTENSION_GROUNDS[ext.ground as ExtensionGround]?.citation ?? 'Gov. Code 7922.535(c)'})` : null,
    determination: det ? { outcome: OUTCOMES[det.outcome as Outcome] ?? det.outcome, determinedOn: localDateOf(det.determined_at), estimatedProductionOn: det.estimated_production_on } : null,
    closedOn: r.closed_at ? localDateOf(r.closed_at) : null,
  };
}
