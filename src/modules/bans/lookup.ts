import type { Executor } from '../../db/index.ts';
import { fromJson, toIso } from '../../kernel/codec.ts';
import { normalizeHandle } from './clauses.ts';

/**
 * The active ban on each of many commenters of one platform at an instant, in one query (for a
 * batch of incoming comments): keyed by the handle as given; commenters with no ban are absent.
 * Where two bans overlap, the latest to start counts, as isBanned() reads it.
 */
export async function activeBans(ex: Executor, platformId: string, handles: readonly string[], at: Date): Promise<Map<string, { banId: string; clauses: string[] }>> {
  const out = new Map<string, { banId: string; clauses: string[] }>();
  const wanted = [...new Set(handles.map(normalizeHandle).filter(Boolean))];
  if (!wanted.length) return out;
  const t = toIso(at);
  const byHandle = new Map<string, { banId: string; clauses: string[]; startsAt: string }>();
  for (let i = 0; i < wanted.length; i += 500) {
    const rows = await ex
      .selectFrom('commenter_bans')
      .select(['id', 'author_handle', 'clauses', 'starts_at'])
      .where('platform_id', '=', platformId)
      .where('author_handle', 'in', wanted.slice(i, i + 500))
      .where('starts_at', '<=', t)
      .where((eb) => eb.or([eb('ends_at', 'is', null), eb('ends_at', '>', t)]))
      .where((eb) => eb.or([eb('lifted_at', 'is', null), eb('lifted_at', '>', t)]))
      .execute();
    for (const r of rows) {
      const seen = byHandle.get(r.author_handle);
      if (!seen || r.starts_at > seen.startsAt) byHandle.set(r.author_handle, { banId: r.id, clauses: fromJson<string[]>(r.clauses), startsAt: r.starts_at });
    }
  }
  for (const h of handles) {
    const ban = byHandle.get(normalizeHandle(h));
    if (ban) out.set(h, { banId: ban.banId, clauses: ban.clauses });
  }
  return out;
}
