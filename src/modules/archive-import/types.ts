import type { ArchiveMetadata } from '../archive/index.ts';

export const IMPORT_FORMATS = ['facebook-page', 'x-archive'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];
export const isImportFormat = (f: string): f is ImportFormat => (IMPORT_FORMATS as readonly string[]).includes(f);

/** Recorded on every imported item: a change to a reader's mapping gets a new version. */
export const IMPORTER_VERSION = '1.0.0';

/** Platform types (platforms.type) a format's records may be filed under. */
export const FORMAT_PLATFORM_TYPES: Record<ImportFormat, readonly string[]> = {
  'facebook-page': ['facebook'],
  'x-archive': ['x', 'twitter'],
};

/** One record read from a download, ready to capture. */
export interface ImportRecord {
  kind: 'imported_post' | 'imported_reply';
  /** Stable across downloads of the same account (the platform id, or a digest where the download has none): the idempotency key. */
  key: string;
  native: unknown;
  renderedText: string;
  metadata: ArchiveMetadata;
  /** When it was made on the platform (ISO); retention runs from it. */
  createdAt: string;
}

/** What a reader makes of one element: a record, or why it was not taken. */
export type ReadResult = { record: ImportRecord } | { problem: string };

export interface ReaderContext {
  /** The account's own handle (without @), when known: replies to it continue the City's own thread. */
  ownHandle: string | null;
}

/** A reader for one file layout. `layout` is chosen from the text before the array (the opening). */
export interface ImportReader {
  /** Describes the file from its opening, or explains why this format cannot read it. */
  layout(prefix: string, fileName: string): { name: string; read: (element: unknown, ctx: ReaderContext) => ReadResult } | { refused: string };
}

export interface ImportProblem {
  /** Where: `record 12 (line 340)` or `line 9`. */
  location: string;
  problem: string;
}

/** One file read: the download itself, or each part of a ZIP download in the order read. */
export interface ImportPart {
  /** The entry's path in the ZIP, or the file's name. */
  name: string;
  layout: string;
  records: number;
  added: number;
  skipped: number;
  problems: number;
}

/** What became of a record that was read (listed up to a limit; malformed ones are in `malformed`). */
export interface ImportOutcome {
  location: string;
  key: string;
  outcome: 'added' | 'skipped';
}

export interface ImportReport {
  fileName: string;
  fileSha256: string;
  format: ImportFormat;
  layout: string;
  importerVersion: string;
  platformId: string | null;
  /** Records read (good and bad). */
  records: number;
  added: number;
  /** Already in the archive (an earlier import, or twice in this file). */
  skipped: number;
  malformed: ImportProblem[];
  /** A ZIP download: each file read from it; a single file: that file. */
  parts: ImportPart[];
  /** Added and skipped records with their positions, the first MAX_LISTED of them. */
  outcomes: ImportOutcome[];
  /** Records read beyond the listed outcomes. */
  outcomesNotListed: number;
  /** Media files from the download recorded (name, size, SHA-256) in their record's metadata. */
  mediaFiles: number;
}

export interface ImportProgress {
  /** Bytes of the files being imported read so far (uncompressed), of `total`. */
  done: number;
  total: number;
  records: number;
}
