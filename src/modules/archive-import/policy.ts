import { roles } from '../../authz/roles.ts';
import type { Policy } from '../../authz/index.ts';

/**
 * Bringing a platform's download into the archive is records work: the City Clerk (custodian of
 * records, IV.A.11) or the IT Manager (who holds the platforms' accounts, IV.A.14).
 */
export const archiveImportPolicy = {
  'archive.import': roles('city_clerk', 'it_manager'),
} satisfies Policy;
