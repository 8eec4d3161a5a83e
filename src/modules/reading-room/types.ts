/** What the public may narrow the reading room by. Every one optional. */
export interface ReadingRoomFilter {
  /** Words to find (all of them; "a phrase" in quotes; -word to leave out). */
  q?: string | null;
  /** A platform id. */
  platform?: string | null;
  /** A department id, or 'city' for the City's own accounts. */
  department?: string | null;
  /** Published on or after this City date (YYYY-MM-DD). */
  from?: string | null;
  /** Published on or before this City date (YYYY-MM-DD). */
  to?: string | null;
  /** The `next` of the previous page. */
  cursor?: string | null;
  limit?: number;
}

/** One thing the City published, as the public sees it: no commenter, no staff identity, no internal ids beyond the item's. */
export interface PublishedEntry {
  id: string;
  /** 'post': published through Crier; 'imported': from a platform's data download. */
  source: 'post' | 'imported';
  publishedAt: string;
  platform: { id: string; name: string } | null;
  department: { id: string; name: string } | null;
  text: string;
  /** The post on the platform, when known. */
  url: string | null;
}

export interface ReadingRoomPage {
  entries: PublishedEntry[];
  /** Pass as `cursor` for the next page; null on the last. */
  next: string | null;
}

/** The choices beside the search box: public platforms and the departments that have one. */
export interface ReadingRoomChoices {
  platforms: { id: string; name: string }[];
  departments: { id: string; name: string }[];
}
