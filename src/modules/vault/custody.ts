import { authorize } from '../../authz/index.ts';
import type { Actor } from '../../kernel/actor.ts';
import { actorId, actorLabel, systemActor } from '../../kernel/actor.ts';
import { toIso } from '../../kernel/codec.ts';
import { AppError, conflict, invalidInput, notFound } from '../../kernel/errors.ts';
import { newId } from '../../kernel/ids.ts';
import { C } from './clauses.ts';
import { decryptSecret } from './crypto.ts';
import type { VaultDeps } from './deps.ts';
import { credentialAbilities, vaultPolicy } from './policy.ts';
import { loadPlatformRow, loadSecret, sealedOf, secretQuery, toView, KIND_LABELS, type CredentialView, type SecretKind, type SecretRow } from './repo.ts';

/** How long a revealed secret may stay on screen (the UI hides it at expiresAt). */
export const REVEAL_SECONDS = 60;
export const MIN_REASON_LENGTH = 5;

export interface Revealed {
  secret: { id: string; platformId: string; kind: SecretKind; name: string; value: string | string[] };
  revealedAt: string;
  expiresAt: string;
}

export interface PlatformAdministrator {
  personId: string;
  personName: string | null;
  platformUserId: string | null;
  status: string;
  implicit: boolean;
}

export interface PlatformCredentials {
  platform: { id: string; name: string; departmentId: string | null; departmentName: string | null; status: string };
  credentials: CredentialView[];
  /** IV.C.2: the administrators and their platform user ids, from the registry. */
  administrators: PlatformAdministrator[];
  missing: SecretKind[];
  openRotations: number;
  abilities: Record<string, boolean>;
}

