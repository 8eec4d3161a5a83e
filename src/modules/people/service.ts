import { accessPart } from './access.ts';
import { acknowledgementsPart } from './acknowledgements.ts';
import { departmentsPart } from './departments.ts';
import { designationsPart } from './designations.ts';
import { gatePart } from './gate.ts';
import { internals } from './internal.ts';
import { legislativePart } from './legislative.ts';
import { personsPart } from './persons.ts';
import { rolesPart } from './roles.ts';
import type { PeopleDeps } from './types.ts';

/**
 * People, roles and authorization (SPEC §1): departments, persons, role grants and designees (II),
 * designations (IV.C.5), the Attachment A acknowledgement (IV.C.15(g)), training and provider
 * terms (IV.C.6, IV.A.8), legislative body members (IV.B), incidents and access (IV.E), and the
 * authorization gate every post goes through (IV.A.2, IV.C.3). Every write is authorized, made and
 * audited in one transaction.
 */
export function createPeopleService(deps: PeopleDeps) {
  const x = internals(deps);
  const persons = personsPart(x);
  const { activeGrants: _internal, ...personApi } = persons;
  const roles = rolesPart(x);
  const acks = acknowledgementsPart(x);
  return {
    ...departmentsPart(x),
    ...personApi,
    grantRole: roles.grantRole,
    revokeRole: roles.revokeRole,
    ...designationsPart(x),
    acknowledgementForm: acks.acknowledgementForm,
    acknowledge: acks.acknowledge,
    recordTraining: acks.recordTraining,
    ...gatePart(x),
    ...legislativePart(x),
    ...accessPart(x),
  };
}

export type PeopleService = ReturnType<typeof createPeopleService>;
