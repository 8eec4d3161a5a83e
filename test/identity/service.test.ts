import { expect, it } from 'vitest';
import { describeEachDialect } from '../dialects.ts';
import { ManualClock } from '../../src/kernel/clock.ts';
import { systemActor } from '../../src/kernel/actor.ts';
import { newId } from '../../src/kernel/ids.ts';
import { codeAt } from '../../src/modules/identity/totp.ts';
import { GOOD_PASSWORD, insertPerson } from './helpers.ts';
import { identityFor } from './service-setup.ts';

const meta = { ip: '127.0.0.1', userAgent: 'vitest' };

describeEachDialect('identity service', (get) => {
  const clock = new ManualClock('2026-11-19T18:00:00Z');
  const svc = () => identityFor(get(), clock);

  async function personWithPassword(options: Parameters<typeof insertPerson>[1] = {}) {
    const p = await insertPerson(get().db, options);
    await svc().identity.createLocalAccount(systemActor('seed'), { personId: p.id, password: GOOD_PASSWORD });
    return p;
  }

  it('signs in with the right password and resolves the session to the person', async () => {
    const { identity } = svc();
    const p = await personWithPassword({ roles: ['employee'] });
    const r = await identity.loginWithPassword({ email: p.email.toUpperCase(), password: GOOD_PASSWORD }, meta);
    expect(r.next).toBe('signed_in');
    expect(r.token).toHaveLength(43);
    const s = await identity.resolve(r.token, meta);
    expect(s).toMatchObject({ personId: p.id, pendingMfa: false, csrfToken: r.csrfToken, actor: { kind: 'person', personId: p.id } });
    // Only the SHA-256 of the token is stored.
    const stored = await get().db.selectFrom('sessions').select('id').where('person_id', '=', p.id).execute();
    expect(stored.map((x) => x.id)).not.toContain(r.token);
    expect(stored[0]!.id).toMatch(/^[0-9a-f]{64}$/);
  });

  it('gives the same answer for an unknown email and a wrong password (no enumeration)', async () => {
    const { identity } = svc();
    const p = await personWithPassword();
    const wrong = await identity.loginWithPassword({ email: p.email, password: 'not-the-password-1' }, meta).catch((e) => e);
    const unknown = await identity.loginWithPassword({ email: 'nobody@carsonca.gov', password: 'not-the-password-1' }, meta).catch((e) => e);
    expect(wrong).toMatchObject({ code: 'unauthenticated' });
    expect(unknown).toMatchObject({ code: 'unauthenticated' });
    expect(wrong.message).toBe(unknown.message);
  });

  it('locks the account for 15 minutes after 5 failures, and audits the lockout', async () => {
    const { identity, audit } = svc();
    const p = await personWithPassword();
    for (let i = 0; i < 5; i++) {
      await expect(identity.loginWithPassword({ email: p.email, password: `wrong-password-${i}` }, meta)).rejects.toMatchObject({ code: 'unauthenticated' });
    }
    // Locked: even the right password is refused, with the same message.
    await expect(identity.loginWithPassword({ email: p.email, password: GOOD_PASSWORD }, meta)).rejects.toMatchObject({ code: 'unauthenticated' });
    const events = await audit.list(systemActor(), { targetId: p.id, limit: 20 });
    expect(events.map((e) => e.action)).toContain('identity.account_locked');
    expect(JSON.stringify(events)).not.toContain(GOOD_PASSWORD);
    clock.advance(15 * 60_000 + 1000);
    await expect(identity.loginWithPassword({ email: p.email, password: GOOD_PASSWORD }, meta)).resolves.toMatchObject({ next: 'signed_in' });
  });

  it('[IV.E] a suspended, revoked or departed person cannot sign in', async () => {
    const { identity } = svc();
    for (const status of ['suspended', 'revoked'] as const) {
      const p = await personWithPassword({ status });
      await expect(identity.loginWithPassword({ email: p.email, password: GOOD_PASSWORD }, meta)).rejects.toMatchObject({ code: 'policy_refusal', clauses: ['IV.E'] });
    }
    const gone = await personWithPassword({ status: 'departed' });
    await expect(identity.loginWithPassword({ email: gone.email, password: GOOD_PASSWORD }, meta)).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('[IV.E] suspending a person ends their sessions (revokeSessionsFor, and at once on the next request)', async () => {
    const { identity } = svc();
    const p = await personWithPassword();
    const a = await identity.loginWithPassword({ email: p.email, password: GOOD_PASSWORD }, meta);
    const b = await identity.loginWithPassword({ email: p.email, password: GOOD_PASSWORD }, meta);
    expect(await identity.revokeSessionsFor(p.id)).toBe(2);
    expect(await identity.resolve(a.token, meta)).toBeNull();
    const c = await identity.loginWithPassword({ email: p.email, password: GOOD_PASSWORD }, meta);
    await get().db.updateTable('persons').set({ status: 'suspended' }).where('id', '=', p.id).execute();
    expect(await identity.resolve(c.token, meta)).toBeNull();
    expect(await identity.resolve(b.token, meta)).toBeNull();
  });

  it('[IV.E] a session from before a suspension stays void after reinstatement', async () => {
    const { identity } = svc();
    const p = await personWithPassword();
    const before = await identity.loginWithPassword({ email: p.email, password: GOOD_PASSWORD }, meta);
    clock.advance(1000);
    const act = (action: string) =>
      get().db.insertInto('access_actions').values({ id: newId(), person_id: p.id, action, reason: 'test', incident_id: null, acted_by: null, acted_at: clock.now().toISOString() }).execute();
    await act('suspend');
    clock.advance(1000);
    await act('reinstate');
    clock.advance(1000);
    expect(await identity.resolve(before.token, meta)).toBeNull();
    const after = await identity.loginWithPassword({ email: p.email, password: GOOD_PASSWORD }, meta);
    expect(await identity.resolve(after.token, meta)).toMatchObject({ personId: p.id });
  });

  it('expires sessions after sessionHours and ends them on logout', async () => {
    const { identity } = svc();
    const p = await personWithPassword();
    const r = await identity.loginWithPassword({ email: p.email, password: GOOD_PASSWORD }, meta);
    const s = await identity.resolve(r.token, meta);
    await identity.logout(s);
    expect(await identity.resolve(r.token, meta)).toBeNull();
    const r2 = await identity.loginWithPassword({ email: p.email, password: GOOD_PASSWORD }, meta);
    clock.advance(12 * 3600_000 + 1);
    expect(await identity.resolve(r2.token, meta)).toBeNull();
  });

  it('purges sessions long expired or revoked, and keeps live ones', async () => {
    const { identity } = svc();
    const p = await personWithPassword();
    const live = await identity.loginWithPassword({ email: p.email, password: GOOD_PASSWORD }, meta);
    const old = await identity.loginWithPassword({ email: p.email, password: GOOD_PASSWORD }, meta);
    await identity.logout(await identity.resolve(old.token, meta));
    clock.advance(31 * 86_400_000);
    const fresh = await identity.loginWithPassword({ email: p.email, password: GOOD_PASSWORD }, meta);
    const r = await identity.purgeExpiredSessions(30);
    expect(r.sessions).toBeGreaterThanOrEqual(2);
    expect(await identity.resolve(live.token, meta)).toBeNull();
    expect(await identity.resolve(fresh.token, meta)).toMatchObject({ personId: p.id });
  });

  it('updates last_seen_at at most once a minute', async () => {
    const { identity } = svc();
    const p = await personWithPassword();
    const r = await identity.loginWithPassword({ email: p.email, password: GOOD_PASSWORD }, meta);
    const seen = async () => (await get().db.selectFrom('sessions').select('last_seen_at').where('person_id', '=', p.id).executeTakeFirstOrThrow()).last_seen_at;
    const first = await seen();
    clock.advance(30_000);
    await identity.resolve(r.token, meta);
    expect(await seen()).toBe(first);
    clock.advance(31_000);
    await identity.resolve(r.token, meta);
    expect(await seen()).not.toBe(first);
  });

  it('TOTP is required for City Manager, IT Manager and City Clerk: enrollment, then verification; a code is never accepted twice', async () => {
    const { identity } = svc();
    const p = await personWithPassword({ roles: ['city_clerk'] });
    const first = await identity.loginWithPassword({ email: p.email, password: GOOD_PASSWORD }, meta);
    expect(first).toMatchObject({ next: 'totp_enrollment_required', mfa: { required: true, enrolled: false, pending: true } });
    const pending = await identity.resolve(first.token, meta);
    expect(pending?.pendingMfa).toBe(true);
    const enrollment = await identity.startTotpEnrollment(pending);
    expect(enrollment.otpauthUrl).toMatch(/^otpauth:\/\/totp\//);
    expect(enrollment.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    const code = await codeAt(enrollment.secret, clock.now());
    await identity.activateTotp(pending, code);
    expect((await identity.resolve(first.token, meta))?.pendingMfa).toBe(false);
    await expect(identity.startTotpEnrollment(pending)).rejects.toMatchObject({ code: 'conflict' });

    // Next sign-in: a code is asked; the code used at enrollment cannot be replayed.
    const second = await identity.loginWithPassword({ email: p.email, password: GOOD_PASSWORD }, meta);
    expect(second.next).toBe('totp_required');
    const s2 = await identity.resolve(second.token, meta);
    await expect(identity.verifyTotp(s2, code)).rejects.toMatchObject({ code: 'unauthenticated' });
    await expect(identity.startTotpEnrollment(s2)).rejects.toMatchObject({ code: 'conflict' });
    clock.advance(30_000);
    const next = await codeAt(enrollment.secret, clock.now());
    await identity.verifyTotp(s2, next);
    expect((await identity.resolve(second.token, meta))?.pendingMfa).toBe(false);
    // Replayed in another session within the same window: refused.
    const third = await identity.loginWithPassword({ email: p.email, password: GOOD_PASSWORD }, meta);
    await expect(identity.verifyTotp(await identity.resolve(third.token, meta), next)).rejects.toMatchObject({ code: 'unauthenticated' });
    // The secret is never stored in the audit trail.
    const audit = await get().db.selectFrom('audit_events').select(['after_json', 'before_json']).execute();
    expect(JSON.stringify(audit)).not.toContain(enrollment.secret);
  });

  it('a session waiting for its second factor lasts 15 minutes; the code extends it to sessionHours', async () => {
    const { identity } = svc();
    const p = await personWithPassword({ roles: ['city_manager'] });
    const abandoned = await identity.loginWithPassword({ email: p.email, password: GOOD_PASSWORD }, meta);
    const r = await identity.loginWithPassword({ email: p.email, password: GOOD_PASSWORD }, meta);
    expect(Date.parse(r.expiresAt) - clock.now().getTime()).toBe(15 * 60_000);
    const s = await identity.resolve(r.token, meta);
    const e = await identity.startTotpEnrollment(s);
    const { expiresAt } = await identity.activateTotp(s, await codeAt(e.secret, clock.now()));
    expect(Date.parse(expiresAt) - clock.now().getTime()).toBe(12 * 3600_000);
    clock.advance(16 * 60_000);
    expect(await identity.resolve(abandoned.token, meta)).toBeNull();
    expect(await identity.resolve(r.token, meta)).toMatchObject({ pendingMfa: false });
  });

  it('an employee without a TOTP-required role signs in with the password alone', async () => {
    const { identity } = svc();
    const p = await personWithPassword({ roles: ['employee'] });
    const r = await identity.loginWithPassword({ email: p.email, password: GOOD_PASSWORD }, meta);
    expect(r.mfa).toEqual({ required: false, enrolled: false, pending: false });
  });

  it('five wrong codes lock the account and end the pending sessions, even across sign-ins', async () => {
    const { identity } = svc();
    const p = await personWithPassword({ roles: ['it_manager'] });
    const r = await identity.loginWithPassword({ email: p.email, password: GOOD_PASSWORD }, meta);
    const s = await identity.resolve(r.token, meta);
    const e = await identity.startTotpEnrollment(s);
    await identity.activateTotp(s, await codeAt(e.secret, clock.now()));
    const r2 = await identity.loginWithPassword({ email: p.email, password: GOOD_PASSWORD }, meta);
    const s2 = await identity.resolve(r2.token, meta);
    for (let i = 0; i < 3; i++) await expect(identity.verifyTotp(s2, '000000')).rejects.toMatchObject({ code: 'unauthenticated' });
    // Signing in again with the right password does not forgive the wrong codes.
    const r3 = await identity.loginWithPassword({ email: p.email, password: GOOD_PASSWORD }, meta);
    const s3 = await identity.resolve(r3.token, meta);
    for (let i = 0; i < 2; i++) await expect(identity.verifyTotp(s3, '000000')).rejects.toMatchObject({ code: 'unauthenticated' });
    expect(await identity.resolve(r2.token, meta)).toBeNull();
    expect(await identity.resolve(r3.token, meta)).toBeNull();
    await expect(identity.loginWithPassword({ email: p.email, password: GOOD_PASSWORD }, meta)).rejects.toMatchObject({ code: 'unauthenticated' });
  });

  it('a lost authenticator is reset by the IT Manager only; the person enrolls again at the next sign-in', async () => {
    const { identity, audit } = svc();
    const { testActorFor } = await import('./helpers.ts');
    const clerk = await personWithPassword({ roles: ['city_clerk'] });
    const itm = await personWithPassword({ roles: ['it_manager'] });
    const r = await identity.loginWithPassword({ email: clerk.email, password: GOOD_PASSWORD }, meta);
    const s = await identity.resolve(r.token, meta);
    const e = await identity.startTotpEnrollment(s);
    await identity.activateTotp(s, await codeAt(e.secret, clock.now()));
    const clerkActor = (await testActorFor(get().db)(clerk.id))!;
    await expect(identity.resetTotp(clerkActor, clerk.id, 'lost my phone')).rejects.toMatchObject({ code: 'forbidden' });
    await identity.resetTotp((await testActorFor(get().db)(itm.id))!, clerk.id, 'phone lost, ticket 4411');
    expect(await identity.resolve(r.token, meta)).toBeNull();
    const again = await identity.loginWithPassword({ email: clerk.email, password: GOOD_PASSWORD }, meta);
    expect(again.next).toBe('totp_enrollment_required');
    const events = await audit.list(systemActor(), { targetId: clerk.id, action: 'identity.totp_reset' });
    expect(events[0]).toMatchObject({ reason: 'phone lost, ticket 4411', actorId: itm.id });
  });

  it('setPassword: the person themself (with the current password), or the City Manager / IT Manager; others are refused', async () => {
    const { identity } = svc();
    const p = await personWithPassword({ roles: ['employee'] });
    const other = await personWithPassword({ roles: ['employee'] });
    const itm = await personWithPassword({ roles: ['it_manager'] });
    const actorOf = async (id: string) => (await import('./helpers.ts')).testActorFor(get().db)(id).then((a) => a!);
    await expect(identity.setPassword(await actorOf(other.id), p.id, 'another-fine-passphrase')).rejects.toMatchObject({ code: 'forbidden' });
    await expect(identity.setPassword(await actorOf(p.id), p.id, 'another-fine-passphrase')).rejects.toMatchObject({ code: 'invalid_input', fields: [{ path: 'currentPassword' }] });
    await expect(identity.setPassword(await actorOf(p.id), p.id, 'short', { currentPassword: GOOD_PASSWORD })).rejects.toMatchObject({ code: 'invalid_input' });
    await identity.setPassword(await actorOf(p.id), p.id, 'another-fine-passphrase', { currentPassword: GOOD_PASSWORD });
    await expect(identity.loginWithPassword({ email: p.email, password: 'another-fine-passphrase' }, meta)).resolves.toBeTruthy();
    const live = await identity.loginWithPassword({ email: p.email, password: 'another-fine-passphrase' }, meta);
    await identity.setPassword(await actorOf(itm.id), p.id, 'reset-by-it-manager-42');
    expect(await identity.resolve(live.token, meta)).toBeNull();
    await expect(identity.loginWithPassword({ email: p.email, password: 'reset-by-it-manager-42' }, meta)).resolves.toBeTruthy();
    await expect(identity.setPassword(await actorOf(itm.id), 'no-such-person', 'reset-by-it-manager-42')).rejects.toMatchObject({ code: 'not_found' });
  });

  it('[IV.C.15(c)] [IV.C.15(d)] refuses sign-in and sessions from outside the City network when ranges are set', async () => {
    const open = svc().identity;
    const p = await personWithPassword();
    const fromOffice = { ip: '10.20.1.5', userAgent: 'vitest' };
    const r = await open.loginWithPassword({ email: p.email, password: GOOD_PASSWORD }, fromOffice);
    const { identity } = identityFor(get(), clock, { staffNetworks: ['10.20.0.0/16', '2001:db8::/32'] });
    const home = { ip: '203.0.113.50', userAgent: 'vitest' };
    await expect(identity.loginWithPassword({ email: p.email, password: GOOD_PASSWORD }, home)).rejects.toMatchObject({
      code: 'policy_refusal',
      clauses: ['IV.C.15(c)', 'IV.C.15(d)'],
    });
    await expect(identity.resolve(r.token, home)).rejects.toMatchObject({ code: 'policy_refusal', clauses: ['IV.C.15(c)', 'IV.C.15(d)'] });
    expect(await identity.resolve(r.token, fromOffice)).toMatchObject({ personId: p.id });
    expect(await identity.resolve(r.token, { ip: '2001:db8:1::9', userAgent: undefined })).toMatchObject({ personId: p.id });
  });
});
