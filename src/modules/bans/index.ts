export { createBansService, isBanned, DEFAULT_BAN_DAYS, MAX_BAN_DAYS, type BansService, type BanView, type CreateBanInput, type ReviewBanInput, type BanFilter } from './service.ts';
export type { BansDeps } from './deps.ts';
export { bansPolicy, banAbilities, BAN_DECIDERS, BAN_READERS, type BansAction, type BanReviewResource } from './policy.ts';
export { assertSectionVClauses, normalizeHandle } from './clauses.ts';
export type { Ban, BanReview, BanStatus, ReviewOutcome } from './repo.ts';
export { activeBans } from './lookup.ts';
