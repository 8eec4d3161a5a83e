import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * Table types. Conventions (both dialects): ids text, instants ISO-8601 UTC text, dates
 * YYYY-MM-DD text, booleans 0/1 integers, JSON as text. `Frozen<T>` columns can be written
 * once and never updated (Kysely's ColumnType<…, …, never>): the compiler refuses an UPDATE.
 */
type Frozen<T> = ColumnType<T, T, never>;

export interface DepartmentTable {
  id: string;
  name: string;
  code: string;
  kind: string; // 'department' | 'division'
  created_at: string;
  archived_at: string | null;
}

export interface PersonTable {
  id: string;
  name: string;
  email: string;
  title: string | null;
  department_id: string | null;
  /** active | suspended | revoked | departed */
  status: string;
  created_at: string;
  updated_at: string;
}

export interface RoleAssignmentTable {
  id: string;
  person_id: string;
  role: string;
  department_id: string | null;
  /** Held as the designee of this person (II). */
  designee_of: string | null;
  starts_on: string | null;
  ends_on: string | null;
  granted_by: string | null;
  granted_at: string;
  revoked_at: string | null;
  revoked_by: string | null;
}

/** IV.C.5: a department head (or the City Manager) designates an authorized employee for named platforms. */
export interface DesignationTable {
  id: string;
  person_id: string;
  department_id: string;
  platform_ids: string; // JSON string[]
  designated_by: string;
  designated_at: string;
  revoked_at: string | null;
  revoked_by: string | null;
}

export interface PolicyVersionTable {
  id: string;
  pack_id: Frozen<string>;
  version: Frozen<string>;
  content_hash: Frozen<string>;
  adopted_on: Frozen<string | null>;
  /** The whole pack as loaded, so old citations still resolve after an amendment. */
  pack_json: Frozen<string>;
  /** JSON: clause ids changed/added/removed against the previous version. */
  changes: Frozen<string>;
  recorded_at: Frozen<string>;
  recorded_by: Frozen<string | null>;
}

/** Attachment A, bound to the policy version and the exact text acknowledged. */
export interface AcknowledgementTable {
  id: string;
  person_id: Frozen<string>;
  policy_version_id: Frozen<string>;
  printed_name: Frozen<string>;
  signature: Frozen<string>;
  signed_on: Frozen<string>;
  department_and_title: Frozen<string>;
  text_sha256: Frozen<string>;
  recorded_at: Frozen<string>;
  recorded_by: Frozen<string | null>;
}

/** IV.C.6 training per platform type; IV.A.8 / IV.C.4 provider terms acknowledged. */
export interface TrainingTable {
  id: string;
  person_id: string;
  platform_type: string;
  /** training | provider_terms */
  kind: string;
  completed_on: string;
  notes: string | null;
  recorded_by: string | null;
  recorded_at: string;
}

/** IV.B: each legislative body member is notified of the restrictions. */
export interface LegislativeNotificationTable {
  id: string;
  person_id: string;
  body: string;
  notified_on: string;
  method: string;
  recorded_by: string | null;
  recorded_at: string;
}

/** IV.E violations and what was done about them. */
export interface IncidentTable {
  id: string;
  person_id: string;
  occurred_on: string;
  description: string;
  clauses: string; // JSON string[]
  reported_by: string | null;
  created_at: string;
}

export interface AccessActionTable {
  id: string;
  person_id: string;
  /** suspend | revoke | reinstate */
  action: string;
  reason: string;
  incident_id: string | null;
  acted_by: string | null;
  acted_at: string;
}

/** VI: an exception exists only with a Council approval and an exact scope. */
export interface PolicyExceptionTable {
  id: string;
  clause_id: string;
  platform_id: string | null;
  person_id: string | null;
  starts_on: string;
  ends_on: string;
  council_approved_on: string;
  agenda_item: string;
  description: string;
  recorded_by: string | null;
  recorded_at: string;
  revoked_at: string | null;
  revoked_by: string | null;
}

export interface PlatformTable {
  id: string;
  name: string;
  /** connector type: city_feed | bluesky | mastodon | facebook | … */
  type: string;
  /** Owning department; null for a City platform (approved by the City Manager, IV.C.5). */
  department_id: string | null;
  handle: string | null;
  url: string | null;
  /** IV.C.2: the application's domain name. */
  domain: string | null;
  purpose: string;
  /** requested | it_reviewed | council_approved | active | terminated */
  status: string;
  requested_by: string | null;
  requested_at: string;
  it_reviewed_by: string | null;
  it_reviewed_at: string | null;
  it_review_notes: string | null;
  council_approved_on: string | null;
  council_agenda_item: string | null;
  activated_by: string | null;
  activated_at: string | null;
  terminated_by: string | null;
  terminated_at: string | null;
  termination_reason: string | null;
  comments_enabled: number;
  comments_authorized_by: string | null;
  comments_authorized_at: string | null;
  /** JSON: the profile checklist facts (branding, links, disclaimers …). */
  profile: string;
  contact_email: string | null;
  contact_phone: string | null;
  template: string | null;
  created_at: string;
  updated_at: string;
}

/** IV.C.12: administrators need City Manager and IT Manager permission. */
export interface PlatformAdminTable {
  id: string;
  platform_id: string;
  person_id: string;
  platform_user_id: string | null;
  requested_by: string | null;
  requested_at: string;
  cm_approved_by: string | null;
  cm_approved_at: string | null;
  it_approved_by: string | null;
  it_approved_at: string | null;
  /** pending | active | removed */
  status: string;
  removed_by: string | null;
  removed_at: string | null;
}

/** IV.C.15(i)(iv): third-party applications, approved by the IT Manager, removable by IT. */
export interface ThirdPartyAppTable {
  id: string;
  platform_id: string | null;
  name: string;
  vendor: string;
  purpose: string;
  /** proposed | approved | rejected | removed */
  status: string;
  proposed_by: string | null;
  proposed_at: string;
  decided_by: string | null;
  decided_at: string | null;
  decision_note: string | null;
  removed_by: string | null;
  removed_at: string | null;
  removal_reason: string | null;
}

/** Notices to people or bodies (e.g. the Council on termination, IV.A.7). */
export interface NotificationTable {
  id: string;
  /** council | person | role */
  audience: string;
  person_id: string | null;
  role: string | null;
  kind: string;
  subject: string;
  body: string;
  related_type: string | null;
  related_id: string | null;
  clauses: string; // JSON string[]
  created_at: string;
  read_at: string | null;
}

/** Who has read which notification (0002): each Council member reads a Council notice separately. */
export interface NotificationReadTable {
  notification_id: string;
  person_id: string;
  read_at: string;
}

export interface AccountTable {
  person_id: string;
  password_hash: string | null;
  totp_secret: string | null;
  totp_enabled_at: string | null;
  oidc_issuer: string | null;
  oidc_subject: string | null;
  failed_logins: number;
  locked_until: string | null;
  /** TOTP anti-replay (0002_identity): time step of the last accepted code. */
  totp_last_step: number | null;
  last_login_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface SessionTable {
  /** SHA-256 of the cookie token; the token itself is never stored. */
  id: string;
  person_id: string;
  csrf_token: string;
  mfa_verified: number;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
  ip: string | null;
  user_agent: string | null;
  revoked_at: string | null;
}

/** OIDC sign-in in flight (state, nonce, PKCE verifier), so any process can finish it. */
export interface OidcFlowTable {
  state: string;
  nonce: string;
  code_verifier: string;
  return_to: string | null;
  created_at: string;
}

export interface AuditEventTable {
  seq: Frozen<number>;
  id: Frozen<string>;
  occurred_at: Frozen<string>;
  actor_id: Frozen<string | null>;
  actor_label: Frozen<string>;
  action: Frozen<string>;
  target_type: Frozen<string>;
  target_id: Frozen<string | null>;
  /** Human-readable name of the target at the time, so the log reads after the target is gone. */
  target_label: Frozen<string | null>;
  before_json: Frozen<string | null>;
  after_json: Frozen<string | null>;
  clauses: Frozen<string>;
  reason: Frozen<string | null>;
  prev_hash: Frozen<string>;
  hash: Frozen<string>;
}

export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}

/** Credential custody (IV.A.14, IV.C.2): one row per secret version; ciphertext and wrapped data key are base64 (iv|tag|ct). */
export interface CredentialSecretTable {
  id: string;
  platform_id: string;
  /** username | password | recovery_codes | api_token */
  kind: string;
  name: string;
  /** current | superseded (a superseded secret's key material is erased) */
  status: string;
  ciphertext: string | null;
  wrapped_key: string | null;
  /** Fingerprint of the master key that wrapped the data key (never the key). */
  key_fingerprint: string | null;
  expires_at: string | null;
  submitted_by: string | null;
  submitted_at: string;
  superseded_at: string | null;
}

export interface CredentialRevealTable {
  id: string;
  secret_id: string;
  platform_id: string;
  person_id: string | null;
  actor_label: string;
  reason: string;
  revealed_at: string;
  expires_at: string;
}

export interface CredentialRotationTaskTable {
  id: string;
  platform_id: string;
  person_id: string | null;
  trigger: string;
  reason: string;
  /** open | done */
  status: string;
  due_at: string;
  created_at: string;
  completed_at: string | null;
  completed_by: string | null;
  completion_note: string | null;
}

/** E-mail written in a transaction and sent after it commits. */
export interface MailOutboxTable {
  id: string;
  kind: string;
  to_addresses: string; // JSON string[]
  subject: string;
  body: string;
  related_type: string | null;
  related_id: string | null;
  /** pending | sent | failed */
  status: string;
  attempts: number;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}

export interface PostTable {
  id: string;
  department_id: string | null;
  author_id: string;
  /** draft | submitted | approved | reviewed | scheduled | published | removed */
  status: string;
  version: number;
  emergency: Generated<number>;
  emergency_system: string | null;
  emergency_release_url: string | null;
  emergency_released_at: string | null;
  directed_by: string | null;
  directed_reason: string | null;
  directed_at: string | null;
  override_by: string | null;
  override_reason: string | null;
  override_version: number | null;
  scheduled_for: string | null;
  correction_of: string | null;
  created_at: string;
  updated_at: string;
  submitted_at: string | null;
  published_at: string | null;
  removed_at: string | null;
  removed_by: string | null;
  removal_reason: string | null;
}

export interface PostVersionTable {
  id: string;
  post_id: string;
  version: number;
  title: string;
  body: string;
  link: string | null;
  targets: string; // JSON PostTarget[]
  attachment_ids: string; // JSON string[]
  findings: string; // JSON findings at save
  edited_by: string;
  edited_at: string;
}

export interface PostApprovalTable {
  id: string;
  post_id: string;
  version: number;
  /** department (head or City Manager, IV.C.5) | it (IT Manager, IV.A.17) */
  stage: string;
  /** approved | rejected */
  decision: string;
  decided_by: string;
  decided_at: string;
  comment: string | null;
  voided_at: string | null;
}

export interface PostPublicationTable {
  id: string;
  post_id: string;
  platform_id: string;
  version: number;
  idempotency_key: string;
  /** pending | sending | published | failed | cancelled | removed */
  status: string;
  attempts: Generated<number>;
  due_at: string;
  next_attempt_at: string;
  first_attempt_at: string | null;
  locked_by: string | null;
  locked_until: string | null;
  last_error: string | null;
  remote_id: string | null;
  remote_url: string | null;
  native: string | null;
  published_at: string | null;
  removed_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface FeedEntryTable {
  id: string;
  platform_id: string;
  idempotency_key: string;
  title: string;
  body: string;
  link: string | null;
  media: string; // JSON
  published_at: string;
  updated_at: string;
  removed_at: string | null;
}

/** IV.C.15(e)(i)(A): a request to work off duty, decided by the requester's supervisor (0006). */
export interface OffdutyPreauthTable {
  id: string;
  person_id: string;
  department_id: string | null;
  window_start: string;
  window_end: string;
  reason: string;
  platform_ids: string; // JSON string[]
  /** pending | approved | denied */
  status: string;
  requested_at: string;
  decided_by: string | null;
  decided_at: string | null;
  decision_note: string | null;
}

/** One off-duty session; changes only while open (ended_at null). */
export interface OffdutySessionTable {
  id: string;
  person_id: string;
  department_id: string | null;
  started_at: Frozen<string>;
  last_activity_at: string;
  ended_at: string | null;
  /** manual | activity (an activity-opened session becomes manual when the employee starts one) */
  opened_by: string;
  /** manual | idle | end_of_day (null while open) */
  ended_by: string | null;
  activity_count: number;
  note: string | null;
  violation_notified_at: string | null;
}

/** Append-only: each off-duty activity, written in the transaction of the action itself. */
export interface OffdutyActivityTable {
  id: Frozen<string>;
  session_id: Frozen<string>;
  person_id: Frozen<string>;
  at: Frozen<string>;
  what: Frozen<string>;
}

/** Append-only time log (IV.C.15(e)(i)(B)–(C)); a correction is a new row naming the one it corrects. */
export interface OffdutyEntryTable {
  id: Frozen<string>;
  person_id: Frozen<string>;
  department_id: Frozen<string | null>;
  session_id: Frozen<string>;
  corrects_id: Frozen<string | null>;
  started_at: Frozen<string>;
  ended_at: Frozen<string>;
  minutes: Frozen<number>;
  preauth_id: Frozen<string | null>;
  flags: Frozen<string>; // JSON string[]
  note: Frozen<string | null>;
  recorded_at: Frozen<string>;
  recorded_by: Frozen<string>;
}

/** Recurring reviews: currency (IV.C.15(f)(iii)) and ads/links (IV.D.2); one per platform × kind × period. */
export interface ReviewTaskTable {
  id: string;
  platform_id: string;
  /** currency | ads_links */
  kind: string;
  /** '2026-Q4' (quarterly) or '2026-11' (monthly) */
  period: string;
  due_on: string;
  owner_role: string;
  owner_department_id: string | null;
  /** open | done | cancelled */
  status: string;
  created_at: string;
  completed_at: string | null;
  completed_by: string | null;
  /** ok | action_needed */
  outcome: string | null;
  findings: string | null;
  notes: string | null;
  cancelled_reason: string | null;
}

/** One uploaded file, written after its virus scan (IV.C.15(i)(iii)); described later (0005). */
export interface AttachmentTable {
  id: string;
  /** image | video | pdf | captions | other (other: only ever quarantined) */
  kind: Frozen<string>;
  mime_type: Frozen<string>;
  filename: Frozen<string>;
  size_bytes: Frozen<number>;
  original_sha256: Frozen<string>;
  /** sha256 of the stored (clean, metadata-stripped) bytes; null when quarantined. */
  stored_sha256: Frozen<string | null>;
  /** clean | quarantined */
  status: string;
  scanner: Frozen<string>;
  scan_signature: Frozen<string | null>;
  scanned_at: Frozen<string>;
  width: Frozen<number | null>;
  height: Frozen<number | null>;
  department_id: Frozen<string | null>;
  uploaded_by: Frozen<string | null>;
  uploaded_at: Frozen<string>;
  alt_text: string | null;
  caption_text: string | null;
  caption_file_id: string | null;
  city_website_url: string | null;
  photo_at_public_event: number | null;
  photo_attested_by: string | null;
  photo_attested_at: string | null;
  /** city | third_party */
  ownership: string | null;
  permission_json: string | null; // JSON { grantedBy, grantedOn, scope, reference }
  uses_city_seal: number | null;
  seal_authorization: string | null;
  updated_at: string;
}

/** A public comment on a platform (0007); text is the current version's. */
export interface CommentTable {
  id: string;
  platform_id: string;
  remote_id: string;
  post_id: string | null;
  post_remote_id: string;
  parent_remote_id: string | null;
  author_handle: string | null;
  author_name: string | null;
  url: string | null;
  text: string;
  version: number;
  /** poll | webhook | import */
  source: string;
  created_on_platform_at: string;
  captured_at: string;
  updated_at: string;
  deleted_on_platform_at: string | null;
  /** visible | hidden | removed */
  visibility: string;
  /** open (a human must look) | decided */
  review_state: string;
  /** 0 none … 3 block-level findings; the queue sorts by it */
  severity: number;
  findings: string; // JSON
  legislative_person_id: string | null;
  retain_until: string | null;
}

export interface CommentVersionTable {
  id: string;
  comment_id: string;
  version: number;
  /** created | edited | deleted */
  kind: string;
  text: string;
  native: string; // JSON
  sha256: string;
  at_on_platform: string | null;
  captured_at: string;
}

export interface ModerationDecisionTable {
  id: string;
  comment_id: string;
  /** keep | hide | remove | restore */
  decision: string;
  clauses: string; // JSON string[]
  note: string | null;
  moderator_id: string | null;
  automatic: number;
  decided_at: string;
  /** final | awaiting_second | superseded */
  status: string;
  second_moderator_id: string | null;
  second_at: string | null;
  /** none | done | manual_pending | manual_confirmed | failed */
  platform_action: string;
  platform_note: string | null;
  confirmed_by: string | null;
  confirmed_at: string | null;
}

export interface ModerationSettingsTable {
  id: string;
  auto_hide_clauses: string; // JSON string[]
  two_person_rule: number;
  updated_by: string | null;
  updated_at: string;
}

export interface CommenterBanTable {
  id: string;
  platform_id: string;
  author_handle: string;
  clauses: string; // JSON string[]
  reason: string;
  starts_at: string;
  ends_at: string | null;
  review_on: string;
  reviewer_id: string;
  /** active | lifted | expired */
  status: string;
  created_by: string;
  created_at: string;
  reviewed_at: string | null;
  lifted_by: string | null;
  lifted_at: string | null;
  lift_reason: string | null;
}

export interface ModerationAppealTable {
  id: string;
  comment_id: string | null;
  ban_id: string | null;
  name: string;
  contact: string;
  statement: string;
  submitted_at: string;
  /** open | granted | denied */
  status: string;
  decided_by: string | null;
  decided_at: string | null;
  decision_note: string | null;
}

export interface LegislativeAccountTable {
  id: string;
  person_id: string;
  platform_id: string;
  handle: string;
  created_by: string;
  created_at: string;
  removed_at: string | null;
}

/** IV.B: a registered member's reaction to a City post, or response to another member's comment (migration 0017). */
export interface LegislativeActivityTable {
  id: string;
  dedupe_key: string;
  kind: 'reaction' | 'response';
  person_id: string;
  platform_id: string;
  handle: string;
  post_remote_id: string;
  post_id: string | null;
  reaction: string | null;
  comment_id: string | null;
  other_person_id: string | null;
  other_comment_id: string | null;
  occurred_at: string | null;
  recorded_at: string;
  native: string | null;
}

export interface CommentIngestStateTable {
  platform_id: string;
  last_polled_at: string | null;
  last_seen_at: string | null;
  last_error: string | null;
}

/** IV.D.1: a template from the IT Office (0008). */
export interface PostTemplateTable {
  id: string;
  name: string;
  /** Put before the text (may be empty). */
  opening: string;
  /** Put after the text, e.g. the link back and the department's hashtag (may be empty). */
  closing: string;
  guidance: string;
  /** active | retired */
  status: string;
  created_by: string | null;
  created_at: string;
  updated_by: string | null;
  updated_at: string;
}

/** Records archive (0009): one append-only, hash-chained row per captured record (IV.A.13). */
export interface ArchiveItemTable {
  seq: Frozen<number>;
  id: Frozen<string>;
  /** post_version | publication | comment | comment_version | moderation_decision | removal | profile_snapshot | attachment | records_request */
  kind: Frozen<string>;
  source_id: Frozen<string>;
  /** The department folder (IV.A.13); null = City. */
  department_id: Frozen<string | null>;
  platform_id: Frozen<string | null>;
  native: Frozen<string>; // JSON, canonical
  rendered_text: Frozen<string>;
  metadata: Frozen<string>; // JSON, canonical
  content_sha256: Frozen<string>;
  captured_at: Frozen<string>;
  retention_category: Frozen<string>;
  retain_until: Frozen<string>;
  prev_hash: Frozen<string>;
  item_hash: Frozen<string>;
}

export interface ArchiveHeadTable {
  id: number;
  seq: number;
  hash: string;
}

/** One per City day: the archive chain's head at the end of that day (0009). */
export interface ArchiveSealTable {
  date: Frozen<string>;
  first_seq: Frozen<number>;
  last_seq: Frozen<number>;
  item_count: Frozen<number>;
  head_hash: Frozen<string>;
  sealed_at: Frozen<string>;
  prev_seal_hash: Frozen<string>;
  seal_hash: Frozen<string>;
}

/** IV.A.11: the public records request desk (0010). */
export interface RecordsRequestTable {
  id: string;
  /** What the requester quotes, e.g. PRR-2026-7K3QX9MD (random, so not guessable). */
  reference: string;
  description: string;
  requester_name: string | null;
  email: string | null;
  phone: string | null;
  postal_address: string | null;
  preferred_format: string | null;
  /** public_form | staff */
  channel: string;
  entered_by: string | null;
  received_at: string;
  /** City calendar date of receipt (YYYY-MM-DD). */
  received_on: string;
  original_due_on: string;
  /** The determination due date now (extended or not). */
  due_on: string;
  /** open | determined | closed */
  status: string;
  owner_id: string | null;
  reviewer_id: string | null;
  assigned_by: string | null;
  assigned_at: string | null;
  estimated_production_on: string | null;
  determined_at: string | null;
  closed_at: string | null;
  closed_by: string | null;
  close_note: string | null;
}

export interface RecordsRequestExtensionTable {
  id: string;
  request_id: string;
  ground: string;
  /** JSON: the emergency declaration, or the cyberattack's start and end. */
  ground_detail: string;
  days: number;
  previous_due_on: string;
  new_due_on: string;
  notice_text: string;
  approved_by: string;
  approved_at: string;
}

export interface RecordsRequestReviewTable {
  id: string;
  request_id: string;
  reviewer_id: string;
  /** concur | changes_requested */
  outcome: string;
  note: string;
  reviewed_at: string;
}

export interface RecordsRequestDeterminationTable {
  id: string;
  request_id: string;
  /** disclose_full | disclose_part | deny | no_records */
  outcome: string;
  estimated_production_on: string | null;
  reasons: string;
  /** JSON: [{ personId, name, title }] */
  responsible: string;
  letter_text: string;
  review_id: string | null;
  determined_by: string;
  determined_at: string;
}

export interface RecordsRequestWithheldTable {
  id: string;
  determination_id: string;
  request_id: string;
  position: number;
  item: string;
  exemption: string;
  citation: string;
  explanation: string | null;
}

/** A text span or image region redacted from an archive item for a records request (0014). */
export interface RedactionTable {
  id: string;
  request_id: Frozen<string>;
  /** 1, 2, 3… within the request: the redaction log's numbering. */
  position: Frozen<number>;
  archive_item_id: Frozen<string>;
  /** text_span | image_region */
  kind: Frozen<string>;
  attachment_id: Frozen<string | null>;
  /** UTF-16 code unit offsets into the item's rendered text, end exclusive. */
  span_start: Frozen<number | null>;
  span_end: Frozen<number | null>;
  region_x: Frozen<number | null>;
  region_y: Frozen<number | null>;
  region_w: Frozen<number | null>;
  region_h: Frozen<number | null>;
  /** A statute id (records-requests statutes.ts), or null for a free-text ground. */
  exemption: Frozen<string | null>;
  citation: Frozen<string>;
  ground_text: Frozen<string | null>;
  approved_by: string | null;
  approved_at: string | null;
  original_sha256: Frozen<string>;
  redacted_by: Frozen<string>;
  redacted_at: Frozen<string>;
  withdrawn_by: string | null;
  withdrawn_at: string | null;
  withdrawal_reason: string | null;
}

/** A redacted rendition handed out: the original's hash and its own (0014, append-only). */
export interface RedactionRenditionTable {
  id: string;
  request_id: Frozen<string>;
  archive_item_id: Frozen<string>;
  /** text | html | image */
  kind: Frozen<string>;
  original_sha256: Frozen<string>;
  redacted_sha256: Frozen<string>;
  /** JSON array of the redaction ids applied. */
  redaction_ids: Frozen<string>;
  rendered_by: Frozen<string | null>;
  rendered_at: Frozen<string>;
}

export interface RecordsRequestMessageTable {
  id: string;
  request_id: string;
  /** 1, 2, 3… within the request: the dialogue's order. */
  position: number;
  /** to_requester | from_requester | note */
  direction: string;
  channel: string;
  body: string;
  recorded_by: string | null;
  recorded_at: string;
}

export interface RecordsRequestReminderTable {
  request_id: string;
  /** determination | production */
  kind: string;
  due_on: string;
  /** 3 | 1 | overdue */
  stage: string;
  sent_at: string;
  notified: number;
}

/** Productions started from the UI (0015): one BagIt or WARC export job each (IV.A.12). */
export interface ProductionTable {
  id: string;
  /** bagit | warc */
  format: string;
  filters_json: string;
  bates_prefix: string;
  /** queued | running | done | failed */
  status: string;
  requested_by: string | null;
  requested_by_label: string;
  requested_at: string;
  started_at: string | null;
  heartbeat_at: string | null;
  finished_at: string | null;
  phase: string | null;
  total: Generated<number>;
  done: Generated<number>;
  item_count: number | null;
  first_bates: string | null;
  last_bates: string | null;
  /** Relative to <dataDir>/productions. */
  result_file: string | null;
  result_bytes: number | string | null;
  result_sha256: string | null;
  error: string | null;
  /** 0020: when the downloadable file was removed (the row and custody log stay). */
  expired_at: string | null;
}

/** Archive imports started from the web app (0020): one uploaded download each, run as a job. */
export interface ArchiveImportTable {
  id: string;
  /** facebook-page | x-archive */
  format: string;
  platform_id: string | null;
  account_handle: string | null;
  file_name: string;
  file_bytes: number | string;
  file_sha256: string;
  /** queued | running | done | failed */
  status: string;
  requested_by: string | null;
  requested_by_label: string;
  requested_at: string;
  started_at: string | null;
  heartbeat_at: string | null;
  finished_at: string | null;
  /** Bytes of the files being imported read so far, of total (uncompressed). */
  total: Generated<number | string>;
  done: Generated<number | string>;
  records: Generated<number>;
  added: Generated<number>;
  skipped: Generated<number>;
  malformed: Generated<number>;
  /** The ImportReport, when finished. */
  report_json: string | null;
  error: string | null;
}

/** Legal holds (0012): scope and state; JSON arrays as text, null = no limit on that axis. */
export interface LegalHoldTable {
  id: string;
  matter: string;
  custodian_id: string;
  platform_ids: string | null;
  department_ids: string | null;
  search_terms: string | null;
  from_date: string;
  to_date: string | null;
  notes: string | null;
  /** issued | acknowledged | released */
  status: string;
  issued_by: string | null;
  issued_at: string;
  acknowledged_by: string | null;
  acknowledged_at: string | null;
  released_by: string | null;
  released_at: string | null;
  release_reason: string | null;
}

/** A disposition batch (0012): proposed → consented → authorized → destroyed (or withdrawn). */
export interface DispositionBatchTable {
  id: string;
  status: string;
  note: string;
  item_count: number;
  proposed_by: string | null;
  proposed_at: string;
  consented_by: string | null;
  consented_at: string | null;
  consent_text: string | null;
  resolution_number: string | null;
  form_number: string | null;
  authorized_by: string | null;
  authorized_at: string | null;
  destroyed_by: string | null;
  destroyed_at: string | null;
  withdrawn_by: string | null;
  withdrawn_at: string | null;
  withdraw_reason: string | null;
}

/** The items of a batch as they stood when proposed (0012). */
export interface DispositionBatchItemTable {
  batch_id: Frozen<string>;
  item_id: Frozen<string>;
  item_seq: Frozen<number>;
  kind: Frozen<string>;
  retention_category: Frozen<string>;
  retain_until: Frozen<string>;
  content_sha256: Frozen<string>;
  item_hash: Frozen<string>;
}

/** One marker per destroyed archive item (0012); append-only. */
export interface ArchiveDispositionTable {
  item_id: Frozen<string>;
  item_seq: Frozen<number>;
  batch_id: Frozen<string>;
  content_sha256: Frozen<string>;
  item_hash: Frozen<string>;
  disposed_at: Frozen<string>;
}

/** A destruction certificate (0012), chained to the one before. */
export interface DispositionCertificateTable {
  batch_id: Frozen<string>;
  seq: Frozen<number>;
  body: Frozen<string>;
  issued_at: Frozen<string>;
  prev_hash: Frozen<string>;
  certificate_hash: Frozen<string>;
}

/** Archive search (0013): one side row per archive item, filled by a trigger on capture. */
export interface ArchiveSearchEntryTable {
  seq: Frozen<number>;
  item_id: Frozen<string>;
  /** metadata.createdOnPlatformAt, normalised to ISO with milliseconds. */
  created_on_platform_at: Frozen<string | null>;
  /** Lower case; the handle without a leading @. */
  author_name: Frozen<string | null>;
  author_handle: Frozen<string | null>;
  author_person_id: Frozen<string | null>;
  /** metadata status, decision or change (edited/deleted). */
  status: Frozen<string | null>;
  meta_text: Frozen<string>;
  /** Copies of the item's own columns (0018), so filters read the side row instead of the item. */
  kind: Frozen<string | null>;
  department_id: Frozen<string | null>;
  platform_id: Frozen<string | null>;
  captured_at: Frozen<string | null>;
}

/** Archive search (0013): the clause ids of an item's moderation metadata. */
export interface ArchiveSearchClauseTable {
  clause: Frozen<string>;
  seq: Frozen<number>;
}

/** A saved archive search (0013); deletion is soft. */
export interface ArchiveSavedSearchTable {
  id: string;
  name: string;
  query: string;
  filters: string; // JSON
  owner_id: string;
  created_at: string;
  deleted_at: string | null;
  deleted_by: string | null;
}

/** One act of collecting archive items into a records request (0013): a saved search run or a list of ids. */
export interface RecordsRequestCollectionTable {
  id: Frozen<string>;
  request_id: Frozen<string>;
  saved_search_id: Frozen<string | null>;
  query: Frozen<string | null>;
  filters: Frozen<string | null>; // JSON
  /** 1 when the items were named by id. */
  explicit_ids: Frozen<number>;
  matched: Frozen<number>;
  added: Frozen<number>;
  collected_by: Frozen<string>;
  collected_at: Frozen<string>;
}

/** An archive item collected into a records request (0013). */
export interface RecordsRequestItemTable {
  id: Frozen<string>;
  request_id: Frozen<string>;
  archive_item_id: Frozen<string>;
  archive_seq: Frozen<number>;
  collection_id: Frozen<string>;
  collected_at: Frozen<string>;
}

export interface Database {
  departments: DepartmentTable;
  persons: PersonTable;
  role_assignments: RoleAssignmentTable;
  designations: DesignationTable;
  policy_versions: PolicyVersionTable;
  acknowledgements: AcknowledgementTable;
  trainings: TrainingTable;
  legislative_notifications: LegislativeNotificationTable;
  incidents: IncidentTable;
  access_actions: AccessActionTable;
  policy_exceptions: PolicyExceptionTable;
  platforms: PlatformTable;
  platform_admins: PlatformAdminTable;
  third_party_apps: ThirdPartyAppTable;
  notifications: NotificationTable;
  notification_reads: NotificationReadTable;
  accounts: AccountTable;
  sessions: SessionTable;
  oidc_flows: OidcFlowTable;
  audit_events: AuditEventTable;
  audit_head: AuditHeadTable;
  credential_secrets: CredentialSecretTable;
  credential_reveals: CredentialRevealTable;
  credential_rotation_tasks: CredentialRotationTaskTable;
  mail_outbox: MailOutboxTable;
  posts: PostTable;
  post_versions: PostVersionTable;
  post_approvals: PostApprovalTable;
  post_publications: PostPublicationTable;
  feed_entries: FeedEntryTable;
  post_templates: PostTemplateTable;
  comments: CommentTable;
  comment_versions: CommentVersionTable;
  moderation_decisions: ModerationDecisionTable;
  moderation_settings: ModerationSettingsTable;
  commenter_bans: CommenterBanTable;
  moderation_appeals: ModerationAppealTable;
  legislative_accounts: LegislativeAccountTable;
  legislative_activity: LegislativeActivityTable;
  comment_ingest_state: CommentIngestStateTable;
  offduty_preauths: OffdutyPreauthTable;
  offduty_sessions: OffdutySessionTable;
  offduty_activities: OffdutyActivityTable;
  offduty_entries: OffdutyEntryTable;
  review_tasks: ReviewTaskTable;
  attachments: AttachmentTable;
  archive_items: ArchiveItemTable;
  archive_head: ArchiveHeadTable;
  archive_seals: ArchiveSealTable;
  records_requests: RecordsRequestTable;
  records_request_extensions: RecordsRequestExtensionTable;
  records_request_reviews: RecordsRequestReviewTable;
  records_request_determinations: RecordsRequestDeterminationTable;
  records_request_withheld: RecordsRequestWithheldTable;
  records_request_messages: RecordsRequestMessageTable;
  records_request_reminders: RecordsRequestReminderTable;
  legal_holds: LegalHoldTable;
  disposition_batches: DispositionBatchTable;
  disposition_batch_items: DispositionBatchItemTable;
  archive_dispositions: ArchiveDispositionTable;
  disposition_certificates: DispositionCertificateTable;
  redactions: RedactionTable;
  redaction_renditions: RedactionRenditionTable;
  productions: ProductionTable;
  archive_imports: ArchiveImportTable;
  archive_search_entries: ArchiveSearchEntryTable;
  archive_search_clauses: ArchiveSearchClauseTable;
  archive_saved_searches: ArchiveSavedSearchTable;
  records_request_collections: RecordsRequestCollectionTable;
  records_request_items: RecordsRequestItemTable;
}

export type Row<T extends keyof Database> = Selectable<Database[T]>;
export type NewRow<T extends keyof Database> = Insertable<Database[T]>;
export type RowUpdate<T extends keyof Database> = Updateable<Database[T]>;
export type { Generated };
