/** The clause ids of the loaded pack this module rests on (Carson's outline). */
export const C = {
  /** Passwords are shared with IT, which is informed immediately of any change. */
  passwordsShared: 'IV.A.14',
  /** IT keeps the list of domains, administrators, user ids and passwords; department heads provide them. */
  registry: 'IV.C.2',
  cmItOversight: 'IV.C.13',
  /** Department heads maintain complex passwords. */
  complexPasswords: 'IV.C.15(i)(i)',
  /** The IT Manager's Office holds all usernames and passwords. */
  itHolds: 'IV.C.15(i)(ii)',
} as const;
