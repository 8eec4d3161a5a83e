import type { Executor } from '../../db/index.ts';
import { normalizeHandle } from '../bans/index.ts';

/**
 * The members behind many handles of one platform, in one query (for a batch of incoming
 * comments; IV.B): keyed by the handle as given; handles of no registered member are absent.
 */
export async function legislativeAccountsFor(ex: Executor, platformId: string, handles: readonly string[]): Promise<Map<string, { personId: string }>> {
  const out = new Map<string, { personId: string }>();
  const wanted = [...new Set(handles.map(normalizeHandle).filter(Boolean))];
  if (!wanted.length) return out;
  const byHandle = new Map<string, string>();
  for (let i = 0; i < wanted.length; i += 500) {
    const rows = await ex.selectFrom('legislative_accounts').select(['handle', 'person_id']).where('platform_id', '=', platformId).where('handle', 'in', wanted.slice(i, i + 500)).where('removed_at', 'is', null).execute();
    for (const r of rows) if (!byHandle.has(r.handle)) byHandle.set(r.handle, r.person_id);
  }
  for (const h of handles) {
    const personId = byHandle.get(normalizeHandle(h));
    if (personId) out.set(h, { personId });
  }
  return out;
}
