import { allow, deny, type Rule } from '../../authz/index.ts';
import { hasAnyRole, type Role } from '../../kernel/actor.ts';

/**
 * Who may ask for live findings while writing a post: the staff who may compose one —
 * authorized employees (IV.C.5, IV.C.6), department heads, the City Manager, the Public Information
 * Analyst and the IT Manager (designees included: grants carry them). Screening reveals nothing
 * but the text sent, but it is a tool of the post editor, not a public service.
 */
const COMPOSERS: Role[] = ['authorized_employee', 'department_head', 'city_manager', 'public_information_analyst', 'it_manager'];

const composers: Rule<unknown> = (actor) =>
  actor.kind === 'system' || hasAnyRole(actor, COMPOSERS) ? allow : deny('Only staff who may compose City posts may screen drafts', ['IV.C.5']);

export const screeningPolicy = {
  'screening.post': composers,
};
