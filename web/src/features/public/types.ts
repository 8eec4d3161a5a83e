/** Shapes of the public comment endpoints (/api/public/...). */
export interface PolicyVersionInfo {
  name: string;
  number: string;
  version: string;
  adoptedOn: string | null;
  versionId: string;
  recordedAt: string;
}

export interface CommentPolicy {
  policy: PolicyVersionInfo;
  cityName: string;
  text: string;
  section: { id: string; title: string } | null;
  grounds: { id: string; title: string; text: string }[];
  /** Where it applies: active platforms the City Manager opened to comments (IV.A.6). */
  platforms: { name: string; type: string; url: string | null; authorizedAt: string | null }[];
}

export interface Transparency {
  generatedAt: string;
  policy: { name: string; version: string };
  rows: { month: string; clause: string; title: string | null; hidden: number; removed: number }[];
  totals: { hidden: number; removed: number; restored: number; bans: number };
  bans: { month: string; clause: string; title: string | null; count: number }[];
}

export interface PublicAppealStatus {
  reference: string;
  subject: 'comment' | 'ban';
  status: 'open' | 'granted' | 'denied';
  submittedAt: string;
  decidedAt: string | null;
  decisionNote: string | null;
}
