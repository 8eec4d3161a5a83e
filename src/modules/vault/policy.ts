import { abilities, allow, anyOf, deny, type Policy, type Rule } from '../../authz/index.ts';
import { headOf, roles } from '../../authz/roles.ts';
import { hasRole } from '../../kernel/actor.ts';
import { C } from './clauses.ts';

/**
 * Who may do what with credentials. The IT Manager's Office holds them (IV.C.15(i)(ii), IV.C.2),
 * the City Manager oversees everything (IV.C.13); department heads provide them (IV.A.14, IV.C.2).
 * Designees pass because their grants carry the role (II). Only the City Manager and the IT
 * Manager see a secret, and only by a reveal with a reason; nobody lists secrets.
 */
export interface CredentialResource {
  /** The platform's department (null = a City platform). */
  departmentId: string | null;
}

const withClauses =
  <R>(rule: Rule<R>, clauses: string[]): Rule<R> =>
  (actor, r) => {
    const d = rule(actor, r);
    return d.allow ? d : deny(d.reason, clauses);
  };

const headOfDepartment = (reason: string): Rule<CredentialResource> => (actor, r) => (headOf(r.departmentId, actor) ? allow : deny(reason, [C.registry]));

/** The City's own platforms have no department head: the Public Information Analyst provides theirs. */
const piaForCity: Rule<CredentialResource> = (actor, r) =>
  r.departmentId === null && hasRole(actor, 'public_information_analyst') ? allow : deny('Only the department head, the City Manager or the IT Manager may submit these credentials', [C.registry]);

const custodians = roles('city_manager', 'it_manager');

export const vaultPolicy = {
  /** Which secrets exist for every platform (never their values). */
  'credential.list': withClauses(roles('city_manager', 'it_manager', 'auditor'), [C.itHolds]),
  /** Which secrets exist for one platform (never their values). */
  'credential.read': anyOf<CredentialResource>(withClauses(roles('city_manager', 'it_manager', 'auditor'), [C.itHolds]), headOfDepartment("Only the platform's department head, the City Manager, the IT Manager or an auditor may see which credentials are held")),
  /** IV.A.14, IV.C.2: the department head provides them at creation and on every change. */
  'credential.submit': anyOf<CredentialResource>(withClauses(custodians, [C.registry]), headOfDepartment('Only the head of this department (or the City Manager / IT Manager) may submit its credentials'), piaForCity),
  /** IV.C.15(i)(ii): shown only to the IT Manager and the City Manager (and their designees), with a reason. */
  'credential.reveal': withClauses(custodians, [C.itHolds, C.cmItOversight]),
  /** Connectors read tokens at use, as the system. */
  'credential.use': ((actor) => (actor.kind === 'system' ? allow : deny('Only Crier itself reads tokens for its connectors', [C.itHolds]))) as Rule<unknown>,
  'rotation.list': withClauses(roles('city_manager', 'it_manager', 'auditor'), [C.itHolds]),
  'rotation.complete': withClauses(custodians, [C.itHolds]),
  /** Key rotation and checks (the CLI runs them as the system). */
  'vault.administer': withClauses(roles('it_manager'), [C.itHolds]),
} satisfies Policy;

export type VaultAction = keyof typeof vaultPolicy;

export function credentialAbilities(actor: Parameters<Rule<unknown>>[0], r: CredentialResource): Record<string, boolean> {
  return abilities(vaultPolicy, actor, r, ['credential.read', 'credential.submit', 'credential.reveal']);
}
