/**
 * A real local Bluesky PDS (with its PLC directory) for the connector tests, from
 * @atproto/dev-env: TestNetworkNoAppView (in-process, free localhost ports, no AppView, nothing
 * else needed) or TestNetwork (adds the AppView and Ozone, which need PostgreSQL and Redis).
 * The PDS writes its repositories and blobs under os.tmpdir(), so TMPDIR points at a directory
 * of this run while it starts, and that directory is removed on close; the AppView's schemas
 * are dropped on close.
 */
import { connect } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AtpAgent } from '@atproto/api';
import { TestNetwork, TestNetworkNoAppView } from '@atproto/dev-env';
import pg from 'pg';
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
  /** Lets the AppView index everything written so far (no-op without one). */
  processAll(): Promise<void>;
  close(): Promise<void>;
}

async function inTmpDir<T>(dir: string, start: () => Promise<T>): Promise<T> {
  const before = process.env.TMPDIR;
  process.env.TMPDIR = dir;
  try {
    return await start();
  } finally {
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
  }
}

export async function startBlueskyPds(): Promise<TestBlueskyPds> {
  const dir = await mkdtemp(join(tmpdir(), 'crier-bsky-'));
  const network = await inTmpDir(dir, () => TestNetworkNoAppView.create({}));
  return wrap(network, async () => {
    await rm(dir, { recursive: true, force: true });
  });
}

/** Redis for the AppView: REDIS_HOST (host:port), else 127.0.0.1:6379 when something answers PING there. */
export async function redisHost(): Promise<string | null> {
  const hostPort = process.env.REDIS_HOST || '127.0.0.1:6379';
  const [host, port] = hostPort.split(':');
  const ok = await new Promise<boolean>((resolve) => {
    const socket = connect({ host, port: Number(port ?? 6379) });
    const done = (v: boolean) => {
      socket.destroy();
      resolve(v);
    };
    socket.setTimeout(1000, () => done(false));
    socket.on('error', () => done(false));
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (d) => done(d.toString().startsWith('+PONG')));
  });
  return ok ? hostPort : null;
}

/**
 * The PDS with an AppView (TestNetwork): the AppView's and Ozone's schemas go in the given
 * PostgreSQL database under names unique to this run, and are dropped on close.
 */
export async function startBlueskyNetworkWithAppView(postgresUrl: string, redis: string): Promise<TestBlueskyPds> {
  const dir = await mkdtemp(join(tmpdir(), 'crier-bsky-'));
  // The AppView takes schema names of letters and underscores only.
  const schema = `crier_${Array.from({ length: 10 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('')}`;
  const redisBefore = process.env.REDIS_HOST;
  process.env.REDIS_HOST = redis;
  const dropSchemas = async () => {
    const client = new pg.Client({ connectionString: postgresUrl });
    await client.connect();
    try {
      await client.query(`drop schema if exists appview_${schema} cascade`);
      await client.query(`drop schema if exists ozone_${schema} cascade`);
    } finally {
      await client.end();
    }
  };
  let network: TestNetwork;
  try {
    network = await inTmpDir(dir, () => TestNetwork.create({ dbPostgresUrl: postgresUrl, dbPostgresSchema: schema }));
  } catch (err) {
    await dropSchemas().catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
    throw err;
  } finally {
    if (redisBefore === undefined) delete process.env.REDIS_HOST;
    else process.env.REDIS_HOST = redisBefore;
  }
  return wrap(network, async () => {
    await dropSchemas();
    await rm(dir, { recursive: true, force: true });
  });
}

function wrap(network: TestNetworkNoAppView, cleanUp: () => Promise<void>): TestBlueskyPds {
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
    processAll: () => network.processAll(),
    async close() {
      if (!stopped) await network.close();
      stopped = true;
      await cleanUp();
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
