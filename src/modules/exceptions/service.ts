import { z } from 'zod';
import { authorize } from '../../authz/index.ts';
import type { Actor } from '../../kernel/actor.ts';
import type { Clock } from '../../kernel/clock.ts';
import { toIso } from '../../kernel/codec.ts';
import { conflict, invalidInput, notFound } from '../../kernel/errors.ts';
import { newId } from '../../kernel/ids.ts';
import type { Db, Row } from '../../db/index.ts';
import { hasClause, localDate, type PolicyPack } from '../../policy/index.ts';
import type { AuditService } from '../audit/index.ts';
import { exceptionsPolicy } from './policy.ts';

export interface PolicyException {
  id: string;
  clauseId: string;
  platformId: string | null;
  personId: string | null;
  startsOn: string;
  endsOn: string;
  councilApprovedOn: string;
  agendaItem: string;
  description: string;
  recordedAt: string;
  revokedAt: string | null;
}

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
export const ExceptionInput = z
  .object({
    clauseId: z.string().min(1).max(60),
    platformId: z.string().min(1).max(100).nullish(),
    personId: z.string().min(1).max(100).nullish(),
    startsOn: date,
    endsOn: date,
    councilApprovedOn: date,
    agendaItem: z.string().trim().min(1, 'the Council agenda item number is required').max(60),
    description: z.string().trim().min(1).max(2000),
  })
  .refine((v) => v.startsOn <= v.endsOn, { path: ['endsOn'], message: 'must not be before startsOn' })
  .refine((v) => Boolean(v.platformId || v.personId), { path: ['platformId'], message: 'an exception must be scoped to a platform or a person' });
export type ExceptionInput = z.infer<typeof ExceptionInput>;

const toException = (r: Row<'policy_exceptions'>): PolicyException => ({
  id: r.id,
  clauseId: r.clause_id,
  platformId: r.platform_id,
  personId: r.person_id,
  startsOn: r.starts_on,
  endsOn: r.ends_on,
  councilApprovedOn: r.council_approved_on,
  agendaItem: r.agenda_item,
  description: r.description,
  recordedAt: r.recorded_at,
  revokedAt: r.revoked_at,
});

/**
 * The register of Council-approved exceptions (VI). The rules consult this register and nothing
 * else: an exception waives exactly its clause, for exactly its person and/or platform, on the
 * dates it covers.
 */
export function createExceptionsService(deps: { db: Db; clock: Clock; pack: PolicyPack; audit: AuditService }) {
  const { db, clock, pack, audit } = deps;

  async function record(actor: Actor, input: ExceptionInput): Promise<PolicyException> {
    authorize(exceptionsPolicy, actor, 'exception.record', null);
    const v = ExceptionInput.parse(input);
    if (!hasClause(pack, v.clauseId)) throw invalidInput('clauseId', `"${v.clauseId}" is not a clause of ${pack.name}`);
    if (v.councilApprovedOn > v.startsOn) throw invalidInput('startsOn', 'an exception cannot start before the Council approved it');
    return db.transaction().execute(async (tx) => {
      if (v.personId && !(await tx.selectFrom('persons').select('id').where('id', '=', v.personId).executeTakeFirst())) throw notFound('Person', v.personId);
      if (v.platformId && !(await tx.selectFrom('platforms').select('id').where('id', '=', v.platformId).executeTakeFirst())) throw notFound('Platform', v.platformId);
      const row = {
        id: newId(),
        clause_id: v.clauseId,
        platform_id: v.platformId ?? null,
        person_id: v.personId ?? null,
        starts_on: v.startsOn,
        ends_on: v.endsOn,
        council_approved_on: v.councilApprovedOn,
        agenda_item: v.agendaItem,
        description: v.description,
        recorded_by: actor.kind === 'person' ? actor.personId : null,
        recorded_at: toIso(clock.now()),
        revoked_at: null,
        revoked_by: null,
      };
      await tx.insertInto('policy_exceptions').values(row).execute();
      await audit.record(tx, actor, {
        action: 'exception.recorded',
        targetType: 'policy_exception',
        targetId: row.id,
        targetLabel: `Exception to ${v.clauseId} (agenda item ${v.agendaItem})`,
        after: toException(row),
        clauses: ['VI', v.clauseId].filter((c) => hasClause(pack, c)),
      });
      return toException(row);
    });
  }

  async function revoke(actor: Actor, id: string, reason: string): Promise<PolicyException> {
    authorize(exceptionsPolicy, actor, 'exception.revoke', null);
    return db.transaction().execute(async (tx) => {
      const row = await tx.selectFrom('policy_exceptions').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row) throw notFound('Exception', id);
      if (row.revoked_at) throw conflict('This exception was already revoked');
      const revoked_at = toIso(clock.now());
      await tx.updateTable('policy_exceptions').set({ revoked_at, revoked_by: actor.kind === 'person' ? actor.personId : null }).where('id', '=', id).execute();
      await audit.record(tx, actor, {
        action: 'exception.revoked',
        targetType: 'policy_exception',
        targetId: id,
        targetLabel: `Exception to ${row.clause_id} (agenda item ${row.agenda_item})`,
        before: toException(row),
        after: { ...toException(row), revokedAt: revoked_at },
        clauses: ['VI'].filter((c) => hasClause(pack, c)),
        reason,
      });
      return { ...toException(row), revokedAt: revoked_at };
    });
  }

  async function list(actor: Actor): Promise<PolicyException[]> {
    authorize(exceptionsPolicy, actor, 'exception.read', null);
    return (await db.selectFrom('policy_exceptions').selectAll().orderBy('recorded_at', 'desc').execute()).map(toException);
  }

  /**
   * The recorded exception that waives `clauseId` for this person/platform on this day, if any.
   * A platform-scoped exception matches only that platform; a person-scoped one only that person;
   * one scoped to both needs both.
   */
  async function findActive(q: { clauseId: string; personId?: string | null; platformId?: string | null; on: Date }): Promise<PolicyException | null> {
    const day = localDate(pack, q.on);
    const rows = await db
      .selectFrom('policy_exceptions')
      .selectAll()
      .where('clause_id', '=', q.clauseId)
      .where('revoked_at', 'is', null)
      .where('starts_on', '<=', day)
      .where('ends_on', '>=', day)
      .execute();
    const match = rows.find(
      (r) => (r.person_id === null || r.person_id === (q.personId ?? null)) && (r.platform_id === null || r.platform_id === (q.platformId ?? null)),
    );
    return match ? toException(match) : null;
  }

  return { record, revoke, list, findActive };
}

export type ExceptionsService = ReturnType<typeof createExceptionsService>;
