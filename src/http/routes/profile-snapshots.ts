import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';
import { createProfileSnapshots } from '../../modules/profile-snapshots/index.ts';
import { idParam, route } from '../route.ts';

/** Read a platform's live profile through its connector and archive it (IV.A.13). */
export function profileSnapshotsRoutes(app: FastifyInstance, ctx: AppContext): void {
  const snapshots = createProfileSnapshots({ db: ctx.db.db, audit: ctx.audit, archive: ctx.archive, connectors: ctx.connectors, tokenFor: (id, kind, name) => ctx.vault.tokenFor(id, kind, name) });

  route(app, {
    method: 'POST',
    url: '/api/platforms/:id/profile/refresh',
    action: 'platforms:platform.edit_profile',
    params: idParam,
    handler: async ({ params, actor }) => ({ snapshot: await snapshots.refresh(actor, params.id) }),
  });
}
