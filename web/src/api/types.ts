/**
 * The shapes the UI reads from the API. Kept loose where the server may add fields: the UI only
 * relies on what it shows. `abilities` says which actions the signed-in person may take.
 */

export type Abilities = Record<string, boolean>;

export { listOf, unwrap } from './shape.ts';

export interface SessionInfo {
  authenticated: boolean;
  person?: { id: string; name: string; email: string; title?: string | null; departmentId?: string | null };
  roles: RoleGrantView[];
  csrfToken: string | null;
  mfa: { required: boolean; enrolled: boolean; pending: boolean };
  oidc: { enabled: boolean; label: string | null };
}

export interface RoleGrantView {
  role: string;
  departmentId?: string | null;
  designeeOf?: string | null;
  label?: string;
}

export interface PolicyInfo {
  id: string;
  name: string;
  version: string;
  contentHash?: string;
  versionId?: string;
  jurisdiction?: { cityName: string; websiteUrl?: string; timeZone?: string };
  clauses?: { id: string; title: string; kind?: string; parent?: string | null }[];
}

export interface PolicyTexts {
  commentPolicy?: string;
  recordsDisclaimer?: string;
  purposeNotice?: string;
  liabilityDisclaimer?: string;
  brandingPhrases?: string[];
  acknowledgement?: {
    title: string;
    body: string;
    fields?: { name?: string; signature?: string; date?: string; departmentAndTitle?: string };
  };
}

export interface Department {
  id: string;
  name: string;
  code?: string;
  kind?: string;
}

export interface Person {
  id: string;
  name: string;
  email: string;
  title: string | null;
  departmentId: string | null;
  departmentName?: string | null;
  status: string;
  updatedAt?: string;
  /** The grants in force now (role, department, designee of). */
  roles?: RoleGrantView[];
  abilities?: Abilities;
}

export interface RoleAssignment {
  id: string;
  role: string;
  departmentId: string | null;
  designeeOf: string | null;
  startsOn: string | null;
  endsOn: string | null;
  revokedAt?: string | null;
  active?: boolean;
}

export interface Designation {
  id: string;
  departmentId: string;
  platformIds: string[];
  designatedAt: string;
  revokedAt: string | null;
  active?: boolean;
}

/** GET /api/people/:id/acknowledgement-form: the Attachment A text of the version in force, prefilled. */
export interface AcknowledgementFormInfo {
  policyVersion: { id: string; version: string; recordedAt: string };
  title: string;
  body: string;
  fields: { name: string; signature: string; date: string; departmentAndTitle: string };
  textSha256: string;
  prefill: { printedName: string; departmentAndTitle: string; signedOn: string };
}

export interface Acknowledgement {
  id: string;
  policyVersionId: string;
  printedName: string;
  signature: string;
  signedOn: string;
  departmentAndTitle: string;
  recordedAt: string;
}

export interface Training {
  id: string;
  platformType: string;
  kind: 'training' | 'provider_terms';
  completedOn: string;
}

export interface PersonDetail extends Person {
  /** Every role assignment, with dates and revocation. */
  roleAssignments?: RoleAssignment[];
  designations?: Designation[];
  acknowledgements?: Acknowledgement[];
  trainings?: Training[];
  attachmentA?: { title?: string; body: string } | string;
  incidents?: Incident[];
  accessActions?: AccessAction[];
  legislativeNotifications?: LegislativeNotification[];
  abilities?: Abilities;
}

export interface UnmetRequirement {
  clause: string;
  message: string;
  clauses: string[];
  title?: string | null;
}

export interface AuthorizationResult {
  personId: string;
  platformId: string;
  platformName?: string;
  authorized: boolean;
  basis: 'definition' | 'designation' | null;
  unmet: UnmetRequirement[];
  exceptions?: (UnmetRequirement & { exception: { id: string; agendaItem: string; councilApprovedOn: string } })[];
  reacknowledgeBy?: string | null;
}

export type PlatformStatus = 'requested' | 'it_reviewed' | 'council_approved' | 'active' | 'terminated' | 'rejected';

export interface ChecklistItem {
  id?: string;
  key?: string;
  label?: string;
  title?: string;
  clause?: string;
  clauses?: string[];
  ok?: boolean;
  pass?: boolean;
  passed?: boolean;
  message?: string;
}

export interface PlatformAdmin {
  id: string;
  personId: string;
  personName?: string;
  platformUserId?: string | null;
  status: string;
  cmApprovedAt?: string | null;
  itApprovedAt?: string | null;
  abilities?: Abilities;
}

export interface Platform {
  id: string;
  name: string;
  type: string;
  departmentId: string | null;
  departmentName?: string | null;
  handle?: string | null;
  url?: string | null;
  domain?: string | null;
  purpose: string;
  status: PlatformStatus | string;
  requestedAt?: string;
  itReviewedAt?: string | null;
  itReviewNotes?: string | null;
  councilApprovedOn?: string | null;
  councilAgendaItem?: string | null;
  activatedAt?: string | null;
  terminatedAt?: string | null;
  terminationReason?: string | null;
  commentsEnabled?: boolean;
  profile?: Record<string, unknown>;
  contactEmail?: string | null;
  contactPhone?: string | null;
  checklist?: ChecklistItem[] | { items?: ChecklistItem[]; ok?: boolean; passed?: boolean };
  admins?: PlatformAdmin[];
  canRemovePosts?: boolean;
  connector?: { capabilities?: Record<string, boolean> | string[] } | null;
  abilities?: Abilities;
}

export interface ThirdPartyApp {
  id: string;
  platformId: string | null;
  name: string;
  vendor: string;
  purpose: string;
  status: string;
  decidedAt?: string | null;
  decisionNote?: string | null;
  abilities?: Abilities;
}

export interface Notification {
  id: string;
  kind: string;
  subject: string;
  body: string;
  clauses: string[];
  createdAt: string;
  readAt?: string | null;
  read?: boolean;
  relatedType?: string | null;
  relatedId?: string | null;
}

export interface AuditEvent {
  seq: number;
  id: string;
  occurredAt: string;
  actorId: string | null;
  actorLabel: string;
  action: string;
  targetType: string;
  targetId: string | null;
  targetLabel: string | null;
  before: unknown;
  after: unknown;
  clauses: string[];
  reason: string | null;
  hash: string;
}

export interface ConnectorType {
  type: string;
  label: string;
  capabilities?: Record<string, boolean | number>;
  notes?: string;
}

export interface Incident {
  id: string;
  occurredOn: string;
  description: string;
  clauses: string[];
  createdAt: string;
}

export interface AccessAction {
  id: string;
  action: 'suspend' | 'revoke' | 'reinstate';
  reason: string;
  incidentId: string | null;
  actedAt: string;
}

export interface LegislativeNotification {
  id: string;
  body: string;
  notifiedOn: string;
  method: string;
}
