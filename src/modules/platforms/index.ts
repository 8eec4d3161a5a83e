export { createPlatformsService } from './service.ts';
export type { PlatformsService, PlatformSummary, PlatformDetail, PlatformAdminView } from './service.ts';
export type { PlatformsDeps } from './deps.ts';
export type { PlatformRequestInput } from './lifecycle.ts';
export type { ProfilePatch } from './profile.ts';
export type { AppView } from './apps.ts';
export { profileChecklist, checklistPasses, matchingBrandingPhrase, isCityUrl, type ChecklistFacts } from './checklist.ts';
export { platformsPolicy, platformAbilities, appAbilities, registryAbilities, type PlatformResource } from './policy.ts';
export * from './types.ts';
