export { createReviewsService, type ReviewsService, type ReviewTaskView, type ReviewFilter, type CompleteInput } from './service.ts';
export type { ReviewsDeps } from './deps.ts';
export { reviewsPolicy, reviewAbilities, type ReviewResource, type ReviewsAction } from './policy.ts';
export { REVIEW_KINDS, REVIEW_KIND_IDS, periodOf, dueOn, isBusinessDay, type ReviewKind, type Period } from './schedule.ts';
export type { ReviewTask } from './repo.ts';
