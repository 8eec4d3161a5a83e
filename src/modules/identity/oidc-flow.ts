import { publicActor } from '../../kernel/actor.ts';
import { AppError } from '../../kernel/errors.ts';
import type { Core, RequestMeta, SignInResult } from './core.ts';
import { createOidcClient, type OidcClient } from './oidc.ts';
import { ensureAccount, findAccount, findAccountByOidc, findPerson, findPersonByEmail, type PersonRow } from './repo.ts';

/** An OIDC sign-in must come back within this time. */
export const OIDC_FLOW_MINUTES = 10;
export const OIDC_CALLBACK_PATH = '/api/auth/oidc/callback';

/**
 * OpenID Connect sign-in. The state, nonce and PKCE verifier are kept in oidc_flows so any Crier
 * process can finish a sign-in another one started. The IdP identifies a person who already
 * exists in Crier — by an earlier link of its subject, or by a verified email equal to the
 * person's — and never creates one.
 *
 * Second factor: the City's IdP is trusted to have done it when its ID token says so with an
 * `amr` claim containing "mfa" (RFC 8176). Without that claim a person whose roles require TOTP
 * still gives a Crier TOTP code, as with a password (see README.md).
 */
export function createOidcService(core: Core, injected?: OidcClient) {
  const { deps } = core;
  const { db, audit } = deps;
  const cfg = deps.config.oidc;
  const redirectUri = new URL(OIDC_CALLBACK_PATH, deps.config.publicUrl).toString();
  const client: OidcClient | null = injected ?? (cfg ? createOidcClient(cfg, redirectUri) : null);

  function requireClient(): OidcClient {
    if (!client) throw new AppError('not_found', 'Single sign-on is not configured for this Crier.');
    return client;
  }

  /** Starts a sign-in: returns the IdP URL to redirect to and the state to bind to this browser. */
  async function oidcStart(meta: RequestMeta, returnTo?: string): Promise<{ url: string; state: string }> {
    const c = requireClient();
    core.checkNetwork(meta.ip);
    const req = await c.start();
    const safeReturn = returnTo && /^\/(?!\/)[^\s\\]*$/.test(returnTo) ? returnTo : null;
    const cutoff = new Date(core.now().getTime() - OIDC_FLOW_MINUTES * 60_000).toISOString();
    await db.deleteFrom('oidc_flows').where('created_at', '<', cutoff).execute();
    await db
      .insertInto('oidc_flows')
      .values({ state: req.state, nonce: req.nonce, code_verifier: req.codeVerifier, return_to: safeReturn, created_at: core.nowIso() })
      .execute();
    return { url: req.url.toString(), state: req.state };
  }

  /**
   * Finishes a sign-in from the callback URL. `browserState` is the state this browser was given
   * at the start (a cookie): a callback carried to another browser is refused (login CSRF).
   */
  async function oidcFinish(callbackQuery: string, browserState: string | undefined, meta: RequestMeta): Promise<SignInResult & { returnTo: string }> {
    const c = requireClient();
    core.checkNetwork(meta.ip);
    const params = new URLSearchParams(callbackQuery);
    const state = params.get('state');
    if (!state || !browserState || state !== browserState) {
      throw new AppError('unauthenticated', 'This sign-in was not started in this browser or has expired. Start again.');
    }
    // Single use: the flow row is taken before anything else happens.
    const flow = await db.deleteFrom('oidc_flows').where('state', '=', state).returningAll().executeTakeFirst();
    const cutoff = new Date(core.now().getTime() - OIDC_FLOW_MINUTES * 60_000).toISOString();
    if (!flow || flow.created_at < cutoff) throw new AppError('unauthenticated', 'This sign-in has expired. Start again.');

    const callbackUrl = new URL(redirectUri);
    callbackUrl.search = params.toString();
    const id = await c.finish(callbackUrl, { state: flow.state, nonce: flow.nonce, codeVerifier: flow.code_verifier });

    const person = await personFor(id);
    core.checkActive(person);
    const actor = await deps.actorFor(person.id);
    if (!actor) throw new AppError('forbidden', 'This person has no access to Crier.');
    const account = await findAccount(db, person.id);
    const idpMfa = id.amr.includes('mfa');
    const result = await db.transaction().execute((tx) =>
      core.openSession(tx, {
        person,
        actor,
        enrolled: account?.totp_enabled_at != null,
        mfaVerified: idpMfa,
        meta,
        method: 'oidc',
        extra: { issuer: id.issuer, idpMfa },
      }),
    );
    return { ...result, returnTo: flow.return_to ?? '/' };
  }

  /** The existing person this IdP identity belongs to; links the subject on first use. */
  async function personFor(id: { issuer: string; subject: string; email: string | null; emailVerified: boolean }): Promise<PersonRow> {
    const linked = await findAccountByOidc(db, id.issuer, id.subject);
    if (linked) {
      const p = await findPerson(db, linked.person_id);
      if (p) return p;
    }
    const unknown = () =>
      new AppError(
        'forbidden',
        `No one in Crier matches this sign-in${id.email ? ` (${id.email})` : ''}. Crier does not create accounts on its own: ask the IT Manager to add you, with this email address.`,
      );
    if (!id.email || !id.emailVerified) throw unknown();
    const person = await findPersonByEmail(db, id.email);
    if (!person) throw unknown();
    await db.transaction().execute(async (tx) => {
      const at = core.nowIso();
      const account = await ensureAccount(tx, person.id, at);
      if (account.oidc_subject && (account.oidc_subject !== id.subject || account.oidc_issuer !== id.issuer)) {
        throw new AppError('conflict', 'This person is already linked to another single sign-on identity. Ask the IT Manager.');
      }
      await tx.updateTable('accounts').set({ oidc_issuer: id.issuer, oidc_subject: id.subject, updated_at: at }).where('person_id', '=', person.id).execute();
      await audit.record(tx, publicActor, {
        action: 'identity.oidc_linked',
        targetType: 'person',
        targetId: person.id,
        targetLabel: person.name,
        after: { issuer: id.issuer, subject: id.subject, by: 'verified_email' },
      });
    });
    return person;
  }

  return { oidcStart, oidcFinish, oidcEnabled: client !== null, oidcLabel: cfg?.label ?? null };
}
