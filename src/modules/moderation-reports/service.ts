import { authorize } from '../../authz/index.ts';
import type { Db } from '../../db/index.ts';
import type { Actor } from '../../kernel/actor.ts';
import type { Clock } from '../../kernel/clock.ts';
import { fromJson, toIso } from '../../kernel/codec.ts';
import { invalidInput } from '../../kernel/errors.ts';
import { clauseTitle, hasClause, type PolicyPack } from '../../policy/index.ts';
import { inconsistentPairs, type Decided, type InconsistentPair } from './consistency.ts';
import { moderationReportsPolicy } from './policy.ts';
import { instants, monthOf, type Period } from './range.ts';

type Counts = { keep: number; hide: number; remove: number; restore: number; total: number };
const zero = (): Counts => ({ keep: 0, hide: 0, remove: 0, restore: 0, total: 0 });
const add = (c: Counts, decision: string) => {
  if (decision === 'keep' || decision === 'hide' || decision === 'remove' || decision === 'restore') c[decision]++;
  c.total++;
};

export interface DecisionsReport {
  period: Period;
  totals: Counts;
  /** A decision citing two clauses counts under each. */
  byClause: ({ clause: string; title: string | null } & Counts)[];
  byModerator: ({ moderatorId: string | null; name: string } & Counts)[];
  byMonth: ({ month: string } & Counts)[];
}

export interface TransparencyReport {
  period: Period;
  generatedAt: string;
  policy: { name: string; version: string };
  /** Hides and removals in force, by City month and Section V clause. No identities, no text. */
  rows: { month: string; clause: string; title: string | null; hidden: number; removed: number }[];
  totals: { hidden: number; removed: number; restored: number; bans: number };
  /** Access denied (bans), by month and clause. */
  bans: { month: string; clause: string; title: string | null; count: number }[];
}

export interface ConsistencyOptions extends Period {
  /** Similarity at or above which two comments count as near-identical (0.5–1, default 0.85). */
  threshold?: number;
}

/** How many recent decided comments the consistency check looks at. */
export const CONSISTENCY_WINDOW = 1000;

/**
 * Reports on moderation (V: viewpoint-neutral, consistent treatment): decisions by clause,
 * moderator and month; near-identical comments that were treated differently; and the public
 * transparency report (counts only).
 */
