import { sql } from 'kysely';
import type { Executor } from '../../db/index.ts';
import { systemActor } from '../../kernel/actor.ts';
import { toIso, toJson } from '../../kernel/codec.ts';
import { isAppError } from '../../kernel/errors.ts';
import { isBusinessTime, localDate, nextBusinessTime } from '../../policy/index.ts';
import { ConnectorError, type ConnectorAccount, type PlatformConnector, type PublishedPost, type PublishRequest } from '../../ports/platform-connector.ts';
import { connectorAccount } from '../platforms/index.ts';
import { C } from './clauses.ts';
import type { PostsDeps } from './deps.ts';
import { departmentHeads } from './notices.ts';
import { loadPost } from './repo.ts';
import { hoursException } from './rules.ts';
import type { Post } from './types.ts';

export interface PublisherOptions {
  /** Names this worker's claims (several workers may run: each row is claimed by one). */
  workerId?: string;
  /** How long a claim holds before another worker may take the row over (default 2 min). */
  lockMs?: number;
  maxAttempts?: number;
  /** Test seam: runs after the platform accepted the post and before Crier records it. */
  afterSend?: (publicationId: string) => void | Promise<void>;
}

export interface PublishRunResult {
  published: number;
  retrying: number;
  failed: number;
  deferred: number;
  cancelled: number;
}

type PubRow = { id: string; post_id: string; platform_id: string; version: number; idempotency_key: string; status: string; attempts: number; first_attempt_at: string | null };

const BASE_BACKOFF_MS = 30_000;
const MAX_BACKOFF_MS = 3_600_000;

/**
 * The publication outbox: one row per post × platform, published exactly once. A worker claims a
 * due row (status 'sending', with a lease), sends it, then records it. If the worker dies between
 * sending and recording, the lease runs out, another claim finds the row still 'sending' — an
 * unknown outcome — and asks the platform first (findPublished, by the idempotency key) before
 * ever sending again.
 */
