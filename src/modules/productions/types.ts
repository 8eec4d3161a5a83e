/** Productions (IV.A.12): a package of archived records in a standard preservation format. */
export const PRODUCTION_FORMATS = ['bagit', 'warc'] as const;
export type ProductionFormat = (typeof PRODUCTION_FORMATS)[number];

/** What to produce, as a person or the CLI gives it (every field optional: no filter = everything). */
export interface ProductionFilterInput {
  /** A City date (YYYY-MM-DD, from its start) or an ISO instant: captured at or after. */
  from?: string | null;
  /** A City date (through its end) or an ISO instant (exclusive): captured before. */
  to?: string | null;
  /** Platform ids. */
  platforms?: string[];
  /** Department ids or codes, or 'city' for the City's own folder. */
  departments?: string[];
  /** Archive kinds (post_version, comment, …). */
  kinds?: string[];
  /** Explicit archive item ids. */
  items?: string[];
  /** A public records request (id or reference, e.g. PRR-2026-7K3QX9MD): the items collected for it (IV.A.11). */
  request?: string | null;
}

/** The filter checked against the database: every value known to exist. */
export interface ResolvedFilter {
  fromIso: string | null;
  toIso: string | null;
  platformIds: string[];
  /** Department ids; null stands for the City's own folder. */
  departmentIds: (string | null)[];
  kinds: string[];
  itemIds: string[];
  /** The records request whose collected items are produced, and its reference. */
  request: { id: string; reference: string } | null;
  /** As given, for the chain-of-custody log. */
  given: ProductionFilterInput;
}

export interface ProductionProgress {
  phase: 'counting' | 'writing' | 'finishing' | 'packaging';
  done: number;
  total: number;
}

export type OnProgress = (p: ProductionProgress) => void | Promise<void>;

/** The state of the archive when the production was made (for the custody log and certification). */
export interface ArchiveState {
  headSeq: number;
  headHash: string;
  lastSeal: { date: string; lastSeq: number; sealHash: string; sealedAt: string } | null;
}

export interface ProductionResult {
  format: ProductionFormat;
  /** Where it was written (the bag's directory, or the WARC file). */
  path: string;
  items: number;
  /** Media files (attachments) copied into the bag. */
  media: number;
  firstBates: string | null;
  lastBates: string | null;
  /** Payload bytes (bag) or file bytes (WARC). */
  bytes: number;
  /** SHA-256 of manifest-sha256.txt (bag) or of the whole WARC file. */
  sha256: string;
  archive: ArchiveState;
  exportedAt: string;
  exportedBy: string;
  /** A WARC production's chain-of-custody log (a bag holds its own as chain-of-custody.txt). */
  custodyLog?: string;
}