export function createModerationReportsService(deps: { db: Db; clock: Clock; pack: PolicyPack }) {
  const { db, clock, pack } = deps;
  const title = (id: string) => (hasClause(pack, id) ? clauseTitle(pack, id) : null);

  function decisionsIn(period: Period) {
    const r = instants(pack, period);
    let q = db
      .selectFrom('moderation_decisions as d')
      .leftJoin('persons as p', 'p.id', 'd.moderator_id')
      .select(['d.id', 'd.comment_id', 'd.decision', 'd.clauses', 'd.moderator_id', 'd.automatic', 'd.decided_at', 'd.status', 'p.name as moderator_name'])
      .where('d.status', '=', 'final');
    if (r.from) q = q.where('d.decided_at', '>=', r.from);
    if (r.to) q = q.where('d.decided_at', '<', r.to);
    return q;
  }

  async function decisions(actor: Actor, period: Period = {}): Promise<DecisionsReport> {
    authorize(moderationReportsPolicy, actor, 'report.read', null);
    const rows = await decisionsIn(period).execute();
    const totals = zero();
    const byClause = new Map<string, Counts>();
    const byModerator = new Map<string, { moderatorId: string | null; name: string; c: Counts }>();
    const byMonth = new Map<string, Counts>();
    for (const r of rows) {
      add(totals, r.decision);
      for (const c of fromJson<string[]>(r.clauses) ?? []) add(byClause.get(c) ?? byClause.set(c, zero()).get(c)!, r.decision);
      const key = r.automatic === 1 || !r.moderator_id ? 'automatic' : r.moderator_id;
      const m = byModerator.get(key) ?? byModerator.set(key, { moderatorId: key === 'automatic' ? null : key, name: key === 'automatic' ? 'Automatic (awaiting or confirmed by a person)' : (r.moderator_name ?? r.moderator_id!), c: zero() }).get(key)!;
      add(m.c, r.decision);
      const month = monthOf(pack, r.decided_at);
      add(byMonth.get(month) ?? byMonth.set(month, zero()).get(month)!, r.decision);
    }
    const clauseOrder = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });
    return {
      period,
      totals,
      byClause: [...byClause].sort(([a], [b]) => clauseOrder(a, b)).map(([clause, c]) => ({ clause, title: title(clause), ...c })),
      byModerator: [...byModerator.values()].sort((a, b) => a.name.localeCompare(b.name)).map((m) => ({ moderatorId: m.moderatorId, name: m.name, ...m.c })),
      byMonth: [...byMonth].sort(([a], [b]) => a.localeCompare(b)).map(([month, c]) => ({ month, ...c })),
    };
  }

  async function consistency(actor: Actor, options: ConsistencyOptions = {}): Promise<{ threshold: number; examined: number; pairs: InconsistentPair[] }> {
    authorize(moderationReportsPolicy, actor, 'report.read', null);
    const threshold = options.threshold ?? 0.85;
    if (!(threshold >= 0.5 && threshold <= 1)) throw invalidInput('threshold', 'between 0.5 and 1');
    const rows = await decisionsIn(options)
      .innerJoin('comments as c', 'c.id', 'd.comment_id')
      .innerJoin('platforms as f', 'f.id', 'c.platform_id')
      .select(['c.text', 'f.name as platform_name'])
      .orderBy('d.decided_at', 'desc')
      .limit(CONSISTENCY_WINDOW * 3)
      .execute();
    // The current decision of each comment (the newest final one).
    const latest = new Map<string, Decided>();
    for (const r of rows) {
      if (latest.has(r.comment_id)) continue;
      if (latest.size >= CONSISTENCY_WINDOW) break;
      latest.set(r.comment_id, { commentId: r.comment_id, platformName: r.platform_name, text: r.text, decision: r.decision, clauses: fromJson<string[]>(r.clauses) ?? [], moderatorName: r.automatic === 1 ? null : r.moderator_name, automatic: r.automatic === 1, decidedAt: r.decided_at });
    }
    const items = [...latest.values()];
    return { threshold, examined: items.length, pairs: inconsistentPairs(items, threshold) };
  }

  /** Public: removals and hides by clause and month, no identities and no comment text. */
  async function transparency(period: Period = {}): Promise<TransparencyReport> {
    const rows = await decisionsIn(period).where('d.decision', 'in', ['hide', 'remove', 'restore']).execute();
    const cells = new Map<string, { month: string; clause: string; hidden: number; removed: number }>();
    const totals = { hidden: 0, removed: 0, restored: 0, bans: 0 };
    for (const r of rows) {
      if (r.decision === 'restore') {
        totals.restored++;
        continue;
      }
      const month = monthOf(pack, r.decided_at);
      if (r.decision === 'hide') totals.hidden++;
      else totals.removed++;
      for (const clause of fromJson<string[]>(r.clauses) ?? []) {
        const k = `${month} ${clause}`;
        const cell = cells.get(k) ?? cells.set(k, { month, clause, hidden: 0, removed: 0 }).get(k)!;
        if (r.decision === 'hide') cell.hidden++;
        else cell.removed++;
      }
    }
    const r = instants(pack, period);
    let bq = db.selectFrom('commenter_bans').select(['clauses', 'created_at']);
    if (r.from) bq = bq.where('created_at', '>=', r.from);
    if (r.to) bq = bq.where('created_at', '<', r.to);
    const banCells = new Map<string, { month: string; clause: string; count: number }>();
    for (const b of await bq.execute()) {
      totals.bans++;
      const month = monthOf(pack, b.created_at);
      for (const clause of fromJson<string[]>(b.clauses) ?? []) {
        const k = `${month} ${clause}`;
        (banCells.get(k) ?? banCells.set(k, { month, clause, count: 0 }).get(k)!).count++;
      }
    }
    const order = (a: { month: string; clause: string }, b: { month: string; clause: string }) => a.month.localeCompare(b.month) || a.clause.localeCompare(b.clause, 'en', { numeric: true });
    return {
      period,
      generatedAt: toIso(clock.now()),
      policy: { name: pack.name, version: pack.version },
      rows: [...cells.values()].sort(order).map((c) => ({ ...c, title: title(c.clause) })),
      totals,
      bans: [...banCells.values()].sort(order).map((c) => ({ ...c, title: title(c.clause) })),
    };
  }

  /** Public: the City's active platforms open to comments, each authorized by the City Manager (IV.A.6); the comment policy applies there. */
  async function interactivePlatforms(): Promise<{ name: string; type: string; url: string | null; authorizedAt: string | null }[]> {
    const rows = await db.selectFrom('platforms').select(['name', 'type', 'url', 'comments_authorized_at']).where('status', '=', 'active').where('comments_enabled', '=', 1).orderBy('name').execute();
    return rows.map((r) => ({ name: r.name, type: r.type, url: r.url, authorizedAt: r.comments_authorized_at }));
  }

  return { decisions, consistency, transparency, interactivePlatforms };
}

export type ModerationReportsService = ReturnType<typeof createModerationReportsService>;
