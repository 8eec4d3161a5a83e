import { authorize } from '../../authz/index.ts';
import { actorId, publicActor, type Actor } from '../../kernel/actor.ts';
import { toIso } from '../../kernel/codec.ts';
import { conflict, invalidInput, notFound } from '../../kernel/errors.ts';
import { newId } from '../../kernel/ids.ts';
import { hasClause } from '../../policy/index.ts';
import type { AppealsDeps } from './deps.ts';
import { appealAbilities, appealsPolicy } from './policy.ts';
import { loadAppeal, toPublic, type Appeal, type AppealStatus, type PublicAppealStatus } from './repo.ts';
import { boundedText } from '../../kernel/text.ts';

export interface AppealInput {
  commentId?: string | null;
  banId?: string | null;
  name: string;
  /** An email address or a phone number, so the City can answer. */
  contact: string;
  statement: string;
}

export interface DecideInput {
  outcome: 'grant' | 'deny';
  /** Shown to the appellant with the outcome. */
  note: string;
}

export type AppealView = Appeal & { abilities: Record<string, boolean> };

export const LIMITS = { name: 200, contact: 200, statement: 5000, statementMin: 10 } as const;
// Text from the public is kept as text; control characters (NUL above all) are refused, not stored.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[\d\s().-]{7,25}$/;


const text = (path: string, value: unknown, min: number, max: number): string => boundedText(path, value, max, min);

/**
 * Notice and appeal (V): the public appeals a hidden or removed comment, or a ban, on Crier without
 * signing in and follows it by reference; a different moderator grants (the comment is restored
 * through the comments module, or the ban lifted) or denies it with a note for the appellant.
 */
