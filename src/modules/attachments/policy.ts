import { allow, anyOf, deny, type Policy, type Rule } from '../../authz/index.ts';
import { headOf, OVERSIGHT_ROLES, roles } from '../../authz/roles.ts';
import { hasRole, type Actor, type Role } from '../../kernel/actor.ts';

/**
 * Who may do what with attachments. Those who draft posts upload and describe files: authorized
 * employees (IV.A.2, IV.C.3), department heads, the City Manager and the Public Information
 * Analyst. Staff with oversight read them; department staff read their department's. The file
 * itself is served to the same staff for preview, never when quarantined (the service checks).
 */
export interface AttachmentResource {
  departmentId: string | null;
  uploadedBy: string | null;
}

export const UPLOADER_ROLES: Role[] = ['city_manager', 'public_information_analyst', 'department_head', 'authorized_employee'];
const CITY_WIDE: Role[] = ['city_manager', 'public_information_analyst'];

const own: Rule<AttachmentResource> = (actor, r) => (actor.kind === 'person' && r.uploadedBy === actor.personId && UPLOADER_ROLES.some((x) => hasRole(actor, x)) ? allow : deny('Only its uploader, the department head, the City Manager or the Public Information Analyst may do this'));
const departmentStaff: Rule<AttachmentResource> = (actor, r) =>
  r.departmentId != null && (headOf(r.departmentId, actor) || hasRole(actor, 'authorized_employee', r.departmentId)) ? allow : deny("Only the department's staff, the City Manager, the IT Manager or oversight may see this attachment");
const departmentHead: Rule<AttachmentResource> = (actor, r) => (headOf(r.departmentId, actor) ? allow : deny('Only its uploader, the department head, the City Manager or the Public Information Analyst may describe this attachment'));

export const attachmentsPolicy = {
  'attachment.upload': roles(...UPLOADER_ROLES) as Rule<null>,
  'attachment.read': anyOf<AttachmentResource>(roles(...CITY_WIDE, ...OVERSIGHT_ROLES), departmentStaff, own),
  'attachment.describe': anyOf<AttachmentResource>(roles(...CITY_WIDE), departmentHead, own),
} satisfies Policy;

export type AttachmentsAction = keyof typeof attachmentsPolicy;

/** The department an upload belongs to: the uploader's department role, or null (a City-wide uploader). */
export function uploaderDepartment(actor: Actor): string | null {
  if (actor.kind !== 'person') return null;
  if (CITY_WIDE.some((r) => hasRole(actor, r))) return null;
  return actor.roles.find((g) => (g.role === 'department_head' || g.role === 'authorized_employee') && g.departmentId)?.departmentId ?? null;
}
