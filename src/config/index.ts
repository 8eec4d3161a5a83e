import { resolve } from 'node:path';
import { z } from 'zod';

/**
 * The only reader of process.env. Everything else receives a Config.
 */
const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  CRIER_DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL (leave unset for the embedded SQLite database)')
    .optional(),
  CRIER_POLICY_DIR: z.string().optional(),
  CRIER_PUBLIC_URL: z.string().url().optional(),
  /** Comma-separated CIDR ranges of the City network; staff sessions outside are refused (IV.C.15(c)–(d)). */
  CRIER_STAFF_NETWORKS: z.string().optional(),
  CRIER_SESSION_HOURS: z.coerce.number().positive().default(12),
  CRIER_COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
  OIDC_ISSUER: z.string().url().optional(),
  OIDC_CLIENT_ID: z.string().optional(),
  OIDC_CLIENT_SECRET: z.string().optional(),
  OIDC_LABEL: z.string().default('City single sign-on'),
  OIDC_ALLOW_HTTP: z.enum(['true', 'false']).default('false'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** The vault's master key (IV.C.15(i)(ii)): a file holding it, or the key itself as base64 of 32 bytes. Never stored in the database. */
  CRIER_VAULT_KEY_FILE: z.string().optional(),
  CRIER_VAULT_KEY: z
    .string()
    .refine((v) => /^[A-Za-z0-9+/]+={0,2}$/.test(v) && Buffer.from(v, 'base64').length === 32, 'must be base64 of exactly 32 bytes')
    .optional(),
  /** Outgoing mail (IV.A.14: the IT Manager is told of credential changes at once): smtp:// or smtps:// URL; unset = mail is logged, not sent. */
  CRIER_SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL').optional(),
  CRIER_MAIL_FROM: z.string().default('crier@localhost'),
  /** Facebook Graph API base with its version; unset = https://graph.facebook.com/v21.0 (tests point it at a local contract server). */
  CRIER_FACEBOOK_GRAPH_URL: z.string().url().optional(),
  /** Facebook webhooks (comments pushed as they happen): the app secret that signs each delivery (X-Hub-Signature-256) and the verify token of the subscription handshake. Unset = the webhook routes answer 404. */
  CRIER_FACEBOOK_APP_SECRET: z.string().min(8, 'must be the Facebook app secret').optional(),
  CRIER_FACEBOOK_VERIFY_TOKEN: z.string().min(8, 'must be at least 8 characters').optional(),
  /** Bluesky: the PDS or entryway the City's account signs in to. */
  CRIER_BLUESKY_SERVICE: z.string().url().default('https://bsky.social'),
  /** How replies to the City's Bluesky posts are found: through the AppView (bsky.social), or by reading the repositories of a small PDS without one. */
  CRIER_BLUESKY_REPLIES: z.enum(['appview', 'pds']).default('appview'),
  /** ClamAV's clamd, which scans every upload before it can be posted (IV.C.15(i)(iii)): its unix socket, or host and port. Unset = uploads are refused. */
  CRIER_CLAMD_SOCKET: z.string().optional(),
  CRIER_CLAMD_HOST: z.string().optional(),
  CRIER_CLAMD_PORT: z.coerce.number().int().min(1).max(65535).default(3310),
  /** Upload size limits in MiB, per kind of file. */
  CRIER_UPLOAD_MAX_IMAGE_MB: z.coerce.number().positive().default(20),
  // At most 2047: sizes are kept as 32-bit integers (and clamd's StreamMaxLength cannot exceed 4 GB either).
  CRIER_UPLOAD_MAX_VIDEO_MB: z.coerce.number().positive().max(2047).default(1024),
  CRIER_UPLOAD_MAX_PDF_MB: z.coerce.number().positive().default(50),
  /** Platform downloads uploaded for import into the archive (ZIP or a single file), in MiB. */
  CRIER_IMPORT_MAX_MB: z.coerce.number().positive().default(4096),
  /** Days a production made from the UI can be downloaded after it finished; then its file is removed (the record kept). */
  CRIER_PRODUCTION_EXPIRY_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
});

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  label: string;
  allowHttp: boolean;
}

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  database: { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };
  policyDir: string | undefined;
  publicUrl: string;
  staffNetworks: string[];
  sessionHours: number;
  cookieSecure: 'auto' | boolean;
  oidc: OidcConfig | undefined;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  /** Master key source for the vault; with neither set, a key file is generated in dataDir (demo only). */
  vault: { keyFile: string | undefined; key: string | undefined };
  mail: { smtpUrl: string | undefined; from: string };
  /** Facebook Graph API base (CRIER_FACEBOOK_GRAPH_URL); undefined = the connector's default. */
  facebookGraphUrl: string | undefined;
  /** Facebook webhooks (CRIER_FACEBOOK_APP_SECRET, CRIER_FACEBOOK_VERIFY_TOKEN); undefined = not configured. */
  facebookWebhooks?: { appSecret: string; verifyToken: string };
  /** Bluesky PDS or entryway (CRIER_BLUESKY_SERVICE) and how replies are found (CRIER_BLUESKY_REPLIES). */
  blueskyService: string;
  blueskyReplies: 'appview' | 'pds';
  /** Uploads: the virus scanner (null = none configured: uploads are refused) and size limits in bytes. */
  attachments: { clamd: { socket: string } | { host: string; port: number } | null; maxBytes: { image: number; video: number; pdf: number } };
  /** Largest platform download taken by upload for import, in bytes. */
  importMaxBytes: number;
  /** Days a UI production's file is kept for download. */
  productionExpiryDays: number;
}

