import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { RECORDS_LIMITS as L } from '../../modules/records-requests/index.ts';
import { route } from '../route.ts';

/** Anyone may ask, but not flood: per address, a handful an hour (refused attempts count too). */
const SUBMIT_LIMIT = { max: 10, timeWindow: '1 hour' };
const STATUS_LIMIT = { max: 60, timeWindow: '1 minute' };
const long = (n: number) => z.string().max(n + 1000);

/**
 * The public side of the records desk (IV.A.11; no sign-in): the request form, which answers
 * with a reference, and the status by reference (status and dates only).
 */
export function publicRecordsRequestsRoutes(app: FastifyInstance, ctx: AppContext): void {
  route(app, {
    method: 'POST',
    url: '/api/public/records-requests',
    action: 'public',
    public: true,
    rateLimit: SUBMIT_LIMIT,
    body: z
      .object({
        description: long(L.description),
        name: long(L.name).nullish(),
        email: long(L.email).nullish(),
        phone: long(L.phone).nullish(),
        postalAddress: long(L.postalAddress).nullish(),
        preferredFormat: long(L.preferredFormat).nullish(),
      })
      .strict(),
    handler: async ({ body }, _req, reply) => reply.status(201).send({ request: await ctx.recordsRequests.submit(body) }),
  });

  route(app, {
    method: 'GET',
    url: '/api/public/records-requests/:reference',
    action: 'public',
    public: true,
    rateLimit: STATUS_LIMIT,
    params: z.object({ reference: z.string().min(1).max(40) }),
    handler: async ({ params }) => ({ request: await ctx.recordsRequests.status(params.reference) }),
  });
}
