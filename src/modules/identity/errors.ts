import { AppError, policyRefusal } from '../../kernel/errors.ts';

/** The same answer for an unknown email, a wrong password and a locked account: no user enumeration. */
export const LOGIN_FAILED_MESSAGE =
  'The email or password is not right. After 5 failed attempts an account is locked for 15 minutes.';

export const loginFailed = () => new AppError('unauthenticated', LOGIN_FAILED_MESSAGE);

/** IV.C.15(c)–(d): City social media business is done only on City systems and equipment. */
export const NETWORK_CLAUSES = ['IV.C.15(c)', 'IV.C.15(d)'];
export const outsideCityNetwork = () =>
  policyRefusal(
    'Crier can only be used from the City network: City social media work is done only on City information systems and equipment.',
    NETWORK_CLAUSES,
  );

/** IV.E: access lost after a violation. */
export function accessWithdrawn(status: string): AppError {
  if (status === 'suspended' || status === 'revoked') {
    return policyRefusal(`Your access to Crier has been ${status === 'suspended' ? 'suspended' : 'revoked'}. Speak to the City Manager or the IT Manager.`, ['IV.E']);
  }
  return new AppError('forbidden', 'This person no longer has access to Crier.');
}

export const invalidCode = () => new AppError('unauthenticated', 'That code is not right or has already been used. Wait for the next code and try again.');

export const noSession = () => new AppError('unauthenticated', 'Sign in to continue');
