import { authorize } from '../../authz/index.ts';
import type { Executor } from '../../db/index.ts';
import { actorId, systemActor, type Actor } from '../../kernel/actor.ts';
import { isCalendarDate, toIso, toJson } from '../../kernel/codec.ts';
import { conflict, invalidInput, notFound, policyRefusal } from '../../kernel/errors.ts';
import { newId } from '../../kernel/ids.ts';
import { hasClause, localDate, zonedTimeToInstant } from '../../policy/index.ts';
import { assertSectionVClauses, C, normalizeHandle } from './clauses.ts';
import type { BansDeps } from './deps.ts';
import { BAN_DECIDERS, banAbilities, bansPolicy } from './policy.ts';
import { banQuery, eligibleReviewers, reviewsOf, toBan, type Ban, type BanStatus, type ReviewOutcome } from './repo.ts';

export type BanView = Ban & { abilities: Record<string, boolean> };

export interface CreateBanInput {
  platformId: string;
  handle: string;
  clauses: string[];
  reason: string;
  /** Days from now; 30 when neither this nor `indefinite` is given (time-limited by default). */
  durationDays?: number | null;
  /** No end date: the City Manager only. */
  indefinite?: boolean;
  /** Who reviews the ban: a different person from the one who bans. */
  reviewerId: string;
  /** YYYY-MM-DD; default: in 14 days, or the last day of a shorter ban. */
  reviewOn?: string | null;
}

export interface ReviewBanInput {
  outcome: ReviewOutcome;
  note: string;
  /** For 'shorten': the new last day (the ban ends at the start of the next City day). */
  endsOn?: string | null;
  /** For 'keep': when to review it next (default: in 30 days, or the ban's last day). */
  nextReviewOn?: string | null;
}

export interface BanFilter {
  status?: BanStatus;
  platformId?: string;
  handle?: string;
  /** Active bans whose review date has come. */
  dueForReview?: boolean;
}

export const DEFAULT_BAN_DAYS = 30;
export const MAX_BAN_DAYS = 365;
const DAY = 86_400_000;

