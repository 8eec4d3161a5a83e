import { authorize } from '../../authz/index.ts';
import { systemActor, type Actor } from '../../kernel/actor.ts';
import { fromJson, toIso, toJson } from '../../kernel/codec.ts';
import { conflict, invalidInput, policyRefusal } from '../../kernel/errors.ts';
import { newId } from '../../kernel/ids.ts';
import { hasClause, retentionEligibleFrom } from '../../policy/index.ts';
import { connectorAccount } from '../platforms/index.ts';
import { C, isSectionVGround } from './clauses.ts';
import type { CommentsDeps } from './deps.ts';
import { commentsPolicy } from './policy.ts';
import { loadComment } from './repo.ts';
import type { CommentView, Decision } from './types.ts';

type PlatformAction = { action: 'none' | 'done' | 'manual_pending' | 'failed'; note: string | null };

export interface ModerationSettings {
  autoHideClauses: string[];
  twoPersonRule: boolean;
  updatedBy: string | null;
  updatedAt: string | null;
}

/**
 * Moderation by clause (V): keep, hide, remove, restore. A hide or removal cites Section V
 * grounds — a reason is a clause, never an opinion. Removed and hidden comments are kept, with
 * who posted them and why they came down, for the retention period (IV.C.11). The platform action
 * goes through the connector; where the platform cannot do it, the moderator is told what to do
 * by hand and the item stays open until confirmed. A restore shows a hidden comment again through
 * the connector where the platform allows it (Facebook, Bluesky); a deleted one cannot come back.
 */
