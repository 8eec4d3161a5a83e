import { sql } from 'kysely';
import { authorize } from '../../authz/index.ts';
import type { Db, Executor, Row } from '../../db/index.ts';
import type { Actor } from '../../kernel/actor.ts';
import type { Clock } from '../../kernel/clock.ts';
import { fromJson, toIso, toJson } from '../../kernel/codec.ts';
import { notFound } from '../../kernel/errors.ts';
import { newId } from '../../kernel/ids.ts';
import type { AuditService } from '../audit/index.ts';
import { COUNCIL_READERS, notificationsPolicy, type NotificationAudience } from './policy.ts';

export interface NotifyInput {
  audience: NotificationAudience;
  /** For audience 'person'. */
  personId?: string | null;
  /** For audience 'role', e.g. 'it_manager'. */
  role?: string | null;
  /** Stable kind, e.g. 'platform.terminated'. */
  kind: string;
  subject: string;
  body: string;
  relatedType?: string | null;
  relatedId?: string | null;
  /** Clause ids the notice is sent under (e.g. IV.A.7). */
  clauses: string[];
}

export interface Notification {
  id: string;
  audience: NotificationAudience;
  personId: string | null;
  role: string | null;
  kind: string;
  subject: string;
  body: string;
  relatedType: string | null;
  relatedId: string | null;
  clauses: string[];
  createdAt: string;
  /** When the signed-in person read it (per reader). */
  readAt: string | null;
}

function toNotification(r: Row<'notifications'>, readAt: string | null): Notification {
  return {
    id: r.id,
    audience: r.audience as NotificationAudience,
    personId: r.person_id,
    role: r.role,
    kind: r.kind,
    subject: r.subject,
    body: r.body,
    relatedType: r.related_type,
    relatedId: r.related_id,
    clauses: fromJson<string[]>(r.clauses) ?? [],
    createdAt: r.created_at,
    readAt,
  };
}

export function createNotificationsService(deps: { db: Db; clock: Clock; audit: AuditService }) {
  const { db, clock, audit } = deps;

  /**
   * Sends a notice. Called by other modules inside the transaction of the change it reports, so
   * the notice exists exactly when the change does. Their audit event covers it.
   */
  async function notify(tx: Executor, input: NotifyInput): Promise<Notification> {
    if (input.audience === 'person' && !input.personId) throw new Error('notify: audience person needs personId');
    if (input.audience === 'role' && !input.role) throw new Error('notify: audience role needs role');
    const row: Row<'notifications'> = {
      id: newId(),
      audience: input.audience,
      person_id: input.audience === 'person' ? input.personId! : null,
      role: input.audience === 'role' ? input.role! : null,
      kind: input.kind,
      subject: input.subject,
      body: input.body,
      related_type: input.relatedType ?? null,
      related_id: input.relatedId ?? null,
      clauses: toJson(input.clauses),
      created_at: toIso(clock.now()),
      read_at: null,
    };
    await tx.insertInto('notifications').values(row).execute();
    return toNotification(row, null);
  }

  /** The signed-in person's notices: their own, their roles', and the Council's when they read those. Newest first. */
  async function listFor(actor: Actor, options: { unreadOnly?: boolean; limit?: number; relatedType?: string; relatedId?: string } = {}): Promise<Notification[]> {
    authorize(notificationsPolicy, actor, 'notification.list', null);
    if (actor.kind !== 'person') return [];
    const roles = [...new Set(actor.roles.map((g) => g.role))];
    const councilReader = actor.roles.some((g) => COUNCIL_READERS.includes(g.role));
    let q = db
      .selectFrom('notifications as n')
      .leftJoin('notification_reads as r', (j) => j.onRef('r.notification_id', '=', 'n.id').on('r.person_id', '=', actor.personId))
      .selectAll('n')
      .select('r.read_at as reader_read_at')
      .where((eb) =>
        eb.or([
          eb.and([eb('n.audience', '=', 'person'), eb('n.person_id', '=', actor.personId)]),
          ...(roles.length ? [eb.and([eb('n.audience', '=', 'role'), eb('n.role', 'in', roles)])] : []),
          ...(councilReader ? [eb('n.audience', '=', 'council')] : []),
        ]),
      )
      .orderBy('n.created_at', 'desc')
      .orderBy('n.id')
      .limit(Math.min(options.limit ?? 100, 500));
    if (options.unreadOnly) q = q.where('r.read_at', 'is', null);
    if (options.relatedType) q = q.where('n.related_type', '=', options.relatedType);
    if (options.relatedId) q = q.where('n.related_id', '=', options.relatedId);
    const rows = await q.execute();
    return rows.map(({ reader_read_at, ...n }) => toNotification(n, reader_read_at ?? null));
  }

  async function unreadCount(actor: Actor): Promise<number> {
    return (await listFor(actor, { unreadOnly: true, limit: 500 })).length;
  }

  /** Marks a notice read for the signed-in person (each reader separately). Idempotent. */
  async function markRead(actor: Actor, id: string): Promise<Notification> {
    return db.transaction().execute(async (tx) => {
      const row = await tx.selectFrom('notifications').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row) throw notFound('Notification', id);
      const resource = { audience: row.audience as NotificationAudience, personId: row.person_id, role: row.role };
      authorize(notificationsPolicy, actor, 'notification.read', resource);
      if (actor.kind !== 'person') throw notFound('Notification', id);
      const existing = await tx
        .selectFrom('notification_reads')
        .select('read_at')
        .where('notification_id', '=', id)
        .where('person_id', '=', actor.personId)
        .executeTakeFirst();
      if (existing) return toNotification(row, existing.read_at);
      const readAt = toIso(clock.now());
      await tx.insertInto('notification_reads').values({ notification_id: id, person_id: actor.personId, read_at: readAt }).execute();
      if (row.audience === 'person') await tx.updateTable('notifications').set({ read_at: readAt }).where('id', '=', id).execute();
      await audit.record(tx, actor, {
        action: 'notification.read',
        targetType: 'notification',
        targetId: id,
        targetLabel: row.subject,
        after: { readAt },
        clauses: fromJson<string[]>(row.clauses) ?? [],
      });
      return toNotification(row, readAt);
    });
  }

  async function count(): Promise<number> {
    const r = await db.selectFrom('notifications').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
    return Number(r.n);
  }

  return { notify, listFor, unreadCount, markRead, count };
}

export type NotificationsService = ReturnType<typeof createNotificationsService>;
