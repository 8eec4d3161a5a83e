export { createExceptionsService, ExceptionInput } from './service.ts';
export type { ExceptionsService, PolicyException } from './service.ts';
export { exceptionsPolicy } from './policy.ts';
