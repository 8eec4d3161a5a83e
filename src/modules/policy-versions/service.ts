import { systemActor, type Actor } from '../../kernel/actor.ts';
import type { Clock } from '../../kernel/clock.ts';
import { fromJson, toIso, toJson } from '../../kernel/codec.ts';
import { notFound } from '../../kernel/errors.ts';
import { newId } from '../../kernel/ids.ts';
import type { Db, Row } from '../../db/index.ts';
import { diffPacks, hasClause, type PolicyPack } from '../../policy/index.ts';
import type { AuditService } from '../audit/index.ts';

/**
 * Policy versions (IV.A.18: the City may amend the policy at any time). Each distinct pack
 * content is recorded once, whole, so acknowledgements bind to the exact version signed and old
 * citations still resolve after an amendment.
 */
export interface PolicyVersion {
  id: string;
  packId: string;
  version: string;
  contentHash: string;
  adoptedOn: string | null;
  recordedAt: string;
  changes: { added: string[]; removed: string[]; changed: string[]; settings: string[] } | null;
}

const toVersion = (r: Row<'policy_versions'>): PolicyVersion => ({
  id: r.id,
  packId: r.pack_id,
  version: r.version,
  contentHash: r.content_hash,
  adoptedOn: r.adopted_on,
  recordedAt: r.recorded_at,
  changes: fromJson(r.changes),
});

export function createPolicyVersionsService(deps: { db: Db; clock: Clock; pack: PolicyPack; audit: AuditService }) {
  const { db, clock, pack, audit } = deps;

  async function latestRow(packId: string) {
    return db.selectFrom('policy_versions').selectAll().where('pack_id', '=', packId).orderBy('recorded_at', 'desc').orderBy('id').limit(1).executeTakeFirst();
  }

  /**
   * Records the loaded pack as the version in force when its content differs from the last
   * recorded one (an amendment, IV.A.18). Idempotent: the same content is recorded once.
   */
  async function sync(actor: Actor = systemActor('policy-sync')): Promise<{ version: PolicyVersion; amended: boolean }> {
    return db.transaction().execute(async (tx) => {
      const last = await tx.selectFrom('policy_versions').selectAll().where('pack_id', '=', pack.id).orderBy('recorded_at', 'desc').limit(1).executeTakeFirst();
      if (last?.content_hash === pack.contentHash) return { version: toVersion(last), amended: false };
      const previous = last ? (fromJson<PolicyPack>(last.pack_json) as PolicyPack) : null;
      const diff = previous ? diffPacks(previous, pack) : null;
      const row = {
        id: newId(),
        pack_id: pack.id,
        version: pack.version,
        content_hash: pack.contentHash,
        adopted_on: pack.adopted?.date ?? null,
        pack_json: toJson(pack),
        changes: toJson(diff ? { added: diff.added, removed: diff.removed, changed: diff.changed, settings: diff.settings } : null),
        recorded_at: toIso(clock.now()),
        recorded_by: actor.kind === 'person' ? actor.personId : null,
      };
      await tx.insertInto('policy_versions').values(row).execute();
      await audit.record(tx, actor, {
        action: last ? 'policy.amended' : 'policy.adopted',
        targetType: 'policy_version',
        targetId: row.id,
        targetLabel: `${pack.name} ${pack.version}`,
        before: last ? { version: last.version, contentHash: last.content_hash } : undefined,
        after: { version: pack.version, contentHash: pack.contentHash, changes: fromJson(row.changes) },
        clauses: last && hasClause(pack, 'IV.A.18') ? ['IV.A.18'] : [],
      });
      return { version: toVersion(row), amended: Boolean(last) };
    });
  }

  async function current(): Promise<PolicyVersion> {
    const row = await latestRow(pack.id);
    if (!row) throw new Error('No policy version is recorded yet: run migrations and start-up sync first');
    return toVersion(row);
  }

  async function get(id: string): Promise<PolicyVersion> {
    const row = await db.selectFrom('policy_versions').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('Policy version', id);
    return toVersion(row);
  }

  /** The pack exactly as it was in a recorded version (for resolving old citations). */
  async function packOf(id: string): Promise<PolicyPack> {
    const row = await db.selectFrom('policy_versions').select('pack_json').where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('Policy version', id);
    return fromJson<PolicyPack>(row.pack_json);
  }

  async function list(): Promise<PolicyVersion[]> {
    const rows = await db.selectFrom('policy_versions').selectAll().where('pack_id', '=', pack.id).orderBy('recorded_at', 'desc').execute();
    return rows.map(toVersion);
  }

  return { sync, current, get, packOf, list };
}

export type PolicyVersionsService = ReturnType<typeof createPolicyVersionsService>;
