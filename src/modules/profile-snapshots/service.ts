import { authorize } from '../../authz/index.ts';
import type { Db } from '../../db/index.ts';
import type { Actor } from '../../kernel/actor.ts';
import { fromFlag, fromJson } from '../../kernel/codec.ts';
import { AppError, conflict, isAppError, notFound } from '../../kernel/errors.ts';
import type { ConnectorFactory, RemoteProfile } from '../../ports/platform-connector.ts';
import type { ArchiveService } from '../archive/index.ts';
import type { AuditService } from '../audit/index.ts';
import { connectorAccount, platformsPolicy, type PlatformStatus } from '../platforms/index.ts';
import { profileDifferences, type ProfileDifference } from './policy.ts';

type TokenFor = (platformId: string, kind: 'username' | 'password' | 'api_token', name?: string) => Promise<string>;

export interface ProfileSnapshotsDeps {
  db: Db;
  audit: Pick<AuditService, 'record'>;
  archive: Pick<ArchiveService, 'capture'>;
  connectors: ConnectorFactory;
  /** The vault's reader of a platform's secrets at the moment of use. */
  tokenFor: TokenFor;
}

export interface RefreshResult {
  archiveItemId: string;
  capturedAt: string;
  remote: Omit<RemoteProfile, 'native'>;
  /** Where the live profile says something other than the registry (for staff to correct). */
  differences: ProfileDifference[];
}

/**
 * Reads a platform's live profile through its connector and archives it as a profile snapshot
 * (IV.A.13: profile changes are records, including ones made on the platform outside Crier).
 */
export function createProfileSnapshots(deps: ProfileSnapshotsDeps) {
  const { db, audit, archive, connectors, tokenFor } = deps;

  async function refresh(actor: Actor, platformId: string): Promise<RefreshResult> {
    const p = await db.selectFrom('platforms').selectAll().where('id', '=', platformId).executeTakeFirst();
    if (!p) throw notFound('Platform', platformId);
    // Whoever may edit the profile may take a reading of it (IV.C.13).
    authorize(platformsPolicy, actor, 'platform.edit_profile', { departmentId: p.department_id, status: p.status as PlatformStatus, commentsEnabled: fromFlag(p.comments_enabled) });
    const connector = connectors(p.type);
    if (!connector || !connector.capabilities.readProfile) throw conflict(`The ${p.type} connector cannot read a profile from the platform`);
    let remote: RemoteProfile;
    try {
      remote = await connector.readProfile(connectorAccount(p, tokenFor));
    } catch (e) {
      // The vault's own refusals (no credential held, …) pass as they are; the platform failing is "unavailable".
      if (isAppError(e)) throw e;
      throw new AppError('unavailable', `${p.name}: the profile could not be read from the platform (${e instanceof Error ? e.message : String(e)})`, { cause: e });
    }
    const registry = fromJson<Record<string, unknown>>(p.profile) ?? {};
    const differences = profileDifferences(remote, { displayName: registry.displayName, websiteUrl: registry.websiteUrl ?? p.url, brandingText: registry.brandingText });
    const { native, ...facts } = remote;
    return db.transaction().execute(async (tx) => {
      const item = await archive.capture(tx, {
        kind: 'profile_snapshot',
        sourceTable: 'platforms',
        sourceId: p.id,
        departmentId: p.department_id,
        platformId: p.id,
        native: { platform: { ...p, profile: registry }, remote: { ...facts, native } },
        renderedText: [`Profile of ${p.name} as read from the platform`, facts.displayName, facts.description, facts.website, facts.avatarUrl].filter(Boolean).join('\n'),
        metadata: { platformIds: { handle: p.handle, url: p.url }, status: p.status, source: 'platform', differences },
      });
      await audit.record(tx, actor, { action: 'platform.profile_read', targetType: 'platform', targetId: p.id, targetLabel: p.name, after: { archiveItemId: item.id, differences: differences.map((d) => d.field) }, clauses: [] });
      return { archiveItemId: item.id, capturedAt: item.capturedAt, remote: facts, differences };
    });
  }

  return { refresh };
}

export type ProfileSnapshotsService = ReturnType<typeof createProfileSnapshots>;
