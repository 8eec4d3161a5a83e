/**
 * What the archive keeps (SPEC §5; IV.A.9, IV.A.11–IV.A.13, IV.C.11). Each kind names the table
 * its records come from and the retention schedule (pack `retention.defaults`) it falls under.
 */
export const ARCHIVE_KINDS = {
  post_version: { table: 'post_versions', retention: 'posts' },
  publication: { table: 'post_publications', retention: 'posts' },
  comment: { table: 'comments', retention: 'comments' },
  comment_version: { table: 'comment_versions', retention: 'comments' },
  moderation_decision: { table: 'moderation_decisions', retention: 'moderationDecisions' },
  removal: { table: 'moderation_decisions', retention: 'removedComments' },
  profile_snapshot: { table: 'platforms', retention: 'profileChanges' },
  attachment: { table: 'attachments', retention: 'attachments' },
  records_request: { table: 'records_requests', retention: 'publicRecordsRequests' },
  /** Old content from a platform's data download (`crier archive import`); "table" names where it comes from: the export file, not a Crier table. */
  imported_post: { table: 'platform_exports', retention: 'posts' },
  /** From a data download too: the City's replies, reposts and comments, which name other accounts (never shown in the reading room). */
  imported_reply: { table: 'platform_exports', retention: 'comments' },
} as const;

export type ArchiveKind = keyof typeof ARCHIVE_KINDS;
export const isArchiveKind = (k: string): k is ArchiveKind => Object.hasOwn(ARCHIVE_KINDS, k);

/**
 * Never archived, never exported: credential custody (the vault's secrets and reveals) and mail
 * bodies (they can carry reset links and one-time codes).
 */
export const EXCLUDED_TABLES = ['credential_secrets', 'credential_reveals', 'mail_outbox'] as const;

/** Field names that only vault envelopes and outgoing mail rows carry; a payload holding one is refused. */
export const EXCLUDED_FIELDS = ['ciphertext', 'wrapped_key', 'wrappedKey', 'key_fingerprint', 'password', 'recovery_codes', 'recoveryCodes', 'api_tokens', 'apiTokens', 'to_addresses'] as const;

/** Metadata kept beside the native payload. Every field optional: keep what the record has. */
export interface ArchiveMetadata {
  /** The record's ids on the platform (remote id, URL, parent/root ids as the platform names them). */
  platformIds?: Record<string, string | null>;
  author?: { personId?: string | null; handle?: string | null; name?: string | null; label?: string | null };
  createdOnPlatformAt?: string | null;
  /** Who or what made Crier capture it (a person's name or the job). */
  capturedBy?: string | null;
  /** Ids of records this one belongs to in Crier (post, comment, parent comment). */
  parentIds?: Record<string, string | null>;
  childIds?: string[];
  version?: number | null;
  editedAt?: string | null;
  deletedAt?: string | null;
  /** For decisions and removals: the clauses and the reason (IV.C.11). */
  clauses?: string[];
  reason?: string | null;
  [extra: string]: unknown;
}

/** One record to capture, inside the transaction of the write that made it. */
export interface CaptureInput {
  kind: ArchiveKind;
  /** The id of the record in its own table. */
  sourceId: string;
  /** Where the record comes from, when the caller says; checked against the kind and the exclusions. */
  sourceTable?: string;
  departmentId: string | null;
  platformId: string | null;
  /** The native payload as captured (JSON-serialisable). */
  native: unknown;
  renderedText: string;
  metadata?: ArchiveMetadata;
  /** When the record came into being (retention runs from it); defaults to the capture time. */
  createdAt?: string | Date;
}

export interface ArchiveItem {
  seq: number;
  id: string;
  kind: string;
  sourceId: string;
  departmentId: string | null;
  platformId: string | null;
  native: unknown;
  renderedText: string;
  metadata: ArchiveMetadata;
  contentSha256: string;
  capturedAt: string;
  retentionCategory: string;
  retainUntil: string;
  prevHash: string;
  itemHash: string;
}

/** The first thing verify found wrong. */
export interface ArchiveBreak {
  seq: number;
  id: string | null;
  kind: string | null;
  problem: string;
  /** Set when the break is in a daily seal rather than an item. */
  sealDate?: string;
}

export type ArchiveVerifyResult =
  | { ok: true; items: number; seals: number; head: string; /** Items destroyed under an approved disposition, held to their certificates (set when any). */ destroyed?: number }
  | { ok: false; items: number; seals: number; firstBreak: ArchiveBreak };

export interface ArchiveSeal {
  date: string;
  firstSeq: number;
  lastSeq: number;
  count: number;
  headHash: string;
  sealedAt: string;
  sealHash: string;
}
