import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import type { AppContext } from '../context.ts';
import { makeErrorHandler, type ClauseTitle } from './errors.ts';
import { sessionPlugin, type SessionResolver } from './plugins/session.ts';
import { healthRoutes } from './routes/health.ts';
import type { DeclaredRoute } from './route.ts';

export interface BuildAppOptions {
  /** Folder with the built web UI (web/dist); served at / when present. */
  webRoot?: string;
  /** `stream`: where the log lines go (tests capture them to check that no secret is logged). */
  logger?: boolean | { level: string; stream?: { write(line: string): void } };
  sessions?: SessionResolver;
  clauseTitle?: ClauseTitle;
  /** Extra route plugins (one per module), registered under the same app. */
  routes?: ((app: FastifyInstance, ctx: AppContext) => void | Promise<void>)[];
}

/** The HTTP app as a factory (Fastify's habit): main.ts serves it, tests call app.inject(). */
export async function buildApp(ctx: AppContext, options: BuildAppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 1024 * 1024,
    // One line per request only when asked for (LOG_LEVEL=debug); errors are always logged.
    logController: new LogController({
      disableRequestLogging: !(typeof options.logger === 'object' && ['debug', 'trace'].includes(options.logger.level)),
    }),
    trustProxy: false,
    // Secrets and cookies never reach the logs.
    ...(options.logger
      ? {
          logger: {
            level: typeof options.logger === 'object' ? options.logger.level : 'info',
            redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]'],
            ...(typeof options.logger === 'object' && options.logger.stream ? { stream: options.logger.stream } : {}),
          },
        }
      : {}),
  });
  app.decorate('crierRoutes', [] as DeclaredRoute[]);
  app.setErrorHandler(makeErrorHandler(options.clauseTitle ?? (() => null)));
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || !options.webRoot) {
      return reply.status(404).send({ error: { code: 'not_found', message: `No such route: ${request.method} ${request.url.split('?')[0]}` } });
    }
    return reply.type('text/html').sendFile('index.html');
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
    hsts: false,
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(sessionPlugin, { resolver: options.sessions });

  await app.register(async (api) => {
    healthRoutes(api, ctx);
    for (const r of options.routes ?? []) await r(api, ctx);
  });

  if (options.webRoot && existsSync(join(options.webRoot, 'index.html'))) {
    await app.register(fastifyStatic, { root: options.webRoot, wildcard: false, index: 'index.html' });
  }
  return app;
}