export function createPublisher(deps: PostsDeps, options: PublisherOptions = {}) {
  const { db, clock, pack, audit, notifications, vault, connectors } = deps;
  const workerId = options.workerId ?? `worker-${process.pid}`;
  const lockMs = options.lockMs ?? 120_000;
  const maxAttempts = options.maxAttempts ?? 8;
  const system = systemActor('publisher');

  async function claim(now: Date): Promise<(PubRow & { unknownOutcome: boolean }) | null> {
    const at = toIso(now);
    const candidates = await db
      .selectFrom('post_publications')
      .select(['id', 'post_id', 'platform_id', 'version', 'idempotency_key', 'status', 'attempts', 'first_attempt_at', 'locked_until'])
      .where((eb) => eb.or([eb.and([eb('status', '=', 'pending'), eb('next_attempt_at', '<=', at)]), eb.and([eb('status', '=', 'sending'), eb('locked_until', '<=', at)])]))
      .orderBy('next_attempt_at')
      .limit(10)
      .execute();
    for (const c of candidates) {
      const r = await db
        .updateTable('post_publications')
        .set({
          status: 'sending',
          locked_by: workerId,
          locked_until: toIso(new Date(now.getTime() + lockMs)),
          attempts: sql<number>`attempts + 1`,
          first_attempt_at: sql<string>`coalesce(first_attempt_at, ${at})`,
          updated_at: at,
        })
        .where('id', '=', c.id)
        .where('status', '=', c.status)
        .where((eb) => (c.locked_until === null ? eb('locked_until', 'is', null) : eb('locked_until', '=', c.locked_until)))
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) === 1) return { ...c, attempts: c.attempts + 1, first_attempt_at: c.first_attempt_at ?? at, unknownOutcome: c.status === 'sending' };
    }
    return null;
  }

  const release = (tx: Executor, id: string, set: Record<string, unknown>) =>
    tx.updateTable('post_publications').set({ ...set, locked_by: null, locked_until: null, updated_at: toIso(clock.now()) }).where('id', '=', id).where('locked_by', '=', workerId).executeTakeFirst();

  const accountFor = (platform: { id: string; handle: string | null; url: string | null }): ConnectorAccount => connectorAccount(platform, vault.tokenFor);

  async function requestFor(post: Post, row: PubRow): Promise<PublishRequest> {
    const target = post.targets.find((t) => t.platformId === row.platform_id);
    const media = post.attachmentIds.length && deps.attachments ? await deps.attachments.forPost(db, post.attachmentIds) : [];
    return {
      idempotencyKey: row.idempotency_key,
      title: post.title,
      text: target?.text ?? post.body,
      ...(post.link ? { link: post.link } : {}),
      ...(media.length ? { media: media.map((m) => ({ path: m.path, mimeType: m.mimeType, altText: m.altText ?? '' })) } : {}),
    };
  }

  async function recorded(row: PubRow, post: Post, result: PublishedPost): Promise<void> {
    const now = clock.now();
    const at = toIso(now);
    await db.transaction().execute(async (tx) => {
      await release(tx, row.id, { status: 'published', remote_id: result.remoteId, remote_url: result.url, native: toJson(result.native ?? null), published_at: result.publishedAt || at, last_error: null });
      await deps.archive?.publication(tx, row.id);
      await audit.record(tx, system, {
        action: 'post.published',
        targetType: 'post',
        targetId: post.id,
        targetLabel: post.title,
        after: { platformId: row.platform_id, version: row.version, remoteId: result.remoteId, url: result.url, attempts: row.attempts },
        clauses: [C.itReview],
      });
      const open = await tx.selectFrom('post_publications').select('id').where('post_id', '=', post.id).where('status', 'in', ['pending', 'sending']).where('id', '<>', row.id).execute();
      if (open.length === 0) {
        await tx.updateTable('posts').set({ status: 'published', published_at: at, updated_at: at }).where('id', '=', post.id).where('status', '=', 'scheduled').execute();
        await notifications.notify(tx, { audience: 'person', personId: post.authorId, kind: 'post.published', subject: `Published: ${post.title}`, body: 'Your post is live on every platform it was approved for.', relatedType: 'post', relatedId: post.id, clauses: [C.itReview] });
        if (post.correctionOf && post.departmentId) {
          for (const personId of await departmentHeads(tx, post.departmentId, localDate(pack, now))) {
            await notifications.notify(tx, { audience: 'person', personId, kind: 'post.corrected', subject: `Correction published: ${post.title}`, body: 'A correction of an earlier post went out (IV.C.15(f)(v)).', relatedType: 'post', relatedId: post.id, clauses: [C.correction] });
          }
        }
      }
    });
  }

  async function failed(row: PubRow, post: Post, reason: string): Promise<void> {
    await db.transaction().execute(async (tx) => {
      await release(tx, row.id, { status: 'failed', last_error: reason });
      await audit.record(tx, system, { action: 'post.publication_failed', targetType: 'post', targetId: post.id, targetLabel: post.title, after: { platformId: row.platform_id, attempts: row.attempts }, reason });
      for (const n of [{ audience: 'person' as const, personId: post.authorId }, { audience: 'role' as const, role: 'it_manager' }]) {
        await notifications.notify(tx, { ...n, kind: 'post.publication_failed', subject: `Not published: ${post.title}`, body: reason, relatedType: 'post', relatedId: post.id, clauses: [] });
      }
    });
  }

  async function retryLater(row: PubRow, reason: string, retryAfterMs?: number): Promise<void> {
    const backoff = Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** (row.attempts - 1));
    const next = new Date(clock.now().getTime() + Math.max(backoff, retryAfterMs ?? 0));
    await db.transaction().execute((tx) => release(tx, row.id, { status: 'pending', next_attempt_at: toIso(next), last_error: reason }));
  }

  async function defer(row: PubRow, post: Post, until: Date, reason: string): Promise<void> {
    await db.transaction().execute(async (tx) => {
      // A deferral is not a failed attempt: give the attempt back.
      await release(tx, row.id, { status: 'pending', next_attempt_at: toIso(until), attempts: row.attempts - 1 });
      await audit.record(tx, system, { action: 'post.publication_deferred', targetType: 'post', targetId: post.id, targetLabel: post.title, after: { platformId: row.platform_id, until: toIso(until) }, reason, clauses: reason.includes('emergency') ? [C.emergency] : [C.businessHours] });
    });
  }

  async function processOne(row: PubRow & { unknownOutcome: boolean }): Promise<keyof PublishRunResult> {
    const post = await loadPost(db, row.post_id);
    const now = clock.now();
    if (post.status !== 'scheduled' || post.version !== row.version) {
      await db.transaction().execute((tx) => release(tx, row.id, { status: 'cancelled', last_error: `The post is ${post.status} (version ${post.version})` }));
      return 'cancelled';
    }
    if (post.emergency && new Date(post.emergency.releasedAt) > now) {
      await defer(row, post, new Date(post.emergency.releasedAt), `Not before the emergency release on ${post.emergency.system}`);
      return 'deferred';
    }
    if (!isBusinessTime(pack, now) && !hoursException({ emergency: post.emergency !== null, directed: post.direction !== null })) {
      await defer(row, post, nextBusinessTime(pack, now), 'Outside normal business hours');
      return 'deferred';
    }
    let connector: PlatformConnector | null;
    let account: ConnectorAccount;
    try {
      const platform = await deps.platforms.requireUsable(db, row.platform_id);
      connector = connectors(platform.type);
      if (!connector) {
        await failed(row, post, `Crier has no connector for ${platform.type} platforms: nothing was sent`);
        return 'failed';
      }
      account = accountFor(platform);
    } catch (e) {
      if (!isAppError(e)) throw e;
      await failed(row, post, e.message);
      return 'failed';
    }
    try {
      const request = await requestFor(post, row);
      const existing = row.unknownOutcome ? await connector.findPublished(account, request, row.first_attempt_at ?? toIso(now)) : null;
      const result = existing ?? (await connector.publish(account, request));
      if (!existing) await options.afterSend?.(row.id);
      await recorded(row, post, result);
      return 'published';
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      const retryable = e instanceof ConnectorError ? e.retryable : !isAppError(e);
      if (!retryable || row.attempts >= maxAttempts) {
        await failed(row, post, retryable ? `Gave up after ${row.attempts} attempts: ${message}` : message);
        return 'failed';
      }
      await retryLater(row, message, e instanceof ConnectorError ? e.retryAfterMs : undefined);
      return 'retrying';
    }
  }

  /** Publish what is due now, one row at a time, until nothing is due (or limit rows were tried). */
  async function runDue(opts: { limit?: number } = {}): Promise<PublishRunResult> {
    const out: PublishRunResult = { published: 0, retrying: 0, failed: 0, deferred: 0, cancelled: 0 };
    const limit = opts.limit ?? 10_000;
    for (let i = 0; i < limit; i++) {
      const row = await claim(clock.now());
      if (!row) break;
      out[await processOne(row)]++;
    }
    return out;
  }

  return { runDue };
}
