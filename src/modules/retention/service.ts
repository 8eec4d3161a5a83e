import { authorize } from '../../authz/index.ts';
import type { Db, DialectName, Executor, Row } from '../../db/index.ts';
import { actorId, actorLabel, type Actor } from '../../kernel/actor.ts';
import type { Clock } from '../../kernel/clock.ts';
import { toIso } from '../../kernel/codec.ts';
import { conflict, invalidInput, notFound, policyRefusal } from '../../kernel/errors.ts';
import { newId } from '../../kernel/ids.ts';
import { hasClause, localDate, type PolicyPack } from '../../policy/index.ts';
import { dispositionsFor, notDisposed } from '../archive/index.ts';
import type { AuditService } from '../audit/index.ts';
import type { LegalHoldsService } from '../legal-holds/index.ts';
import type { NotificationsService } from '../notifications/index.ts';
import { describe, holdable, ineligibility, toEligibleItem, type EligibilityFacts, type ItemRow } from './eligibility.ts';
import { retentionPolicy } from './policy.ts';
import { itemsById, openProposals, pendingRequests, toBatches, toBatchItem } from './repo.ts';
import { createDestruction } from './destroy.ts';
import { LIMITS, text } from './text.ts';
import type { DispositionBatch, EligibleItem, Ineligibility } from './types.ts';

export interface RetentionDeps {
  db: Db;
  dialect: DialectName;
  clock: Clock;
  pack: PolicyPack;
  audit: Pick<AuditService, 'record'>;
  notifications: Pick<NotificationsService, 'notify'>;
  legalHolds: Pick<LegalHoldsService, 'coveringHolds'>;
}

export const MAX_BATCH_ITEMS = 5000;

export type BatchView = DispositionBatch & { abilities: Record<string, boolean> };

/**
 * Retention schedules and the disposition workflow (SPEC §5; Gov. Code 34090): the City Clerk
 * proposes a batch of archived records whose retention has ended and no legal hold covers; the
 * City Attorney consents in writing; the Clerk records the council resolution and the
 * destruction authorization form; then the Clerk destroys the batch (destroy.ts), which leaves
 * a destruction certificate. Each step is audited in its own transaction.
 */
