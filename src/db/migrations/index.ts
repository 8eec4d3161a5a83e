import type { Migration } from 'kysely';
import * as m0001 from './0001_foundation.ts';
import * as m0002identity from './0002_identity.ts';
import * as m0002platforms from './0002_platforms.ts';
import * as m0003vault from './0003_vault.ts';
import * as m0004posts from './0004_posts.ts';
import * as m0005attachments from './0005_attachments.ts';
import * as m0006offdutyReviews from './0006_offduty_reviews.ts';
import * as m0007comments from './0007_comments.ts';
import * as m0008postTemplates from './0008_post_templates.ts';
import * as m0009archive from './0009_archive.ts';
import * as m0010recordsRequests from './0010_records_requests.ts';
import * as m0011commentsQueueOrder from './0011_comments_queue_order.ts';
import * as m0012retentionLegalHolds from './0012_retention_legal_holds.ts';
import * as m0013archiveSearch from './0013_archive_search.ts';
import * as m0014redactions from './0014_redactions.ts';
import * as m0015productions from './0015_productions.ts';
import * as m0017legislativeActivity from './0017_legislative_activity.ts';
import * as m0018archiveSearchFacets from './0018_archive_search_facets.ts';
import * as m0019archiveRetentionIndex from './0019_archive_retention_index.ts';
import * as m0020archiveImportsProductionExpiry from './0020_archive_imports_production_expiry.ts';
import * as m0021archiveSearchRowsFromCapture from './0021_archive_search_rows_from_capture.ts';
import * as m0022commentsPostIndexDropped from './0022_comments_post_index_dropped.ts';
import * as m0023archiveSearchClauseSeq from './0023_archive_search_clause_seq.ts';
import * as m0024archiveSearchGinFacets from './0024_archive_search_gin_facets.ts';

/** Every migration, in order. Frozen in time: append, never edit. */
export const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_identity': m0002identity,
  '0002_platforms': m0002platforms,
  '0003_vault': m0003vault,
  '0004_posts': m0004posts,
  '0005_attachments': m0005attachments,
  '0006_offduty_reviews': m0006offdutyReviews,
  '0007_comments': m0007comments,
  '0008_post_templates': m0008postTemplates,
  '0009_archive': m0009archive,
  '0010_records_requests': m0010recordsRequests,
  '0011_comments_queue_order': m0011commentsQueueOrder,
  '0012_retention_legal_holds': m0012retentionLegalHolds,
  '0013_archive_search': m0013archiveSearch,
  '0014_redactions': m0014redactions,
  '0015_productions': m0015productions,
  '0017_legislative_activity': m0017legislativeActivity,
  '0018_archive_search_facets': m0018archiveSearchFacets,
  '0019_archive_retention_index': m0019archiveRetentionIndex,
  '0020_archive_imports_production_expiry': m0020archiveImportsProductionExpiry,
  '0021_archive_search_rows_from_capture': m0021archiveSearchRowsFromCapture,
  '0022_comments_post_index_dropped': m0022commentsPostIndexDropped,
  '0023_archive_search_clause_seq': m0023archiveSearchClauseSeq,
  '0024_archive_search_gin_facets': m0024archiveSearchGinFacets,
};
