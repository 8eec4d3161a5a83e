/**
 * The PlatformConnector port: what Crier needs from a social media platform (publish, remove,
 * fetch and moderate comments, read the profile). Each connector declares what it can do, so
 * the platform registry can refuse a platform that cannot remove posts (IV.C.15(i)(vi)) and the
 * comment module knows whether it can hide or delete a comment. The implementations live in
 * src/adapters/connectors and are wired in by main.ts only.
 */

/** What a connector declares it can do on its platform. Honest declarations only. */
export interface ConnectorCapabilities {
  publish: boolean;
  /** Staff can remove a published post (IV.C.15(i)(vi): a platform that cannot is not usable). */
  deletePost: boolean;
  editPost: boolean;
  fetchComments: boolean;
  hideComment: boolean;
  /** A comment the City hid can be shown again through the connector (a moderator's restore). */
  unhideComment: boolean;
  deleteComment: boolean;
  /** Who reacted to a City post (likes, favourites, boosts, reposts): the Brown Act guard (IV.B) reads them. */
  fetchReactions: boolean;
  readProfile: boolean;
  /** Longest post the platform takes, in characters, when it has a limit. */
  maxLength?: number;
}

/** A connector type as the registry lists it (GET /api/connectors). */
export interface ConnectorDescriptor {
  /** Stored in platforms.type, e.g. 'city_feed', 'bluesky'. */
  type: string;
  label: string;
  capabilities: ConnectorCapabilities;
  /** How the declared capabilities are achieved, or why one is missing. */
  notes: string;
}

/**
 * The platform's secrets, read from the credential vault at the moment of use (never cached,
 * never from code). Kinds: 'username' | 'password' | 'api_token'; name picks one of several.
 */
export interface ConnectorSecrets {
  get(kind: 'username' | 'password' | 'api_token', name?: string): Promise<string>;
}

/** The platform account a connector acts on. */
export interface ConnectorAccount {
  platformId: string;
  handle: string | null;
  /** The account's public address (Mastodon: the instance is its origin). */
  url: string | null;
  secrets: ConnectorSecrets;
}

export interface PublishRequest {
  /**
   * Stable for one post on one platform across retries: connectors that can make the platform
   * deduplicate with it (Mastodon's Idempotency-Key header, a Bluesky record key, the feed's
   * unique key) so a retry after a crash never posts twice.
   */
  idempotencyKey: string;
  text: string;
  /** A title, where the platform has one (the City feed). */
  title?: string;
  /** Attachments already scanned and stripped (IV.C.15(i)(iii)). */
  media?: { path: string; mimeType: string; altText: string }[];
  link?: string;
}

export interface PublishedPost {
  /** The platform's id for the post (URI, status id …). */
  remoteId: string;
  url: string | null;
  publishedAt: string;
  /** The platform's own answer, kept for the archive. */
  native: unknown;
}

export interface RemoteComment {
  remoteId: string;
  /** The post it replies to. */
  postRemoteId: string;
  authorHandle: string | null;
  authorName: string | null;
  text: string;
  createdAt: string;
  url: string | null;
  /** The comment it answers, when it answers a comment rather than the post itself. */
  parentRemoteId?: string | null;
  native: unknown;
}

/**
 * One account's reaction to a City post: a Facebook reaction (kind 'like', 'love', 'haha' …), a
 * Mastodon 'favourite' or 'boost', a Bluesky 'like' or 'repost'.
 */
export interface RemoteReaction {
  postRemoteId: string;
  kind: string;
  authorHandle: string;
  authorName: string | null;
  /** When the platform says the reaction was made; null where it does not say (Facebook, Mastodon). */
  createdAt: string | null;
  native: unknown;
}

export interface FetchReactionsOptions {
  postRemoteIds: string[];
  /**
   * The accounts whose reactions matter (the registered members' handles). A connector that cannot
   * list who reacted to a post (a Bluesky PDS without an AppView) reads these accounts' own
   * records instead; the others may ignore it and return every reaction.
   */
  accountHandles?: string[];
}

export interface RemoteProfile {
  displayName: string | null;
  description: string | null;
  avatarUrl: string | null;
  website: string | null;
  native: unknown;
}

/**
 * A platform call that failed. retryable: the publisher should try again later (network error,
 * 5xx, 429 — with retryAfterMs when the platform said how long); not retryable: it never will
 * succeed as sent (4xx such as a refused token or a text the platform rejects).
 */
export class ConnectorError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly status?: number,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'ConnectorError';
  }
}

/** Thrown by a connector asked to do something its capabilities do not declare. */
export class UnsupportedByConnector extends Error {
  constructor(type: string, capability: keyof ConnectorCapabilities) {
    super(`The ${type} connector cannot ${capability}`);
    this.name = 'UnsupportedByConnector';
  }
}

export interface PlatformConnector {
  readonly type: string;
  readonly label: string;
  readonly capabilities: ConnectorCapabilities;
  publish(account: ConnectorAccount, post: PublishRequest): Promise<PublishedPost>;
  /**
   * After a crash between sending and recording: the post already made for this request
   * (same idempotencyKey), or null when there is none, so the publisher never posts twice.
   * since: when the first attempt began (connectors that must search recent posts use it).
   */
  findPublished(account: ConnectorAccount, post: PublishRequest, since: string): Promise<PublishedPost | null>;
  delete(account: ConnectorAccount, remoteId: string): Promise<void>;
  edit(account: ConnectorAccount, remoteId: string, post: PublishRequest): Promise<PublishedPost>;
  fetchComments(account: ConnectorAccount, options: { since?: string; postRemoteIds?: string[] }): Promise<RemoteComment[]>;
  hideComment(account: ConnectorAccount, comment: { remoteId: string; postRemoteId: string }): Promise<void>;
  /** Present when capabilities.unhideComment: shows again a comment the City hid. */
  unhideComment?(account: ConnectorAccount, comment: { remoteId: string; postRemoteId: string }): Promise<void>;
  deleteComment(account: ConnectorAccount, comment: { remoteId: string; postRemoteId: string }): Promise<void>;
  /** Present when capabilities.fetchReactions: the reactions to the given City posts. */
  fetchReactions?(account: ConnectorAccount, options: FetchReactionsOptions): Promise<RemoteReaction[]>;
  readProfile(account: ConnectorAccount): Promise<RemoteProfile>;
}

/** The connector for a platform type, or null for a type Crier has no connector for (wired by main.ts). */
export type ConnectorFactory = (type: string) => PlatformConnector | null;

/** What the platform registry needs: the declared capabilities of a type, or null when the type is unknown. */
export type ConnectorCapabilitiesLookup = (type: string) => ConnectorCapabilities | null;
