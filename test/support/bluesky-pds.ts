/**
 * A real local Bluesky PDS (with its PLC directory) for the connector tests, from
 * @atproto/dev-env's TestNetworkNoAppView: in-process, on free localhost ports, no AppView, no
 * Postgres. It writes its repositories and blobs under os.tmpdir(), so TMPDIR points at a
 * directory of this run while it starts, and that directory is removed on close.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AtpAgent } from '@atproto/api';
import { TestNetworkNoAppView } from '@atproto/dev-env';
import type { ConnectorAccount } from '../../src/ports/platform-connector.ts';

export interface PdsAccount {
  did: string;
  handle: string;
  /** An app password, as the City would store in the vault. */
  appPassword: string;
  /** A signed-in agent for acting as this account in tests (replying, reading records). */
  agent: AtpAgent;
}

export interface TestBlueskyPds {
  url: string;
  /** Creates an account (handle `${name}.test`) and an app password for it. */
  createAccount(name: string): Promise<PdsAccount>;
  /** Stops the PDS but keeps its data (the "PDS is down" case); close() still cleans up. */
  stop(): Promise<void>;
  close(): Promise<void>;
}

export async function startBlueskyPds(): Promise<TestBlueskyPds> {
  const dir = await mkdtemp(join(tmpdir(), 'crier-bsky-'));
  const before = process.env.TMPDIR;
  process.env.TMPDIR = dir;
  let network: TestNetworkNoAppView;
  try {
    network = await TestNetworkNoAppView.create({});
  } finally {
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
  }
  let stopped = false;
  const url = network.pds.url;
  return {
    url,
    async createAccount(name) {
      const handle = `${name}.test`;
      const agent = new AtpAgent({ service: url });
      const password = `login-${name}-not-the-app-password`;
      const res = await agent.createAccount({ handle, email: `${name}@example.test`, password });
      const app = await agent.com.atproto.server.createAppPassword({ name: 'crier' });
      return { did: res.data.did, handle, appPassword: app.data.password, agent };
    },
    async stop() {
      if (!stopped) await network.close();
      stopped = true;
    },
    async close() {
      if (!stopped) await network.close();
      stopped = true;
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** The ConnectorAccount the publisher would hand the connector, with the vault's answers given here. */
export function accountFor(a: { handle: string }, password: string, platformId = 'bsky-platform'): ConnectorAccount & { passwordReads: number } {
  const account = {
    platformId,
    handle: a.handle,
    url: `https://bsky.app/profile/${a.handle}`,
    passwordReads: 0,
    secrets: {
      async get(kind: 'username' | 'password' | 'api_token') {
        if (kind !== 'password') throw new Error(`the Bluesky connector asked the vault for ${kind}`);
        account.passwordReads++;
        return password;
      },
    },
  };
  return account;
}
