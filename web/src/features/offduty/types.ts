/** Shapes of the off-duty API (src/modules/offduty): pre-authorizations, sessions, time entries. */
export interface Preauth {
  id: string;
  personId: string;
  personName: string;
  windowStart: string;
  windowEnd: string;
  reason: string;
  status: 'pending' | 'approved' | 'denied';
  decidedByName: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
  abilities: Record<string, boolean>;
}

export type EntryFlag = 'violation' | 'auto_closed' | 'correction';

export interface TimeEntry {
  id: string;
  personId: string;
  personName: string;
  departmentName: string | null;
  sessionId: string;
  correctsId: string | null;
  correctedBy: string | null;
  startedAt: string;
  endedAt: string;
  minutes: number;
  preauthId: string | null;
  flags: EntryFlag[];
  note: string | null;
}

export interface OpenSession {
  id: string;
  personName: string;
  startedAt: string;
  lastActivityAt: string;
  openedBy: 'manual' | 'activity';
  activityCount: number;
  preauthId: string | null;
  minutesSoFar: number;
  violation: boolean;
}

export interface MyLog {
  openSession: OpenSession | null;
  entries: TimeEntry[];
  deMinimisMinutes: number;
}

export interface DepartmentLog {
  entries: TimeEntry[];
  openSessions: OpenSession[];
  totalMinutes: number;
}

export const FLAG_LABELS: Record<EntryFlag, string> = {
  violation: 'Over the limit without pre-authorization',
  auto_closed: 'Not ended: closed automatically',
  correction: 'Correction',
};

/** A datetime-local value (the reader's clock) as an ISO instant. */
export function fromLocalInput(v: string): string {
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? v : d.toISOString();
}
