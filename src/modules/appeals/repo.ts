import type { Executor, Row } from '../../db/index.ts';
import { fromJson } from '../../kernel/codec.ts';

export type AppealStatus = 'open' | 'granted' | 'denied';

/** What the public sees by reference: no names, no contact, no comment text. */
export interface PublicAppealStatus {
  reference: string;
  subject: 'comment' | 'ban';
  status: AppealStatus;
  submittedAt: string;
  decidedAt: string | null;
  /** The City's reason, written for the appellant. */
  decisionNote: string | null;
}

export interface AppealedDecision {
  decision: string;
  clauses: string[];
  moderatorId: string | null;
  moderatorName: string | null;
  automatic: boolean;
  decidedAt: string;
}

export interface Appeal extends PublicAppealStatus {
  id: string;
  commentId: string | null;
  banId: string | null;
  name: string;
  contact: string;
  statement: string;
  decidedBy: string | null;
  decidedByName: string | null;
  /** The comment appealed (text only: rendered as text, never HTML). */
  comment: { platformName: string; authorHandle: string | null; text: string; visibility: string; decisions: AppealedDecision[] } | null;
  ban: { platformName: string; handle: string; clauses: string[]; reason: string; status: string; createdBy: string; createdByName: string | null } | null;
  /** People who made the decision appealed: they may not decide the appeal. */
  deciders: string[];
}

export const toPublic = (r: Row<'moderation_appeals'>): PublicAppealStatus => ({
  reference: r.id,
  subject: r.ban_id ? 'ban' : 'comment',
  status: r.status as AppealStatus,
  submittedAt: r.submitted_at,
  decidedAt: r.decided_at,
  decisionNote: r.decision_note,
});

/** The hide/remove decisions on a comment, newest first. */
export async function commentDecisions(ex: Executor, commentId: string): Promise<(AppealedDecision & { secondModeratorId: string | null })[]> {
  const rows = await ex
    .selectFrom('moderation_decisions as d')
    .leftJoin('persons as p', 'p.id', 'd.moderator_id')
    .select(['d.decision', 'd.clauses', 'd.moderator_id', 'd.second_moderator_id', 'd.automatic', 'd.decided_at', 'p.name'])
    .where('d.comment_id', '=', commentId)
    .where('d.decision', 'in', ['hide', 'remove'])
    .orderBy('d.decided_at', 'desc')
    .execute();
  return rows.map((r) => ({ decision: r.decision, clauses: fromJson<string[]>(r.clauses) ?? [], moderatorId: r.moderator_id, secondModeratorId: r.second_moderator_id, moderatorName: r.name, automatic: r.automatic === 1, decidedAt: r.decided_at }));
}

export async function loadAppeal(ex: Executor, r: Row<'moderation_appeals'>): Promise<Appeal> {
  let comment: Appeal['comment'] = null;
  let ban: Appeal['ban'] = null;
  const deciders = new Set<string>();
  if (r.comment_id) {
    const c = await ex.selectFrom('comments as c').innerJoin('platforms as p', 'p.id', 'c.platform_id').select(['c.author_handle', 'c.text', 'c.visibility', 'p.name']).where('c.id', '=', r.comment_id).executeTakeFirst();
    const decisions = await commentDecisions(ex, r.comment_id);
    for (const d of decisions) for (const id of [d.moderatorId, d.secondModeratorId]) if (id) deciders.add(id);
    if (c) comment = { platformName: c.name, authorHandle: c.author_handle, text: c.text, visibility: c.visibility, decisions: decisions.map(({ secondModeratorId: _s, ...d }) => d) };
  }
  if (r.ban_id) {
    const b = await ex.selectFrom('commenter_bans as b').innerJoin('platforms as p', 'p.id', 'b.platform_id').leftJoin('persons as c', 'c.id', 'b.created_by').select(['b.author_handle', 'b.clauses', 'b.reason', 'b.status', 'b.created_by', 'p.name', 'c.name as creator']).where('b.id', '=', r.ban_id).executeTakeFirst();
    if (b) {
      deciders.add(b.created_by);
      ban = { platformName: b.name, handle: b.author_handle, clauses: fromJson<string[]>(b.clauses) ?? [], reason: b.reason, status: b.status, createdBy: b.created_by, createdByName: b.creator };
    }
  }
  const decider = r.decided_by ? await ex.selectFrom('persons').select('name').where('id', '=', r.decided_by).executeTakeFirst() : undefined;
  return { ...toPublic(r), id: r.id, commentId: r.comment_id, banId: r.ban_id, name: r.name, contact: r.contact, statement: r.statement, decidedBy: r.decided_by, decidedByName: decider?.name ?? null, comment, ban, deciders: [...deciders] };
}
