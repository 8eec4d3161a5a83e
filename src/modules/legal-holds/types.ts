/** Legal holds (SPEC §5): a hold keeps every archived record it covers from disposition. */
export const HOLD_STATUSES = ['issued', 'acknowledged', 'released'] as const;
export type HoldStatus = (typeof HOLD_STATUSES)[number];

/** What a hold covers. A null axis is not limited (every platform, every department, any text). */
export interface HoldScope {
  /** Platform ids; null = every platform, and records with no platform. */
  platformIds: string[] | null;
  /** Department ids; null = every department folder, the City's own included. */
  departmentIds: string[] | null;
  /** Any of these words or phrases in the record's text (case-insensitive); null = any text. */
  searchTerms: string[] | null;
  /** City dates, inclusive; toDate null = ongoing. Measured on the record's date (created on the platform, else captured). */
  fromDate: string;
  toDate: string | null;
}

export interface LegalHold extends HoldScope {
  id: string;
  matter: string;
  custodian: { id: string; name: string | null };
  notes: string | null;
  status: HoldStatus;
  issuedBy: string | null;
  issuedAt: string;
  acknowledgedBy: string | null;
  acknowledgedAt: string | null;
  releasedBy: string | null;
  releasedAt: string | null;
  releaseReason: string | null;
}

export interface IssueHoldInput {
  matter: string;
  custodianId: string;
  platformIds?: string[] | null;
  departmentIds?: string[] | null;
  searchTerms?: string[] | null;
  fromDate: string;
  toDate?: string | null;
  notes?: string | null;
}

/** An archived record as a hold sees it. */
export interface HoldableItem {
  id: string;
  platformId: string | null;
  departmentId: string | null;
  /** City date (YYYY-MM-DD) the record is from. */
  recordDate: string;
  text: string;
}
