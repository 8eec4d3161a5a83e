import type { Policy } from '../../authz/index.ts';
import { roles, OVERSIGHT_ROLES } from '../../authz/roles.ts';

/**
 * VI: exceptions exist only when the Council approves them. Crier records the approval; the
 * City Manager or the City Clerk (keeper of Council actions) enters it.
 */
export const exceptionsPolicy = {
  'exception.read': roles(...OVERSIGHT_ROLES, 'department_head', 'public_information_analyst'),
  'exception.record': roles('city_manager', 'city_clerk'),
  'exception.revoke': roles('city_manager', 'city_clerk'),
} satisfies Policy;
