import { hasClause, type PolicyPack } from '../../policy/index.ts';

/**
 * The clause ids this module rests on, as the Carson pack numbers them. Another City's pack may
 * outline its policy differently: `cite` keeps an id the loaded pack knows and otherwise falls back
 * to its nearest ancestor the pack does know ('II.legislative-body' → 'II'), so a citation always
 * resolves against the loaded pack.
 */
export const C = {
  authorizedEmployee: 'II.authorized-employee',
  cityManager: 'II.city-manager',
  employee: 'II.employee',
  legislativeBody: 'II.legislative-body',
  onlyAuthorizedPost: 'IV.A.2',
  councilApproval: 'IV.A.3',
  providerRules: 'IV.A.8',
  amendment: 'IV.A.18',
  legislativeMembers: 'IV.B',
  onlyAuthorizedPostOnBehalf: 'IV.C.3',
  providerPolicies: 'IV.C.4',
  designation: 'IV.C.5',
  training: 'IV.C.6',
  acknowledgement: 'IV.C.15(g)',
  violations: 'IV.E',
  exceptions: 'VI',
  attachmentA: 'Att.A',
} as const;

/** Parent of an outline id: 'IV.C.15(g)' → 'IV.C.15' → 'IV.C' → 'IV'; 'II.employee' → 'II'. */
function parentId(id: string): string | null {
  if (/\([^)]*\)$/.test(id)) return id.replace(/\([^)]*\)$/, '');
  const dot = id.lastIndexOf('.');
  return dot > 0 ? id.slice(0, dot) : null;
}

/** The ids as the loaded pack knows them (deduplicated, order kept). */
export function cite(pack: PolicyPack, ...ids: string[]): string[] {
  const out: string[] = [];
  for (const id of ids) {
    let c: string | null = id;
    while (c && !hasClause(pack, c)) c = parentId(c);
    const resolved = c ?? id;
    if (!out.includes(resolved)) out.push(resolved);
  }
  return out;
}
