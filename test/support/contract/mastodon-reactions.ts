/**
 * Favourites and boosts for the Mastodon contract server, following the published contract
 * (docs.joinmastodon.org/methods/statuses: GET /api/v1/statuses/:id/favourited_by and
 * /reblogged_by): an array of Account, newest first, `limit` (default 40, at most 80) and Link
 * header pagination with max_id. The ids paged over are the favourite's / reblog's own ids (not
 * the accounts'), as on Mastodon, so the connector must follow the Link header, not make its own.
 */
import type { Reply } from './http.ts';

type Kind = 'favourited_by' | 'reblogged_by';

export function createMastodonReactions() {
  let seq = 500000;
  const byStatus = new Map<string, { id: number; kind: Kind; accountId: string }[]>();

  return {
    add(statusId: string, kind: Kind, accountId: string): void {
      const list = byStatus.get(statusId) ?? [];
      if (list.some((r) => r.kind === kind && r.accountId === accountId)) return; // one favourite / boost per account
      list.push({ id: ++seq, kind, accountId });
      byStatus.set(statusId, list);
    },
    /** The page of accounts for GET /api/v1/statuses/:id/{kind}. */
    page(origin: string, statusId: string, kind: Kind, searchParams: URLSearchParams, accountJson: (accountId: string) => unknown): Reply {
      const limit = Math.min(Number(searchParams.get('limit') ?? 40) || 40, 80);
      const maxId = searchParams.get('max_id');
      const all = (byStatus.get(statusId) ?? []).filter((r) => r.kind === kind && (!maxId || r.id < Number(maxId))).sort((a, b) => b.id - a.id);
      const slice = all.slice(0, limit);
      const headers: Record<string, string> = {};
      if (all.length > limit) headers.link = `<${origin}/api/v1/statuses/${statusId}/${kind}?limit=${limit}&max_id=${slice[slice.length - 1]!.id}>; rel="next"`;
      return { status: 200, body: slice.map((r) => accountJson(r.accountId)), headers };
    },
  };
}
