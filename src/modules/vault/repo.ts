import type { Executor, Row } from '../../db/index.ts';
import { notFound } from '../../kernel/errors.ts';
import type { Sealed } from './crypto.ts';

export const SECRET_KINDS = ['username', 'password', 'recovery_codes', 'api_token'] as const;
export type SecretKind = (typeof SECRET_KINDS)[number];

export const KIND_LABELS: Record<SecretKind, string> = {
  username: 'username',
  password: 'password',
  recovery_codes: 'recovery codes',
  api_token: 'API token',
};

/** What anyone allowed to read the vault sees of a secret: never its value nor its ciphertext. */
export interface CredentialView {
  id: string;
  platformId: string;
  kind: SecretKind;
  name: string;
  status: 'current' | 'superseded';
  submittedBy: string | null;
  submittedByName: string | null;
  submittedAt: string;
  supersededAt: string | null;
  expiresAt: string | null;
  expired: boolean;
  /** Which master key wraps it (a fingerprint, not the key). */
  keyFingerprint: string | null;
  abilities: Record<string, boolean>;
}

export interface PlatformRow {
  id: string;
  name: string;
  departmentId: string | null;
  departmentName: string | null;
  status: string;
  handle: string | null;
}

export async function loadPlatformRow(executor: Executor, platformId: string): Promise<PlatformRow> {
  const r = await executor
    .selectFrom('platforms as p')
    .leftJoin('departments as d', 'd.id', 'p.department_id')
    .select(['p.id', 'p.name', 'p.department_id', 'p.status', 'p.handle', 'd.name as department_name'])
    .where('p.id', '=', platformId)
    .executeTakeFirst();
  if (!r) throw notFound('Platform', platformId);
  return { id: r.id, name: r.name, departmentId: r.department_id, departmentName: r.department_name, status: r.status, handle: r.handle };
}

export type SecretRow = Row<'credential_secrets'> & { submitter_name: string | null };

export function secretQuery(executor: Executor) {
  return executor.selectFrom('credential_secrets as s').leftJoin('persons as u', 'u.id', 's.submitted_by').selectAll('s').select('u.name as submitter_name');
}

export async function loadSecret(executor: Executor, id: string): Promise<SecretRow> {
  const r = await secretQuery(executor).where('s.id', '=', id).executeTakeFirst();
  if (!r) throw notFound('Secret', id);
  return r;
}

export function sealedOf(r: Row<'credential_secrets'>): Sealed | null {
  return r.ciphertext && r.wrapped_key && r.key_fingerprint ? { ciphertext: r.ciphertext, wrappedKey: r.wrapped_key, keyFingerprint: r.key_fingerprint } : null;
}

export function toView(r: SecretRow, now: string, abilities: Record<string, boolean>): CredentialView {
  return {
    id: r.id,
    platformId: r.platform_id,
    kind: r.kind as SecretKind,
    name: r.name,
    status: r.status as CredentialView['status'],
    submittedBy: r.submitted_by,
    submittedByName: r.submitter_name,
    submittedAt: r.submitted_at,
    supersededAt: r.superseded_at,
    expiresAt: r.expires_at,
    expired: r.expires_at !== null && r.expires_at <= now,
    keyFingerprint: r.key_fingerprint,
    abilities,
  };
}

/** The fingerprint of the key the current secrets are wrapped with (null when none are held). */
export async function heldFingerprints(executor: Executor): Promise<string[]> {
  const rows = await executor.selectFrom('credential_secrets').select('key_fingerprint').distinct().where('status', '=', 'current').where('key_fingerprint', 'is not', null).execute();
  return rows.map((r) => r.key_fingerprint!).sort();
}
