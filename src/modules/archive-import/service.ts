import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { authorize } from '../../authz/index.ts';
import { actorLabel, type Actor } from '../../kernel/actor.ts';
import { invalidInput, notFound, policyRefusal } from '../../kernel/errors.ts';
import type { Db, DialectName, Executor } from '../../db/index.ts';
import { hasClause, type PolicyPack } from '../../policy/index.ts';
import type { ArchiveService } from '../archive/index.ts';
import type { AuditService } from '../audit/index.ts';
import { facebookPageReader } from './facebook-page.ts';
import { jsonArrayElements, TruncatedJson, type JsonElement } from './json-elements.ts';
import { archiveImportPolicy } from './policy.ts';
import { FORMAT_PLATFORM_TYPES, IMPORTER_VERSION, isImportFormat, IMPORT_FORMATS, type ImportFormat, type ImportReader, type ImportRecord, type ImportReport, type ReadResult } from './types.ts';
import { xArchiveReader } from './x-archive.ts';

export interface ArchiveImportDeps {
  db: Db;
  dialect: DialectName;
  pack: PolicyPack;
  audit: Pick<AuditService, 'record'>;
  archive: Pick<ArchiveService, 'capture'>;
}

const READERS: Record<ImportFormat, ImportReader> = { 'facebook-page': facebookPageReader, 'x-archive': xArchiveReader };
const IMPORTED_KINDS = ['imported_post', 'imported_reply'] as const;
/** Records captured per transaction: a crash loses at most one batch, and the re-run skips what landed. */
const BATCH = 200;
/** Problems listed in full; beyond this they are only counted. */
const MAX_LISTED = 1000;

async function sha256Of(path: string): Promise<string> {
  const h = createHash('sha256');
  for await (const c of createReadStream(path)) h.update(c as Buffer);
  return h.digest('hex');
}

/**
 * Brings a platform's data download into the archive (IV.A.9, IV.A.13): each record captured on
 * the hash chain like any other, marked imported with the file's name and SHA-256 and the
 * importer's version. Re-importing the same file (or an overlapping later download) adds only
 * what the archive does not already hold. A record that cannot be read is reported with its
 * position and line; the others are taken.
 */
