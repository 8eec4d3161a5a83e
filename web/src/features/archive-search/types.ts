/** Shapes of the archive search API (src/modules/archive-search/types.ts). */
export interface SearchFilters {
  platform?: string;
  department?: string;
  kind?: string;
  status?: string;
  dateField?: 'captured' | 'created';
  from?: string;
  to?: string;
  author?: string;
  commenter?: string;
  clause?: string;
}

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
  score: number | null;
  snippet: SnippetPart[];
}

export interface SearchPage {
  hits: SearchHit[];
  next: string | null;
  rankedWithin: number | null;
}

export interface SavedSearch {
  id: string;
  name: string;
  query: string;
  filters: SearchFilters;
  ownerId: string;
  ownerName: string | null;
  createdAt: string;
  abilities: Record<string, boolean>;
}

export const KINDS = ['post_version', 'publication', 'comment', 'comment_version', 'moderation_decision', 'removal', 'profile_snapshot', 'attachment', 'records_request'];
