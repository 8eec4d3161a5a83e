/**
 * Domain errors with stable codes (Documenso's habit). Only src/http maps a code to a status.
 * `message` is safe to show to the user; `internal` is for logs only.
 */
export type ErrorCode =
  | 'invalid_input'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'policy_refusal'
  | 'rate_limited'
  | 'mfa_required'
  | 'unavailable';

export interface AppErrorOptions {
  /** Clause ids of the loaded policy pack that this refusal comes from. */
  clauses?: string[];
  /** For invalid input: the field(s) at fault, as dotted paths. */
  fields?: { path: string; message: string }[];
  internal?: string;
  cause?: unknown;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly clauses: string[];
  readonly fields: { path: string; message: string }[];
  readonly internal: string | undefined;

  constructor(code: ErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.clauses = options.clauses ?? [];
    this.fields = options.fields ?? [];
    this.internal = options.internal;
  }
}

export const notFound = (what: string, id: string) => new AppError('not_found', `${what} ${id} was not found`);

export const invalidInput = (path: string, message: string) =>
  new AppError('invalid_input', `${path}: ${message}`, { fields: [{ path, message }] });

/** A refusal grounded in the policy: the message says what is unmet, clauses say where it is written. */
export const policyRefusal = (message: string, clauses: string[]) => new AppError('policy_refusal', message, { clauses });

export const forbidden = (message: string, clauses: string[] = []) => new AppError('forbidden', message, { clauses });

export const conflict = (message: string, clauses: string[] = []) => new AppError('conflict', message, { clauses });

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;