export function createModeration(deps: CommentsDeps) {
  const { db, clock, pack, audit, connectors, vault } = deps;

  async function settings(): Promise<ModerationSettings> {
    const r = await db.selectFrom('moderation_settings').selectAll().where('id', '=', 'current').executeTakeFirst();
    return { autoHideClauses: fromJson<string[]>(r?.auto_hide_clauses ?? '[]'), twoPersonRule: r?.two_person_rule === 1, updatedBy: r?.updated_by ?? null, updatedAt: r?.updated_at ?? null };
  }

  /** The City Manager lists the clauses whose block findings may hide a comment before a human looks. */
  async function setSettings(actor: Actor, input: { autoHideClauses: string[]; twoPersonRule: boolean }): Promise<ModerationSettings> {
    authorize(commentsPolicy, actor, 'moderation.settings', null);
    const bad = input.autoHideClauses.filter((c) => !isSectionVGround(c) || !hasClause(pack, c) || c === 'V.4');
    if (bad.length) throw invalidInput('body.autoHideClauses', `${bad.join(', ')}: only Section V grounds (V.1–V.15) can hide automatically, and never V.4 (demonstrably false is a moderator's judgement)`);
    const before = await settings();
    const at = toIso(clock.now());
    const row = { auto_hide_clauses: toJson([...new Set(input.autoHideClauses)].sort()), two_person_rule: input.twoPersonRule ? 1 : 0, updated_by: actor.kind === 'person' ? actor.personId : null, updated_at: at };
    await db.transaction().execute(async (tx) => {
      await tx.insertInto('moderation_settings').values({ id: 'current', ...row }).onConflict((oc) => oc.column('id').doUpdateSet(row)).execute();
      await audit.record(tx, actor, { action: 'moderation.settings_changed', targetType: 'moderation_settings', targetId: 'current', before, after: input, clauses: [C.commentPolicy] });
    });
    return settings();
  }

  async function platformAction(c: CommentView, decision: Decision): Promise<PlatformAction> {
    if (decision === 'keep') return { action: 'none', note: null };
    const p = await db.selectFrom('platforms').select(['id', 'type', 'handle', 'url', 'name']).where('id', '=', c.platformId).executeTakeFirstOrThrow();
    const connector = connectors(p.type);
    const caps = connector?.capabilities;
    const ref = { remoteId: c.remoteId, postRemoteId: c.postRemoteId };
    const account = connectorAccount(p, vault.tokenFor);
    const manual = (what: string): PlatformAction => ({ action: 'manual_pending', note: `${p.name} cannot ${what} through Crier: ${what} it by hand on the platform${c.url ? ` (${c.url})` : ''}, then confirm here.` });
    try {
      if (decision === 'restore') {
        // A deleted comment is gone from the platform: only one the City hid can be shown again.
        if (c.visibility === 'removed' && caps?.deleteComment) {
          return { action: 'manual_pending', note: `${p.name} deleted this comment when it was removed, so it cannot be shown again there; its text stays on record here. Tell the commenter they may post it again, then confirm.` };
        }
        if (!caps?.unhideComment || !connector?.unhideComment) return manual('restore the comment');
        await connector.unhideComment(account, ref);
        return { action: 'done', note: null };
      }
      if (decision === 'hide') {
        if (!caps?.hideComment || !connector) return manual('hide the comment');
        await connector.hideComment(account, ref);
        return { action: 'done', note: null };
      }
      // remove: delete where the platform lets the City, else hide it from view and say so.
      if (caps?.deleteComment && connector) {
        await connector.deleteComment(account, ref);
        return { action: 'done', note: null };
      }
      if (caps?.hideComment && connector) {
        await connector.hideComment(account, ref);
        return { action: 'done', note: `${p.name} does not let the City delete comments: it was hidden from public view instead.` };
      }
      return manual('remove the comment');
    } catch (e) {
      return { action: 'failed', note: `The platform refused: ${e instanceof Error ? e.message : String(e)}. Try again, or act by hand and confirm.` };
    }
  }

  async function record(actor: Actor, c: CommentView, input: { decision: Decision; clauses: string[]; note: string | null; automatic: boolean; status: 'final' | 'awaiting_second' }, action: PlatformAction): Promise<void> {
    const at = toIso(clock.now());
    // The comment's visibility changes only once the platform has acted (or a moderator confirms it did).
    const visibility = input.status === 'awaiting_second' || action.action === 'failed' || action.action === 'manual_pending' ? c.visibility : input.decision === 'keep' ? c.visibility : input.decision === 'restore' ? 'visible' : input.decision === 'hide' ? 'hidden' : 'removed';
    // Automatic hides, pending second opinions and platform work still to do keep the item in the queue.
    const open = input.automatic || input.status === 'awaiting_second' || action.action === 'manual_pending' || action.action === 'failed';
    const retainUntil = visibility === 'removed' || visibility === 'hidden' ? retentionEligibleFrom(pack, 'removedComments', clock.now()) : c.retainUntil;
    await db.transaction().execute(async (tx) => {
      await tx.updateTable('moderation_decisions').set({ status: 'superseded' }).where('comment_id', '=', c.id).where('status', '=', 'awaiting_second').execute();
      const decisionId = newId();
      await tx
        .insertInto('moderation_decisions')
        .values({
          id: decisionId,
          comment_id: c.id,
          decision: input.decision,
          clauses: toJson(input.clauses),
          note: input.note,
          moderator_id: actor.kind === 'person' ? actor.personId : null,
          automatic: input.automatic ? 1 : 0,
          decided_at: at,
          status: input.status,
          second_moderator_id: null,
          second_at: null,
          platform_action: action.action,
          platform_note: action.note,
          confirmed_by: null,
          confirmed_at: null,
        })
        .execute();
      await deps.archive?.moderationDecision(tx, decisionId);
      await tx
        .updateTable('comments')
        .set({ visibility, review_state: open ? 'open' : 'decided', updated_at: at, retain_until: retainUntil && c.retainUntil && c.retainUntil > retainUntil ? c.retainUntil : retainUntil })
        .where('id', '=', c.id)
        .execute();
      await audit.record(tx, actor, {
        action: input.automatic ? 'comment.auto_hidden' : `comment.${input.decision}`,
        targetType: 'comment',
        targetId: c.id,
        targetLabel: c.authorHandle,
        before: { visibility: c.visibility },
        after: { visibility, status: input.status, platformAction: action.action },
        reason: input.note,
        clauses: input.clauses.length ? input.clauses : [C.commentPolicy],
      });
    });
  }

  function checkClauses(decision: Decision, clauses: string[]): string[] {
    const unique = [...new Set(clauses.map((c) => c.trim()))];
    if (decision === 'hide' || decision === 'remove') {
      if (!unique.length) throw policyRefusal('A hide or removal cites the Section V clause(s) it rests on: a reason is a clause, never an opinion', [C.commentPolicy]);
      const bad = unique.filter((c) => !isSectionVGround(c) || !hasClause(pack, c));
      if (bad.length) throw invalidInput('body.clauses', `${bad.join(', ')} ${bad.length > 1 ? 'are' : 'is'} not a Section V ground (V.1–V.15)`);
    }
    return unique;
  }

  async function decide(actor: Actor, id: string, input: { decision: Decision; clauses?: string[]; note?: string | null }): Promise<CommentView> {
    authorize(commentsPolicy, actor, 'comment.decide', null);
    const c = await loadComment(db, id);
    const clauses = checkClauses(input.decision, input.clauses ?? []);
    if (input.decision === 'restore' && c.visibility === 'visible') throw conflict('This comment is visible: there is nothing to restore');
    const s = await settings();
    const needsSecond = s.twoPersonRule && input.decision === 'remove' && clauses.some((cl) => !s.autoHideClauses.includes(cl));
    const status = needsSecond ? 'awaiting_second' : 'final';
    const action = status === 'final' ? await platformAction(c, input.decision) : { action: 'none' as const, note: 'Waiting for a second moderator (two-person rule).' };
    await record(actor, c, { decision: input.decision, clauses, note: input.note?.trim() || null, automatic: false, status }, action);
    return loadComment(db, id);
  }

  /** The two-person rule: a different moderator confirms a pending removal, which then takes effect. */
  async function second(actor: Actor, id: string, input: { note?: string | null } = {}): Promise<CommentView> {
    authorize(commentsPolicy, actor, 'comment.decide', null);
    const c = await loadComment(db, id);
    const pending = c.decisions.find((d) => d.status === 'awaiting_second');
    if (!pending) throw conflict('No decision on this comment is waiting for a second moderator');
    if (actor.kind === 'person' && pending.moderatorId === actor.personId) throw policyRefusal('The second moderator must be a different person', [C.commentPolicy]);
    const action = await platformAction(c, pending.decision);
    await record(actor, c, { decision: pending.decision, clauses: pending.clauses, note: input.note?.trim() || `Second moderator confirmed ${pending.id}`, automatic: false, status: 'final' }, action);
    return loadComment(db, id);
  }

  /** The moderator did by hand what the platform could not do through Crier. */
  async function confirmPlatform(actor: Actor, id: string, input: { note?: string | null } = {}): Promise<CommentView> {
    authorize(commentsPolicy, actor, 'comment.confirm_platform', null);
    const c = await loadComment(db, id);
    const waiting = [...c.decisions].reverse().find((d) => d.status === 'final' && (d.platformAction === 'manual_pending' || d.platformAction === 'failed'));
    if (!waiting) throw conflict('Nothing on this comment waits for a manual platform action');
    const at = toIso(clock.now());
    const visibility = waiting.decision === 'restore' ? 'visible' : waiting.decision === 'hide' ? 'hidden' : waiting.decision === 'remove' ? 'removed' : c.visibility;
    await db.transaction().execute(async (tx) => {
      await tx.updateTable('moderation_decisions').set({ platform_action: 'manual_confirmed', confirmed_by: actor.kind === 'person' ? actor.personId : null, confirmed_at: at }).where('id', '=', waiting.id).execute();
      await deps.archive?.moderationDecision(tx, waiting.id);
      await tx.updateTable('comments').set({ visibility, review_state: 'decided', updated_at: at }).where('id', '=', id).execute();
      await audit.record(tx, actor, { action: 'comment.platform_action_confirmed', targetType: 'comment', targetId: id, after: { decisionId: waiting.id, visibility }, reason: input.note?.trim() || null, clauses: waiting.clauses.length ? waiting.clauses : [C.commentPolicy] });
    });
    return loadComment(db, id);
  }

  /** Hides a comment whose block finding is on the City Manager's list; a human still confirms or restores it. */
  async function autoHide(commentId: string, clauses: string[], banId?: string): Promise<void> {
    const c = await loadComment(db, commentId);
    const action = await platformAction(c, 'hide');
    const note = banId ? `Hidden automatically: its author is denied access under ban ${banId} (V); awaiting a moderator.` : 'Hidden automatically under a clause the City Manager listed; awaiting a moderator.';
    await record(systemActor('auto-moderation'), c, { decision: 'hide', clauses, note, automatic: true, status: 'final' }, action);
  }

  return { settings, setSettings, decide, second, confirmPlatform, autoHide };
}
