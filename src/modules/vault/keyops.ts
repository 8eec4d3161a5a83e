import { sql } from 'kysely';
import { authorize } from '../../authz/index.ts';
import type { Actor } from '../../kernel/actor.ts';
import { systemActor } from '../../kernel/actor.ts';
import { C } from './clauses.ts';
import { decryptSecret, keyFingerprint, rewrap } from './crypto.ts';
import type { VaultDeps } from './deps.ts';
import { VaultKeyError } from './errors.ts';
import { vaultPolicy } from './policy.ts';
import { sealedOf } from './repo.ts';

export interface CheckResult {
  ok: boolean;
  keyFingerprint: string;
  /** Where the key came from (never the key). */
  keySource: string;
  secrets: number;
  failures: { secretId: string; platformId: string; kind: string; problem: string }[];
}

export interface RotateResult {
  from: string;
  to: string;
  rewrapped: number;
  /** Set when the key lived in the generated demo file and that file now holds the new key. */
  keyFileReplaced: string | null;
}

/** `crier vault check` and `crier vault rotate-key`. */
export function createKeyOps(deps: VaultDeps) {
  const { db, dialect, audit, keys } = deps;

  /** Every current secret opens with the master key (nothing is returned but the verdict). */
  async function check(actor: Actor = systemActor('vault')): Promise<CheckResult> {
    authorize(vaultPolicy, actor, 'vault.administer', null);
    const key = await keys.load();
    const rows = await db.selectFrom('credential_secrets').selectAll().where('status', '=', 'current').orderBy('submitted_at').execute();
    const failures: CheckResult['failures'] = [];
    for (const r of rows) {
      const sealed = sealedOf(r);
      try {
        if (!sealed) throw VaultKeyError.corrupt(r.id);
        decryptSecret(key, { id: r.id, platformId: r.platform_id, kind: r.kind }, sealed);
      } catch (e) {
        failures.push({ secretId: r.id, platformId: r.platform_id, kind: r.kind, problem: e instanceof Error ? e.message : String(e) });
      }
    }
    return { ok: failures.length === 0, keyFingerprint: keyFingerprint(key), keySource: keys.describe, secrets: rows.length, failures };
  }

  /**
   * Re-wraps every data key under a new master key, in one transaction: either every secret moves
   * to the new key or none does. The secrets' own ciphertexts are untouched. The old key must open
   * every data key first; a single failure aborts the rotation.
   */
  async function rotateKey(newKey: Buffer, actor: Actor = systemActor('vault')): Promise<RotateResult> {
    authorize(vaultPolicy, actor, 'vault.administer', null);
    const oldKey = await keys.load();
    const from = keyFingerprint(oldKey);
    const to = keyFingerprint(newKey);
    if (from === to) throw VaultKeyError.unavailable(`the new key is the key in use (${to}): nothing to rotate`);
    const rewrapped = await db.transaction().execute(async (tx) => {
      // No secret is written under the old key while the rotation runs (SQLite serialises writers already).
      if (dialect === 'postgres') await sql`lock table credential_secrets in exclusive mode`.execute(tx);
      const rows = await tx.selectFrom('credential_secrets').selectAll().where('status', '=', 'current').execute();
      for (const r of rows) {
        const sealed = sealedOf(r);
        if (!sealed) throw VaultKeyError.corrupt(r.id);
        const next = rewrap(oldKey, newKey, { id: r.id, platformId: r.platform_id, kind: r.kind }, sealed);
        // Prove the new wrapping opens the secret before it replaces the old one.
        decryptSecret(newKey, { id: r.id, platformId: r.platform_id, kind: r.kind }, { ...sealed, ...next });
        await tx.updateTable('credential_secrets').set({ wrapped_key: next.wrappedKey, key_fingerprint: next.keyFingerprint }).where('id', '=', r.id).execute();
      }
      await audit.record(tx, actor, {
        action: 'vault.key_rotated',
        targetType: 'vault',
        targetId: null,
        targetLabel: 'credential vault',
        before: { keyFingerprint: from },
        after: { keyFingerprint: to, rewrapped: rows.length },
        clauses: [C.itHolds],
      });
      return rows.length;
    });
    const keyFileReplaced = keys.generatedFile;
    keys.replace(newKey);
    return { from, to, rewrapped, keyFileReplaced };
  }

  return { check, rotateKey };
}
