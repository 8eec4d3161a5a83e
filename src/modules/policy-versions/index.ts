export { createPolicyVersionsService } from './service.ts';
export type { PolicyVersion, PolicyVersionsService } from './service.ts';
