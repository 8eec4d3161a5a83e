/** The clauses the posts module enforces, by what they mean here (ids from the Carson pack). */
export const C = {
  onlyAuthorized: 'IV.A.2',
  onlyAuthorizedPost: 'IV.C.3',
  approval: 'IV.C.5',
  itReview: 'IV.A.17',
  emergency: 'IV.A.5',
  businessHours: 'IV.C.15(e)',
  offDuty: 'IV.C.15(e)(i)',
  duplicates: 'IV.C.15(h)',
  correction: 'IV.C.15(f)(v)',
  cmRemove: 'IV.A.16',
  cityRemove: 'IV.C.1',
  cannotRemove: 'IV.C.15(i)(vi)',
  councilApproval: 'IV.A.3',
  antivirus: 'IV.C.15(i)(iii)',
  template: 'IV.D.1',
} as const;
