import { authorize } from '../../authz/index.ts';
import type { Db, Executor, Row } from '../../db/index.ts';
import { actorId, type Actor } from '../../kernel/actor.ts';
import type { Clock } from '../../kernel/clock.ts';
import { toIso, toJson } from '../../kernel/codec.ts';
import { conflict, notFound } from '../../kernel/errors.ts';
import { newId } from '../../kernel/ids.ts';
import { hasClause, type PolicyPack } from '../../policy/index.ts';
import type { AuditService } from '../audit/index.ts';
import type { NotificationsService } from '../notifications/index.ts';
import { covers } from './coverage.ts';
import { legalHoldsPolicy } from './policy.ts';
import { holdsInForce, withCustodians } from './repo.ts';
import { HOLD_STATUSES, type HoldableItem, type HoldStatus, type IssueHoldInput, type LegalHold } from './types.ts';
import { LIMITS, text, validateHold } from './validate.ts';

export interface LegalHoldsDeps {
  db: Db;
  clock: Clock;
  pack: PolicyPack;
  audit: Pick<AuditService, 'record'>;
  notifications: Pick<NotificationsService, 'notify'>;
}

export type LegalHoldView = LegalHold & { abilities: Record<string, boolean> };

/**
 * Legal holds (SPEC §5): issued by the City Attorney for a matter, naming a custodian and what
 * they cover; acknowledged by the custodian; released with a reason. While any hold covering a
 * record is in force (issued or acknowledged), that record cannot be destroyed.
 */
