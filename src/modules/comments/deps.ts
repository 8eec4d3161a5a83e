import type { Db, DialectName } from '../../db/index.ts';
import type { Clock } from '../../kernel/clock.ts';
import type { PolicyPack } from '../../policy/index.ts';
import type { ConnectorFactory, RemoteReaction } from '../../ports/platform-connector.ts';
import type { Finding } from '../../screening/index.ts';
import type { CommentArchiveEntry } from '../archive/index.ts';
import type { AuditService } from '../audit/index.ts';
import type { NotificationsService } from '../notifications/index.ts';
import type { PlatformsService } from '../platforms/index.ts';
import type { VaultService } from '../vault/index.ts';

import type { Executor } from '../../db/index.ts';

/** The records archive (IV.A.9, IV.A.13): called in the writer's own transaction, right after the write. */
export interface ArchiveCapture {
  comment(tx: Executor, commentId: string): Promise<unknown>;
  commentVersion(tx: Executor, versionId: string): Promise<unknown>;
  moderationDecision(tx: Executor, decisionId: string): Promise<unknown>;
  /** A batch of comment and comment-version records, in order, from the rows just written (one chained insert). */
  commentRecords(tx: Executor, entries: readonly CommentArchiveEntry[]): Promise<unknown>;
}

export interface CommentsDeps {
  db: Db;
  dialect: DialectName;
  clock: Clock;
  pack: PolicyPack;
  audit: AuditService;
  notifications: NotificationsService;
  platforms: PlatformsService;
  vault: VaultService;
  connectors: ConnectorFactory;
  /** Section V screening of a comment, against the text of the post it replies to. */
  screenComment: (text: string, context?: string) => Finding[];
  /** The Brown Act registry (IV.B): the member behind a known account, if any. */
  legislativeAccountFor?: (platformId: string, handle: string) => Promise<{ personId: string } | null>;
  /** Denial of access (V): the active ban on this commenter, if any — their comments are hidden pending review. */
  activeBan?: (platformId: string, handle: string, at: Date) => Promise<{ banId: string; clauses: string[] } | null>;
  /** Screening of a batch (worker threads), findings in the batch's order; without it, screenComment one by one. */
  screenComments?: (items: { text: string; context?: string | undefined }[]) => Promise<Finding[][]>;
  /** The register (IV.B) for many handles of one platform in one query: keyed by the handle as given, members only. */
  legislativeAccountsFor?: (platformId: string, handles: string[]) => Promise<Map<string, { personId: string }>>;
  /** The active bans (V) on many handles of one platform in one query: keyed by the handle as given, banned only. */
  activeBans?: (platformId: string, handles: string[], at: Date) => Promise<Map<string, { banId: string; clauses: string[] }>>;
  archive?: ArchiveCapture;
  /**
   * The Brown Act guard's log (IV.B): members' reactions to City posts (read by the poll) and a
   * member answering another member's comment (checked after each ingest).
   */
  brownAct?: {
    registeredHandles(platformId: string): Promise<string[]>;
    recordReactions(platformId: string, reactions: RemoteReaction[]): Promise<{ flagged: number }>;
    flagMemberResponses(commentIds: string[]): Promise<{ flagged: number }>;
  };
}
