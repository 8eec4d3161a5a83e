import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';
import { auditRoutes } from './audit.ts';
import { authRoutes } from './auth.ts';
import { policyRoutes } from './policy.ts';
import { platformsRoutes } from './platforms.ts';
import { notificationsRoutes } from './notifications.ts';
import { peopleRoutes } from './people.ts';
import { vaultRoutes } from './vault.ts';
import { attachmentsRoutes } from './attachments.ts';
import { offdutyRoutes } from './offduty.ts';
import { reviewsRoutes } from './reviews.ts';
import { screeningRoutes } from './screening.ts';
import { postsRoutes } from './posts.ts';
import { feedsRoutes } from './feeds.ts';
import { commentsRoutes } from './comments.ts';
import { webhooksRoutes } from './webhooks.ts';
import { commentsImportRoutes } from './comments-import.ts';
import { bansRoutes } from './bans.ts';
import { legislativeRoutes } from './legislative.ts';
import { moderationReportsRoutes } from './moderation-reports.ts';
import { publicCommentsRoutes } from './public-comments.ts';
import { recordsRequestsRoutes } from './records-requests.ts';
import { publicRecordsRequestsRoutes } from './public-records-requests.ts';
import { archiveRoutes } from './archive.ts';
import { redactionsRoutes } from './redactions.ts';

/** Every module's routes. Add one line per module. */
export const apiRoutes: ((app: FastifyInstance, ctx: AppContext) => void | Promise<void>)[] = [auditRoutes, authRoutes, policyRoutes, platformsRoutes, notificationsRoutes, peopleRoutes, vaultRoutes, offdutyRoutes, reviewsRoutes, screeningRoutes, attachmentsRoutes, postsRoutes, feedsRoutes, commentsRoutes, webhooksRoutes, commentsImportRoutes, bansRoutes, legislativeRoutes, moderationReportsRoutes, publicCommentsRoutes, archiveRoutes, recordsRequestsRoutes, publicRecordsRequestsRoutes, redactionsRoutes];
