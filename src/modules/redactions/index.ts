export { createRedactionsService, type RedactionsService, GROUND_MAX, REASON_MAX } from './service.ts';
export type { RedactionsDeps } from './deps.ts';
export { redactionsPolicy, redactionAbilities, type RedactionsAction } from './policy.ts';
export { redactText, redactedHtml, validateSpan, overlaps, splitsPair, type Span, type AppliedSpan } from './spans.ts';
export { paintRegions, validateRegion, type Region } from './image.ts';
export { logCsv, csvField, LOG_COLUMNS } from './csv.ts';
export { itemForRedaction } from './repo.ts';
export type * from './types.ts';
export { redactionsInForce, markerFor, type ItemRedactions } from './plan.ts';
