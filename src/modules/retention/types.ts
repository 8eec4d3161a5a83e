/** Disposition batches (Gov. Code 34090): proposed → consented → authorized → destroyed, or withdrawn before destruction. */
export const BATCH_STATUSES = ['proposed', 'consented', 'authorized', 'destroyed', 'withdrawn'] as const;
export type BatchStatus = (typeof BATCH_STATUSES)[number];

export interface BatchItem {
  id: string;
  seq: number;
  kind: string;
  retentionCategory: string;
  retainUntil: string;
  contentSha256: string;
  itemHash: string;
}

export interface PersonRef {
  id: string | null;
  name: string;
}

export interface DispositionBatch {
  id: string;
  status: BatchStatus;
  note: string;
  itemCount: number;
  proposedBy: PersonRef;
  proposedAt: string;
  consentedBy: PersonRef | null;
  consentedAt: string | null;
  consentText: string | null;
  resolutionNumber: string | null;
  formNumber: string | null;
  authorizedBy: PersonRef | null;
  authorizedAt: string | null;
  destroyedBy: PersonRef | null;
  destroyedAt: string | null;
  withdrawnBy: PersonRef | null;
  withdrawnAt: string | null;
  withdrawReason: string | null;
}

/** Why an archived item may not be destroyed now (empty: it may). */
export interface Ineligibility {
  itemId: string;
  reasons: string[];
  holds: { id: string; matter: string }[];
}

/** A summary of an item whose retention has ended. */
export interface EligibleItem {
  id: string;
  seq: number;
  kind: string;
  retentionCategory: string;
  retainUntil: string;
  capturedAt: string;
  departmentId: string | null;
  platformId: string | null;
}