/** Whether a commenter is denied access at `at` (for the ingest side): the ban, or null. */
export async function isBanned(ex: Executor, platformId: string, handle: string, at: Date): Promise<{ banId: string; clauses: string[]; endsAt: string | null } | null> {
  const t = toIso(at);
  const row = await ex
    .selectFrom('commenter_bans')
    .select(['id', 'clauses', 'ends_at'])
    .where('platform_id', '=', platformId)
    .where('author_handle', '=', normalizeHandle(handle))
    .where('starts_at', '<=', t)
    .where((eb) => eb.or([eb('ends_at', 'is', null), eb('ends_at', '>', t)]))
    .where((eb) => eb.or([eb('lifted_at', 'is', null), eb('lifted_at', '>', t)]))
    .orderBy('starts_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? { banId: row.id, clauses: JSON.parse(row.clauses) as string[], endsAt: row.ends_at } : null;
}

/**
 * Denying access to a commenter (V): each ban cites Section V clauses and a reason, runs for a
 * set time unless the City Manager makes it indefinite, names a reviewer other than the person
 * who banned and a review date, and ends by review, by lifting, or on its own.
 */
export function createBansService(deps: BansDeps) {
  const { db, clock, pack, audit } = deps;
  const cite = (...ids: string[]) => ids.filter((id) => hasClause(pack, id));
  const today = () => localDate(pack, clock.now());
  /** The instant a City calendar day starts. */
  const dayStart = (date: string) => {
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    return zonedTimeToInstant(pack.jurisdiction.timeZone, y, m, d, 0, 0);
  };
  const nextDay = (date: string) => new Date(Date.parse(`${date}T12:00:00Z`) + DAY).toISOString().slice(0, 10);

  async function view(ex: Executor, actor: Actor, id: string): Promise<BanView> {
    const r = await banQuery(ex).where('b.id', '=', id).executeTakeFirst();
    if (!r) throw notFound('Ban', id);
    const ban = toBan(r, (await reviewsOf(ex, [id])).get(id));
    return withAbilities(actor, ban);
  }

  function withAbilities(actor: Actor, ban: Ban): BanView {
    const a = banAbilities(actor, { reviewerId: ban.reviewerId });
    const open = ban.status === 'active';
    return { ...ban, abilities: { 'ban.review': open && a['ban.review'] === true, 'ban.lift': open && a['ban.lift'] === true } };
  }

  async function listBans(actor: Actor, filter: BanFilter = {}): Promise<BanView[]> {
    authorize(bansPolicy, actor, 'ban.list', null);
    let q = banQuery(db).orderBy('b.created_at', 'desc').limit(500);
    if (filter.status) q = q.where('b.status', '=', filter.status);
    if (filter.platformId) q = q.where('b.platform_id', '=', filter.platformId);
    if (filter.handle) q = q.where('b.author_handle', '=', normalizeHandle(filter.handle));
    if (filter.dueForReview) q = q.where('b.status', '=', 'active').where('b.review_on', '<=', today());
    const rows = await q.execute();
    const reviews = await reviewsOf(db, rows.map((r) => r.id));
    return rows.map((r) => withAbilities(actor, toBan(r, reviews.get(r.id))));
  }

  async function getBan(actor: Actor, id: string): Promise<BanView> {
    authorize(bansPolicy, actor, 'ban.list', null);
    return view(db, actor, id);
  }

  /** Who may be named as a ban's reviewer (people holding a deciding role today). */
  async function reviewers(actor: Actor): Promise<{ id: string; name: string }[]> {
    authorize(bansPolicy, actor, 'ban.list', null);
    return eligibleReviewers(db, BAN_DECIDERS, today());
  }

  async function createBan(actor: Actor, input: CreateBanInput): Promise<BanView> {
    authorize(bansPolicy, actor, 'ban.create', null);
    if (input.indefinite) authorize(bansPolicy, actor, 'ban.create_indefinite', null);
    const clauses = assertSectionVClauses(pack, input.clauses);
    const handle = normalizeHandle(input.handle);
    if (!handle) throw invalidInput('handle', 'name the commenter (their handle on the platform)');
    const reason = input.reason.trim();
    if (reason.length < 5) throw invalidInput('reason', 'say what the commenter did (at least 5 characters)');
    if (input.indefinite && input.durationDays != null) throw invalidInput('durationDays', 'an indefinite ban has no duration');
    const days = input.indefinite ? null : (input.durationDays ?? DEFAULT_BAN_DAYS);
    if (days !== null && (!Number.isInteger(days) || days < 1 || days > MAX_BAN_DAYS)) throw invalidInput('durationDays', `between 1 and ${MAX_BAN_DAYS} days`);
    const by = actorId(actor) ?? `system:${actor.kind === 'system' ? actor.name : 'unknown'}`;
    if (input.reviewerId === by) throw policyRefusal('The reviewer must be a different person from the one who denies access', cite(C.publicUse));
    const now = clock.now();
    const endsAt = days === null ? null : new Date(now.getTime() + days * DAY);
    const lastDay = endsAt ? localDate(pack, endsAt) : null;
    const d14 = localDate(pack, new Date(now.getTime() + 14 * DAY));
    const reviewOn = input.reviewOn ?? (lastDay && lastDay < d14 ? lastDay : d14);
    if (!isCalendarDate(reviewOn)) throw invalidInput('reviewOn', 'expected a date as YYYY-MM-DD');
    if (reviewOn < today()) throw invalidInput('reviewOn', 'cannot be in the past');
    if (lastDay && reviewOn > lastDay) throw invalidInput('reviewOn', `must fall before the ban ends (${lastDay})`);

    return db.transaction().execute(async (tx) => {
      const platform = await tx.selectFrom('platforms').select(['id', 'name']).where('id', '=', input.platformId).executeTakeFirst();
      if (!platform) throw invalidInput('platformId', 'no such platform');
      const reviewer = (await eligibleReviewers(tx, BAN_DECIDERS, today())).find((p) => p.id === input.reviewerId);
      if (!reviewer) throw invalidInput('reviewerId', 'the reviewer must be a moderator, the Public Information Analyst or the City Manager');
      const current = await isBanned(tx, platform.id, handle, now);
      if (current) throw conflict(`${handle} is already denied access on ${platform.name}${current.endsAt ? ` until ${current.endsAt}` : ''}`, cite(C.publicUse));
      const id = newId();
      const row = {
        id,
        platform_id: platform.id,
        author_handle: handle,
        clauses: toJson(clauses),
        reason,
        starts_at: toIso(now),
        ends_at: endsAt ? toIso(endsAt) : null,
        review_on: reviewOn,
        reviewer_id: reviewer.id,
        status: 'active',
        created_by: by,
        created_at: toIso(now),
        reviewed_at: null,
        lifted_by: null,
        lifted_at: null,
        lift_reason: null,
      };
      await tx.insertInto('commenter_bans').values(row).execute();
      await audit.record(tx, actor, {
        action: 'ban.created',
        targetType: 'commenter_ban',
        targetId: id,
        targetLabel: `${handle} on ${platform.name}`,
        after: { platformId: platform.id, handle, clauses, endsAt: row.ends_at, reviewOn, reviewerId: reviewer.id },
        clauses: cite(...clauses, C.publicUse),
        reason,
      });
      await deps.notifications.notify(tx, {
        audience: 'person',
        personId: reviewer.id,
        kind: 'ban.review_assigned',
        subject: `Review the ban of ${handle} on ${platform.name} by ${reviewOn}`,
        body: `Cited: ${clauses.join(', ')}. ${endsAt ? `Ends ${toIso(endsAt)}.` : 'No end date.'}`,
        relatedType: 'commenter_ban',
        relatedId: id,
        clauses: cite(C.publicUse),
      });
      return view(tx, actor, id);
    });
  }

  async function activeRow(tx: Executor, id: string) {
    const r = await banQuery(tx).where('b.id', '=', id).executeTakeFirst();
    if (!r) throw notFound('Ban', id);
    if (r.status !== 'active' || (r.ends_at !== null && r.ends_at <= toIso(clock.now()))) throw conflict(`This ban is no longer in force (${r.status === 'active' ? 'ended' : r.status})`);
    return r;
  }

  /** Lifts an active ban inside the caller's transaction (used by appeals as well). */
  async function liftIn(tx: Executor, actor: Actor, id: string, reason: string, via: 'lift' | 'review' | 'appeal') {
    const r = await activeRow(tx, id);
    const now = toIso(clock.now());
    await tx.updateTable('commenter_bans').set({ status: 'lifted', lifted_by: actorId(actor), lifted_at: now, lift_reason: reason }).where('id', '=', id).execute();
    if (via !== 'review') {
      await audit.record(tx, actor, { action: 'ban.lifted', targetType: 'commenter_ban', targetId: id, targetLabel: `${r.author_handle} on ${r.platform_name}`, before: { status: 'active' }, after: { status: 'lifted', via }, clauses: cite(C.publicUse), reason });
    }
  }

  async function liftBan(actor: Actor, id: string, reason: string): Promise<BanView> {
    authorize(bansPolicy, actor, 'ban.lift', null);
    const why = reason.trim();
    if (why.length < 5) throw invalidInput('reason', 'say why the ban is lifted (at least 5 characters)');
    return db.transaction().execute(async (tx) => {
      await liftIn(tx, actor, id, why, 'lift');
      return view(tx, actor, id);
    });
  }

  async function reviewBan(actor: Actor, id: string, input: ReviewBanInput): Promise<BanView> {
    const note = input.note.trim();
    return db.transaction().execute(async (tx) => {
      const r = await activeRow(tx, id);
      authorize(bansPolicy, actor, 'ban.review', { reviewerId: r.reviewer_id });
      if (note.length < 5) throw invalidInput('note', 'record what the review found (at least 5 characters)');
      const now = clock.now();
      const lastDay = r.ends_at ? localDate(pack, new Date(Date.parse(r.ends_at) - 1)) : null;
      const before = { endsAt: r.ends_at, reviewOn: r.review_on, status: r.status };
      let after: Record<string, unknown> = { outcome: input.outcome };
      if (input.outcome === 'lift') {
        await liftIn(tx, actor, id, note, 'review');
        after = { ...after, status: 'lifted' };
      } else if (input.outcome === 'shorten') {
        const endsOn = input.endsOn ?? '';
        if (!isCalendarDate(endsOn)) throw invalidInput('endsOn', 'give the new last day as YYYY-MM-DD');
        const endsAt = dayStart(nextDay(endsOn));
        if (endsAt <= now) throw invalidInput('endsOn', 'cannot be in the past (lift the ban instead)');
        if (r.ends_at !== null && toIso(endsAt) >= r.ends_at) throw invalidInput('endsOn', `must be before the ban's current last day (${lastDay})`);
        const reviewOn = r.review_on < endsOn ? r.review_on : endsOn < today() ? today() : endsOn;
        await tx.updateTable('commenter_bans').set({ ends_at: toIso(endsAt), review_on: reviewOn }).where('id', '=', id).execute();
        after = { ...after, endsAt: toIso(endsAt), reviewOn };
      } else {
        const d30 = localDate(pack, new Date(now.getTime() + 30 * DAY));
        const next = input.nextReviewOn ?? (lastDay && lastDay < d30 ? lastDay : d30);
        if (!isCalendarDate(next)) throw invalidInput('nextReviewOn', 'expected a date as YYYY-MM-DD');
        if (next < today()) throw invalidInput('nextReviewOn', 'cannot be in the past');
        if (lastDay && next > lastDay) throw invalidInput('nextReviewOn', `must fall before the ban ends (${lastDay})`);
        await tx.updateTable('commenter_bans').set({ review_on: next }).where('id', '=', id).execute();
        after = { ...after, reviewOn: next };
      }
      await tx.updateTable('commenter_bans').set({ reviewed_at: toIso(now) }).where('id', '=', id).execute();
      await audit.record(tx, actor, { action: 'ban.reviewed', targetType: 'commenter_ban', targetId: id, targetLabel: `${r.author_handle} on ${r.platform_name}`, before, after, clauses: cite(C.publicUse), reason: note });
      return view(tx, actor, id);
    });
  }

  /** Reminds each reviewer once when a ban's review date arrives (again after each review moves it). */
  async function remindReviewers(system: Actor, now: Date) {
    const date = localDate(pack, now);
    const due = await db.selectFrom('commenter_bans as b').innerJoin('platforms as p', 'p.id', 'b.platform_id').select(['b.id', 'b.author_handle', 'b.reviewer_id', 'b.review_on', 'b.reviewed_at', 'b.created_at', 'p.name']).where('b.status', '=', 'active').where('b.review_on', '<=', date).execute();
    for (const b of due) {
      await db.transaction().execute(async (tx) => {
        const since = b.reviewed_at ?? b.created_at;
        const sent = await tx.selectFrom('notifications').select('id').where('kind', '=', 'ban.review_due').where('related_type', '=', 'commenter_ban').where('related_id', '=', b.id).where('created_at', '>', since).executeTakeFirst();
        if (sent) return;
        await deps.notifications.notify(tx, { audience: 'person', personId: b.reviewer_id, kind: 'ban.review_due', subject: `Review due: the ban of ${b.author_handle} on ${b.name}`, body: `The review date was ${b.review_on}. Keep, shorten or lift it in Crier.`, relatedType: 'commenter_ban', relatedId: b.id, clauses: cite(C.publicUse) });
        await audit.record(tx, system, { action: 'ban.review_due', targetType: 'commenter_ban', targetId: b.id, targetLabel: `${b.author_handle} on ${b.name}`, after: { reviewOn: b.review_on, reviewerId: b.reviewer_id }, clauses: cite(C.publicUse) });
      });
    }
  }

  /** Marks bans whose time has run out as expired and reminds reviewers of due reviews (the scheduler calls it). Returns how many expired. */
  async function tick(now: Date = clock.now()): Promise<number> {
    const system = systemActor('bans');
    const due = await db.selectFrom('commenter_bans as b').innerJoin('platforms as p', 'p.id', 'b.platform_id').select(['b.id', 'b.author_handle', 'b.ends_at', 'p.name']).where('b.status', '=', 'active').where('b.ends_at', 'is not', null).where('b.ends_at', '<=', toIso(now)).execute();
    let n = 0;
    for (const b of due) {
      n += await db.transaction().execute(async (tx) => {
        const r = await tx.updateTable('commenter_bans').set({ status: 'expired' }).where('id', '=', b.id).where('status', '=', 'active').executeTakeFirst();
        if (Number(r.numUpdatedRows) === 0) return 0;
        await audit.record(tx, system, { action: 'ban.expired', targetType: 'commenter_ban', targetId: b.id, targetLabel: `${b.author_handle} on ${b.name}`, before: { status: 'active' }, after: { status: 'expired', endedAt: b.ends_at }, clauses: cite(C.publicUse) });
        return 1;
      });
    }
    await remindReviewers(system, now);
    return n;
  }

  return { listBans, getBan, reviewers, createBan, reviewBan, liftBan, liftIn, tick, isBanned: (platformId: string, handle: string, at: Date = clock.now()) => isBanned(db, platformId, handle, at) };
}

export type BansService = ReturnType<typeof createBansService>;
