export { createModerationReportsService, CONSISTENCY_WINDOW, type ModerationReportsService, type DecisionsReport, type TransparencyReport, type ConsistencyOptions } from './service.ts';
export { moderationReportsPolicy, type ModerationReportsAction } from './policy.ts';
export { inconsistentPairs, type Decided, type InconsistentPair } from './consistency.ts';
export type { Period } from './range.ts';
