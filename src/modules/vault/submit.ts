import { authorize } from '../../authz/index.ts';
import type { Actor } from '../../kernel/actor.ts';
import { actorId, actorLabel } from '../../kernel/actor.ts';
import { toIso } from '../../kernel/codec.ts';
import { conflict, invalidInput, policyRefusal } from '../../kernel/errors.ts';
import { newId } from '../../kernel/ids.ts';
import { localDate } from '../../policy/index.ts';
import { C } from './clauses.ts';
import { encryptSecret, keyFingerprint } from './crypto.ts';
import type { VaultDeps } from './deps.ts';
import { VaultKeyError } from './errors.ts';
import { itManagerAddresses, type MailStatus, type Outbox } from './outbox.ts';
import { vaultPolicy } from './policy.ts';
import { heldFingerprints, KIND_LABELS, loadPlatformRow, type SecretKind } from './repo.ts';
import { checkPassword, contextWords, explain } from './strength.ts';

/** What a department head hands over (IV.C.2): any of these, at creation and on every change. */
export interface CredentialInput {
  username?: string | null;
  password?: string | null;
  recoveryCodes?: string[] | null;
  apiTokens?: { name: string; token: string; expiresAt?: string | null }[] | null;
}

export interface SubmitResult {
  secretIds: string[];
  replaced: number;
  rotationsCompleted: number;
  mail: MailStatus | null;
}

interface Item {
  kind: SecretKind;
  name: string;
  value: string;
  expiresAt: string | null;
}

function itemsOf(input: CredentialInput, nowIso: string): Item[] {
  const items: Item[] = [];
  if (input.username) items.push({ kind: 'username', name: 'default', value: input.username, expiresAt: null });
  if (input.password) items.push({ kind: 'password', name: 'default', value: input.password, expiresAt: null });
  if (input.recoveryCodes?.length) items.push({ kind: 'recovery_codes', name: 'default', value: JSON.stringify(input.recoveryCodes), expiresAt: null });
  const names = new Set<string>();
  (input.apiTokens ?? []).forEach((t, i) => {
    if (names.has(t.name)) throw invalidInput(`apiTokens.${i}.name`, 'two tokens have this name');
    names.add(t.name);
    let expiresAt: string | null = null;
    if (t.expiresAt) {
      const ms = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(t.expiresAt) ? `${t.expiresAt}T23:59:59Z` : t.expiresAt);
      if (Number.isNaN(ms)) throw invalidInput(`apiTokens.${i}.expiresAt`, 'not a date or an instant');
      expiresAt = new Date(ms).toISOString();
      if (expiresAt <= nowIso) throw invalidInput(`apiTokens.${i}.expiresAt`, 'this token has already expired');
    }
    items.push({ kind: 'api_token', name: t.name, value: t.token, expiresAt });
  });
  if (!items.length) throw invalidInput('body', 'give at least one of username, password, recoveryCodes, apiTokens');
  return items;
}

