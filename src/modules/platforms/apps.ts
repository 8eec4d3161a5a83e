import { authorize } from '../../authz/index.ts';
import type { Actor } from '../../kernel/actor.ts';
import { actorId, actorLabel } from '../../kernel/actor.ts';
import { toIso } from '../../kernel/codec.ts';
import { invalidInput, notFound, policyRefusal } from '../../kernel/errors.ts';
import { newId } from '../../kernel/ids.ts';
import type { Executor } from '../../db/index.ts';
import { C } from './clauses.ts';
import type { PlatformsDeps } from './deps.ts';
import { APP_GUARDS, appAbilities, platformsPolicy } from './policy.ts';
import { toApp } from './repo.ts';
import type { AppRemovalGround, AppStatus, ThirdPartyApp } from './types.ts';

export type AppView = ThirdPartyApp & { abilities: Record<string, boolean> };

const GROUND_LABELS: Record<AppRemovalGround, string> = {
  security_breach: 'causing a security breach',
  virus: 'spreading a virus',
  performance: 'creating performance problems with the websites or network',
};

/** IV.C.15(i)(iv): the register of third-party applications. */
export function createAppActions(deps: PlatformsDeps) {
  const { db, clock, audit, notifications } = deps;

  async function load(tx: Executor, id: string): Promise<ThirdPartyApp> {
    const row = await tx.selectFrom('third_party_apps').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('Application', id);
    return toApp(row);
  }

  const view = (actor: Actor, a: ThirdPartyApp): AppView => ({ ...a, abilities: appAbilities(actor, a) });

  async function listApps(actor: Actor, filter: { status?: AppStatus; platformId?: string } = {}, executor: Executor = db): Promise<AppView[]> {
    authorize(platformsPolicy, actor, 'app.read', null);
    let q = executor.selectFrom('third_party_apps').selectAll().orderBy('proposed_at', 'desc').orderBy('id');
    if (filter.status) q = q.where('status', '=', filter.status);
    if (filter.platformId) q = q.where('platform_id', '=', filter.platformId);
    return (await q.execute()).map((r) => view(actor, toApp(r)));
  }

  async function proposeApp(actor: Actor, input: { name: string; vendor: string; purpose: string; platformId?: string | null }): Promise<AppView> {
    authorize(platformsPolicy, actor, 'app.propose', null);
    return db.transaction().execute(async (tx) => {
      if (input.platformId) {
        const p = await tx.selectFrom('platforms').select('id').where('id', '=', input.platformId).executeTakeFirst();
        if (!p) throw notFound('Platform', input.platformId);
      }
      const id = newId();
      await tx
        .insertInto('third_party_apps')
        .values({
          id,
          platform_id: input.platformId ?? null,
          name: input.name,
          vendor: input.vendor,
          purpose: input.purpose,
          status: 'proposed',
          proposed_by: actorId(actor),
          proposed_at: toIso(clock.now()),
          decided_by: null,
          decided_at: null,
          decision_note: null,
          removed_by: null,
          removed_at: null,
          removal_reason: null,
        })
        .execute();
      await notifications.notify(tx, {
        audience: 'role',
        role: 'it_manager',
        kind: 'app.proposed',
        subject: `Application proposed: ${input.name}`,
        body: `${actorLabel(actor)} proposes "${input.name}" by ${input.vendor} for City use. Purpose: ${input.purpose}. It needs the IT Manager's approval before use.`,
        relatedType: 'third_party_app',
        relatedId: id,
        clauses: [C.applications],
      });
      const app = await load(tx, id);
      await audit.record(tx, actor, {
        action: 'app.proposed',
        targetType: 'third_party_app',
        targetId: id,
        targetLabel: app.name,
        after: { status: app.status, name: app.name, vendor: app.vendor, purpose: app.purpose, platformId: app.platformId },
        clauses: [C.applications],
      });
      return view(actor, app);
    });
  }

  /** The IT Manager approves or rejects; a valid City purpose, added value and a trusted source are the grounds. */
  async function decideApp(actor: Actor, id: string, input: { decision: 'approve' | 'reject'; note: string | null }): Promise<AppView> {
    if (input.decision === 'reject' && !input.note?.trim()) throw invalidInput('body.note', 'say why the application is rejected');
    return db.transaction().execute(async (tx) => {
      const before = await load(tx, id);
      authorize(platformsPolicy, actor, 'app.decide', before);
      const g = APP_GUARDS['app.decide'](before);
      if (!g.allow) throw policyRefusal(g.reason, g.clauses);
      const status: AppStatus = input.decision === 'approve' ? 'approved' : 'rejected';
      await tx
        .updateTable('third_party_apps')
        .set({ status, decided_by: actorId(actor), decided_at: toIso(clock.now()), decision_note: input.note ?? null })
        .where('id', '=', id)
        .execute();
      const after = await load(tx, id);
      if (before.proposedBy) {
        await notifications.notify(tx, {
          audience: 'person',
          personId: before.proposedBy,
          kind: `app.${status}`,
          subject: `Application ${status}: ${after.name}`,
          body: `The IT Manager ${status} "${after.name}".${input.note ? ` Note: ${input.note}` : ''}`,
          relatedType: 'third_party_app',
          relatedId: id,
          clauses: [C.applications],
        });
      }
      await audit.record(tx, actor, {
        action: input.decision === 'approve' ? 'app.approved' : 'app.rejected',
        targetType: 'third_party_app',
        targetId: id,
        targetLabel: after.name,
        before: { status: before.status },
        after: { status: after.status, note: after.decisionNote },
        clauses: [C.applications],
        reason: input.note ?? null,
      });
      return view(actor, after);
    });
  }

  /** IT removes an application that causes a security breach, spreads a virus or creates performance problems. */
  async function removeApp(actor: Actor, id: string, input: { reason: AppRemovalGround; detail?: string | null }): Promise<AppView> {
    return db.transaction().execute(async (tx) => {
      const before = await load(tx, id);
      authorize(platformsPolicy, actor, 'app.remove', before);
      const g = APP_GUARDS['app.remove'](before);
      if (!g.allow) throw policyRefusal(g.reason, g.clauses);
      const reason = `${GROUND_LABELS[input.reason]}${input.detail?.trim() ? `: ${input.detail.trim()}` : ''}`;
      await tx
        .updateTable('third_party_apps')
        .set({ status: 'removed', removed_by: actorId(actor), removed_at: toIso(clock.now()), removal_reason: reason })
        .where('id', '=', id)
        .execute();
      const after = await load(tx, id);
      await audit.record(tx, actor, {
        action: 'app.removed',
        targetType: 'third_party_app',
        targetId: id,
        targetLabel: after.name,
        before: { status: before.status },
        after: { status: after.status, ground: input.reason, removalReason: reason },
        clauses: [C.applications],
        reason,
      });
      return view(actor, after);
    });
  }

  return { listApps, proposeApp, decideApp, removeApp };
}
