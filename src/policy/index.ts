// Public surface of the policy module: the loaded policy pack (the City's council-adopted
// policy as data) and pure helpers over it. Only loader.ts touches the file system; browser
// or worker code that gets pack files another way can use parsePack from './parse.ts'.
export type {
  BusinessInterval,
  Clause,
  ClauseKind,
  EmergencySystem,
  PolicyPack,
  PolicyPackData,
  RetentionDefault,
  Weekday,
} from './types.ts';
export { CLAUSE_KINDS, ClauseSchema, PolicyPackSchema, RETENTION_RULES, WEEKDAYS, isValidTimeZone } from './types.ts';
export { PolicyPackError, UnknownClauseError, type PackIssue } from './errors.ts';
export { parsePack, formatPath, TEXT_FILES, type PackFiles } from './parse.ts';
export { defaultPackDir, readPackFiles } from './loader.ts';
export { loadPackFromDir } from './load.ts';
export { computeContentHash } from './hash.ts';
export { assertClauses, childClauses, clause, clauseAncestors, clauseTitle, hasClause } from './clauses.ts';
export { brandingPhrasesFor, emergencySystemFor, isCityEmail, isCityPhone, normalizePhone } from './contacts.ts';
export { holidayOn, isBusinessTime, localDate, localParts, nextBusinessTime, wallTime, zonedTimeToInstant, type LocalParts } from './time.ts';
export { retentionDefault, retentionEligibleFrom } from './retention.ts';
export { diffPacks, type PackDiff } from './diff.ts';
export { retentionMemo } from './retention.ts';
