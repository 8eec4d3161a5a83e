export { createAppealsService, LIMITS as APPEAL_LIMITS, type AppealsService, type AppealInput, type DecideInput, type AppealView } from './service.ts';
export type { AppealsDeps, RestoreComment } from './deps.ts';
export { appealsPolicy, appealAbilities, type AppealsAction, type AppealResource } from './policy.ts';
export type { Appeal, AppealStatus, PublicAppealStatus, AppealedDecision } from './repo.ts';
