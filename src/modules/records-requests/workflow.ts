import { authorize } from '../../authz/index.ts';
import type { Executor, Row } from '../../db/index.ts';
import { actorId, ROLE_LABELS, type Actor } from '../../kernel/actor.ts';
import { toIso, toJson } from '../../kernel/codec.ts';
import { conflict, invalidInput, policyRefusal } from '../../kernel/errors.ts';
import { newId } from '../../kernel/ids.ts';
import { hasClause } from '../../policy/index.ts';
import { addDays } from './dates.ts';
import type { RecordsRequestsDeps } from './deps.ts';
import { calendarDate, LIMITS, optionalText, text } from './intake.ts';
import { determinationLetter } from './letter.ts';
import { recordsRequestsPolicy } from './policy.ts';
import { redactedParts } from './redacted-parts.ts';
import { loadRequest, peopleById } from './repo.ts';
import { EXEMPTIONS, EXTENSION_GROUNDS, MAX_EXTENSION_DAYS, OUTCOMES, PRODUCING, WITHHOLDING, type Exemption, type ExtensionGround, type Outcome } from './statutes.ts';
import type { MessageChannel, MessageDirection, RecordsRequest } from './types.ts';

export interface ExtendInput {
  /** A ground from Gov. Code 7922.535(c); without one there is no extension. */
  ground?: ExtensionGround | null;
  days: number;
  /** The written notice to the requester: the reasons and the date a determination is expected. */
  noticeText: string;
  /** How the notice was sent (it is kept in the dialogue). */
  channel?: MessageChannel;
  /** For a state of emergency: the proclamation (who, when, its number). */
  declaration?: string | null;
  /** For a cyberattack: when it began and ended (ISO instants). */
  attackStartedAt?: string | null;
  attackEndedAt?: string | null;
}

export interface DetermineInput {
  outcome: Outcome;
  reasons: string;
  estimatedProductionOn?: string | null;
  withheld?: { item: string; exemption: Exemption; explanation?: string | null }[];
}