export function createRetentionService(deps: RetentionDeps) {
  const { db, clock, pack, audit, notifications, legalHolds } = deps;
  const cite = (...ids: string[]) => ids.filter((id) => hasClause(pack, id));
  const CLAUSES = ['IV.A.9', 'IV.A.13'];
  const today = () => localDate(pack, clock.now());
  const can = (actor: Actor, a: keyof typeof retentionPolicy) => retentionPolicy[a](actor, null).allow;
  const view = (actor: Actor, b: DispositionBatch): BatchView => ({
    ...b,
    abilities: {
      'disposition.consent': b.status === 'proposed' && can(actor, 'disposition.consent') && !(actor.kind === 'person' && actor.personId === b.proposedBy.id),
      'disposition.record_authority': b.status === 'consented' && can(actor, 'disposition.record_authority'),
      'disposition.destroy': b.status === 'authorized' && can(actor, 'disposition.destroy'),
      'disposition.withdraw': ['proposed', 'consented', 'authorized'].includes(b.status) && can(actor, 'disposition.withdraw'),
    },
  });

  async function batchRow(ex: Executor, id: string): Promise<Row<'disposition_batches'>> {
    const r = await ex.selectFrom('disposition_batches').selectAll().where('id', '=', id).executeTakeFirst();
    if (!r) throw notFound('Disposition batch', id);
    return r;
  }
  const load = async (ex: Executor, id: string) => (await toBatches(ex, [await batchRow(ex, id)]))[0]!;

  /** Everything that decides whether these archive rows may go today. */
  async function facts(ex: Executor, rows: ItemRow[], exceptBatch?: string): Promise<EligibilityFacts> {
    const ids = rows.map((r) => r.id);
    return {
      pack,
      today: today(),
      holds: await legalHolds.coveringHolds(ex, rows.map((r) => holdable(pack, r))),
      destroyed: await dispositionsFor(ex, ids),
      proposedIn: await openProposals(ex, ids, exceptBatch),
      requestedIn: await pendingRequests(ex, ids),
    };
  }

  /** The pack's schedules, and which kind of record falls under which (chosen by content at capture). */
  function schedules(actor: Actor) {
    authorize(retentionPolicy, actor, 'retention.read', null);
    return {
      statutoryMinimumYears: pack.retention.statutoryMinimumYears,
      authority: pack.retention.authority ?? null,
      categories: Object.entries(pack.retention.defaults).map(([id, r]) => ({ id, ...r })),
      clauses: pack.retention.clauses,
    };
  }

  /**
   * Records whose retention has ended, in capture order from `after`, split into those that may
   * be proposed and those a legal hold (or another batch) keeps.
   */
  async function eligible(actor: Actor, filter: { category?: string; after?: number; limit?: number } = {}): Promise<{ items: EligibleItem[]; kept: (EligibleItem & Ineligibility)[]; next: number | null }> {
    authorize(retentionPolicy, actor, 'retention.read', null);
    if (filter.category !== undefined && !pack.retention.defaults[filter.category]) throw invalidInput('category', `not a retention category of the policy pack: ${filter.category}`);
    const limit = Math.min(Math.max(filter.limit ?? 100, 1), 1000);
    let q = db.selectFrom('archive_items').selectAll().where('retain_until', '<=', today()).where(notDisposed()).orderBy('seq').limit(limit);
    if (filter.category) q = q.where('retention_category', '=', filter.category);
    if (filter.after !== undefined) q = q.where('seq', '>', filter.after);
    const rows = await q.execute();
    const f = await facts(db, rows);
    const items: EligibleItem[] = [];
    const kept: (EligibleItem & Ineligibility)[] = [];
    for (const r of rows) {
      const why = ineligibility(r, f);
      if (why) kept.push({ ...toEligibleItem(r), ...why });
      else items.push(toEligibleItem(r));
    }
    return { items, kept, next: rows.length === limit ? Number(rows[rows.length - 1]!.seq) : null };
  }

  /** The City Clerk proposes a batch; every item must be eligible now, or nothing is proposed. */
  async function propose(actor: Actor, input: { itemIds: string[]; note: string }): Promise<BatchView> {
    authorize(retentionPolicy, actor, 'disposition.propose', null);
    const note = text('note', input?.note, LIMITS.note, 5);
    if (!Array.isArray(input.itemIds) || input.itemIds.length === 0) throw invalidInput('itemIds', 'name at least one archive item');
    if (input.itemIds.length > MAX_BATCH_ITEMS) throw invalidInput('itemIds', `at most ${MAX_BATCH_ITEMS} items in one batch`);
    const ids = [...new Set(input.itemIds.map((x, i) => text(`itemIds.${i}`, x, 100)))];
    return db.transaction().execute(async (tx) => {
      const rows = await itemsById(tx, ids);
      if (rows.length !== ids.length) {
        const found = new Set(rows.map((r) => r.id));
        const missing = ids.find((x) => !found.has(x))!;
        throw invalidInput(`itemIds.${input.itemIds.indexOf(missing)}`, `no archive item ${missing}`);
      }
      rows.sort((a, b) => Number(a.seq) - Number(b.seq));
      const f = await facts(tx, rows);
      const problems = rows.map((r) => ineligibility(r, f)).filter((p): p is Ineligibility => p !== null);
      if (problems.length) {
        const seqs = new Map(rows.map((r) => [r.id, Number(r.seq)]));
        throw policyRefusal(`${problems.length} of ${rows.length} item(s) may not be proposed for destruction: ${describe(problems, (id) => seqs.get(id))}`, cite(...CLAUSES));
      }
      const id = newId();
      await tx.insertInto('disposition_batches').values({
        id, status: 'proposed', note, item_count: rows.length, proposed_by: actorId(actor), proposed_at: toIso(clock.now()),
        consented_by: null, consented_at: null, consent_text: null, resolution_number: null, form_number: null, authorized_by: null, authorized_at: null,
        destroyed_by: null, destroyed_at: null, withdrawn_by: null, withdrawn_at: null, withdraw_reason: null,
      }).execute();
      const items = rows.map((r) => ({ batch_id: id, item_id: r.id, item_seq: Number(r.seq), kind: r.kind, retention_category: r.retention_category, retain_until: r.retain_until, content_sha256: r.content_sha256, item_hash: r.item_hash }));
      for (let i = 0; i < items.length; i += 200) await tx.insertInto('disposition_batch_items').values(items.slice(i, i + 200)).execute();
      const categories = [...new Set(rows.map((r) => r.retention_category))];
      await audit.record(tx, actor, { action: 'disposition.proposed', targetType: 'disposition_batch', targetId: id, targetLabel: `Disposition batch of ${rows.length} record(s)`, after: { itemCount: rows.length, categories, note }, clauses: cite(...CLAUSES) });
      await notifications.notify(tx, { audience: 'role', role: 'city_attorney', kind: 'disposition.proposed', subject: `Records proposed for destruction (${rows.length})`, body: `The City Clerk proposes destroying ${rows.length} archived record(s) whose retention has ended (${categories.join(', ')}). Your written consent is needed before anything is destroyed.`, relatedType: 'disposition_batch', relatedId: id, clauses: cite(...CLAUSES) });
      return view(actor, await load(tx, id));
    });
  }

  /** Moves a batch on from one status to the next, guarded so two people cannot both do it. */
  async function step(tx: Executor, b: Row<'disposition_batches'>, from: string, set: Partial<Row<'disposition_batches'>>) {
    const done = await tx.updateTable('disposition_batches').set(set).where('id', '=', b.id).where('status', '=', from).executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) throw conflict(`Disposition batch ${b.id} changed meanwhile; reload it`);
  }

  /** The City Attorney's written consent; never the proposer's own. */
  async function consent(actor: Actor, id: string, input: { text: string }): Promise<BatchView> {
    authorize(retentionPolicy, actor, 'disposition.consent', null);
    const consentText = text('text', input?.text, LIMITS.consent, 20);
    return db.transaction().execute(async (tx) => {
      const b = await batchRow(tx, id);
      if (b.status !== 'proposed') throw conflict(`Disposition batch ${id} is ${b.status}; consent is given to a proposed batch`);
      if (actor.kind === 'person' && actor.personId === b.proposed_by) throw policyRefusal('The person who proposed a disposition cannot also consent to it: the City Attorney\'s consent must come from someone else', cite(...CLAUSES));
      await step(tx, b, 'proposed', { status: 'consented', consented_by: actorId(actor), consented_at: toIso(clock.now()), consent_text: consentText });
      await audit.record(tx, actor, { action: 'disposition.consented', targetType: 'disposition_batch', targetId: id, targetLabel: `Disposition batch of ${b.item_count} record(s)`, before: { status: b.status }, after: { status: 'consented', consentText }, clauses: cite(...CLAUSES) });
      return view(actor, await load(tx, id));
    });
  }

  /** The council resolution number and the destruction authorization form number. */
  async function recordAuthority(actor: Actor, id: string, input: { resolutionNumber: string; formNumber: string }): Promise<BatchView> {
    authorize(retentionPolicy, actor, 'disposition.record_authority', null);
    const resolutionNumber = text('resolutionNumber', input?.resolutionNumber, LIMITS.number);
    const formNumber = text('formNumber', input?.formNumber, LIMITS.number);
    return db.transaction().execute(async (tx) => {
      const b = await batchRow(tx, id);
      if (b.status === 'proposed') throw policyRefusal('The City Attorney has not consented to this disposition yet; the resolution and form numbers are recorded after the written consent', cite(...CLAUSES));
      if (b.status !== 'consented') throw conflict(`Disposition batch ${id} is ${b.status}; its numbers are recorded once, after consent`);
      await step(tx, b, 'consented', { status: 'authorized', resolution_number: resolutionNumber, form_number: formNumber, authorized_by: actorId(actor), authorized_at: toIso(clock.now()) });
      await audit.record(tx, actor, { action: 'disposition.authorized', targetType: 'disposition_batch', targetId: id, targetLabel: `Disposition batch of ${b.item_count} record(s)`, before: { status: b.status }, after: { status: 'authorized', resolutionNumber, formNumber }, clauses: cite(...CLAUSES) });
      return view(actor, await load(tx, id));
    });
  }

  async function withdraw(actor: Actor, id: string, input: { reason: string }): Promise<BatchView> {
    authorize(retentionPolicy, actor, 'disposition.withdraw', null);
    const reason = text('reason', input?.reason, LIMITS.reason, 5);
    return db.transaction().execute(async (tx) => {
      const b = await batchRow(tx, id);
      if (!['proposed', 'consented', 'authorized'].includes(b.status)) throw conflict(`Disposition batch ${id} is ${b.status}; only a batch not yet destroyed is withdrawn`);
      await step(tx, b, b.status, { status: 'withdrawn', withdrawn_by: actorId(actor), withdrawn_at: toIso(clock.now()), withdraw_reason: reason });
      await audit.record(tx, actor, { action: 'disposition.withdrawn', targetType: 'disposition_batch', targetId: id, targetLabel: `Disposition batch of ${b.item_count} record(s)`, before: { status: b.status }, after: { status: 'withdrawn' }, reason, clauses: cite(...CLAUSES) });
      return view(actor, await load(tx, id));
    });
  }

  async function list(actor: Actor, filter: { status?: string } = {}): Promise<BatchView[]> {
    authorize(retentionPolicy, actor, 'retention.read', null);
    let q = db.selectFrom('disposition_batches').selectAll().orderBy('proposed_at', 'desc').limit(200);
    if (filter.status) q = q.where('status', '=', filter.status);
    return (await toBatches(db, await q.execute())).map((b) => view(actor, b));
  }

  async function get(actor: Actor, id: string) {
    authorize(retentionPolicy, actor, 'retention.read', null);
    const batch = view(actor, await load(db, id));
    const items = (await db.selectFrom('disposition_batch_items').selectAll().where('batch_id', '=', id).orderBy('item_seq').limit(MAX_BATCH_ITEMS).execute()).map(toBatchItem);
    return { batch, items };
  }

  const destruction = createDestruction(deps, { batchRow, step, facts, load, view, cite: () => cite(...CLAUSES), actorName: (a: Actor) => actorLabel(a) });

  return { schedules, eligible, propose, consent, recordAuthority, withdraw, list, get, destroy: destruction.destroy, certificate: destruction.certificate };
}

export type RetentionService = ReturnType<typeof createRetentionService>;
