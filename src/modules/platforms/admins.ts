import type { Actor } from '../../kernel/actor.ts';
import { actorId, actorLabel, isCityManager, isItManager } from '../../kernel/actor.ts';
import { toIso } from '../../kernel/codec.ts';
import { conflict, forbidden, notFound, policyRefusal } from '../../kernel/errors.ts';
import { newId } from '../../kernel/ids.ts';
import { authorize } from '../../authz/index.ts';
import type { Executor } from '../../db/index.ts';
import { scheduleRotationsFor } from '../vault/index.ts';
import { C } from './clauses.ts';
import { authorizePlatform, todayIn, type PlatformsDeps } from './deps.ts';
import { platformsPolicy } from './policy.ts';
import { implicitAdmins, listAdmins, loadAdmin, loadPlatform } from './repo.ts';
import type { Platform, PlatformAdmin } from './types.ts';

/** Which approval the actor would give now: the City Manager's or the IT Manager's (IV.C.12). */
export function approvalSlot(actor: Actor, a: PlatformAdmin): 'cm' | 'it' | null {
  if (a.status !== 'pending' || actor.kind !== 'person') return null;
  // One person holding both roles gives one permission, not two.
  if (a.cmApprovedBy === actor.personId || a.itApprovedBy === actor.personId) return null;
  if (isCityManager(actor) && !a.cmApprovedBy) return 'cm';
  if (isItManager(actor) && !a.itApprovedBy) return 'it';
  return null;
}

export function adminAbilities(actor: Actor, a: PlatformAdmin): Record<string, boolean> {
  if (a.implicit) return { 'platform.approve_admin': false, 'platform.remove_admin': false };
  return {
    'platform.approve_admin': platformsPolicy['platform.approve_admin'](actor, null).allow && approvalSlot(actor, a) !== null,
    'platform.remove_admin': platformsPolicy['platform.remove_admin'](actor, null).allow && a.status !== 'removed',
  };
}