interface Helpers {
  row: (ex: Executor, id: string) => Promise<Row<'records_requests'>>;
  appendMessage: (tx: Executor, requestId: string, m: { direction: MessageDirection; channel: MessageChannel; body: string; recordedBy: string | null }) => Promise<number>;
  ownerAudience: (r: Row<'records_requests'>) => { audience: 'person'; personId: string } | { audience: 'role'; role: string };
  today: () => string;
  view: (actor: Actor, r: RecordsRequest) => RecordsRequest & { abilities: Record<string, boolean> };
  /** Archives the request as it stands after the change (same transaction). */
  archived: (tx: Executor, requestId: string, change: 'extended' | 'reviewed' | 'determined' | 'closed') => Promise<void>;
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
function instant(path: string, v: string | null | undefined): string {
  if (!v || !INSTANT.test(v) || Number.isNaN(Date.parse(v))) throw invalidInput(path, 'required: a date and time, e.g. 2026-11-20T08:00:00Z');
  return new Date(v).toISOString();
}

/** Extension, the City Attorney's review, the determination and closing (IV.A.11; Gov. Code 7922.535, 7922.540). */
export function createWorkflow(deps: RecordsRequestsDeps, h: Helpers) {
  const { db, clock, pack, audit } = deps;
  const cite = (...ids: string[]) => ids.filter((id) => hasClause(pack, id));
  const IV_A_11 = cite('IV.A.11');
  const label = (r: Row<'records_requests'>) => `Records request ${r.reference}`;
  const reload = async (tx: Executor, actor: Actor, id: string) => h.view(actor, await loadRequest(tx, await h.row(tx, id), h.today()));

  /** One extension of at most 14 days, only on a ground of 7922.535(c), with its written notice. */
  async function extend(actor: Actor, id: string, input: ExtendInput) {
    authorize(recordsRequestsPolicy, actor, 'records.extend', null);
    const ground = input.ground ?? null;
    if (!ground || !(ground in EXTENSION_GROUNDS)) throw policyRefusal(`An extension needs a ground from Gov. Code 7922.535(c) (${Object.values(EXTENSION_GROUNDS).map((g) => g.label.toLowerCase()).join('; ')}): none was given`, IV_A_11);
    if (!Number.isInteger(input.days) || input.days < 1) throw invalidInput('days', 'a whole number of days, at least 1');
    if (input.days > MAX_EXTENSION_DAYS) throw policyRefusal(`An extension is at most ${MAX_EXTENSION_DAYS} days (Gov. Code 7922.535(b)); ${input.days} were asked`, IV_A_11);
    const noticeText = text('noticeText', input.noticeText, LIMITS.notice, 20);
    const detail: Record<string, string | null> = {};
    if (ground === 'state_of_emergency') detail.declaration = text('declaration', input.declaration ?? '', LIMITS.note, 5);
    if (ground === 'cyberattack') {
      detail.attackStartedAt = instant('attackStartedAt', input.attackStartedAt);
      detail.attackEndedAt = instant('attackEndedAt', input.attackEndedAt);
      if (detail.attackEndedAt < detail.attackStartedAt) throw invalidInput('attackEndedAt', 'is before the attack started');
    }
    return db.transaction().execute(async (tx) => {
      const r = await h.row(tx, id);
      const prior = await tx.selectFrom('records_request_extensions').select(['new_due_on']).where('request_id', '=', id).executeTakeFirst();
      if (prior) throw policyRefusal(`A request may be extended once (Gov. Code 7922.535(b)): ${r.reference} was already extended to ${prior.new_due_on}`, IV_A_11);
      if (r.status !== 'open') throw conflict(`${label(r)} is already ${r.status}: there is no determination left to extend`, IV_A_11);
      if (h.today() > r.due_on) throw policyRefusal(`The extension notice must go out before the determination is due (${r.due_on}); it is overdue now: make the determination`, IV_A_11);
      const newDueOn = addDays(r.due_on, input.days);
      const now = toIso(clock.now());
      // The guarded update comes first: a concurrent second extension waits on the row, then finds it changed.
      const u = await tx.updateTable('records_requests').set({ due_on: newDueOn }).where('id', '=', id).where('due_on', '=', r.due_on).where('status', '=', 'open').executeTakeFirst();
      if (Number(u.numUpdatedRows) === 0) throw conflict(`${label(r)} changed meanwhile (extended or determined): reload it`, IV_A_11);
      await tx.insertInto('records_request_extensions').values({ id: newId(), request_id: id, ground, ground_detail: toJson(detail), days: input.days, previous_due_on: r.due_on, new_due_on: newDueOn, notice_text: noticeText, approved_by: actorId(actor) ?? 'system', approved_at: now }).execute();
      await h.appendMessage(tx, id, { direction: 'to_requester', channel: input.channel ?? (r.email ? 'email' : r.postal_address ? 'mail' : 'phone'), body: noticeText, recordedBy: actorId(actor) });
      await audit.record(tx, actor, { action: 'records_request.extended', targetType: 'records_request', targetId: id, targetLabel: label(r), before: { dueOn: r.due_on }, after: { dueOn: newDueOn, ground, citation: EXTENSION_GROUNDS[ground].citation, days: input.days, ...detail }, clauses: IV_A_11 });
      await h.archived(tx, id, 'extended');
      await deps.notifications.notify(tx, { ...(r.reviewer_id ? { audience: 'person' as const, personId: r.reviewer_id } : { audience: 'role' as const, role: 'city_attorney' }), kind: 'records_request.extended', subject: `${label(r)} extended to ${newDueOn}`, body: `${EXTENSION_GROUNDS[ground].label} (${EXTENSION_GROUNDS[ground].citation}).`, relatedType: 'records_request', relatedId: id, clauses: IV_A_11 });
      return reload(tx, actor, id);
    });
  }

  /** The City Attorney's review: concurrence is needed before anything is withheld. */
  async function review(actor: Actor, id: string, input: { outcome: 'concur' | 'changes_requested'; note: string }) {
    authorize(recordsRequestsPolicy, actor, 'records.review', null);
    const note = text('note', input.note, LIMITS.note);
    return db.transaction().execute(async (tx) => {
      const r = await h.row(tx, id);
      if (r.status !== 'open') throw conflict(`${label(r)} is already ${r.status}`);
      await tx.insertInto('records_request_reviews').values({ id: newId(), request_id: id, reviewer_id: actorId(actor) ?? 'system', outcome: input.outcome, note, reviewed_at: toIso(clock.now()) }).execute();
      await audit.record(tx, actor, { action: 'records_request.reviewed', targetType: 'records_request', targetId: id, targetLabel: label(r), after: { outcome: input.outcome }, clauses: IV_A_11, reason: note });
      await h.archived(tx, id, 'reviewed');
      await deps.notifications.notify(tx, { ...h.ownerAudience(r), kind: 'records_request.reviewed', subject: `${label(r)}: the City Attorney ${input.outcome === 'concur' ? 'concurs' : 'asks for changes'}`, body: note, relatedType: 'records_request', relatedId: id, clauses: IV_A_11 });
      return reload(tx, actor, id);
    });
  }

  async function determine(actor: Actor, id: string, input: DetermineInput) {
    authorize(recordsRequestsPolicy, actor, 'records.determine', null);
    if (!(input.outcome in OUTCOMES)) throw invalidInput('outcome', `one of ${Object.keys(OUTCOMES).join(', ')}`);
    const reasons = text('reasons', input.reasons, LIMITS.note, 5);
    const withholding = WITHHOLDING.includes(input.outcome);
    const producing = PRODUCING.includes(input.outcome);
    const production = input.estimatedProductionOn ? calendarDate('estimatedProductionOn', input.estimatedProductionOn) : null;
    if (producing && !production) throw invalidInput('estimatedProductionOn', 'required: the estimated date the records will be made available (Gov. Code 7922.535(a))');
    if (production && production < h.today()) throw invalidInput('estimatedProductionOn', 'is in the past');
    const items = (input.withheld ?? []).map((w, i) => {
      if (!(w.exemption in EXEMPTIONS)) throw invalidInput(`withheld.${i}.exemption`, `one of ${Object.keys(EXEMPTIONS).join(', ')}`);
      return { item: text(`withheld.${i}.item`, w.item, LIMITS.item), exemption: w.exemption, citation: EXEMPTIONS[w.exemption].citation, label: EXEMPTIONS[w.exemption].label, explanation: optionalText(`withheld.${i}.explanation`, w.explanation, LIMITS.note) };
    });
    if (!withholding && items.length) throw invalidInput('withheld', `nothing is withheld when the determination is "${OUTCOMES[input.outcome]}"`);
    return db.transaction().execute(async (tx) => {
      const r = await h.row(tx, id);
      if (r.status !== 'open') throw conflict(`${label(r)} was already determined`, IV_A_11);
      // Redactions marked for this request are parts withheld: the letter lists each with its exemption.
      // The row lock first (PostgreSQL), so a redaction marked concurrently is either in the letter or refused as frozen.
      await tx.updateTable('records_requests').set((eb) => ({ status: eb.ref('status') })).where('id', '=', id).execute();
      const redacted = await redactedParts(tx, id);
      if (withholding && !items.length && !redacted.length) throw policyRefusal('A denial, in whole or in part, lists each record withheld with the exemption that applies to it', IV_A_11);
      if (!withholding && redacted.length) throw policyRefusal(`${redacted.length} redaction${redacted.length === 1 ? ' is' : 's are'} marked on this request: records with redactions are disclosed in part ("${OUTCOMES.disclose_part}"), or withdraw the redactions first`, IV_A_11);
      const pending = redacted.filter((p) => p.awaitingApproval);
      if (pending.length) throw policyRefusal(`A redaction on a ground outside the statute list needs the City Attorney's approval first: ${pending.map((p) => `#${p.position}`).join(', ')}`, IV_A_11);
      // The latest concurrence counts only if no change was asked for at the same time or since (ties go against withholding).
      const reviews = await tx.selectFrom('records_request_reviews').selectAll().where('request_id', '=', id).orderBy('reviewed_at', 'desc').execute();
      const lastReview = reviews.find((v) => v.outcome === 'concur');
      const lastChanges = reviews.find((v) => v.outcome !== 'concur');
      if (withholding && (!lastReview || (lastChanges && lastChanges.reviewed_at >= lastReview.reviewed_at))) throw policyRefusal('Withholding records is decided in collaboration with the City Attorney\'s Office (IV.A.11): record the City Attorney\'s concurrence first', IV_A_11);
      const me = actorId(actor);
      const ids = [me, withholding ? lastReview?.reviewer_id : null].filter((x): x is string => !!x);
      const people = await peopleById(tx, ids);
      const titleFor = (pid: string, fallback: string) => people.get(pid)?.title ?? fallback;
      const responsible = [] as { personId: string; name: string; title: string | null }[];
      if (me) responsible.push({ personId: me, name: people.get(me)?.name ?? actor.kind, title: titleFor(me, ROLE_LABELS.city_clerk) });
      if (withholding && lastReview && lastReview.reviewer_id !== me) responsible.push({ personId: lastReview.reviewer_id, name: people.get(lastReview.reviewer_id)?.name ?? 'City Attorney', title: titleFor(lastReview.reviewer_id, ROLE_LABELS.city_attorney) });
      const determinedOn = h.today();
      const letter = determinationLetter(pack, { reference: r.reference, receivedOn: r.received_on, determinedOn, outcome: input.outcome, reasons, estimatedProductionOn: production, withheld: items, responsible, redacted });
      const now = toIso(clock.now());
      const u = await tx.updateTable('records_requests').set({ status: 'determined', determined_at: now, estimated_production_on: production }).where('id', '=', id).where('status', '=', 'open').executeTakeFirst();
      if (Number(u.numUpdatedRows) === 0) throw conflict(`${label(r)} was determined meanwhile: reload it`, IV_A_11);
      const detId = newId();
      await tx.insertInto('records_request_determinations').values({ id: detId, request_id: id, outcome: input.outcome, estimated_production_on: production, reasons, responsible: toJson(responsible), letter_text: letter, review_id: withholding ? (lastReview?.id ?? null) : null, determined_by: me ?? 'system', determined_at: now }).execute();
      for (const [i, w] of items.entries()) await tx.insertInto('records_request_withheld').values({ id: newId(), determination_id: detId, request_id: id, position: i + 1, item: w.item, exemption: w.exemption, citation: w.citation, explanation: w.explanation }).execute();
      await h.appendMessage(tx, id, { direction: 'to_requester', channel: r.email ? 'email' : r.postal_address ? 'mail' : 'phone', body: letter, recordedBy: me });
      await audit.record(tx, actor, { action: 'records_request.determined', targetType: 'records_request', targetId: id, targetLabel: label(r), before: { status: 'open', dueOn: r.due_on }, after: { status: 'determined', outcome: input.outcome, estimatedProductionOn: production, withheld: items.map((w) => w.citation), redacted: redacted.map((p) => p.citation), late: determinedOn > r.due_on }, clauses: IV_A_11 });
      await h.archived(tx, id, 'determined');
      return reload(tx, actor, id);
    });
  }

  async function close(actor: Actor, id: string, input: { note: string }) {
    authorize(recordsRequestsPolicy, actor, 'records.close', null);
    const note = text('note', input.note, LIMITS.note);
    return db.transaction().execute(async (tx) => {
      const r = await h.row(tx, id);
      if (r.status !== 'determined') throw conflict(r.status === 'closed' ? `${label(r)} is already closed` : `${label(r)} has no determination yet: determine it before closing`, IV_A_11);
      const u = await tx.updateTable('records_requests').set({ status: 'closed', closed_at: toIso(clock.now()), closed_by: actorId(actor), close_note: note }).where('id', '=', id).where('status', '=', 'determined').executeTakeFirst();
      if (Number(u.numUpdatedRows) === 0) throw conflict(`${label(r)} changed meanwhile`);
      await audit.record(tx, actor, { action: 'records_request.closed', targetType: 'records_request', targetId: id, targetLabel: label(r), before: { status: 'determined' }, after: { status: 'closed' }, clauses: IV_A_11, reason: note });
      await h.archived(tx, id, 'closed');
      return reload(tx, actor, id);
    });
  }

  return { extend, review, determine, close };
}
