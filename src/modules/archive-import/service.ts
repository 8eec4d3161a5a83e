import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
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
import { downloadLayout, LOOKED_FOR, type DownloadLayout } from './download.ts';
import { FORMAT_PLATFORM_TYPES, IMPORTER_VERSION, isImportFormat, IMPORT_FORMATS, type ImportFormat, type ImportPart, type ImportProgress, type ImportReader, type ImportRecord, type ImportReport, type ReadResult } from './types.ts';
import { xArchiveReader } from './x-archive.ts';
import { DEFAULT_ZIP_LIMITS, listZip, looksLikeZip, ZipEntryFailed, ZipRefused, type ZipLimits, type ZipListing } from './zip.ts';

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
 * position and line; the others are taken. A platform's ZIP download is read in place: its parts
 * in order, its media hashed into their records' metadata (download.ts, zip.ts).
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
  async function commit(actor: Actor, batch: ImportRecord[], file: { name: string; sha256: string; format: ImportFormat }, platform: { id: string; department_id: string | null } | null): Promise<Set<ImportRecord>> {
    const added = new Set<ImportRecord>();
    if (batch.length === 0) return added;
    return db.transaction().execute(async (tx: Executor) => {
      // Lock the chain head first (PostgreSQL) so a concurrent import of the same file waits and then finds these records.
      const head = tx.selectFrom('archive_head').select('seq').where('id', '=', 1);
      await (dialect === 'postgres' ? head.forUpdate() : head).execute();
      const held = await tx.selectFrom('archive_items').select('source_id').where('kind', 'in', IMPORTED_KINDS).where('source_id', 'in', batch.map((r) => r.key)).execute();
      const existing = new Set(held.map((h) => h.source_id));
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
        added.add(r);
      }
      if (added.size > 0) {
        await audit.record(tx, actor, { action: 'archive.imported', targetType: 'archive_import', targetId: file.sha256, targetLabel: file.name, after: { format: file.format, importerVersion: IMPORTER_VERSION, fileSha256: file.sha256, platformId: platform?.id ?? null, added: added.size, skippedInBatch: batch.length - added.size }, clauses });
      }
      return added;
    });
  }

  /** Keys of these records the archive already holds (read before media are hashed: a re-import does not re-read them). */
  async function heldKeys(keys: string[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const rows = await db.selectFrom('archive_items').select('source_id').where('kind', 'in', IMPORTED_KINDS).where('source_id', 'in', keys).execute();
    return new Set(rows.map((r) => r.source_id));
  }

  async function importFile(actor: Actor, input: ImportInput): Promise<ImportReport> {
    authorize(archiveImportPolicy, actor, 'archive.import', null);
    if (!isImportFormat(input.format)) throw invalidInput('format', `one of ${IMPORT_FORMATS.join(', ')}`);
    const format = input.format;
    const fileName = input.fileName ?? basename(input.path);
    const info = await stat(input.path).catch(() => null);
    if (!info) throw invalidInput('file', `${input.path} does not exist or cannot be read`);
    if (!info.isFile()) throw invalidInput('file', `${input.path} is not a file`);
    const platform = await platformFor(format, input.platformId);
    const limits = input.limits ?? DEFAULT_ZIP_LIMITS;

    // A ZIP download is listed (and refused whole when it is hostile or holds nothing to import) before anything is read from it.
    let zip: ZipListing | null = null;
    let layout: DownloadLayout | null = null;
    if (/\.zip$/i.test(fileName) || (await looksLikeZip(input.path))) {
      try {
        zip = await listZip(input.path, fileName, limits);
      } catch (e) {
        if (e instanceof ZipRefused) throw invalidInput('file', e.message);
        throw e;
      }
      layout = downloadLayout(format, zip.files);
      const declared = layout.parts.reduce((n, e) => n + e.uncompressedSize, 0);
      const refusedZip = layout.parts.length === 0 ? `${fileName} holds none of the files a ${format} download keeps: looked for ${LOOKED_FOR[format]}; nothing was imported` : declared > limits.maxTotalBytes ? `${fileName}: the files to import declare ${declared.toLocaleString('en-US')} bytes uncompressed, more than the ${limits.maxTotalBytes.toLocaleString('en-US')} allowed: nothing was imported` : null;
      if (refusedZip) {
        zip.close();
        throw invalidInput('file', refusedZip);
      }
    }
    try {
      const sha256 = await sha256Of(input.path);
      const sources: Source[] = zip && layout ? layout.parts.map((e) => ({ name: e.fileName, bytes: e.uncompressedSize, chunks: () => zip.bytes(e) })) : [{ name: null, bytes: info.size, chunks: () => createReadStream(input.path) as AsyncIterable<Buffer> }];
      return await run(actor, { format, fileName, sha256, platform, accountHandle: input.accountHandle ?? null, sources, zip, layout, onProgress: input.onProgress });
    } finally {
      zip?.close();
    }
  }

  async function run(actor: Actor, job: RunInput): Promise<ImportReport> {
    const { format, fileName, sha256, platform, sources, zip, layout } = job;
    const file = { name: fileName, sha256, format };
    const report: ImportReport = { fileName, fileSha256: sha256, format, layout: 'unknown', importerVersion: IMPORTER_VERSION, platformId: platform?.id ?? null, records: 0, added: 0, skipped: 0, malformed: [], parts: [], outcomes: [], outcomesNotListed: 0, mediaFiles: 0 };
    let problems = 0;
    const problem = (location: string, text: string) => {
      problems++;
      if (report.malformed.length < MAX_LISTED) report.malformed.push({ location, problem: text });
    };
    const total = sources.reduce((n, s) => n + s.bytes, 0);
    let doneBefore = 0;
    let readNow = 0;
    const progress = async () => job.onProgress?.({ done: Math.min(total, doneBefore + readNow), total, records: report.records });
    let batch: { record: ImportRecord; where: string }[] = [];
    let part: ImportPart = { name: fileName, layout: 'unknown', records: 0, added: 0, skipped: 0, problems: 0 };

    const flush = async () => {
      if (batch.length === 0) return;
      if (zip && layout) await withMedia(batch, zip, layout, problem, () => report.mediaFiles++);
      const added = await commit(actor, batch.map((b) => b.record), file, platform);
      for (const b of batch) {
        const outcome = added.has(b.record) ? 'added' : 'skipped';
        if (report.outcomes.length < MAX_LISTED) report.outcomes.push({ location: b.where, key: b.record.key, outcome });
        else report.outcomesNotListed++;
      }
      report.added += added.size;
      report.skipped += batch.length - added.size;
      part.added += added.size;
      part.skipped += batch.length - added.size;
      batch = [];
      await progress();
    };

    for (const source of sources) {
      part = { name: source.name ?? fileName, layout: 'unknown', records: 0, added: 0, skipped: 0, problems: 0 };
      report.parts.push(part);
      const at = source.name ? `${source.name} ` : '';
      const before = problems;
      readNow = 0;
      let read: ((e: unknown) => ReadResult) | null = null;
      try {
        for await (const item of jsonArrayElements(decoded(source.chunks(), (n) => (readNow += n)))) {
          if ('prefix' in item) {
            const l = READERS[format].layout(item.prefix, source.name ?? fileName);
            // A single file of another kind is refused; a ZIP's part is skipped, named, and the other parts are read.
            if ('refused' in l) {
              if (!source.name) throw policyRefusal(l.refused, []);
              problem(source.name, l.refused);
              break;
            }
            part.layout = l.name;
            if (report.layout === 'unknown') report.layout = l.name;
            read = (e: unknown) => l.read(e, { ownHandle: job.accountHandle?.trim() || platform?.handle || null });
            continue;
          }
          const el = item as JsonElement;
          report.records++;
          part.records++;
          const where = `${at}record ${el.index} (line ${el.line})`;
          if (el.error !== undefined) {
            problem(where, `not valid JSON: ${el.error}`);
            continue;
          }
          const r = read!(el.value);
          if ('problem' in r) {
            problem(where, r.problem);
            continue;
          }
          batch.push({ record: r.record, where });
          if (batch.length >= BATCH) await flush();
        }
      } catch (e) {
        if (e instanceof TruncatedJson) problem(e.index ? `${at}record ${e.index} (line ${e.line})` : `${at}line ${e.line}`, e.message);
        else if (e instanceof ZipEntryFailed) problem(source.name ?? fileName, e.message);
        else throw e;
      }
      // What was read whole before a cut or damaged part is kept.
      await flush();
      part.problems = problems - before;
      doneBefore += source.bytes;
    }
    readNow = 0;
    await progress();
    if (problems > report.malformed.length) report.malformed.push({ location: 'file', problem: `${problems - report.malformed.length} more problem(s) not listed` });
    return report;
  }

  /**
   * The download's media files a record references, recorded in its metadata by name, size and
   * SHA-256 (an imported record has no attachment row to hang them on). Records already archived
   * are not re-read.
   */
  async function withMedia(batch: { record: ImportRecord; where: string }[], zip: ZipListing, layout: DownloadLayout, problem: (where: string, text: string) => void, counted: () => void) {
    const held = await heldKeys(batch.map((b) => b.record.key));
    for (const { record, where } of batch) {
      if (held.has(record.key)) continue;
      const { found, missing } = layout.mediaFor(record);
      if (found.length === 0 && missing.length === 0) continue;
      const files: { name: string; bytes: number; sha256: string }[] = [];
      for (const entry of found) {
        try {
          files.push({ name: entry.fileName, ...(await zip.sha256(entry)) });
          counted();
        } catch (e) {
          if (!(e instanceof ZipEntryFailed)) throw e;
          problem(`${where} media`, e.message);
        }
      }
      record.metadata = { ...record.metadata, mediaFiles: files, ...(missing.length ? { mediaNotInDownload: missing } : {}) };
    }
  }

  /** Checks the platform a download is filed under (the upload route refuses a wrong one before taking the file). */
  const checkPlatform = async (format: ImportFormat, platformId: string | null) => void (await platformFor(format, platformId));

  return { importFile, checkPlatform };
}

/** Bytes decoded as UTF-8 (characters split across chunks kept whole), counted as they pass. */
async function* decoded(chunks: AsyncIterable<Buffer>, count: (n: number) => void): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  for await (const c of chunks) {
    count(c.length);
    yield decoder.write(c);
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

interface Source {
  /** The entry's path in a ZIP; null for a single file. */
  name: string | null;
  bytes: number;
  chunks: () => AsyncIterable<Buffer>;
}

interface RunInput {
  format: ImportFormat;
  fileName: string;
  sha256: string;
  platform: { id: string; department_id: string | null; handle: string | null } | null;
  accountHandle: string | null;
  sources: Source[];
  zip: ZipListing | null;
  layout: DownloadLayout | null;
  onProgress?: (p: ImportProgress) => void | Promise<void>;
}

export interface ImportInput {
  format: string;
  path: string;
  platformId?: string | null;
  /** The name to record (an upload's original name); default: the path's. */
  fileName?: string;
  accountHandle?: string | null;
  /** Limits for a ZIP download (default DEFAULT_ZIP_LIMITS). */
  limits?: ZipLimits;
  onProgress?: (p: ImportProgress) => void | Promise<void>;
}

export type ArchiveImportService = ReturnType<typeof createArchiveImport>;
