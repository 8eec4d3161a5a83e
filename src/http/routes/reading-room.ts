import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { isAppError } from '../../kernel/errors.ts';
import { createReadingRoom, type ReadingRoomChoices, type ReadingRoomFilter, type ReadingRoomPage } from '../../modules/reading-room/index.ts';
import { escapeHtml } from '../../kernel/html.ts';
import { route } from '../route.ts';

/** Public, so bounded per address: a person paging and searching stays far below it. */
const LIMIT = { max: 120, timeWindow: '1 minute' };
const opt = (max: number) => z.string().trim().max(max).optional();
const query = z.object({
  q: opt(500),
  platform: opt(100),
  department: opt(100),
  from: opt(10),
  to: opt(10),
  cursor: opt(400),
  limit: z.coerce.number().int().min(1).max(100).optional(),
});

const PATH = '/reading-room';

/** A link to this page with the same filters (and a cursor for the next page). */
function pageLink(f: ReadingRoomFilter, cursor: string | null): string {
  const p = new URLSearchParams();
  for (const k of ['q', 'platform', 'department', 'from', 'to'] as const) if (f[k]) p.set(k, f[k]!);
  if (cursor) p.set('cursor', cursor);
  const s = p.toString();
  return s ? `${PATH}?${s}` : PATH;
}

function options(list: { id: string; name: string }[], selected: string | null | undefined, all: string, extra: { id: string; name: string }[] = []): string {
  return [`<option value="">${escapeHtml(all)}</option>`, ...[...extra, ...list].map((o) => `<option value="${escapeHtml(o.id)}"${o.id === selected ? ' selected' : ''}>${escapeHtml(o.name)}</option>`)].join('');
}

function render(city: string, f: ReadingRoomFilter, c: ReadingRoomChoices, page: ReadingRoomPage | null, problem: string | null): string {
  const v = (k: keyof ReadingRoomFilter) => escapeHtml(String(f[k] ?? ''));
  const form = `<form method="get" action="${PATH}" role="search">
<p><label for="q">Words</label> <input id="q" name="q" type="search" maxlength="500" value="${v('q')}"></p>
<p><label for="platform">Platform</label> <select id="platform" name="platform">${options(c.platforms, f.platform, 'All platforms')}</select></p>
<p><label for="department">Department</label> <select id="department" name="department">${options(c.departments, f.department, 'All departments', [{ id: 'city', name: `${city} (City-wide accounts)` }])}</select></p>
<p><label for="from">Published from</label> <input id="from" name="from" type="date" value="${v('from')}"> <label for="to">to</label> <input id="to" name="to" type="date" value="${v('to')}"></p>
<p><button type="submit">Search</button> <a href="${PATH}">Clear</a></p>
</form>`;
  const entries = (page?.entries ?? [])
    .map((e) => {
      const where = [e.platform?.name, e.department?.name ?? `${city} (City-wide)`, e.source === 'imported' ? 'from the platform’s records' : null].filter(Boolean).map((s) => escapeHtml(s!)).join(' · ');
      const paras = e.text.split(/\n{2,}|\n/).filter((s) => s.trim()).map((s) => `<p>${escapeHtml(s)}</p>`).join('');
      const link = e.url ? `<p><a href="${escapeHtml(e.url)}" rel="noopener noreferrer nofollow">View on the platform</a></p>` : '';
      return `<li><article><p><time datetime="${escapeHtml(e.publishedAt)}">${escapeHtml(e.publishedAt.slice(0, 10))}</time> · ${where}</p>${paras}${link}</article></li>`;
    })
    .join('\n');
  const body = problem
    ? `<p role="alert">${escapeHtml(problem)}</p>`
    : page && page.entries.length
      ? `<ol>${entries}</ol>${page.next ? `<nav aria-label="More"><a href="${escapeHtml(pageLink(f, page.next))}">Older posts</a></nav>` : ''}`
      : '<p>Nothing the City published matches.</p>';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Reading room — ${escapeHtml(city)}</title></head>
<body><header><h1>Reading room</h1><p>What ${escapeHtml(city)} has published on its social media accounts, kept in the City’s records archive. Public comments are records too; ask for them with a public records request.</p></header>
<main>${form}
${body}</main></body></html>`;
}

/** The public reading room (SPEC §5): a page and a JSON endpoint, no sign-in. */
export function readingRoomRoutes(app: FastifyInstance, ctx: AppContext): void {
  const room = createReadingRoom({ db: ctx.db.db, dialect: ctx.db.dialect, pack: ctx.pack });

  route(app, {
    method: 'GET',
    url: '/api/public/reading-room',
    action: 'public',
    public: true,
    rateLimit: LIMIT,
    query,
    handler: async ({ query: f }) => room.list(f),
  });

  route(app, {
    method: 'GET',
    url: '/api/public/reading-room/choices',
    action: 'public',
    public: true,
    rateLimit: LIMIT,
    handler: async () => room.choices(),
  });

  route(app, {
    method: 'GET',
    url: PATH,
    action: 'public',
    public: true,
    rateLimit: LIMIT,
    query,
    handler: async ({ query: f }, _req, reply) => {
      const city = ctx.pack.jurisdiction.cityName;
      const choices = await room.choices();
      try {
        const page = await room.list(f);
        return reply.type('text/html; charset=utf-8').send(render(city, f, choices, page, null));
      } catch (e) {
        if (!isAppError(e) || e.code !== 'invalid_input') throw e;
        return reply.status(400).type('text/html; charset=utf-8').send(render(city, f, choices, null, e.message));
      }
    },
  });
}
