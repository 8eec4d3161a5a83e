import { createHash } from 'node:crypto';
import { authorize } from '../../authz/index.ts';
import type { Db } from '../../db/index.ts';
import type { Actor } from '../../kernel/actor.ts';
import type { Clock } from '../../kernel/clock.ts';
import { toIso } from '../../kernel/codec.ts';
import { AppError, invalidInput, notFound, policyRefusal } from '../../kernel/errors.ts';
import type { AuditService } from '../audit/index.ts';
import { commentsPolicy, type CommentsService, type IncomingComment } from '../comments/index.ts';
import { ExportFileError, parseExportFile, type ImportFormat } from './export-file.ts';
import { DeliveryShapeError, mapFacebookDelivery } from './facebook-webhook.ts';

/** An export file larger than this is refused before it is read (split it: lines are independent). */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
/** Rows per ingest transaction: like a poller's batch, so a file is never one giant transaction. */
const BATCH = 1000;
const COMMENTS_AUTHORIZED = 'IV.A.6';
const RETAINED = 'IV.C.11';

export interface CommentIntakeDeps {
  db: Db;
  clock: Clock;
  audit: AuditService;
  comments: Pick<CommentsService, 'ingest' | 'ingestAs'>;
}

export interface WebhookReceipt {
  comments: number;
  created: number;
  edited: number;
  deleted: number;
  unchanged: number;
  /** Comments ingest did not take (platform without comments authorized, IV.A.6; bad item). */
  refused: { remoteId: string; reason: string; clauses?: string[] }[];
  /** Feed changes that are not comments by people. */
  skipped: number;
  /** Page ids with no Facebook platform in Crier: nothing of theirs is kept. */
  unknownPages: string[];
  broken: string[];
}

export interface ImportReport {
  format: ImportFormat;
  /** Comments in the file: read, and malformed (a CSV record may span several lines). */
  records: number;
  created: number;
  edited: number;
  deleted: number;
  unchanged: number;
  malformed: { line: number; reason: string }[];
  refused: { line: number; remoteId: string; reason: string; clauses?: string[] }[];
}

export function createCommentIntake(deps: CommentIntakeDeps) {
  const { db, clock, audit, comments } = deps;

  /** A signed Facebook delivery (the signature is checked by the HTTP tier before this is called). */
  async function receiveFacebook(payload: unknown): Promise<WebhookReceipt> {
    let mapped;
    try {
      mapped = mapFacebookDelivery(payload, toIso(clock.now()));
    } catch (e) {
      if (e instanceof DeliveryShapeError) throw invalidInput('body', e.message);
      throw e;
    }
    const pageIds = [...new Set(mapped.comments.map((c) => c.pageId))];
    const platforms = pageIds.length ? await db.selectFrom('platforms').select(['id', 'handle', 'status']).where('type', '=', 'facebook').where('handle', 'in', pageIds).execute() : [];
    // One Page could be on record twice (a retired platform and its successor): the active one takes it.
    const platformOf = new Map<string, string>();
    for (const p of [...platforms].sort((a, b) => Number(a.status === 'active') - Number(b.status === 'active'))) platformOf.set(p.handle!, p.id);
    const items: IncomingComment[] = [];
    const unknown = new Set<string>();
    for (const c of mapped.comments) {
      const platformId = platformOf.get(c.pageId);
      if (!platformId) unknown.add(c.pageId);
      else items.push({ ...c.comment, platformId });
    }
    const r = await comments.ingest(items, 'webhook');
    return {
      comments: items.length,
      created: r.created,
      edited: r.edited,
      deleted: r.deleted,
      unchanged: r.unchanged,
      refused: r.refused.map(({ remoteId, reason, clauses }) => ({ remoteId, reason, ...(clauses ? { clauses } : {}) })),
      skipped: mapped.skipped,
      unknownPages: [...unknown],
      broken: mapped.broken,
    };
  }

  /**
   * A platform's comment export (CSV or JSON lines, docs/comment-import.md), taken by staff.
   * Lines that cannot be read are reported by number and the rest are kept; taking the same file
   * twice adds nothing (ingest is idempotent by platform and remote id).
   */
  async function importFile(actor: Actor, input: { platformId: string; format: ImportFormat; content: string; fileName?: string }): Promise<ImportReport> {
    authorize(commentsPolicy, actor, 'comment.ingest', null);
    const bytes = Buffer.byteLength(input.content, 'utf8');
    if (bytes > MAX_IMPORT_BYTES) throw invalidInput('content', `the file is ${(bytes / 1048576).toFixed(1)} MiB; at most ${MAX_IMPORT_BYTES / 1048576} MiB is taken at once (split it: each line stands alone)`);
    const platform = await db.selectFrom('platforms').select(['id', 'name', 'status', 'comments_enabled']).where('id', '=', input.platformId).executeTakeFirst();
    if (!platform) throw notFound('platform', input.platformId);
    if (platform.status !== 'active' || !platform.comments_enabled) throw policyRefusal(`${platform.name} does not have comments authorized by the City Manager: its comments are not taken`, [COMMENTS_AUTHORIZED]);
    let parsed;
    try {
      parsed = parseExportFile(input.content, input.format);
    } catch (e) {
      if (e instanceof ExportFileError) throw invalidInput('content', e.message);
      throw e;
    }
    if (!parsed.rows.length) {
      const fields = parsed.malformed.slice(0, 50).map((m) => ({ path: `content.line.${m.line}`, message: m.reason }));
      throw new AppError('invalid_input', parsed.malformed.length ? `No line of the file could be read (${parsed.malformed.length} malformed; the first at line ${parsed.malformed[0]!.line}: ${parsed.malformed[0]!.reason})` : 'The file holds no comments', { fields });
    }
    const report: ImportReport = { format: input.format, records: parsed.rows.length + parsed.malformed.length, created: 0, edited: 0, deleted: 0, unchanged: 0, malformed: parsed.malformed, refused: [] };
    for (let i = 0; i < parsed.rows.length; i += BATCH) {
      const batch = parsed.rows.slice(i, i + BATCH);
      const r = await comments.ingestAs(actor, batch.map((row) => ({ ...row.item, platformId: platform.id })), 'import');
      report.created += r.created;
      report.edited += r.edited;
      report.deleted += r.deleted;
      report.unchanged += r.unchanged;
      for (const x of r.refused) report.refused.push({ line: batch[x.index]!.line, remoteId: x.remoteId, reason: x.reason, ...(x.clauses ? { clauses: x.clauses } : {}) });
    }
    // Who brought the file in, and which file (its digest), beside ingest's own record of what was taken.
    await db.transaction().execute((tx) =>
      audit.record(tx, actor, {
        action: 'comments.imported',
        targetType: 'platform',
        targetId: platform.id,
        targetLabel: platform.name,
        after: { fileName: input.fileName ?? null, sha256: createHash('sha256').update(input.content).digest('hex'), bytes, format: input.format, records: report.records, created: report.created, edited: report.edited, deleted: report.deleted, unchanged: report.unchanged, malformed: report.malformed.length, refused: report.refused.length },
        clauses: [RETAINED],
      }),
    );
    return report;
  }

  return { receiveFacebook, importFile };
}

export type CommentIntake = ReturnType<typeof createCommentIntake>;