export function createArchiveImport(deps: ArchiveImportDeps) {
  const { db, dialect, pack, audit, archive } = deps;
  const clauses = ['IV.A.9', 'IV.A.13'].filter((c) => hasClause(pack, c));

  async function platformFor(format: ImportFormat, platformId: string | null | undefined) {
    if (!platformId) return null;
    const p = await db.selectFrom('platforms').select(['id', 'name', 'type', 'handle', 'department_id']).where('id', '=', platformId).executeTakeFirst();
    if (!p) throw notFound('Platform', platformId);
    if (!FORMAT_PLATFORM_TYPES[format].includes(p.type)) throw invalidInput('platform', `${p.name} is a ${p.type} platform; a ${format} download belongs to a ${FORMAT_PLATFORM_TYPES[format].join(' or ')} platform`);
    return p;
  }

  /** Captures the batch's records the archive does not hold yet, in one transaction with its audit event. */
  async function commit(actor: Actor, batch: ImportRecord[], file: { name: string; sha256: string; format: ImportFormat }, platform: { id: string; department_id: string | null } | null): Promise<number> {
    if (batch.length === 0) return 0;
    return db.transaction().execute(async (tx: Executor) => {
      // Lock the chain head first (PostgreSQL) so a concurrent import of the same file waits and then finds these records.
      const head = tx.selectFrom('archive_head').select('seq').where('id', '=', 1);
      await (dialect === 'postgres' ? head.forUpdate() : head).execute();
      const held = await tx.selectFrom('archive_items').select('source_id').where('kind', 'in', IMPORTED_KINDS).where('source_id', 'in', batch.map((r) => r.key)).execute();
      const existing = new Set(held.map((h) => h.source_id));
      let added = 0;
      for (const r of batch) {
        // Held already (an earlier batch or import), or twice in this batch.
        if (existing.has(r.key)) continue;
        existing.add(r.key);
        await archive.capture(tx, {
          kind: r.kind,
          sourceId: r.key,
          sourceTable: 'platform_exports',
          departmentId: platform?.department_id ?? null,
          platformId: platform?.id ?? null,
          native: r.native,
          renderedText: r.renderedText,
          metadata: { ...r.metadata, imported: true, importer: { format: file.format, version: IMPORTER_VERSION }, sourceFile: { name: file.name, sha256: file.sha256 }, capturedBy: actorLabel(actor) },
          createdAt: r.createdAt,
        });
        added++;
      }
      if (added > 0) {
        await audit.record(tx, actor, { action: 'archive.imported', targetType: 'archive_import', targetId: file.sha256, targetLabel: file.name, after: { format: file.format, importerVersion: IMPORTER_VERSION, fileSha256: file.sha256, platformId: platform?.id ?? null, added, skippedInBatch: batch.length - added }, clauses });
      }
      return added;
    });
  }

  async function importFile(actor: Actor, input: { format: string; path: string; platformId?: string | null; fileName?: string; accountHandle?: string | null }): Promise<ImportReport> {
    authorize(archiveImportPolicy, actor, 'archive.import', null);
    if (!isImportFormat(input.format)) throw invalidInput('format', `one of ${IMPORT_FORMATS.join(', ')}`);
    const format = input.format;
    const fileName = input.fileName ?? basename(input.path);
    const info = await stat(input.path).catch(() => null);
    if (!info) throw invalidInput('file', `${input.path} does not exist or cannot be read`);
    if (!info.isFile()) throw invalidInput('file', `${input.path} is not a file`);
    if (/\.zip$/i.test(fileName)) throw invalidInput('file', `${fileName} is a ZIP archive, which is not read directly: unzip it and import ${format === 'x-archive' ? 'data/tweets.js' : 'posts/your_posts_1.json (and comments.json)'}`);
    const platform = await platformFor(format, input.platformId);
    const sha256 = await sha256Of(input.path);
    const file = { name: fileName, sha256, format };
    const report: ImportReport = { fileName, fileSha256: sha256, format, layout: 'unknown', importerVersion: IMPORTER_VERSION, platformId: platform?.id ?? null, records: 0, added: 0, skipped: 0, malformed: [] };
    const problem = (location: string, text: string) => {
      if (report.malformed.length < MAX_LISTED) report.malformed.push({ location, problem: text });
    };
    let problems = 0;
    let batch: ImportRecord[] = [];
    let read: ((e: unknown) => ReadResult) | null = null;
    const flush = async () => {
      const added = await commit(actor, batch, file, platform);
      report.added += added;
      report.skipped += batch.length - added;
      batch = [];
    };
    try {
      for await (const item of jsonArrayElements(createReadStream(input.path, { encoding: 'utf8' }))) {
        if ('prefix' in item) {
          const layout = READERS[format].layout(item.prefix, fileName);
          if ('refused' in layout) throw policyRefusal(layout.refused, []);
          report.layout = layout.name;
          read = (e: unknown) => layout.read(e, { ownHandle: input.accountHandle?.trim() || platform?.handle || null });
          continue;
        }
        const el = item as JsonElement;
        report.records++;
        const where = `record ${el.index} (line ${el.line})`;
        if (el.error !== undefined) {
          problems++;
          problem(where, `not valid JSON: ${el.error}`);
          continue;
        }
        const r = read!(el.value);
        if ('problem' in r) {
          problems++;
          problem(where, r.problem);
          continue;
        }
        batch.push(r.record);
        if (batch.length >= BATCH) await flush();
      }
    } catch (e) {
      if (!(e instanceof TruncatedJson)) throw e;
      problems++;
      problem(e.index ? `record ${e.index} (line ${e.line})` : `line ${e.line}`, e.message);
    }
    await flush();
    if (problems > report.malformed.length) report.malformed.push({ location: 'file', problem: `${problems - report.malformed.length} more problem(s) not listed` });
    return report;
  }

  return { importFile };
}

export type ArchiveImportService = ReturnType<typeof createArchiveImport>;
