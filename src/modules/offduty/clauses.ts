import { hasClause, type PolicyPack } from '../../policy/index.ts';

/** The clause ids of the loaded pack this module rests on (Carson's outline). */
export const C = {
  /** Post only on duty during normal business hours. */
  businessHours: 'IV.C.15(e)',
  /** Off-duty work beyond a de minimis amount of time (e.g. more than five minutes). */
  offDuty: 'IV.C.15(e)(i)',
  /** Pre-authorized; overtime regulations apply. */
  preAuthorized: 'IV.C.15(e)(i)(A)',
  /** Logged and submitted for labor compliance. */
  logged: 'IV.C.15(e)(i)(B)',
  /** Never work off duty without logging hours. */
  neverUnlogged: 'IV.C.15(e)(i)(C)',
} as const;

/** Clause ids that exist in the loaded pack (another city's pack may lack some). */
export const citeIn = (pack: PolicyPack, ...ids: string[]): string[] => ids.filter((id) => hasClause(pack, id));