export class ConfigError extends Error {}

const mib = (n: number) => Math.round(n * 1024 * 1024);

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable means "not set" (shells and CI often export empty values).
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid environment:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = resolve(e.CRIER_DATA_DIR);
  const oidcParts = [e.OIDC_ISSUER, e.OIDC_CLIENT_ID, e.OIDC_CLIENT_SECRET];
  if (oidcParts.some(Boolean) && !oidcParts.every(Boolean)) {
    throw new ConfigError('Invalid environment:\n  OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET must be set together');
  }
  if (e.CRIER_VAULT_KEY_FILE && e.CRIER_VAULT_KEY) {
    throw new ConfigError('Invalid environment:\n  set CRIER_VAULT_KEY_FILE or CRIER_VAULT_KEY, not both');
  }
  if (!e.CRIER_FACEBOOK_APP_SECRET !== !e.CRIER_FACEBOOK_VERIFY_TOKEN) {
    throw new ConfigError('Invalid environment:\n  CRIER_FACEBOOK_APP_SECRET and CRIER_FACEBOOK_VERIFY_TOKEN must be set together');
  }
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    database: e.DATABASE_URL ? { kind: 'postgres', url: e.DATABASE_URL } : { kind: 'sqlite', file: resolve(dataDir, 'crier.db') },
    policyDir: e.CRIER_POLICY_DIR ? resolve(e.CRIER_POLICY_DIR) : undefined,
    publicUrl: e.CRIER_PUBLIC_URL ?? `http://${e.HOST}:${e.PORT}`,
    staffNetworks: (e.CRIER_STAFF_NETWORKS ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    sessionHours: e.CRIER_SESSION_HOURS,
    cookieSecure: e.CRIER_COOKIE_SECURE === 'auto' ? 'auto' : e.CRIER_COOKIE_SECURE === 'true',
    oidc: e.OIDC_ISSUER
      ? { issuer: e.OIDC_ISSUER, clientId: e.OIDC_CLIENT_ID!, clientSecret: e.OIDC_CLIENT_SECRET!, label: e.OIDC_LABEL, allowHttp: e.OIDC_ALLOW_HTTP === 'true' }
      : undefined,
    logLevel: e.LOG_LEVEL,
    vault: { keyFile: e.CRIER_VAULT_KEY_FILE ? resolve(e.CRIER_VAULT_KEY_FILE) : undefined, key: e.CRIER_VAULT_KEY },
    mail: { smtpUrl: e.CRIER_SMTP_URL, from: e.CRIER_MAIL_FROM },
    facebookGraphUrl: e.CRIER_FACEBOOK_GRAPH_URL,
    facebookWebhooks: e.CRIER_FACEBOOK_APP_SECRET && e.CRIER_FACEBOOK_VERIFY_TOKEN ? { appSecret: e.CRIER_FACEBOOK_APP_SECRET, verifyToken: e.CRIER_FACEBOOK_VERIFY_TOKEN } : undefined,
    blueskyService: e.CRIER_BLUESKY_SERVICE,
    blueskyReplies: e.CRIER_BLUESKY_REPLIES,
    attachments: {
      clamd: e.CRIER_CLAMD_SOCKET ? { socket: resolve(e.CRIER_CLAMD_SOCKET) } : e.CRIER_CLAMD_HOST ? { host: e.CRIER_CLAMD_HOST, port: e.CRIER_CLAMD_PORT } : null,
      maxBytes: { image: mib(e.CRIER_UPLOAD_MAX_IMAGE_MB), video: mib(e.CRIER_UPLOAD_MAX_VIDEO_MB), pdf: mib(e.CRIER_UPLOAD_MAX_PDF_MB) },
    },
    importMaxBytes: mib(e.CRIER_IMPORT_MAX_MB),
    productionExpiryDays: e.CRIER_PRODUCTION_EXPIRY_DAYS,
  };
}
