import { roles, OVERSIGHT_ROLES } from '../../authz/roles.ts';
import type { Policy } from '../../authz/index.ts';

export const auditPolicy = {
  'audit.read': roles(...OVERSIGHT_ROLES),
} satisfies Policy;
