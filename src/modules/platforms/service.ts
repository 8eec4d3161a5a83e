import { authorize } from '../../authz/index.ts';
import type { Executor } from '../../db/index.ts';
import type { Actor } from '../../kernel/actor.ts';
import { policyRefusal } from '../../kernel/errors.ts';
import type { ConnectorCapabilities, ConnectorDescriptor } from '../../ports/platform-connector.ts';
import { adminAbilities, createAdminActions } from './admins.ts';
import { createAppActions, type AppView } from './apps.ts';
import { checklistPasses, profileChecklist } from './checklist.ts';
import { C } from './clauses.ts';
import type { PlatformsDeps } from './deps.ts';
import { resourceOf } from './deps.ts';
import { createLifecycle } from './lifecycle.ts';
import { platformAbilities, platformsPolicy } from './policy.ts';
import { createProfileActions } from './profile.ts';
import { listPlatforms, loadPlatform } from './repo.ts';
import type { ChecklistItem, Platform, PlatformAdmin, PlatformStatus } from './types.ts';

export type PlatformAdminView = PlatformAdmin & { abilities: Record<string, boolean> };

/** A platform as the registry lists it (IV.C.2: domain, administrators and their user ids). */
export interface PlatformSummary extends Platform {
  admins: PlatformAdminView[];
  checklistPasses: boolean;
  canRemovePosts: boolean;
  abilities: Record<string, boolean>;
}

export interface PlatformDetail extends PlatformSummary {
  checklist: ChecklistItem[];
  apps: AppView[];
  connector: { type: string; known: boolean; capabilities: ConnectorCapabilities | null };
}

export function createPlatformsService(deps: PlatformsDeps) {
  const { db, dialect, pack, connectorCapabilities } = deps;
  const lifecycle = createLifecycle(deps);
  const profile = createProfileActions(deps);
  const admins = createAdminActions(deps);
  const apps = createAppActions(deps);

  function checklistOf(p: Platform): ChecklistItem[] {
    return profileChecklist(pack, {
      profile: p.profile,
      commentsEnabled: p.commentsEnabled,
      contactEmail: p.contactEmail,
      contactPhone: p.contactPhone,
      template: p.template,
      departmentName: p.departmentName,
    });
  }

  function summarize(actor: Actor, p: Platform, adminList: PlatformAdmin[]): PlatformSummary {
    return {
      ...p,
      admins: adminList.map((a) => ({ ...a, abilities: adminAbilities(actor, a) })),
      checklistPasses: checklistPasses(checklistOf(p)),
      canRemovePosts: connectorCapabilities(p.type)?.deletePost === true,
      abilities: platformAbilities(actor, resourceOf(p)),
    };
  }

  /** The registry (IV.C.2), filtered by status and department ('city' = City platforms). */
  async function list(actor: Actor, filter: { status?: PlatformStatus; department?: string } = {}): Promise<PlatformSummary[]> {
    authorize(platformsPolicy, actor, 'platform.read', null);
    const platforms = await listPlatforms(db, { status: filter.status, departmentId: filter.department === 'city' ? null : filter.department });
    const adminMap = await admins.adminsOf(db, platforms.map((p) => p.id));
    return platforms.map((p) => summarize(actor, p, adminMap.get(p.id) ?? []));
  }

  async function get(actor: Actor, id: string): Promise<PlatformDetail> {
    authorize(platformsPolicy, actor, 'platform.read', null);
    const p = await loadPlatform(db, dialect, id);
    const adminMap = await admins.adminsOf(db, [id], { includeRemoved: true });
    const caps = connectorCapabilities(p.type);
    return {
      ...summarize(actor, p, adminMap.get(id) ?? []),
      checklist: checklistOf(p),
      apps: await apps.listApps(actor, { platformId: id }),
      connector: { type: p.type, known: caps !== null, capabilities: caps },
    };
  }

  /** Just the checklist, e.g. to show it while editing the profile. */
  async function checklist(actor: Actor, id: string): Promise<ChecklistItem[]> {
    authorize(platformsPolicy, actor, 'platform.read', null);
    return checklistOf(await loadPlatform(db, dialect, id));
  }

  /**
   * For modules that post or ingest: the platform, if it may be used now. Only an active
   * platform may (IV.A.3: Council approval; IV.A.7: a terminated one never again).
   */
  async function requireUsable(executor: Executor, id: string): Promise<Platform> {
    const p = await loadPlatform(executor, dialect, id);
    if (p.status === 'active') return p;
    if (p.status === 'terminated') throw policyRefusal(`${p.name} was terminated and can no longer be used`, [C.termination]);
    throw policyRefusal(`${p.name} is not active (${p.status.replace('_', ' ')}): only an approved, activated platform can be used`, [C.councilApprovalAndBranding]);
  }

  function listConnectors(): (ConnectorDescriptor & { usable: boolean })[] {
    return (deps.connectors?.() ?? []).map((d) => ({ ...d, usable: d.capabilities.deletePost }));
  }

  return {
    list,
    get,
    checklist,
    requireUsable,
    listConnectors,
    ...lifecycle,
    ...profile,
    requestAdmin: async (actor: Actor, platformId: string, input: { personId: string; platformUserId?: string | null }): Promise<PlatformAdminView> => {
      const a = await admins.requestAdmin(actor, platformId, input);
      return { ...a, abilities: adminAbilities(actor, a) };
    },
    approveAdmin: async (actor: Actor, platformId: string, adminId: string): Promise<PlatformAdminView> => {
      const a = await admins.approveAdmin(actor, platformId, adminId);
      return { ...a, abilities: adminAbilities(actor, a) };
    },
    removeAdmin: async (actor: Actor, platformId: string, adminId: string, input: { reason?: string | null } = {}): Promise<PlatformAdminView> => {
      const a = await admins.removeAdmin(actor, platformId, adminId, input);
      return { ...a, abilities: adminAbilities(actor, a) };
    },
    ...apps,
  };
}

export type PlatformsService = ReturnType<typeof createPlatformsService>;
