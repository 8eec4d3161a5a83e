import type { Policy } from '../../../src/authz/index.ts';
import type { Fixture } from '../matrix-fixtures.ts';
import { archiveFixtures, archivePolicies } from './archive.ts';
import { archiveSearchFixtures, archiveSearchPolicies } from './archive-search.ts';
import { profileSnapshotsFixtures, profileSnapshotsPolicies } from './profile-snapshots.ts';
import { legalHoldsFixtures, legalHoldsPolicies } from './legal-holds.ts';
import { retentionFixtures, retentionPolicies } from './retention.ts';
import { attachmentsFixtures, attachmentsPolicies } from './attachments.ts';
import { commentsFixtures, commentsPolicies } from './comments.ts';
import { commentIntakeFixtures, commentIntakePolicies } from './comment-intake.ts';
import { moderationFixtures, moderationPolicies } from './moderation.ts';
import { offdutyFixtures, offdutyPolicies } from './offduty.ts';
import { postsFixtures, postsPolicies } from './posts.ts';
import { productionsFixtures, productionsPolicies } from './productions.ts';
import { archiveImportFixtures, archiveImportPolicies } from './archive-import.ts';
import { recordsRequestsFixtures, recordsRequestsPolicies } from './records-requests.ts';
import { redactionsFixtures, redactionsPolicies } from './redactions.ts';
import { reviewsFixtures, reviewsPolicies } from './reviews.ts';
import { screeningFixtures, screeningPolicies } from './screening.ts';
import { brownActFixtures, brownActPolicies } from './brown-act.ts';

/** Each module keeps its matrix fixtures in its own file here, so modules never edit one shared list. */
export const moduleFixtures: Record<string, Fixture> = { ...postsFixtures, ...attachmentsFixtures, ...offdutyFixtures, ...reviewsFixtures, ...screeningFixtures, ...commentsFixtures, ...commentIntakeFixtures, ...moderationFixtures, ...archiveFixtures, ...archiveSearchFixtures, ...recordsRequestsFixtures, ...productionsFixtures, ...archiveImportFixtures, ...legalHoldsFixtures, ...retentionFixtures, ...redactionsFixtures, ...profileSnapshotsFixtures, ...brownActFixtures };
export const modulePolicies: Record<string, Policy> = { ...postsPolicies, ...attachmentsPolicies, ...offdutyPolicies, ...reviewsPolicies, ...screeningPolicies, ...commentsPolicies, ...commentIntakePolicies, ...moderationPolicies, ...archivePolicies, ...archiveSearchPolicies, ...recordsRequestsPolicies, ...productionsPolicies, ...archiveImportPolicies, ...legalHoldsPolicies, ...retentionPolicies, ...redactionsPolicies, ...profileSnapshotsPolicies, ...brownActPolicies };
