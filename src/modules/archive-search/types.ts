/** Filters a person can set beside the search box (SPEC §5). Every one optional. */
export interface SearchFilters {
  /** A platform id. */
  platform?: string;
  /** A department id, or 'city' for the City's own folder. */
  department?: string;
  /** An archive kind (post_version, comment, moderation_decision, …). */
  kind?: string;
  /** The record's status as captured: a publication's status, a decision (hide, remove, …), a comment version's change (edited, deleted). */
  status?: string;
  /** Which date the range applies to: when Crier captured it (default) or when it was created on the platform. */
  dateField?: 'captured' | 'created';
  /** A City date (YYYY-MM-DD, from its start) or an ISO instant. */
  from?: string;
  /** A City date (through its end) or an ISO instant (exclusive). */
  to?: string;
  /** Who wrote it: a name, a handle (with or without @) or a person id; exact, any case. */
  author?: string;
  /** As author, but only comments, their versions and the moderation records about them. */
  commenter?: string;
  /** A clause id cited by a moderation decision or removal. */
  clause?: string;
}

export const COMMENT_KINDS = ['comment', 'comment_version', 'moderation_decision', 'removal'] as const;

/** Filters checked and turned into what the engines compare against. */
export interface NormalizedFilters {
  platform?: string;
  department?: string;
  kind?: string;
  status?: string;
  dateField: 'captured' | 'created';
  fromIso?: string;
  toIso?: string;
  author?: PersonMatch;
  commenter?: PersonMatch;
  clause?: string;
  /** Capture order bounds for a capture-date range (see engine.ts captureSeqBounds). */
  seqFrom?: number;
  seqTo?: number;
}

export interface PersonMatch {
  /** Lower case, as the index keeps names. */
  name: string;
  /** Lower case without a leading @. */
  handle: string;
  /** As typed (person ids are compared exactly). */
  personId: string;
}

/** A piece of a snippet: `hit` marks the words that matched. */
export interface SnippetPart {
  text: string;
  hit: boolean;
}

export interface SearchHit {
  id: string;
  seq: number;
  kind: string;
  departmentId: string | null;
  platformId: string | null;
  capturedAt: string;
  createdOnPlatformAt: string | null;
  author: { name: string | null; handle: string | null; personId: string | null };
  status: string | null;
  clauses: string[];
  /** Relevance (higher is better); null when browsing by filters alone (newest first). */
  score: number | null;
  snippet: SnippetPart[];
}

export interface SearchPage {
  hits: SearchHit[];
  /** Set when the query matched more items than can be ranked at once: relevance is over the newest this many matches. */
  rankedWithin: number | null;
  /** Pass as `cursor` for the next page; null on the last. */
  next: string | null;
}

export interface SavedSearch {
  id: string;
  name: string;
  query: string;
  filters: SearchFilters;
  ownerId: string;
  ownerName: string | null;
  createdAt: string;
}

export interface CollectedItem {
  archiveItemId: string;
  seq: number;
  kind: string;
  capturedAt: string;
  departmentId: string | null;
  platformId: string | null;
  excerpt: string;
  collectedAt: string;
  collection: { id: string; savedSearchId: string | null; savedSearchName: string | null; query: string | null; explicitIds: boolean; collectedBy: string; collectedByName: string | null };
}

export interface CollectResult {
  collectionId: string;
  matched: number;
  added: number;
  alreadyCollected: number;
}
