import type { OffdutyDeps } from './deps.ts';
import { createLog } from './log.ts';
import { createPreauths } from './preauths.ts';
import { createSessions } from './sessions.ts';

/**
 * Off-duty work (IV.C.15(e)(i)(A)–(C)): pre-authorization requests decided by the supervisor,
 * sessions opened by the employee or by any posting action off duty (in that action's own
 * transaction, so the log cannot be skipped), an append-only time log with corrections as new
 * entries, and a payroll export.
 */
export function createOffdutyService(deps: OffdutyDeps) {
  const sessions = createSessions(deps);
  return {
    ...createPreauths(deps),
    ...sessions,
    ...createLog(deps),
    /** For the job scheduler: closes sessions nobody ended (idle or end-of-day rule), flagged, never dropped. */
    tick: (now: Date) => sessions.sweep(now),
  };
}

export type OffdutyService = ReturnType<typeof createOffdutyService>;
