import type { ConnectorCapabilities } from '../../ports/platform-connector.ts';

export const PLATFORM_STATUSES = ['requested', 'it_reviewed', 'rejected', 'council_approved', 'active', 'terminated'] as const;
export type PlatformStatus = (typeof PLATFORM_STATUSES)[number];

/** How a notice is given on the platform: shown in the profile text, or linked. */
export interface Notice {
  how: 'text' | 'link';
  url?: string | null;
}

/** The profile facts the activation checklist reads (stored as JSON in platforms.profile). */
export interface PlatformProfile {
  /** The name shown on the platform (IV.A.3). */
  displayName: string | null;
  /** The City seal or logo used as the avatar/banner: an image URL or attachment reference (IV.A.3). */
  sealOrLogo: string | null;
  /** The branding line, e.g. "The official platform of the City of Carson" (IV.A.3). */
  brandingText: string | null;
  /** Link back to the City's official website (IV.A.4). */
  websiteUrl: string | null;
  /** Links to the City's privacy policy and terms of use (IV.A.15). */
  privacyPolicyUrl: string | null;
  termsOfUseUrl: string | null;
  /** Public records disclaimer (IV.A.11). */
  recordsDisclaimer: Notice | null;
  /** Not a quasi-public or public forum (IV.C.9). */
  publicForumNotice: Notice | null;
  /** Liability disclaimer (IV.C.10). */
  liabilityDisclaimer: Notice | null;
  /** The public comment policy (V, IV.C.11); required when comments are on. */
  commentPolicy: Notice | null;
}

export const EMPTY_PROFILE: PlatformProfile = {
  displayName: null,
  sealOrLogo: null,
  brandingText: null,
  websiteUrl: null,
  privacyPolicyUrl: null,
  termsOfUseUrl: null,
  recordsDisclaimer: null,
  publicForumNotice: null,
  liabilityDisclaimer: null,
  commentPolicy: null,
};

export interface ChecklistItem {
  id: string;
  label: string;
  clause: string;
  ok: boolean;
  detail: string;
}

export interface Platform {
  id: string;
  name: string;
  type: string;
  departmentId: string | null;
  departmentName: string | null;
  handle: string | null;
  url: string | null;
  domain: string | null;
  purpose: string;
  status: PlatformStatus;
  /** Only an active platform can be posted to. */
  usable: boolean;
  requestedBy: string | null;
  requestedAt: string;
  itReviewedBy: string | null;
  itReviewedAt: string | null;
  itReviewNotes: string | null;
  councilApprovedOn: string | null;
  councilAgendaItem: string | null;
  activatedBy: string | null;
  activatedAt: string | null;
  terminatedBy: string | null;
  terminatedAt: string | null;
  terminationReason: string | null;
  commentsEnabled: boolean;
  commentsAuthorizedBy: string | null;
  commentsAuthorizedAt: string | null;
  profile: PlatformProfile;
  contactEmail: string | null;
  contactPhone: string | null;
  template: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface PlatformAdmin {
  id: string | null;
  platformId: string;
  personId: string;
  personName: string | null;
  platformUserId: string | null;
  /** pending | active | removed; implicit CM / IT Manager entries are always active. */
  status: 'pending' | 'active' | 'removed';
  /** CM and IT Manager hold admin rights on every platform (IV.C.13). */
  implicit: boolean;
  /** For implicit entries: the role that makes them admin. */
  role: string | null;
  designeeOf: string | null;
  requestedBy: string | null;
  requestedAt: string | null;
  cmApprovedBy: string | null;
  cmApprovedAt: string | null;
  itApprovedBy: string | null;
  itApprovedAt: string | null;
  removedBy: string | null;
  removedAt: string | null;
}

export const APP_STATUSES = ['proposed', 'approved', 'rejected', 'removed'] as const;
export type AppStatus = (typeof APP_STATUSES)[number];
/** IV.C.15(i)(iv): the grounds on which IT may remove an application. */
export const APP_REMOVAL_GROUNDS = ['security_breach', 'virus', 'performance'] as const;
export type AppRemovalGround = (typeof APP_REMOVAL_GROUNDS)[number];

export interface ThirdPartyApp {
  id: string;
  platformId: string | null;
  name: string;
  vendor: string;
  purpose: string;
  status: AppStatus;
  proposedBy: string | null;
  proposedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
  removedBy: string | null;
  removedAt: string | null;
  removalReason: string | null;
}

export type { ConnectorCapabilities };
