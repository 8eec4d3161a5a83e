import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import type { Config } from './config/index.ts';
import type { AppContext } from './context.ts';
import { migrateToLatest, openDatabase } from './db/index.ts';
import { systemClock, type Clock } from './kernel/clock.ts';
import { clauseTitle, defaultPackDir, hasClause, loadPackFromDir, type PolicyPack } from './policy/index.ts';
import { createAuditService } from './modules/audit/index.ts';
import { createNotificationsService } from './modules/notifications/index.ts';
import { createPlatformsService } from './modules/platforms/index.ts';
import { connectorCapabilities, createConnectorFactory, listConnectors } from './adapters/connectors/index.ts';
import { createIdentityService } from './modules/identity/index.ts';
import { createPolicyVersionsService } from './modules/policy-versions/index.ts';
import { createExceptionsService } from './modules/exceptions/index.ts';
import { createPeopleService } from './modules/people/index.ts';
import { createVaultService, masterKeySource } from './modules/vault/index.ts';
import { createScreeningService } from './modules/screening/index.ts';
import { createPostsService } from './modules/posts/index.ts';
import { createCommentsService } from './modules/comments/index.ts';
import { createBansService, isBanned } from './modules/bans/index.ts';
import { createAppealsService } from './modules/appeals/index.ts';
import { createLegislativeAccountsService, legislativeAccountFor } from './modules/legislative-accounts/index.ts';
import { createLegislativeActivity } from './modules/legislative-accounts/index.ts';
import { legislativeAccountsFor } from './modules/legislative-accounts/index.ts';
import { activeBans } from './modules/bans/index.ts';
import { createModerationReportsService } from './modules/moderation-reports/index.ts';
import { createRecordsRequestsService } from './modules/records-requests/index.ts';
import { createArchiveService } from './modules/archive/index.ts';
import { createArchiveSearchService } from './modules/archive-search/index.ts';
import { createLegalHoldsService } from './modules/legal-holds/index.ts';
import { createRetentionService } from './modules/retention/index.ts';
import { createProductions } from './modules/productions/index.ts';
import { createArchiveImport, createArchiveImportJobs } from './modules/archive-import/index.ts';
import { createRedactionsService } from './modules/redactions/index.ts';
import { createOffdutyService } from './modules/offduty/index.ts';
import { createReviewsService } from './modules/reviews/index.ts';
import { mailerFor } from './adapters/mailer/index.ts';
import { createAttachmentsService } from './modules/attachments/index.ts';
import { createClamdScanner } from './adapters/clamav/index.ts';
import type { Mailer } from './ports/mailer.ts';
import type { ConnectorFactory } from './ports/platform-connector.ts';
import { buildApp } from './http/app.ts';
import type { SessionResolver } from './http/plugins/session.ts';
import { apiRoutes } from './http/routes/index.ts';

export const WEB_ROOT = fileURLToPath(new URL('../web/dist', import.meta.url));

export interface ContextOptions {
  clock?: Clock;
  pack?: PolicyPack;
  /** Run migrations on open (default true). */
  migrate?: boolean;
  /** Outgoing mail (default: SMTP when CRIER_SMTP_URL is set, else a mailer that only logs). */
  mailer?: Mailer;
  /** Platform connectors (default: the real ones, configured from config). Tests pass contract servers' connectors. */
  connectors?: ConnectorFactory;
}

