import type { ConnectorCapabilities, ConnectorDescriptor } from '../../ports/platform-connector.ts';

/**
 * The connector registry: every platform type Crier knows, with honest declared capabilities.
 * The connectors themselves (publish, remove, fetch comments) come with the posts work; this
 * registry is what the platform registry consults to refuse a platform that cannot remove
 * posts (IV.C.15(i)(vi)). main.ts wires it into the platforms module.
 */
const none: ConnectorCapabilities = {
  publish: false,
  deletePost: false,
  editPost: false,
  fetchComments: false,
  hideComment: false,
  unhideComment: false,
  deleteComment: false,
  fetchReactions: false,
  readProfile: false,
};

export const connectorDescriptors: readonly ConnectorDescriptor[] = [
  {
    type: 'city_feed',
    label: "City news feed (Crier's own Atom/RSS feed)",
    capabilities: { ...none, publish: true, deletePost: true, editPost: true, readProfile: true },
    notes: 'Served by Crier itself: an entry removed here disappears from the feed at once. No comments.',
  },
  {
    type: 'bluesky',
    label: 'Bluesky',
    capabilities: { ...none, publish: true, deletePost: true, fetchComments: true, hideComment: true, unhideComment: true, fetchReactions: true, readProfile: true, maxLength: 300 },
    notes:
      'Signs in with the account handle and an app password from the vault. Posts are deleted with com.atproto.repo.deleteRecord; a retried publish finds its earlier record by a key derived from the idempotency key. Replies cannot be deleted by the City; they are hidden with the post threadgate (hiddenReplies), and shown again (restore) by taking them out of it. Replies are found through the AppView (app.bsky.feed.getPostThread); with CRIER_BLUESKY_REPLIES=pds (a PDS without an AppView) only replies from accounts on the same PDS are seen. Likes and reposts of City posts come from app.bsky.feed.getLikes / getRepostedBy through the AppView; with CRIER_BLUESKY_REPLIES=pds (which cannot answer those) the own like and repost records of the registered members are read (com.atproto.repo.listRecords), so only the reactions of members are seen. Posts cannot be edited. Images only (no video).',
  },
  {
    type: 'mastodon',
    label: 'Mastodon',
    capabilities: { ...none, publish: true, deletePost: true, editPost: true, fetchComments: true, fetchReactions: true, readProfile: true, maxLength: 500 },
    notes:
      'Statuses are deleted and edited through the client API. Favourites and boosts of City statuses are read with favourited_by and reblogged_by. Replies by other accounts cannot be hidden, shown again or deleted by the City (only reported or the account blocked): a restore is done by hand.',
  },
  {
    type: 'facebook',
    label: 'Facebook Page',
    capabilities: { ...none, publish: true, deletePost: true, editPost: true, fetchComments: true, hideComment: true, unhideComment: true, deleteComment: true, fetchReactions: true, readProfile: true, maxLength: 63206 },
    notes: 'Page posts are deleted and edited through the Graph API; comments on Page posts can be hidden, shown again (is_hidden=false) or deleted by the Page; a deleted comment cannot be restored. Reactions to Page posts are read from the /reactions edge.',
  },
  {
    type: 'legacy_rss_relay',
    label: 'Legacy RSS relay (third-party, one-way)',
    capabilities: { ...none, publish: true },
    notes: 'A third-party relay that republishes items and keeps them: the City cannot remove a relayed post, so it cannot be used (IV.C.15(i)(vi)).',
  },
];

const byType = new Map(connectorDescriptors.map((d) => [d.type, d]));

export function connectorDescriptor(type: string): ConnectorDescriptor | null {
  return byType.get(type) ?? null;
}

export function connectorCapabilities(type: string): ConnectorCapabilities | null {
  return byType.get(type)?.capabilities ?? null;
}

export function listConnectors(): ConnectorDescriptor[] {
  return [...connectorDescriptors];
}