/** Reading metadata, revealing with a reason (IV.C.15(i)(ii)), and connectors' use of tokens. */
export function createCustody(deps: VaultDeps) {
  const { db, clock, audit, keys, platforms } = deps;

  function open(r: SecretRow, key: Buffer): string {
    const sealed = sealedOf(r);
    if (!sealed) throw conflict(`This ${KIND_LABELS[r.kind as SecretKind] ?? 'secret'} was replaced and erased: only the current one can be seen`, [C.itHolds]);
    return decryptSecret(key, { id: r.id, platformId: r.platform_id, kind: r.kind }, sealed);
  }

  async function listForPlatform(actor: Actor, platformId: string, options: { includeSuperseded?: boolean } = {}): Promise<PlatformCredentials> {
    const p = await loadPlatformRow(db, platformId);
    const resource = { departmentId: p.departmentId };
    authorize(vaultPolicy, actor, 'credential.read', resource);
    let q = secretQuery(db).where('s.platform_id', '=', platformId);
    if (!options.includeSuperseded) q = q.where('s.status', '=', 'current');
    const rows = await q.orderBy('s.kind').orderBy('s.name').orderBy('s.submitted_at', 'desc').execute();
    const now = toIso(clock.now());
    const abilities = credentialAbilities(actor, resource);
    const credentials = rows.map((r) => toView(r, now, { 'credential.reveal': abilities['credential.reveal']! && r.status === 'current' }));
    const detail = await platforms.get(systemActor('vault'), platformId);
    const open = await db.selectFrom('credential_rotation_tasks').select('id').where('platform_id', '=', platformId).where('status', '=', 'open').execute();
    const held = new Set(credentials.filter((c) => c.status === 'current').map((c) => c.kind));
    return {
      platform: { id: p.id, name: p.name, departmentId: p.departmentId, departmentName: p.departmentName, status: p.status },
      credentials,
      administrators: detail.admins.map((a) => ({ personId: a.personId, personName: a.personName, platformUserId: a.platformUserId, status: a.status, implicit: a.implicit })),
      missing: (['username', 'password'] as SecretKind[]).filter((k) => !held.has(k)),
      openRotations: open.length,
      abilities,
    };
  }

  /** Every platform's holdings at a glance (no values), for the IT Manager. */
  async function list(actor: Actor): Promise<{ platformId: string; platformName: string; departmentId: string | null; status: string; held: SecretKind[]; lastSubmittedAt: string | null; expiringTokens: { name: string; expiresAt: string }[]; openRotations: number }[]> {
    authorize(vaultPolicy, actor, 'credential.list', null);
    const ps = await db.selectFrom('platforms').select(['id', 'name', 'department_id', 'status']).orderBy('name').execute();
    const rows = await db.selectFrom('credential_secrets').select(['platform_id', 'kind', 'name', 'submitted_at', 'expires_at']).where('status', '=', 'current').execute();
    const tasks = await db.selectFrom('credential_rotation_tasks').select('platform_id').where('status', '=', 'open').execute();
    const soon = toIso(new Date(clock.now().getTime() + 30 * 86_400_000));
    return ps.map((p) => {
      const mine = rows.filter((r) => r.platform_id === p.id);
      return {
        platformId: p.id,
        platformName: p.name,
        departmentId: p.department_id,
        status: p.status,
        held: [...new Set(mine.map((r) => r.kind as SecretKind))].sort(),
        lastSubmittedAt: mine.map((r) => r.submitted_at).sort().at(-1) ?? null,
        expiringTokens: mine.filter((r) => r.expires_at && r.expires_at <= soon).map((r) => ({ name: r.name, expiresAt: r.expires_at! })),
        openRotations: tasks.filter((t) => t.platform_id === p.id).length,
      };
    });
  }

  /**
   * IV.C.15(i)(ii): the value, once, to the IT Manager or the City Manager (or a designee), with a
   * reason; recorded (who, when, why — never the value) before it is returned.
   */
  async function reveal(actor: Actor, secretId: string, input: { reason: string }): Promise<Revealed> {
    const reason = input.reason.trim();
    if (reason.length < MIN_REASON_LENGTH) throw invalidInput('reason', `say why you need to see it (at least ${MIN_REASON_LENGTH} characters)`);
    const r = await loadSecret(db, secretId);
    const p = await loadPlatformRow(db, r.platform_id);
    authorize(vaultPolicy, actor, 'credential.reveal', { departmentId: p.departmentId });
    if (actor.kind !== 'person') throw new AppError('forbidden', 'A secret is revealed to a person, with a reason', { clauses: [C.itHolds] });
    const raw = open(r, await keys.load());
    const now = clock.now();
    const expiresAt = toIso(new Date(now.getTime() + REVEAL_SECONDS * 1000));
    await db.transaction().execute(async (tx) => {
      const revealId = newId();
      await tx
        .insertInto('credential_reveals')
        .values({ id: revealId, secret_id: r.id, platform_id: r.platform_id, person_id: actorId(actor), actor_label: actorLabel(actor), reason, revealed_at: toIso(now), expires_at: expiresAt })
        .execute();
      await audit.record(tx, actor, {
        action: 'vault.secret_revealed',
        targetType: 'platform',
        targetId: r.platform_id,
        targetLabel: p.name,
        after: { revealId, secretId: r.id, kind: r.kind, name: r.name, expiresAt },
        clauses: [C.itHolds, C.cmItOversight],
        reason,
      });
    });
    const value = r.kind === 'recovery_codes' ? (JSON.parse(raw) as string[]) : raw;
    return { secret: { id: r.id, platformId: r.platform_id, kind: r.kind as SecretKind, name: r.name, value }, revealedAt: toIso(now), expiresAt };
  }

  /**
   * For connectors, at the moment of use (never cached at start-up): the current token of that
   * kind (and name) for the platform. Only the system actor; each use is audited as a system use.
   */
  async function tokenFor(platformId: string, kind: SecretKind = 'api_token', name?: string, actor: Actor = systemActor('connector')): Promise<string> {
    authorize(vaultPolicy, actor, 'credential.use', null);
    const p = await loadPlatformRow(db, platformId);
    let q = secretQuery(db).where('s.platform_id', '=', platformId).where('s.kind', '=', kind).where('s.status', '=', 'current');
    if (name) q = q.where('s.name', '=', name);
    const rows = await q.orderBy('s.submitted_at', 'desc').execute();
    const r = rows[0];
    if (!r) throw notFound(`${KIND_LABELS[kind] ?? kind} for platform`, platformId);
    const now = toIso(clock.now());
    if (r.expires_at && r.expires_at <= now) {
      throw conflict(`The ${KIND_LABELS[kind]} "${r.name}" of ${p.name} expired at ${r.expires_at}: the department head must submit a new one`, [C.registry]);
    }
    const value = open(r, await keys.load());
    await db.transaction().execute(async (tx) => {
      await audit.record(tx, actor, {
        action: 'vault.secret_used',
        targetType: 'platform',
        targetId: platformId,
        targetLabel: p.name,
        after: { secretId: r.id, kind: r.kind, name: r.name },
        clauses: [C.itHolds],
      });
    });
    return value;
  }

  return { listForPlatform, list, reveal, tokenFor };
}