export function createAppealsService(deps: AppealsDeps) {
  const { db, clock, pack, audit } = deps;
  const cite = (...ids: string[]) => ids.filter((id) => hasClause(pack, id));

  async function submit(input: AppealInput): Promise<PublicAppealStatus> {
    authorize(appealsPolicy, publicActor, 'appeal.submit', null);
    const commentId = input.commentId?.trim() || null;
    const banId = input.banId?.trim() || null;
    if (!commentId === !banId) throw invalidInput(commentId ? 'banId' : 'commentId', 'appeal either a comment or a ban (give one reference)');
    const name = text('name', input.name, 1, LIMITS.name);
    const contact = text('contact', input.contact, 3, LIMITS.contact);
    if (!EMAIL.test(contact) && !(PHONE.test(contact) && contact.replace(/\D/g, '').length >= 7)) throw invalidInput('contact', 'give an email address or a phone number');
    const statement = text('statement', input.statement, LIMITS.statementMin, LIMITS.statement);
    return db.transaction().execute(async (tx) => {
      if (commentId) {
        const c = await tx.selectFrom('comments').select(['id', 'visibility']).where('id', '=', commentId).executeTakeFirst();
        if (!c) throw invalidInput('commentId', 'no comment has this reference');
        const decided = await tx.selectFrom('moderation_decisions').select('id').where('comment_id', '=', commentId).where('decision', 'in', ['hide', 'remove']).limit(1).executeTakeFirst();
        if (c.visibility === 'visible' && !decided) throw conflict('This comment was not hidden or removed: there is nothing to appeal', cite('V'));
      } else {
        const b = await tx.selectFrom('commenter_bans').select(['id', 'status']).where('id', '=', banId!).executeTakeFirst();
        if (!b) throw invalidInput('banId', 'no ban has this reference');
        if (b.status !== 'active') throw conflict(`This ban is no longer in force (${b.status})`, cite('V'));
      }
      const row = { id: newId(), comment_id: commentId, ban_id: banId, name, contact, statement, submitted_at: toIso(clock.now()), status: 'open', decided_by: null, decided_at: null, decision_note: null };
      await tx.insertInto('moderation_appeals').values(row).execute();
      // No personal data in the trail: who appealed is in the appeal, readable by the roles allowed.
      await audit.record(tx, publicActor, { action: 'appeal.submitted', targetType: 'moderation_appeal', targetId: row.id, targetLabel: `Appeal of a ${banId ? 'ban' : 'comment'}`, after: { commentId, banId, status: 'open' }, clauses: cite('V') });
      await deps.notifications.notify(tx, { audience: 'role', role: 'moderator', kind: 'appeal.submitted', subject: `A ${banId ? 'ban' : 'moderated comment'} was appealed`, body: 'Decide it in Crier (a moderator other than the one who made the decision).', relatedType: 'moderation_appeal', relatedId: row.id, clauses: cite('V') });
      return toPublic(row);
    });
  }

  /** The appeal's status by its reference, for the appellant (public, no personal data). */
  async function status(reference: string): Promise<PublicAppealStatus> {
    const r = await db.selectFrom('moderation_appeals').selectAll().where('id', '=', reference).executeTakeFirst();
    if (!r) throw notFound('Appeal', reference);
    return toPublic(r);
  }

  const withAbilities = (actor: Actor, a: Appeal): AppealView => ({ ...a, abilities: { 'appeal.decide': a.status === 'open' && appealAbilities(actor, { deciders: a.deciders })['appeal.decide'] === true } });

  async function list(actor: Actor, filter: { status?: AppealStatus } = {}): Promise<AppealView[]> {
    authorize(appealsPolicy, actor, 'appeal.list', null);
    let q = db.selectFrom('moderation_appeals').selectAll().orderBy('submitted_at').limit(500);
    if (filter.status) q = q.where('status', '=', filter.status);
    const out: AppealView[] = [];
    for (const r of await q.execute()) out.push(withAbilities(actor, await loadAppeal(db, r)));
    return out;
  }

  async function get(actor: Actor, id: string): Promise<AppealView> {
    authorize(appealsPolicy, actor, 'appeal.list', null);
    const r = await db.selectFrom('moderation_appeals').selectAll().where('id', '=', id).executeTakeFirst();
    if (!r) throw notFound('Appeal', id);
    return withAbilities(actor, await loadAppeal(db, r));
  }

  async function decide(actor: Actor, id: string, input: DecideInput): Promise<AppealView> {
    const r = await db.selectFrom('moderation_appeals').selectAll().where('id', '=', id).executeTakeFirst();
    if (!r) throw notFound('Appeal', id);
    const appeal = await loadAppeal(db, r);
    authorize(appealsPolicy, actor, 'appeal.decide', { deciders: appeal.deciders });
    if (r.status !== 'open') throw conflict(`This appeal was already ${r.status}`);
    const note = text('note', input.note, 5, LIMITS.statement);
    // The comments module restores (its own transaction); only then is the grant recorded.
    if (input.outcome === 'grant' && r.comment_id && appeal.comment && appeal.comment.visibility !== 'visible') {
      await deps.restoreComment(actor, r.comment_id, `Appeal ${id} granted: ${note}`);
    }
    return db.transaction().execute(async (tx) => {
      const now = toIso(clock.now());
      const status = input.outcome === 'grant' ? 'granted' : 'denied';
      const u = await tx.updateTable('moderation_appeals').set({ status, decided_by: actorId(actor), decided_at: now, decision_note: note }).where('id', '=', id).where('status', '=', 'open').executeTakeFirst();
      if (Number(u.numUpdatedRows) === 0) throw conflict('This appeal was decided meanwhile');
      if (input.outcome === 'grant' && r.ban_id) {
        const b = await tx.selectFrom('commenter_bans').select(['status', 'ends_at']).where('id', '=', r.ban_id).executeTakeFirst();
        if (b?.status === 'active' && (b.ends_at === null || b.ends_at > now)) await deps.bans.liftIn(tx, actor, r.ban_id, `Appeal granted: ${note}`, 'appeal');
      }
      await audit.record(tx, actor, { action: 'appeal.decided', targetType: 'moderation_appeal', targetId: id, targetLabel: `Appeal of a ${r.ban_id ? 'ban' : 'comment'}`, before: { status: 'open' }, after: { status, commentId: r.comment_id, banId: r.ban_id }, clauses: cite('V'), reason: note });
      const after = await tx.selectFrom('moderation_appeals').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      return withAbilities(actor, await loadAppeal(tx, after));
    });
  }

  return { submit, status, list, get, decide };
}

export type AppealsService = ReturnType<typeof createAppealsService>;
