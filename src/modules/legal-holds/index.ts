export { createLegalHoldsService, type LegalHoldsService, type LegalHoldsDeps, type LegalHoldView } from './service.ts';
export { legalHoldsPolicy, HOLD_ISSUERS, HOLD_READERS } from './policy.ts';
export { covers, recordDateOf } from './coverage.ts';
export { LIMITS as LEGAL_HOLD_LIMITS } from './validate.ts';
export { HOLD_STATUSES, type HoldStatus, type HoldScope, type HoldableItem, type IssueHoldInput, type LegalHold } from './types.ts';
