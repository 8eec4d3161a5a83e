import type { Db } from '../../db/index.ts';
import { fromJson, toIso, toJson } from '../../kernel/codec.ts';
import type { Clock } from '../../kernel/clock.ts';
import { newId } from '../../kernel/ids.ts';
import {
  UnsupportedByConnector,
  type ConnectorAccount,
  type PlatformConnector,
  type PublishedPost,
  type PublishRequest,
  type RemoteProfile,
} from '../../ports/platform-connector.ts';
import { connectorDescriptor } from './descriptors.ts';

/**
 * The City feed: Crier itself is the platform (the policy lists blogs and RSS). Publishing writes
 * a feed entry that /feeds/:platformId.atom and .rss serve; removal takes it out of the feed at
 * once (the entry is kept, marked removed, for the record). The idempotency key is unique in
 * feed_entries, so a retried publish finds the entry instead of adding a second one.
 */
export function createCityFeedConnector(deps: { db: Db; clock: Clock; publicUrl: string }): PlatformConnector {
  const { db, clock } = deps;
  const descriptor = connectorDescriptor('city_feed')!;
  const entryUrl = (platformId: string, id: string) => `${deps.publicUrl.replace(/\/$/, '')}/feeds/${platformId}/entries/${id}`;

  type EntryRow = { id: string; platform_id: string; title: string; body: string; link: string | null; published_at: string; updated_at: string };
  const asPublished = (r: EntryRow): PublishedPost => ({
    remoteId: r.id,
    url: entryUrl(r.platform_id, r.id),
    publishedAt: r.published_at,
    native: { id: r.id, title: r.title, body: r.body, link: r.link, published: r.published_at, updated: r.updated_at },
  });

  async function findPublished(account: ConnectorAccount, post: PublishRequest): Promise<PublishedPost | null> {
    const r = await db.selectFrom('feed_entries').selectAll().where('idempotency_key', '=', post.idempotencyKey).where('platform_id', '=', account.platformId).executeTakeFirst();
    return r ? asPublished(r) : null;
  }

  return {
    type: 'city_feed',
    label: descriptor.label,
    capabilities: descriptor.capabilities,
    async publish(account, post) {
      const existing = await findPublished(account, post);
      if (existing) return existing;
      const now = toIso(clock.now());
      const row = {
        id: newId(),
        platform_id: account.platformId,
        idempotency_key: post.idempotencyKey,
        title: post.title?.trim() || post.text.split('\n')[0]!.slice(0, 120),
        body: post.text,
        link: post.link ?? null,
        media: toJson((post.media ?? []).map((m) => ({ mimeType: m.mimeType, altText: m.altText }))),
        published_at: now,
        updated_at: now,
        removed_at: null,
      };
      // The unique key makes a racing second insert fail rather than duplicate; the loser reads the winner.
      await db.insertInto('feed_entries').values(row).onConflict((oc) => oc.column('idempotency_key').doNothing()).execute();
      return (await findPublished(account, post))!;
    },
    findPublished: (account, post) => findPublished(account, post),
    async delete(account, remoteId) {
      await db.updateTable('feed_entries').set({ removed_at: toIso(clock.now()) }).where('id', '=', remoteId).where('platform_id', '=', account.platformId).where('removed_at', 'is', null).execute();
    },
    async edit(account, remoteId, post) {
      const now = toIso(clock.now());
      await db
        .updateTable('feed_entries')
        .set({ body: post.text, title: post.title?.trim() || post.text.split('\n')[0]!.slice(0, 120), link: post.link ?? null, updated_at: now })
        .where('id', '=', remoteId)
        .where('platform_id', '=', account.platformId)
        .execute();
      const r = await db.selectFrom('feed_entries').selectAll().where('id', '=', remoteId).executeTakeFirstOrThrow();
      return asPublished(r);
    },
    fetchComments: () => Promise.reject(new UnsupportedByConnector('city_feed', 'fetchComments')),
    hideComment: () => Promise.reject(new UnsupportedByConnector('city_feed', 'hideComment')),
    deleteComment: () => Promise.reject(new UnsupportedByConnector('city_feed', 'deleteComment')),
    async readProfile(account): Promise<RemoteProfile> {
      const p = await db.selectFrom('platforms').select(['name', 'profile', 'url']).where('id', '=', account.platformId).executeTakeFirstOrThrow();
      const profile = fromJson<{ displayName?: string | null; brandingText?: string | null; websiteUrl?: string | null; sealOrLogo?: string | null }>(p.profile) ?? {};
      return { displayName: profile.displayName ?? p.name, description: profile.brandingText ?? null, avatarUrl: profile.sealOrLogo ?? null, website: profile.websiteUrl ?? p.url, native: profile };
    },
  };
}