/** IV.A.14 / IV.C.2: department heads submit credentials; IT is informed at once, in the app and by e-mail. */
export function createSubmit(deps: VaultDeps, outbox: Outbox) {
  const { db, clock, pack, audit, notifications, keys } = deps;

  async function submit(actor: Actor, platformId: string, input: CredentialInput): Promise<SubmitResult> {
    const before = await loadPlatformRow(db, platformId);
    authorize(vaultPolicy, actor, 'credential.submit', { departmentId: before.departmentId });
    if (before.status === 'terminated' || before.status === 'rejected') throw conflict(`${before.name} is ${before.status}: its credentials are no longer taken`);
    const nowIso = toIso(clock.now());
    const items = itemsOf(input, nowIso);
    const password = items.find((i) => i.kind === 'password');
    if (password) {
      const verdict = await checkPassword(password.value, contextWords([before.name, before.handle, before.departmentName, pack.jurisdiction.cityName, input.username ?? null]));
      if (!verdict.ok) throw policyRefusal(explain(verdict), [C.complexPasswords]);
    }
    const key = await keys.load();
    // A server holding another key than the vault's must not start a second, unreadable generation.
    const held = await heldFingerprints(db);
    const mine = keyFingerprint(key);
    const foreign = held.find((f) => f !== mine);
    if (foreign) throw VaultKeyError.mismatch(foreign, mine);

    const { result, mailId } = await db.transaction().execute(async (tx) => {
      const p = await loadPlatformRow(tx, platformId);
      const secretIds: string[] = [];
      let replaced = 0;
      for (const item of items) {
        const old = await tx.selectFrom('credential_secrets').select('id').where('platform_id', '=', platformId).where('kind', '=', item.kind).where('name', '=', item.name).where('status', '=', 'current').execute();
        if (old.length) {
          // The previous value is shredded: its wrapped data key and ciphertext are erased.
          await tx
            .updateTable('credential_secrets')
            .set({ status: 'superseded', superseded_at: nowIso, ciphertext: null, wrapped_key: null })
            .where('id', 'in', old.map((o) => o.id))
            .execute();
          replaced += old.length;
        }
        const id = newId();
        const sealed = encryptSecret(key, { id, platformId, kind: item.kind }, item.value);
        await tx
          .insertInto('credential_secrets')
          .values({
            id,
            platform_id: platformId,
            kind: item.kind,
            name: item.name,
            status: 'current',
            ciphertext: sealed.ciphertext,
            wrapped_key: sealed.wrappedKey,
            key_fingerprint: sealed.keyFingerprint,
            expires_at: item.expiresAt,
            submitted_by: actorId(actor),
            submitted_at: nowIso,
            superseded_at: null,
          })
          .execute();
        secretIds.push(id);
      }
      // New credentials are the rotation the open tasks for this platform asked for.
      const rotated = items.some((i) => i.kind !== 'username')
        ? await tx
            .updateTable('credential_rotation_tasks')
            .set({ status: 'done', completed_at: nowIso, completed_by: actorId(actor), completion_note: 'new credentials submitted' })
            .where('platform_id', '=', platformId)
            .where('status', '=', 'open')
            .executeTakeFirst()
        : null;
      const rotationsCompleted = Number(rotated?.numUpdatedRows ?? 0);

      const described = items.map((i) => (i.kind === 'api_token' ? `API token "${i.name}"${i.expiresAt ? ` (expires ${i.expiresAt.slice(0, 10)})` : ''}` : KIND_LABELS[i.kind]));
      const what = described.join(', ');
      const subject = `Credentials ${replaced ? 'changed' : 'submitted'} for ${p.name}`;
      const body = [
        `${actorLabel(actor)} submitted for "${p.name}"${p.departmentName ? ` (${p.departmentName})` : ''}: ${what}.`,
        replaced ? `${replaced} earlier value(s) were replaced and erased.` : 'These are the first credentials held for this platform.',
        'They are held encrypted in Crier; sign in to Crier to see them (each view asks for a reason and is recorded). No secret is ever sent by e-mail.',
      ].join('\n');
      await notifications.notify(tx, {
        audience: 'role',
        role: 'it_manager',
        kind: 'vault.credentials_submitted',
        subject,
        body,
        relatedType: 'platform',
        relatedId: platformId,
        clauses: [C.passwordsShared, C.registry],
      });
      const mailId = await outbox.enqueue(tx, {
        kind: 'vault.credentials_submitted',
        to: await itManagerAddresses(tx, localDate(pack, clock.now())),
        subject: `[Crier] ${subject}`,
        body: `${body}\n\nSent at ${nowIso} under the City's social media policy (${C.passwordsShared}, ${C.registry}).`,
        relatedType: 'platform',
        relatedId: platformId,
      });
      await audit.record(tx, actor, {
        action: 'vault.credentials_submitted',
        targetType: 'platform',
        targetId: platformId,
        targetLabel: p.name,
        after: {
          secrets: items.map((i, n) => ({ id: secretIds[n], kind: i.kind, name: i.name, expiresAt: i.expiresAt })),
          replaced,
          rotationsCompleted,
          keyFingerprint: mine,
          passwordStrengthChecked: !!password,
        },
        clauses: password ? [C.passwordsShared, C.registry, C.complexPasswords] : [C.passwordsShared, C.registry],
      });
      return { result: { secretIds, replaced, rotationsCompleted }, mailId };
    });
    // After the commit: a mail failure is recorded on the outbox row, never undoes the credentials.
    let mail: MailStatus | null = null;
    try {
      mail = (await outbox.deliver([mailId]))[0] ?? null;
    } catch (e) {
      deps.log?.(`mail ${mailId} not delivered: ${e instanceof Error ? e.message : String(e)}`);
    }
    return { ...result, mail };
  }

  return { submit };
}