/** Administrators (IV.C.12) and the implicit ones (IV.C.13). */
export function createAdminActions(deps: PlatformsDeps) {
  const { db, dialect, clock, audit, notifications } = deps;

  /** The platform's administrators: CM and IT Manager (implicit, IV.C.13) first, then the approved and pending ones. */
  async function adminsOf(executor: Executor, platformIds: string[], options: { includeRemoved?: boolean } = {}): Promise<Map<string, PlatformAdmin[]>> {
    const explicit = await listAdmins(executor, platformIds, options);
    const implicit = await implicitAdmins(executor, todayIn(deps));
    const out = new Map<string, PlatformAdmin[]>();
    for (const id of platformIds) {
      const mine: PlatformAdmin[] = implicit.map((i) => ({
        id: null,
        platformId: id,
        personId: i.personId,
        personName: i.name,
        platformUserId: null,
        status: 'active',
        implicit: true,
        role: i.role,
        designeeOf: i.designeeOf,
        requestedBy: null,
        requestedAt: null,
        cmApprovedBy: null,
        cmApprovedAt: null,
        itApprovedBy: null,
        itApprovedAt: null,
        removedBy: null,
        removedAt: null,
      }));
      out.set(id, [...mine, ...explicit.filter((a) => a.platformId === id)]);
    }
    return out;
  }

  async function requestAdmin(actor: Actor, platformId: string, input: { personId: string; platformUserId?: string | null }): Promise<PlatformAdmin> {
    return db.transaction().execute(async (tx) => {
      const p = await loadPlatform(tx, dialect, platformId, true);
      authorizePlatform(actor, 'platform.request_admin', p);
      const person = await tx.selectFrom('persons').select(['id', 'name']).where('id', '=', input.personId).executeTakeFirst();
      if (!person) throw notFound('Person', input.personId);
      const current = (await adminsOf(tx, [platformId])).get(platformId) ?? [];
      const existing = current.find((a) => a.personId === input.personId);
      if (existing?.implicit) throw conflict(`${person.name} is already an administrator of every platform as ${existing.role === 'city_manager' ? 'City Manager' : 'IT Manager'}`, [C.cmItOversight]);
      if (existing) {
        throw conflict(existing.status === 'pending' ? `${person.name} is already awaiting permission to administer ${p.name}` : `${person.name} already administers ${p.name}`);
      }
      const id = newId();
      await tx
        .insertInto('platform_admins')
        .values({
          id,
          platform_id: platformId,
          person_id: input.personId,
          platform_user_id: input.platformUserId ?? null,
          requested_by: actorId(actor),
          requested_at: toIso(clock.now()),
          cm_approved_by: null,
          cm_approved_at: null,
          it_approved_by: null,
          it_approved_at: null,
          status: 'pending',
          removed_by: null,
          removed_at: null,
        })
        .execute();
      for (const role of ['city_manager', 'it_manager']) {
        await notifications.notify(tx, {
          audience: 'role',
          role,
          kind: 'platform.admin_requested',
          subject: `Administrator permission requested: ${person.name} on ${p.name}`,
          body: `${actorLabel(actor)} asks that ${person.name} administer "${p.name}". Both the City Manager and the IT Manager must give permission.`,
          relatedType: 'platform',
          relatedId: platformId,
          clauses: [C.adminPermission],
        });
      }
      const admin = await loadAdmin(tx, platformId, id);
      await audit.record(tx, actor, {
        action: 'platform.admin_requested',
        targetType: 'platform',
        targetId: platformId,
        targetLabel: p.name,
        after: { adminId: id, personId: input.personId, personName: person.name, platformUserId: admin.platformUserId, status: 'pending' },
        clauses: [C.adminPermission, C.registry],
      });
      return admin;
    });
  }

  /** IV.C.12: active only once both the City Manager and the IT Manager have given permission, as two different people. */
  async function approveAdmin(actor: Actor, platformId: string, adminId: string): Promise<PlatformAdmin> {
    return db.transaction().execute(async (tx) => {
      const p: Platform = await loadPlatform(tx, dialect, platformId, true);
      authorizePlatform(actor, 'platform.approve_admin', p);
      const before = await loadAdmin(tx, platformId, adminId);
      if (before.status !== 'pending') throw conflict(`This administrator is already ${before.status}`);
      if (actor.kind !== 'person') throw forbidden('Permission is given by a person: the City Manager or the IT Manager', [C.adminPermission]);
      if (before.cmApprovedBy === actor.personId || before.itApprovedBy === actor.personId) {
        throw policyRefusal('You have already given your permission. The other permission must come from a different person: one person holding both roles is not two permissions', [C.adminPermission]);
      }
      const slot = approvalSlot(actor, before);
      if (!slot) throw conflict(`The ${isCityManager(actor) ? "City Manager's" : "IT Manager's"} permission is already recorded; the other one is still needed`, [C.adminPermission]);
      const now = toIso(clock.now());
      const set = slot === 'cm' ? { cm_approved_by: actor.personId, cm_approved_at: now } : { it_approved_by: actor.personId, it_approved_at: now };
      const complete = slot === 'cm' ? before.itApprovedBy !== null : before.cmApprovedBy !== null;
      await tx
        .updateTable('platform_admins')
        .set({ ...set, ...(complete ? { status: 'active' } : {}) })
        .where('id', '=', adminId)
        .execute();
      const after = await loadAdmin(tx, platformId, adminId);
      if (complete) {
        await notifications.notify(tx, {
          audience: 'person',
          personId: after.personId,
          kind: 'platform.admin_active',
          subject: `You administer ${p.name}`,
          body: `The City Manager and the IT Manager gave permission for you to administer "${p.name}".`,
          relatedType: 'platform',
          relatedId: platformId,
          clauses: [C.adminPermission],
        });
      }
      await audit.record(tx, actor, {
        action: 'platform.admin_approved',
        targetType: 'platform',
        targetId: platformId,
        targetLabel: p.name,
        before: { adminId, personId: before.personId, status: before.status, cmApprovedBy: before.cmApprovedBy, itApprovedBy: before.itApprovedBy },
        after: { adminId, personId: after.personId, status: after.status, cmApprovedBy: after.cmApprovedBy, itApprovedBy: after.itApprovedBy, as: slot === 'cm' ? 'city_manager' : 'it_manager' },
        clauses: [C.adminPermission],
      });
      return after;
    });
  }

  async function removeAdmin(actor: Actor, platformId: string, adminId: string, input: { reason?: string | null } = {}): Promise<PlatformAdmin> {
    return db.transaction().execute(async (tx) => {
      const p = await loadPlatform(tx, dialect, platformId, true);
      authorize(platformsPolicy, actor, 'platform.remove_admin', null);
      const before = await loadAdmin(tx, platformId, adminId);
      if (before.status === 'removed') throw conflict('This administrator was already removed');
      const now = toIso(clock.now());
      await tx.updateTable('platform_admins').set({ status: 'removed', removed_by: actorId(actor), removed_at: now }).where('id', '=', adminId).execute();
      // An administrator who leaves knew the platform's credentials: they owe a rotation (IV.C.15(i)(ii)).
      if (before.status === 'active') await scheduleRotationsFor(tx, before.personId, { trigger: 'platform.admin_removed', reason: input.reason ?? 'administrator removed', at: clock.now(), platformIds: [platformId] });
      const after = await loadAdmin(tx, platformId, adminId);
      await audit.record(tx, actor, {
        action: 'platform.admin_removed',
        targetType: 'platform',
        targetId: platformId,
        targetLabel: p.name,
        before: { adminId, personId: before.personId, status: before.status },
        after: { adminId, personId: after.personId, status: after.status },
        clauses: [C.adminPermission, C.cmItOversight],
        reason: input.reason ?? null,
      });
      return after;
    });
  }

  return { adminsOf, requestAdmin, approveAdmin, removeAdmin };
}
