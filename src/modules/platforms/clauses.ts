/**
 * The clause ids of the loaded pack this module rests on, in one place (Carson's outline).
 * A pack with a different outline maps them here.
 */
export const C = {
  councilApprovalAndBranding: 'IV.A.3',
  linkBack: 'IV.A.4',
  oneWay: 'IV.A.6',
  termination: 'IV.A.7',
  recordsDisclaimer: 'IV.A.11',
  privacyAndTerms: 'IV.A.15',
  registry: 'IV.C.2',
  cityContacts: 'IV.C.8',
  purposeNotice: 'IV.C.9',
  liabilityDisclaimer: 'IV.C.10',
  commentPolicyDisplay: 'IV.C.11',
  adminPermission: 'IV.C.12',
  cmItOversight: 'IV.C.13',
  departmentRequest: 'IV.C.14',
  applications: 'IV.C.15(i)(iv)',
  functionality: 'IV.C.15(i)(v)',
  removalMechanism: 'IV.C.15(i)(vi)',
  template: 'IV.D.1',
  publicUsePolicy: 'V',
} as const;
