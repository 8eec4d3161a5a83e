/** Shapes of the records request desk's API (src/modules/records-requests/types.ts). */
export interface PersonRef {
  id: string;
  name: string;
  title: string | null;
}

export interface RequestSummary {
  id: string;
  reference: string;
  description: string;
  requesterName: string | null;
  channel: 'public_form' | 'staff';
  receivedAt: string;
  receivedOn: string;
  originalDueOn: string;
  dueOn: string;
  status: 'open' | 'determined' | 'closed';
  extended: boolean;
  estimatedProductionOn: string | null;
  nextDueOn: string | null;
  overdue: boolean;
  owner: PersonRef | null;
  reviewer: PersonRef | null;
}

export interface RecordsRequest extends RequestSummary {
  email: string | null;
  phone: string | null;
  postalAddress: string | null;
  preferredFormat: string | null;
  enteredBy: PersonRef | null;
  assignedBy: PersonRef | null;
  assignedAt: string | null;
  extension: { ground: string; citation: string; groundLabel: string; groundText: string; detail: { declaration?: string; attackStartedAt?: string; attackEndedAt?: string | null }; days: number; previousDueOn: string; newDueOn: string; noticeText: string; approvedBy: PersonRef | null; approvedAt: string } | null;
  reviews: { id: string; reviewer: PersonRef | null; outcome: 'concur' | 'changes_requested'; note: string; reviewedAt: string }[];
  determination: {
    outcome: string;
    outcomeLabel: string;
    estimatedProductionOn: string | null;
    reasons: string;
    responsible: { personId: string; name: string; title: string | null }[];
    letterText: string;
    withheld: { item: string; exemption: string; citation: string; label: string; explanation: string | null }[];
    determinedBy: PersonRef | null;
    determinedAt: string;
  } | null;
  messages: { id: string; direction: 'to_requester' | 'from_requester' | 'note'; channel: string; body: string; recordedBy: PersonRef | null; recordedAt: string }[];
  closedAt: string | null;
  closedBy: PersonRef | null;
  closeNote: string | null;
  abilities: Record<string, boolean>;
}

export interface Statutes {
  grounds: { id: string; citation: string; label: string; text: string }[];
  exemptions: { id: string; citation: string; label: string }[];
  outcomes: { id: string; label: string }[];
}

export interface PublicRequestStatus {
  reference: string;
  status: 'open' | 'determined' | 'closed';
  receivedOn: string;
  determinationDueOn: string;
  extended: boolean;
  extensionReason: string | null;
  determination: { outcome: string; determinedOn: string; estimatedProductionOn: string | null } | null;
  closedOn: string | null;
}

export const STATUS_LABELS: Record<RequestSummary['status'], string> = { open: 'Open', determined: 'Determined', closed: 'Closed' };
export const DIRECTION_LABELS: Record<RecordsRequest['messages'][number]['direction'], string> = { to_requester: 'To the requester', from_requester: 'From the requester', note: 'Staff note' };
export const CHANNELS = [
  { value: 'email', label: 'Email' },
  { value: 'phone', label: 'Phone' },
  { value: 'mail', label: 'Mail' },
  { value: 'in_person', label: 'In person' },
  { value: 'portal', label: 'Crier public form' },
];
