import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type ErrorCode } from '../kernel/errors.ts';

/** The one place that knows status codes. */
export const STATUS: Record<ErrorCode, number> = {
  invalid_input: 400,
  unauthenticated: 401,
  mfa_required: 401,
  forbidden: 403,
  policy_refusal: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  unavailable: 503,
};

export interface ErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    clauses?: { id: string; title: string | null }[];
    fields?: { path: string; message: string }[];
  };
}

export type ClauseTitle = (id: string) => string | null;

export function errorBody(e: AppError, clauseTitle: ClauseTitle): ErrorBody {
  return {
    error: {
      code: e.code,
      message: e.message,
      ...(e.clauses.length ? { clauses: e.clauses.map((id) => ({ id, title: clauseTitle(id) })) } : {}),
      ...(e.fields.length ? { fields: e.fields } : {}),
    },
  };
}

/** Maps domain errors to status codes; anything unexpected is a 500 with nothing internal leaked. */
export function makeErrorHandler(clauseTitle: ClauseTitle) {
  return (err: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) => {
    if (err instanceof AppError) {
      if (err.internal) request.log.info({ code: err.code, internal: err.internal }, 'request refused');
      return reply.status(STATUS[err.code]).send(errorBody(err, clauseTitle));
    }
    const fe = err as FastifyError;
    if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
      // Fastify's own input errors: malformed JSON, body too large, wrong content type.
      const code: ErrorCode = fe.statusCode === 429 ? 'rate_limited' : fe.statusCode === 404 ? 'not_found' : 'invalid_input';
      const status = code === 'invalid_input' ? (fe.statusCode === 413 || fe.statusCode === 415 ? fe.statusCode : 400) : fe.statusCode;
      return reply.status(status).send({ error: { code, message: fe.message } });
    }
    request.log.error({ err }, 'unhandled error');
    return reply.status(500).send({ error: { code: 'internal', message: 'Something went wrong on our side; it has been logged.' } });
  };
}
