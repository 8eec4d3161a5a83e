import { sql } from 'kysely';
import type { Actor } from '../../kernel/actor.ts';
import { actorId, actorLabel } from '../../kernel/actor.ts';
import type { Clock } from '../../kernel/clock.ts';
import { toIso, toJson, fromJson } from '../../kernel/codec.ts';
import { newId } from '../../kernel/ids.ts';
import { authorize } from '../../authz/index.ts';
import type { Db, DialectName, Executor, Row } from '../../db/index.ts';
import { checkLink, eventHash, GENESIS_HASH, type ChainBreak } from './chain.ts';
import { auditPolicy } from './policy.ts';

/** What a module says happened. Recorded in the same transaction as the change. */
export interface AuditEventInput {
  /** `<module>.<verb>`, e.g. `platform.activated`. */
  action: string;
  targetType: string;
  targetId: string | null;
  /** Human-readable name of the target now, so the entry reads after the target is gone. */
  targetLabel?: string | null;
  before?: unknown;
  after?: unknown;
  /** Clause ids the action rests on. */
  clauses?: string[];
  reason?: string | null;
}

export interface AuditEvent {
  seq: number;
  id: string;
  occurredAt: string;
  actorId: string | null;
  actorLabel: string;
  action: string;
  targetType: string;
  targetId: string | null;
  targetLabel: string | null;
  before: unknown;
  after: unknown;
  clauses: string[];
  reason: string | null;
  hash: string;
}

export interface AuditFilter {
  targetType?: string;
  targetId?: string;
  actorId?: string;
  action?: string;
  beforeSeq?: number;
  limit?: number;
}

export type VerifyResult = { ok: true; events: number; head: string } | { ok: false; events: number; firstBreak: ChainBreak };

const ACTION_PATTERN = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/;

export function toAuditEvent(r: Row<'audit_events'>): AuditEvent {
  return {
    seq: Number(r.seq),
    id: r.id,
    occurredAt: r.occurred_at,
    actorId: r.actor_id,
    actorLabel: r.actor_label,
    action: r.action,
    targetType: r.target_type,
    targetId: r.target_id,
    targetLabel: r.target_label,
    before: fromJson(r.before_json),
    after: fromJson(r.after_json),
    clauses: fromJson<string[]>(r.clauses) ?? [],
    reason: r.reason,
    hash: r.hash,
  };
}

export function createAuditService(deps: { db: Db; dialect: DialectName; clock: Clock }) {
  const { db, dialect, clock } = deps;

  /**
   * Appends one event to the chain. Must be called with the transaction of the change it records.
   * On PostgreSQL the chain head row is locked so concurrent writers line up; SQLite serialises
   * transactions already.
   */
  async function record(tx: Executor, actor: Actor, input: AuditEventInput): Promise<AuditEvent> {
    if (!ACTION_PATTERN.test(input.action)) throw new Error(`audit: bad action name "${input.action}"`);
    const headQuery = tx.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1);
    const head = await (dialect === 'postgres' ? headQuery.forUpdate() : headQuery).executeTakeFirstOrThrow();
    const row = {
      seq: Number(head.seq) + 1,
      id: newId(),
      occurred_at: toIso(clock.now()),
      actor_id: actorId(actor),
      actor_label: actorLabel(actor),
      action: input.action,
      target_type: input.targetType,
      target_id: input.targetId,
      target_label: input.targetLabel ?? null,
      before_json: input.before === undefined ? null : toJson(input.before),
      after_json: input.after === undefined ? null : toJson(input.after),
      clauses: toJson(input.clauses ?? []),
      reason: input.reason ?? null,
      prev_hash: head.hash,
    };
    const full = { ...row, hash: eventHash(row) };
    await tx.insertInto('audit_events').values(full).execute();
    await tx.updateTable('audit_head').set({ seq: full.seq, hash: full.hash }).where('id', '=', 1).execute();
    return toAuditEvent(full);
  }

  async function list(actor: Actor, filter: AuditFilter = {}): Promise<AuditEvent[]> {
    authorize(auditPolicy, actor, 'audit.read', null);
    let q = db.selectFrom('audit_events').selectAll().orderBy('seq', 'desc').limit(Math.min(filter.limit ?? 50, 500));
    if (filter.targetType) q = q.where('target_type', '=', filter.targetType);
    if (filter.targetId) q = q.where('target_id', '=', filter.targetId);
    if (filter.actorId) q = q.where('actor_id', '=', filter.actorId);
    if (filter.action) q = q.where('action', '=', filter.action);
    if (filter.beforeSeq) q = q.where('seq', '<', filter.beforeSeq);
    return (await q.execute()).map(toAuditEvent);
  }

  /** Walks the whole chain in order, in pages, so memory stays flat. */
  async function verify(): Promise<VerifyResult> {
    const head = await db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst();
    let expectedSeq = 1;
    let prev = GENESIS_HASH;
    let count = 0;
    for (;;) {
      const page = await db
        .selectFrom('audit_events')
        .selectAll()
        .where('seq', '>=', expectedSeq)
        .orderBy('seq')
        .limit(1000)
        .execute();
      if (page.length === 0) break;
      for (const e of page) {
        const broken = checkLink(e, expectedSeq, prev);
        if (broken) return { ok: false, events: count, firstBreak: broken };
        prev = e.hash;
        expectedSeq += 1;
        count += 1;
      }
    }
    if (!head || Number(head.seq) !== count || head.hash !== prev) {
      const headSeq = head ? Number(head.seq) : 0;
      return {
        ok: false,
        events: count,
        firstBreak:
          headSeq > count
            ? { seq: count + 1, id: null, problem: `event #${count + 1} is missing (the chain head records ${headSeq} events)` }
            : { seq: headSeq, id: null, problem: 'the chain head does not match the last stored event' },
      };
    }
    return { ok: true, events: count, head: prev };
  }

  async function count(): Promise<number> {
    const r = await db.selectFrom('audit_events').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
    return Number(r.n);
  }

  return { record, list, verify, count };
}

export type AuditService = ReturnType<typeof createAuditService>;
