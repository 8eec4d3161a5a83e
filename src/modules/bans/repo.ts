import type { Executor, Row } from '../../db/index.ts';
import { fromJson } from '../../kernel/codec.ts';

export type BanStatus = 'active' | 'lifted' | 'expired';
export type ReviewOutcome = 'keep' | 'lift' | 'shorten';

export interface BanReview {
  at: string;
  byName: string;
  outcome: ReviewOutcome;
  note: string | null;
}

export interface Ban {
  id: string;
  platformId: string;
  platformName: string;
  handle: string;
  clauses: string[];
  reason: string;
  startsAt: string;
  /** null = indefinite (City Manager only). */
  endsAt: string | null;
  reviewOn: string;
  reviewerId: string;
  reviewerName: string | null;
  status: BanStatus;
  createdBy: string;
  createdByName: string | null;
  createdAt: string;
  reviewedAt: string | null;
  liftedBy: string | null;
  liftedAt: string | null;
  liftReason: string | null;
  /** Every review, oldest first (kept in the audit trail, where the outcome is recorded). */
  reviews: BanReview[];
}

export type BanRow = Row<'commenter_bans'> & { platform_name: string; reviewer_name: string | null; creator_name: string | null };

export function banQuery(ex: Executor) {
  return ex
    .selectFrom('commenter_bans as b')
    .innerJoin('platforms as p', 'p.id', 'b.platform_id')
    .leftJoin('persons as r', 'r.id', 'b.reviewer_id')
    .leftJoin('persons as c', 'c.id', 'b.created_by')
    .selectAll('b')
    .select(['p.name as platform_name', 'r.name as reviewer_name', 'c.name as creator_name']);
}

export function toBan(r: BanRow, reviews: BanReview[] = []): Ban {
  return {
    id: r.id,
    platformId: r.platform_id,
    platformName: r.platform_name,
    handle: r.author_handle,
    clauses: fromJson<string[]>(r.clauses) ?? [],
    reason: r.reason,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    reviewOn: r.review_on,
    reviewerId: r.reviewer_id,
    reviewerName: r.reviewer_name,
    status: r.status as BanStatus,
    createdBy: r.created_by,
    createdByName: r.creator_name,
    createdAt: r.created_at,
    reviewedAt: r.reviewed_at,
    liftedBy: r.lifted_by,
    liftedAt: r.lifted_at,
    liftReason: r.lift_reason,
    reviews,
  };
}

/** Reviews of these bans from the audit trail ('ban.reviewed' events carry the outcome). */
export async function reviewsOf(ex: Executor, banIds: string[]): Promise<Map<string, BanReview[]>> {
  const out = new Map<string, BanReview[]>();
  if (banIds.length === 0) return out;
  const rows = await ex
    .selectFrom('audit_events')
    .select(['target_id', 'occurred_at', 'actor_label', 'after_json', 'reason'])
    .where('target_type', '=', 'commenter_ban')
    .where('action', '=', 'ban.reviewed')
    .where('target_id', 'in', banIds)
    .orderBy('seq')
    .execute();
  for (const r of rows) {
    const after = fromJson<{ outcome?: ReviewOutcome }>(r.after_json);
    const list = out.get(r.target_id!) ?? [];
    list.push({ at: r.occurred_at, byName: r.actor_label, outcome: after?.outcome ?? 'keep', note: r.reason });
    out.set(r.target_id!, list);
  }
  return out;
}

/** People who may review a ban today: active holders of a deciding role. */
export async function eligibleReviewers(ex: Executor, roles: string[], today: string): Promise<{ id: string; name: string }[]> {
  return ex
    .selectFrom('role_assignments as a')
    .innerJoin('persons as p', 'p.id', 'a.person_id')
    .select(['p.id', 'p.name'])
    .distinct()
    .where('a.role', 'in', roles)
    .where('a.revoked_at', 'is', null)
    .where((eb) => eb.or([eb('a.starts_on', 'is', null), eb('a.starts_on', '<=', today)]))
    .where((eb) => eb.or([eb('a.ends_on', 'is', null), eb('a.ends_on', '>=', today)]))
    .where('p.status', '=', 'active')
    .orderBy('p.name')
    .execute();
}