/** Composition root: config → db → modules. The only place adapters are wired into ports. */
export async function createContext(config: Config, options: ContextOptions = {}): Promise<AppContext> {
  const clock = options.clock ?? systemClock;
  const pack = options.pack ?? loadPackFromDir(config.policyDir ?? defaultPackDir());
  const db = openDatabase(config.database);
  if (options.migrate !== false) await migrateToLatest(db.db);
  const audit = createAuditService({ db: db.db, dialect: db.dialect, clock });
  // The records archive first: posts and comments capture into it in their own transactions (IV.A.9).
  const archive = createArchiveService({ db: db.db, dialect: db.dialect, clock, pack, audit, database: config.database });
  const policyVersions = createPolicyVersionsService({ db: db.db, clock, pack, audit });
  // The loaded pack becomes the version in force; a changed pack is an amendment (IV.A.18).
  if (options.migrate !== false) await policyVersions.sync();
  const exceptions = createExceptionsService({ db: db.db, clock, pack, audit });
  const people = createPeopleService({ db: db.db, dialect: db.dialect, clock, pack, audit, policyVersions, exceptions });
  const identity = createIdentityService({ db: db.db, dialect: db.dialect, clock, pack, audit, config, actorFor: people.actorFor });
  const notifications = createNotificationsService({ db: db.db, clock, audit });
  const platforms = createPlatformsService({ db: db.db, dialect: db.dialect, clock, pack, audit, notifications, connectorCapabilities, connectors: listConnectors, archive: archive.hooks });
  const log = config.logLevel === 'silent' ? undefined : (line: string) => console.warn(`crier: ${line}`);
  const vaultKeys = masterKeySource({ ...config.vault, dataDir: config.dataDir, ephemeral: config.database.kind === 'sqlite' && config.database.file === ':memory:', onGenerated: (f) => console.warn(`crier: generated a vault key in ${f} (demo only: production sets CRIER_VAULT_KEY_FILE or CRIER_VAULT_KEY)`) });
  const vault = createVaultService({ db: db.db, dialect: db.dialect, clock, pack, audit, notifications, platforms, mailer: options.mailer ?? mailerFor(config.mail, log), keys: vaultKeys, log });
  const screening = createScreeningService({ pack, clock });
  const offduty = createOffdutyService({ db: db.db, dialect: db.dialect, clock, pack, audit, notifications });
  const reviews = createReviewsService({ db: db.db, dialect: db.dialect, clock, pack, audit, notifications });
  const scanner = config.attachments.clamd ? createClamdScanner(config.attachments.clamd) : null;
  const attachments = createAttachmentsService({ db: db.db, clock, pack, audit, notifications, scanner, dataDir: config.dataDir, maxBytes: config.attachments.maxBytes, archive: archive.hooks });
  const connectors = options.connectors ?? createConnectorFactory({ db: db.db, clock, publicUrl: config.publicUrl, facebookGraphUrl: config.facebookGraphUrl, blueskyService: config.blueskyService, blueskyReplies: config.blueskyReplies });
  const posts = createPostsService({ db: db.db, dialect: db.dialect, clock, pack, audit, notifications, people, platforms, vault, connectors, screenPost: (input) => screening.screenPost(input), attachments, offDuty: offduty, archive: archive.hooks });
  const brownAct = createLegislativeActivity({ db: db.db, clock, pack, audit, notifications });
  const comments = createCommentsService({ db: db.db, dialect: db.dialect, clock, pack, audit, notifications, platforms, vault, connectors, screenComment: (text, context) => screening.screenComment(text, context), legislativeAccountFor: (p, h) => legislativeAccountFor(db.db, p, h), activeBan: (p, h, at) => isBanned(db.db, p, h, at), screenComments: (items) => screening.screenComments(items), legislativeAccountsFor: (p, hs) => legislativeAccountsFor(db.db, p, hs), activeBans: (p, hs, at) => activeBans(db.db, p, hs, at), archive: archive.hooks, brownAct });
  const bans = createBansService({ db: db.db, dialect: db.dialect, clock, pack, audit, notifications });
  // A granted appeal restores the comment through the comments module (the single writer of moderation decisions).
  const appeals = createAppealsService({ db: db.db, clock, pack, audit, notifications, bans, restoreComment: (actor, commentId, note) => comments.decide(actor, commentId, { decision: 'restore', note }) });
  const legislativeAccounts = createLegislativeAccountsService({ db: db.db, clock, pack, audit, notifications });
  const moderationReports = createModerationReportsService({ db: db.db, clock, pack });
  const recordsRequests = createRecordsRequestsService({ db: db.db, clock, pack, audit, notifications, archive });
  // Archive search: the full-text index is kept in step with captures by the database (migration 0013).
  const archiveSearch = createArchiveSearchService({ db: db.db, dialect: db.dialect, clock, pack, audit });
  // Legal holds block disposition of every record they cover (SPEC §5).
  const legalHolds = createLegalHoldsService({ db: db.db, clock, pack, audit, notifications });
  const retention = createRetentionService({ db: db.db, dialect: db.dialect, clock, pack, audit, notifications, legalHolds });
  const redactions = createRedactionsService({ db: db.db, clock, pack, audit, dataDir: config.dataDir, readArchiveItem: (actor, id) => archive.get(actor, id) });
  // Productions (IV.A.12): BagIt and WARC exports of the archive, from the CLI and as UI jobs.
  const productions = createProductions({ db: db.db, clock, pack, audit, dataDir: config.dataDir, publicUrl: config.publicUrl, expiryDays: config.productionExpiryDays });
  // Platform downloads uploaded from the web app, scanned like every upload, imported as a job (IV.A.9, IV.A.13).
  const archiveImports = createArchiveImportJobs({ db: db.db, clock, pack, audit, dataDir: config.dataDir, scanner, maxBytes: config.importMaxBytes, importer: createArchiveImport({ db: db.db, dialect: db.dialect, pack, audit, archive }) });
  return { config, db, clock, pack, audit, policyVersions, exceptions, people, identity, notifications, platforms, vault, screening, offduty, reviews, attachments, posts, comments, bans, appeals, legislativeAccounts, moderationReports, archive, recordsRequests, archiveSearch, connectors, redactions, productions, archiveImports, legalHolds, retention };
}

export async function createHttpApp(
  ctx: AppContext,
  options: { logger?: boolean; webRoot?: string | null; sessions?: SessionResolver } = {},
): Promise<FastifyInstance> {
  return buildApp(ctx, {
    sessions: options.sessions ?? ctx.identity,
    logger: options.logger ? { level: ctx.config.logLevel } : false,
    webRoot: options.webRoot === null ? undefined : (options.webRoot ?? WEB_ROOT),
    clauseTitle: (id) => (hasClause(ctx.pack, id) ? clauseTitle(ctx.pack, id) : null),
    routes: apiRoutes,
  });
}
