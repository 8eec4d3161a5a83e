import type { Clock } from '../../kernel/clock.ts';
import type { Role } from '../../kernel/actor.ts';
import type { Db, DialectName } from '../../db/index.ts';
import type { PolicyPack } from '../../policy/index.ts';
import type { AuditService } from '../audit/index.ts';

/** The version of the policy in force (policy-versions module; a new one on each amendment, IV.A.18). */
export interface PolicyVersionRef {
  id: string;
  packId: string;
  version: string;
  contentHash: string;
  recordedAt: string | Date;
  adoptedOn: string | null;
}

export interface PolicyVersionsPort {
  current(): Promise<PolicyVersionRef>;
  get(id: string): Promise<PolicyVersionRef | null>;
  /** The pack exactly as recorded for a version, so the Attachment A text signed is that version's. */
  packOf?(id: string): Promise<PolicyPack>;
}

/** A Council-approved exception (VI), as the exceptions register answers it. */
export interface ExceptionRef {
  id: string;
  clauseId: string;
  agendaItem: string;
  councilApprovedOn: string;
}

export interface ExceptionsPort {
  findActive(q: { clauseId: string; personId?: string; platformId?: string; on: Date }): Promise<ExceptionRef | null>;
}

export interface PeopleDeps {
  db: Db;
  dialect: DialectName;
  clock: Clock;
  pack: PolicyPack;
  audit: Pick<AuditService, 'record'>;
  policyVersions: PolicyVersionsPort;
  exceptions: ExceptionsPort;
}

export type PersonStatus = 'active' | 'suspended' | 'revoked' | 'departed';

export interface Department {
  id: string;
  name: string;
  code: string;
  kind: string;
  createdAt: string;
  archivedAt: string | null;
}

export interface Person {
  id: string;
  name: string;
  email: string;
  title: string | null;
  departmentId: string | null;
  status: PersonStatus;
  createdAt: string;
  updatedAt: string;
}

export interface RoleAssignment {
  id: string;
  personId: string;
  role: Role;
  departmentId: string | null;
  designeeOf: string | null;
  startsOn: string | null;
  endsOn: string | null;
  grantedBy: string | null;
  grantedAt: string;
  revokedAt: string | null;
  revokedBy: string | null;
  /** In force today (City calendar), not revoked and — for a designee — the principal still holds the role. */
  active: boolean;
}

export interface Designation {
  id: string;
  personId: string;
  departmentId: string;
  platformIds: string[];
  designatedBy: string;
  designatedAt: string;
  revokedAt: string | null;
  revokedBy: string | null;
}

export interface Acknowledgement {
  id: string;
  personId: string;
  policyVersionId: string;
  printedName: string;
  signature: string;
  signedOn: string;
  departmentAndTitle: string;
  textSha256: string;
  recordedAt: string;
  recordedBy: string | null;
}

export type TrainingKind = 'training' | 'provider_terms';

export interface Training {
  id: string;
  personId: string;
  platformType: string;
  kind: TrainingKind;
  completedOn: string;
  notes: string | null;
  recordedBy: string | null;
  recordedAt: string;
}

export interface LegislativeNotification {
  id: string;
  personId: string;
  body: string;
  notifiedOn: string;
  method: string;
  recordedBy: string | null;
  recordedAt: string;
}

export interface Incident {
  id: string;
  personId: string;
  occurredOn: string;
  description: string;
  clauses: string[];
  reportedBy: string | null;
  createdAt: string;
}

export type AccessActionKind = 'suspend' | 'revoke' | 'reinstate';

export interface AccessAction {
  id: string;
  personId: string;
  action: AccessActionKind;
  reason: string;
  incidentId: string | null;
  actedBy: string | null;
  actedAt: string;
}

/** The platform facts the gate needs (from the platform registry). */
export interface GatePlatform {
  id: string;
  type: string;
  departmentId: string | null;
  status: string;
}

export interface UnmetRequirement {
  /** The clause an exception must name to waive this requirement (VI). */
  clause: string;
  message: string;
  /** Every clause the requirement rests on (the primary one first). */
  clauses: string[];
}

export interface WaivedRequirement extends UnmetRequirement {
  exception: ExceptionRef;
}

export interface AuthorizationResult {
  personId: string;
  platformId: string;
  authorized: boolean;
  /** Why the person is (or would be) an authorized employee: by definition (II) or by designation (IV.C.5). */
  basis: 'definition' | 'designation' | null;
  unmet: UnmetRequirement[];
  /** Requirements unmet but waived by a recorded Council exception (VI). */
  exceptions: WaivedRequirement[];
  /** Set while an acknowledgement of an earlier version still counts (IV.A.18 grace period). */
  reacknowledgeBy: string | null;
}