export function createLegalHoldsService(deps: LegalHoldsDeps) {
  const { db, clock, pack, audit, notifications } = deps;
  const cite = (...ids: string[]) => ids.filter((id) => hasClause(pack, id));
  const CLAUSES = ['IV.A.9', 'IV.A.13'];
  const view = (actor: Actor, h: LegalHold): LegalHoldView => ({
    ...h,
    abilities: {
      'legal_hold.acknowledge': h.status === 'issued' && legalHoldsPolicy['legal_hold.acknowledge'](actor, { custodianId: h.custodian.id }).allow,
      'legal_hold.release': h.status !== 'released' && legalHoldsPolicy['legal_hold.release'](actor, null).allow,
    },
  });

  async function row(ex: Executor, id: string): Promise<Row<'legal_holds'>> {
    const r = await ex.selectFrom('legal_holds').selectAll().where('id', '=', id).executeTakeFirst();
    if (!r) throw notFound('Legal hold', id);
    return r;
  }
  const load = async (ex: Executor, id: string) => (await withCustodians(ex, [await row(ex, id)]))[0]!;

  async function issue(actor: Actor, input: IssueHoldInput): Promise<LegalHoldView> {
    authorize(legalHoldsPolicy, actor, 'legal_hold.issue', null);
    return db.transaction().execute(async (tx) => {
      const v = await validateHold(tx, input);
      const r: Row<'legal_holds'> = {
        id: newId(),
        matter: v.matter,
        custodian_id: v.custodianId,
        platform_ids: v.platformIds ? toJson(v.platformIds) : null,
        department_ids: v.departmentIds ? toJson(v.departmentIds) : null,
        search_terms: v.searchTerms ? toJson(v.searchTerms) : null,
        from_date: v.fromDate,
        to_date: v.toDate,
        notes: v.notes,
        status: 'issued',
        issued_by: actorId(actor),
        issued_at: toIso(clock.now()),
        acknowledged_by: null,
        acknowledged_at: null,
        released_by: null,
        released_at: null,
        release_reason: null,
      };
      await tx.insertInto('legal_holds').values(r).execute();
      const scope = { platformIds: v.platformIds, departmentIds: v.departmentIds, searchTerms: v.searchTerms, fromDate: v.fromDate, toDate: v.toDate };
      await audit.record(tx, actor, { action: 'legal_hold.issued', targetType: 'legal_hold', targetId: r.id, targetLabel: `Legal hold: ${v.matter}`, after: { matter: v.matter, custodianId: v.custodianId, ...scope }, clauses: cite(...CLAUSES) });
      await notifications.notify(tx, { audience: 'person', personId: v.custodianId, kind: 'legal_hold.issued', subject: `Legal hold: ${v.matter}`, body: `You are named custodian on a legal hold. Preserve every record it covers (${v.fromDate} to ${v.toDate ?? 'ongoing'}) and acknowledge it in Crier.`, relatedType: 'legal_hold', relatedId: r.id, clauses: cite(...CLAUSES) });
      return view(actor, await load(tx, r.id));
    });
  }

  async function acknowledge(actor: Actor, id: string): Promise<LegalHoldView> {
    return db.transaction().execute(async (tx) => {
      const h = await row(tx, id);
      authorize(legalHoldsPolicy, actor, 'legal_hold.acknowledge', { custodianId: h.custodian_id });
      if (h.status !== 'issued') throw conflict(`Legal hold "${h.matter}" is ${h.status}; only an issued hold is acknowledged`);
      const now = toIso(clock.now());
      const done = await tx.updateTable('legal_holds').set({ status: 'acknowledged', acknowledged_by: actorId(actor), acknowledged_at: now }).where('id', '=', id).where('status', '=', 'issued').executeTakeFirst();
      if (Number(done.numUpdatedRows) !== 1) throw conflict(`Legal hold "${h.matter}" changed meanwhile; reload it`);
      await audit.record(tx, actor, { action: 'legal_hold.acknowledged', targetType: 'legal_hold', targetId: id, targetLabel: `Legal hold: ${h.matter}`, before: { status: h.status }, after: { status: 'acknowledged' }, clauses: cite(...CLAUSES) });
      return view(actor, await load(tx, id));
    });
  }

  async function release(actor: Actor, id: string, input: { reason: string }): Promise<LegalHoldView> {
    authorize(legalHoldsPolicy, actor, 'legal_hold.release', null);
    const reason = text('reason', input?.reason, LIMITS.reason, 5);
    return db.transaction().execute(async (tx) => {
      const h = await row(tx, id);
      if (h.status === 'released') throw conflict(`Legal hold "${h.matter}" was already released on ${h.released_at}`);
      const now = toIso(clock.now());
      const done = await tx.updateTable('legal_holds').set({ status: 'released', released_by: actorId(actor), released_at: now, release_reason: reason }).where('id', '=', id).where('status', '=', h.status).executeTakeFirst();
      if (Number(done.numUpdatedRows) !== 1) throw conflict(`Legal hold "${h.matter}" changed meanwhile; reload it`);
      await audit.record(tx, actor, { action: 'legal_hold.released', targetType: 'legal_hold', targetId: id, targetLabel: `Legal hold: ${h.matter}`, before: { status: h.status }, after: { status: 'released' }, reason, clauses: cite(...CLAUSES) });
      await notifications.notify(tx, { audience: 'person', personId: h.custodian_id, kind: 'legal_hold.released', subject: `Legal hold released: ${h.matter}`, body: `The legal hold was released: ${reason}`, relatedType: 'legal_hold', relatedId: id, clauses: cite(...CLAUSES) });
      return view(actor, await load(tx, id));
    });
  }

  async function list(actor: Actor, filter: { status?: HoldStatus } = {}): Promise<LegalHoldView[]> {
    authorize(legalHoldsPolicy, actor, 'legal_hold.read', null);
    let q = db.selectFrom('legal_holds').selectAll().orderBy('issued_at', 'desc').limit(500);
    if (filter.status) q = q.where('status', '=', filter.status);
    return (await withCustodians(db, await q.execute())).map((h) => view(actor, h));
  }

  async function get(actor: Actor, id: string): Promise<LegalHoldView> {
    const h = await row(db, id);
    // The custodian reads the hold that names them, whatever their role.
    if (!(actor.kind === 'person' && actor.personId === h.custodian_id)) authorize(legalHoldsPolicy, actor, 'legal_hold.read', null);
    return view(actor, await load(db, id));
  }

  /** The holds naming the signed-in person as custodian. */
  async function mine(actor: Actor): Promise<LegalHoldView[]> {
    authorize(legalHoldsPolicy, actor, 'legal_hold.mine', null);
    if (actor.kind !== 'person') return [];
    const rows = await db.selectFrom('legal_holds').selectAll().where('custodian_id', '=', actor.personId).orderBy('issued_at', 'desc').limit(500).execute();
    return (await withCustodians(db, rows)).map((h) => view(actor, h));
  }

  /**
   * For disposition (read inside its transaction): each item id → the holds in force that cover
   * it. An item is free only when no hold in force covers it: overlapping holds each keep it.
   */
  async function coveringHolds(ex: Executor, items: HoldableItem[]): Promise<Map<string, LegalHold[]>> {
    const holds = await holdsInForce(ex);
    const out = new Map<string, LegalHold[]>();
    if (holds.length === 0) return out;
    for (const item of items) {
      const by = holds.filter((h) => covers(h, item));
      if (by.length) out.set(item.id, by);
    }
    return out;
  }

  return { issue, acknowledge, release, list, get, mine, coveringHolds, statuses: HOLD_STATUSES };
}

export type LegalHoldsService = ReturnType<typeof createLegalHoldsService>;
