import type { Db, Executor } from '../../db/index.ts';
import type { Clock } from '../../kernel/clock.ts';
import { fromJson, toIso, toJson } from '../../kernel/codec.ts';
import { newId } from '../../kernel/ids.ts';
import type { Mailer } from '../../ports/mailer.ts';

/**
 * E-mail as an outbox: the message is written in the transaction of the change it reports and
 * sent after that transaction commits. A failed send never loses or undoes the change: the row
 * stays, marked failed with the error, and `deliver()` tries again later (a job or the CLI).
 */
export interface OutboxMessage {
  kind: string;
  to: string[];
  subject: string;
  body: string;
  relatedType?: string | null;
  relatedId?: string | null;
}

export interface MailStatus {
  id: string;
  status: 'pending' | 'sent' | 'failed';
  recipients: number;
  error: string | null;
}

export const MAX_ATTEMPTS = 5;

/** Error text safe to keep: the transport's message, one line, bounded. */
function describeError(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  return msg.replace(/\s+/g, ' ').slice(0, 500);
}

/** Active IT Managers (and their designees) with their e-mail addresses. */
export async function itManagerAddresses(executor: Executor, today: string): Promise<string[]> {
  const rows = await executor
    .selectFrom('role_assignments as r')
    .innerJoin('persons as p', 'p.id', 'r.person_id')
    .select('p.email')
    .distinct()
    .where('r.role', '=', 'it_manager')
    .where('r.revoked_at', 'is', null)
    .where('p.status', '=', 'active')
    .where((eb) => eb.or([eb('r.starts_on', 'is', null), eb('r.starts_on', '<=', today)]))
    .where((eb) => eb.or([eb('r.ends_on', 'is', null), eb('r.ends_on', '>=', today)]))
    .orderBy('p.email')
    .execute();
  return rows.map((r) => r.email);
}

export function createOutbox(deps: { db: Db; clock: Clock; mailer: Mailer; log?: (line: string) => void }) {
  const { db, clock, mailer } = deps;

  async function enqueue(tx: Executor, m: OutboxMessage): Promise<string> {
    const id = newId();
    const noRecipients = m.to.length === 0;
    await tx
      .insertInto('mail_outbox')
      .values({
        id,
        kind: m.kind,
        to_addresses: toJson(m.to),
        subject: m.subject,
        body: m.body,
        related_type: m.relatedType ?? null,
        related_id: m.relatedId ?? null,
        status: noRecipients ? 'failed' : 'pending',
        attempts: 0,
        last_error: noRecipients ? 'nobody to write to: no active IT Manager has an e-mail address' : null,
        created_at: toIso(clock.now()),
        sent_at: null,
      })
      .execute();
    return id;
  }

  /** Sends the given messages (after their transaction committed), or every one still owed. */
  async function deliver(ids?: string[]): Promise<MailStatus[]> {
    let q = db.selectFrom('mail_outbox').selectAll().orderBy('created_at');
    q = ids ? q.where('id', 'in', ids.length ? ids : ['']) : q.where('status', 'in', ['pending', 'failed']).where('attempts', '<', MAX_ATTEMPTS);
    const rows = await q.execute();
    const out: MailStatus[] = [];
    for (const r of rows) {
      const to = fromJson<string[]>(r.to_addresses) ?? [];
      if (r.status === 'sent' || to.length === 0) {
        out.push({ id: r.id, status: r.status as MailStatus['status'], recipients: to.length, error: r.last_error });
        continue;
      }
      try {
        await mailer.send({ to, subject: r.subject, text: r.body });
        await db.updateTable('mail_outbox').set({ status: 'sent', attempts: r.attempts + 1, sent_at: toIso(clock.now()), last_error: null }).where('id', '=', r.id).execute();
        out.push({ id: r.id, status: 'sent', recipients: to.length, error: null });
      } catch (e) {
        const error = describeError(e);
        await db.updateTable('mail_outbox').set({ status: 'failed', attempts: r.attempts + 1, last_error: error }).where('id', '=', r.id).execute();
        deps.log?.(`mail ${r.id} (${r.kind}) failed: ${error}`);
        out.push({ id: r.id, status: 'failed', recipients: to.length, error });
      }
    }
    return out;
  }

  return { enqueue, deliver };
}

export type Outbox = ReturnType<typeof createOutbox>;
