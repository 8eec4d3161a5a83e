import type { Exemption, ExtensionGround, Outcome } from './statutes.ts';

export type RequestStatus = 'open' | 'determined' | 'closed';
export type MessageDirection = 'to_requester' | 'from_requester' | 'note';
export const MESSAGE_DIRECTIONS = ['to_requester', 'from_requester', 'note'] as const;
export const MESSAGE_CHANNELS = ['email', 'phone', 'mail', 'in_person', 'portal'] as const;
export type MessageChannel = (typeof MESSAGE_CHANNELS)[number];

export interface PersonRef {
  id: string;
  name: string;
  title: string | null;
}

export interface Extension {
  ground: ExtensionGround;
  citation: string;
  groundLabel: string;
  groundText: string;
  /** The emergency declaration, or the cyberattack's start and end. */
  detail: { declaration?: string; attackStartedAt?: string; attackEndedAt?: string | null };
  days: number;
  previousDueOn: string;
  newDueOn: string;
  noticeText: string;
  approvedBy: PersonRef | null;
  approvedAt: string;
}

export interface Review {
  id: string;
  reviewer: PersonRef | null;
  outcome: 'concur' | 'changes_requested';
  note: string;
  reviewedAt: string;
}

export interface WithheldItem {
  item: string;
  exemption: Exemption;
  citation: string;
  label: string;
  explanation: string | null;
}

export interface Determination {
  outcome: Outcome;
  outcomeLabel: string;
  estimatedProductionOn: string | null;
  reasons: string;
  /** Gov. Code 7922.540: the names and titles of each person responsible for a denial. */
  responsible: { personId: string; name: string; title: string | null }[];
  letterText: string;
  withheld: WithheldItem[];
  determinedBy: PersonRef | null;
  determinedAt: string;
}

export interface Message {
  id: string;
  direction: MessageDirection;
  channel: MessageChannel;
  body: string;
  recordedBy: PersonRef | null;
  recordedAt: string;
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
  /** The determination due date now (extended or not). */
  dueOn: string;
  status: RequestStatus;
  extended: boolean;
  estimatedProductionOn: string | null;
  /** The next date that matters while the request is not closed: the determination, then production. */
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
  extension: Extension | null;
  reviews: Review[];
  determination: Determination | null;
  messages: Message[];
  closedAt: string | null;
  closedBy: PersonRef | null;
  closeNote: string | null;
}

/** What the requester sees by reference: status and dates only (no names, contact, text or staff notes). */
export interface PublicRequestStatus {
  reference: string;
  status: RequestStatus;
  receivedOn: string;
  determinationDueOn: string;
  extended: boolean;
  extensionReason: string | null;
  determination: { outcome: string; determinedOn: string; estimatedProductionOn: string | null } | null;
  closedOn: string | null;
}
