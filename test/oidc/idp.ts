import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

/**
 * A real OpenID provider (oidc-provider 9) on a random local port, for end-to-end sign-in tests.
 * Its interaction (the IdP's own login page) is driven by the test: set `nextLogin` to say who
 * signs in and with which authentication methods (amr), or to an error to refuse.
 */
export interface IdpAccount {
  email: string;
  email_verified: boolean;
  name: string;
}

export type NextLogin = { accountId: string; amr?: string[] } | { error: string; description: string };

export interface TestIdp {
  issuer: string;
  clientId: string;
  clientSecret: string;
  accounts: Map<string, IdpAccount>;
  nextLogin: NextLogin | null;
  /** Follows the browser's redirects through the IdP (keeping its cookies) until it is sent to `redirectUri`; returns that URL. */
  browse(authorizationUrl: string): Promise<URL>;
  close(): Promise<void>;
}

export async function startTestIdp(options: { redirectUri: string }): Promise<TestIdp> {
  let handler: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.end();
  const server = createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const accounts = new Map<string, IdpAccount>();
  const clientId = 'crier-test';
  const clientSecret = 'crier-test-secret-that-is-long-enough-0123456789';

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [options.redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    // amr rides with the openid scope so the ID token carries it (Entra ID sends it by default);
    // email and name stay out of the ID token and come from UserInfo, which exercises that path.
    claims: { acr: null, amr: null, auth_time: null, sid: null, iss: null, openid: ['sub', 'amr'], email: ['email', 'email_verified'], profile: ['name'] },
    cookies: { keys: ['test-only-cookie-key'] },
    features: { devInteractions: { enabled: false } },
    pkce: { required: () => true },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    findAccount: async (_ctx: unknown, sub: string) => {
      const a = accounts.get(sub);
      if (!a) return undefined;
      return { accountId: sub, claims: async () => ({ sub, ...a }) };
    },
  });
  const idp: TestIdp = {
    issuer,
    clientId,
    clientSecret,
    accounts,
    nextLogin: null,
    browse,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };

  const providerCallback = provider.callback();
  handler = (req, res) => {
    if (req.url?.startsWith('/interaction/')) {
      interact(req, res).catch((e: unknown) => {
        res.statusCode = 500;
        res.end(String(e));
      });
      return;
    }
    providerCallback(req, res);
  };

  async function interact(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const details = await provider.interactionDetails(req, res);
    const next = idp.nextLogin;
    if (!next) {
      res.statusCode = 400;
      res.end('test IdP: nextLogin is not set');
      return;
    }
    if ('error' in next) {
      await provider.interactionFinished(req, res, { error: next.error, error_description: next.description }, { mergeWithLastSubmission: false });
      return;
    }
    const grant = new provider.Grant({ accountId: next.accountId, clientId: details.params.client_id ?? clientId });
    grant.addOIDCScope(details.params.scope ?? 'openid');
    const grantId = await grant.save();
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId: next.accountId, amr: next.amr ?? ['pwd'], remember: false }, consent: { grantId } },
      { mergeWithLastSubmission: false },
    );
  }

  /** A tiny cookie jar: enough for the IdP's interaction and session cookies. */
  async function browse(authorizationUrl: string): Promise<URL> {
    const jar = new Map<string, string>();
    let url = new URL(authorizationUrl);
    for (let hops = 0; hops < 10; hops++) {
      if (url.toString().startsWith(options.redirectUri)) return url;
      const res = await fetch(url, { redirect: 'manual', headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') } });
      for (const c of res.headers.getSetCookie()) {
        const [pair = ''] = c.split(';');
        const eq = pair.indexOf('=');
        const name = pair.slice(0, eq).trim();
        const value = pair.slice(eq + 1).trim();
        if (value === '' || /expires=Thu, 01 Jan 1970/i.test(c)) jar.delete(name);
        else jar.set(name, value);
      }
      const location = res.headers.get('location');
      if (!location) throw new Error(`test IdP: expected a redirect from ${url.pathname}, got ${res.status}: ${(await res.text()).slice(0, 300)}`);
      url = new URL(location, url);
    }
    throw new Error('test IdP: too many redirects');
  }

  return idp;
}
