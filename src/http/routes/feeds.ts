import type { FastifyInstance } from 'fastify';
import { Feed } from 'feed';
import type { AppContext } from '../../context.ts';
import { fromJson } from '../../kernel/codec.ts';
import { notFound } from '../../kernel/errors.ts';
import { escapeHtml } from '../../kernel/html.ts';
import { route } from '../route.ts';
import { z } from 'zod';

const feedParams = z.object({ id: z.string().min(1).max(100) });
const entryParams = z.object({ id: z.string().min(1).max(100), entryId: z.string().min(1).max(100) });
const MAX_ENTRIES = 50;


/**
 * The City feed platforms, served by Crier itself as Atom and RSS (the policy lists blogs and RSS
 * among platforms). Public: anyone may subscribe. Only an active City feed is served; removed
 * entries leave the feed at once.
 */
export function feedsRoutes(app: FastifyInstance, ctx: AppContext): void {
  const base = ctx.config.publicUrl.replace(/\/$/, '');

  async function feedFor(platformId: string): Promise<Feed> {
    const p = await ctx.db.db.selectFrom('platforms').select(['id', 'name', 'type', 'status', 'profile', 'url', 'updated_at']).where('id', '=', platformId).executeTakeFirst();
    if (!p || p.type !== 'city_feed' || p.status !== 'active') throw notFound('feed', platformId);
    const profile = fromJson<{ displayName?: string | null; brandingText?: string | null; websiteUrl?: string | null }>(p.profile) ?? {};
    const entries = await ctx.db.db.selectFrom('feed_entries').selectAll().where('platform_id', '=', p.id).where('removed_at', 'is', null).orderBy('published_at', 'desc').limit(MAX_ENTRIES).execute();
    const feed = new Feed({
      id: `${base}/feeds/${p.id}`,
      title: profile.displayName ?? p.name,
      description: profile.brandingText ?? undefined,
      link: profile.websiteUrl ?? p.url ?? base,
      language: 'en',
      copyright: ctx.pack.jurisdiction.cityName,
      updated: new Date(entries[0]?.updated_at ?? p.updated_at),
      feedLinks: { atom: `${base}/feeds/${p.id}/atom.xml`, rss: `${base}/feeds/${p.id}/rss.xml` },
      generator: 'Crier',
    });
    for (const e of entries) {
      feed.addItem({
        id: `${base}/feeds/${p.id}/entries/${e.id}`,
        title: e.title,
        link: e.link ?? `${base}/feeds/${p.id}/entries/${e.id}`,
        description: e.body,
        content: e.body,
        date: new Date(e.updated_at),
        published: new Date(e.published_at),
      });
    }
    return feed;
  }

  route(app, {
    method: 'GET',
    url: '/feeds/:id/atom.xml',
    action: 'public',
    public: true,
    params: feedParams,
    handler: async ({ params }, _req, reply) => reply.type('application/atom+xml; charset=utf-8').send((await feedFor(params.id)).atom1()),
  });

  route(app, {
    method: 'GET',
    url: '/feeds/:id/rss.xml',
    action: 'public',
    public: true,
    params: feedParams,
    handler: async ({ params }, _req, reply) => reply.type('application/rss+xml; charset=utf-8').send((await feedFor(params.id)).rss2()),
  });

  route(app, {
    method: 'GET',
    url: '/feeds/:id/entries/:entryId',
    action: 'public',
    public: true,
    params: entryParams,
    handler: async ({ params }, _req, reply) => {
      const e = await ctx.db.db.selectFrom('feed_entries').selectAll().where('id', '=', params.entryId).where('platform_id', '=', params.id).where('removed_at', 'is', null).executeTakeFirst();
      if (!e) throw notFound('feed entry', params.entryId);
      const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(e.title)}</title></head><body><main><h1>${escapeHtml(e.title)}</h1><p><time datetime="${escapeHtml(e.published_at)}">${escapeHtml(e.published_at)}</time></p>${e.body
        .split(/\n{2,}/)
        .map((para) => `<p>${escapeHtml(para)}</p>`)
        .join('')}${e.link ? `<p><a href="${escapeHtml(e.link)}">${escapeHtml(e.link)}</a></p>` : ''}</main></body></html>`;
      return reply.type('text/html; charset=utf-8').send(html);
    },
  });
}
