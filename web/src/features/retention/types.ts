/** Shapes of the retention API (src/modules/retention) as the page uses them. */
export interface Schedules {
  statutoryMinimumYears: number;
  authority: string | null;
  categories: { id: string; years: number; rule: string; minimumYears: number }[];
}

export interface EligibleItem {
  id: string;
  seq: number;
  kind: string;
  retentionCategory: string;
  retainUntil: string;
}

export interface Eligible {
  items: EligibleItem[];
  kept: (EligibleItem & { reasons: string[] })[];
  next: number | null;
}

interface PersonRef {
  id: string | null;
  name: string;
}

export interface Batch {
  id: string;
  status: 'proposed' | 'consented' | 'authorized' | 'destroyed' | 'withdrawn';
  note: string;
  itemCount: number;
  proposedBy: PersonRef;
  proposedAt: string;
  consentedBy: PersonRef | null;
  consentedAt: string | null;
  resolutionNumber: string | null;
  formNumber: string | null;
  abilities: Record<string, boolean>;
}

export interface Certificate {
  certificateHash: string;
  body: { seq: number; itemCount: number; destroyedAt: string; destroyedBy: PersonRef; consentedBy: PersonRef; resolutionNumber: string; formNumber: string };
  items: { id: string; seq: number; kind: string; contentSha256: string }[];
}
