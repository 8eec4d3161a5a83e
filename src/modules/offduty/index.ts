export { createOffdutyService, type OffdutyService } from './service.ts';
export type { OffdutyDeps } from './deps.ts';
export { offdutyPolicy, preauthAbilities, type OffdutyAction, type PreauthResource, type EntryResource, type DepartmentLogResource, type SelfResource } from './policy.ts';
export type { Preauth, TimeEntry, OpenSession } from './repo.ts';
export type { PreauthInput, PreauthView } from './preauths.ts';
export type { LogFilter, CorrectionInput } from './log.ts';
export { IDLE_GAP_MINUTES, MAX_PREAUTH_DAYS, FLAG_LABELS, type EntryFlag } from './rules.ts';
export { csvCell, toCsv } from './csv.ts';
