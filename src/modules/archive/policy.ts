import { roles } from '../../authz/roles.ts';
import type { Policy } from '../../authz/index.ts';

/**
 * Staff with records duties read the archive: the City Clerk answers records requests (IV.A.11)
 * with the City Attorney; the auditor, the City Manager and the IT Manager oversee it.
 */
export const archivePolicy = {
  'archive.read': roles('city_clerk', 'city_attorney', 'auditor', 'city_manager', 'it_manager'),
  'archive.verify': roles('city_clerk', 'city_attorney', 'auditor', 'city_manager', 'it_manager'),
} satisfies Policy;
