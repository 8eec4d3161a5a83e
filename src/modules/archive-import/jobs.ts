import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { basename, join } from 'node:path';
import { authorize } from '../../authz/index.ts';
import type { Db } from '../../db/index.ts';
import { actorId, actorLabel, systemActor, type Actor } from '../../kernel/actor.ts';
import type { Clock } from '../../kernel/clock.ts';
import { toIso, toJson } from '../../kernel/codec.ts';
import { serialDrain } from '../../kernel/drain.ts';
import { AppError, invalidInput, isAppError, notFound, policyRefusal } from '../../kernel/errors.ts';
import { newId } from '../../kernel/ids.ts';
import { hasClause, type PolicyPack } from '../../policy/index.ts';
import type { VirusScanner } from '../../ports/virus-scanner.ts';
import type { AuditService } from '../audit/index.ts';
import { archiveImportPolicy } from './policy.ts';
import { toImportJob, type ImportJob } from './repo.ts';
import type { ArchiveImportService } from './service.ts';
import { IMPORT_FORMATS, isImportFormat } from './types.ts';

export interface ImportJobsDeps {
  db: Db;
  clock: Clock;
  pack: PolicyPack;
  audit: Pick<AuditService, 'record'>;
  /** Uploads wait under <dataDir>/archive-imports until their job has read them. */
  dataDir: string;
  /** Every upload is scanned before it is read (IV.C.15(i)(iii)); none configured: uploads are refused. */
  scanner: VirusScanner | null;
  maxBytes: number;
  importer: ArchiveImportService;
}

export interface UploadInput {
  format: string;
  platformId?: string | null;
  accountHandle?: string | null;
  fileName: string;
  contentLength: number | null;
  body: AsyncIterable<Uint8Array> | null;
}

/** A running import that has not reported for this long was interrupted (the process stopped). */
export const IMPORT_STALE_MS = 15 * 60_000;
const ANTIVIRUS = 'IV.C.15(i)(iii)';
const mib = (n: number) => `${Math.round(n / 1024 / 1024).toLocaleString('en-US')} MiB`;

/**
 * Imports started from the web app: the upload is received to disk (counted and capped), scanned,
 * queued as a row, and read by an in-process worker (one at a time) through the same importer as
 * `crier archive import`, its progress written to the row. The uploaded file is removed when its
 * job ends; the archive keeps the records, marked with the file's name and SHA-256.
 */
export function createArchiveImportJobs(deps: ImportJobsDeps) {
  const { db, clock, pack, audit, scanner, importer } = deps;
  const root = join(deps.dataDir, 'archive-imports');
  const cite = (...ids: string[]) => ids.filter((id) => hasClause(pack, id));
  const uploadPath = (id: string) => join(root, `${id}.upload`);

  async function row(id: string) {
    const r = await db.selectFrom('archive_imports').selectAll().where('id', '=', id).executeTakeFirst();
    if (!r) throw notFound('Archive import', id);
    return r;
  }

  /** Writes the body to `file`, hashing and counting; past the limit reading stops at once. */
  async function receive(body: AsyncIterable<Uint8Array>, file: string): Promise<{ bytes: number; sha256: string }> {
    const out = createWriteStream(file, { flags: 'wx', mode: 0o600 });
    const hash = createHash('sha256');
    let bytes = 0;
    // Iterated by hand: leaving a for-await early would destroy the request stream the refusal is answered on.
    const chunks = body[Symbol.asyncIterator]();
    try {
      for (let next = await chunks.next(); !next.done; next = await chunks.next()) {
        const c = Buffer.from(next.value.buffer, next.value.byteOffset, next.value.byteLength);
        bytes += c.length;
        if (bytes > deps.maxBytes) throw invalidInput('body', `the download is larger than the ${mib(deps.maxBytes)} an upload may be; import it with crier archive import instead`);
        hash.update(c);
        if (!out.write(c)) await once(out, 'drain');
      }
      out.end();
      await once(out, 'finish');
      return { bytes, sha256: hash.digest('hex') };
    } catch (e) {
      out.destroy();
      throw e;
    }
  }

  async function upload(actor: Actor, input: UploadInput): Promise<ImportJob> {
    authorize(archiveImportPolicy, actor, 'archive.import', null);
    if (!isImportFormat(input.format)) throw invalidInput('format', `one of ${IMPORT_FORMATS.join(', ')}`);
    const fileName = basename(input.fileName.trim().replace(/\\/g, '/')) || 'download.zip';
    if (!input.body) throw invalidInput('body', 'the download is the request body (the ZIP file as downloaded, or one JSON/JS file from it)');
    if (!scanner) throw new AppError('unavailable', "Imports by upload are refused: no virus scanner is configured (every upload is scanned first). The administrator sets CRIER_CLAMD_SOCKET or CRIER_CLAMD_HOST; or import the file with crier archive import.", { clauses: cite(ANTIVIRUS) });
    if (input.contentLength !== null && input.contentLength > deps.maxBytes) throw invalidInput('body', `the download (${mib(input.contentLength)}) is larger than the ${mib(deps.maxBytes)} an upload may be; import it with crier archive import instead`);
    await importer.checkPlatform(input.format, input.platformId ?? null);
    const id = newId();
    const file = uploadPath(id);
    await mkdir(root, { recursive: true, mode: 0o700 });
    try {
      const got = await receive(input.body, file);
      if (got.bytes === 0) throw invalidInput('body', 'the upload is empty');
      const verdict = await scanner.scan(createReadStream(file));
      if (verdict.status === 'error') throw new AppError('unavailable', `${fileName} could not be scanned for viruses (${verdict.message}); it was not kept. Try again later, or import it with crier archive import.`, { clauses: cite(ANTIVIRUS) });
      if (verdict.status === 'infected') {
        await db.transaction().execute((tx) => audit.record(tx, actor, { action: 'archive.import_refused', targetType: 'archive_import', targetId: got.sha256, targetLabel: fileName, after: { reason: 'infected', signature: verdict.signature, bytes: got.bytes, sha256: got.sha256 }, clauses: cite(ANTIVIRUS) }));
        throw policyRefusal(`${fileName} was refused: the virus scanner found ${verdict.signature}. Nothing was imported and the file was not kept.`, cite(ANTIVIRUS));
      }
      const now = toIso(clock.now());
      await db.transaction().execute(async (tx) => {
        await tx.insertInto('archive_imports').values({ id, format: input.format, platform_id: input.platformId ?? null, account_handle: input.accountHandle?.trim() || null, file_name: fileName, file_bytes: got.bytes, file_sha256: got.sha256, status: 'queued', requested_by: actorId(actor), requested_by_label: actorLabel(actor), requested_at: now, started_at: null, heartbeat_at: null, finished_at: null, report_json: null, error: null }).execute();
        await audit.record(tx, actor, { action: 'archive.import_requested', targetType: 'archive_import', targetId: id, targetLabel: fileName, after: { format: input.format, platformId: input.platformId ?? null, bytes: got.bytes, sha256: got.sha256, scanner: scanner.description }, clauses: cite('IV.A.9', 'IV.A.13') });
      });
    } catch (e) {
      await rm(file, { force: true });
      throw e;
    }
    void kick();
    return toImportJob(await row(id));
  }

  async function list(actor: Actor, limit = 50): Promise<ImportJob[]> {
    authorize(archiveImportPolicy, actor, 'archive.import', null);
    const rows = await db.selectFrom('archive_imports').selectAll().orderBy('requested_at', 'desc').orderBy('id').limit(Math.min(Math.max(limit, 1), 200)).execute();
    return rows.map((r) => toImportJob(r));
  }

  async function get(actor: Actor, id: string): Promise<ImportJob> {
    authorize(archiveImportPolicy, actor, 'archive.import', null);
    return toImportJob(await row(id), true);
  }

  /** Starts the worker if it is idle; resolves when the queue is empty. */
  const worker = serialDrain(async () => {
    const next = await db.selectFrom('archive_imports').select('id').where('status', '=', 'queued').orderBy('requested_at').orderBy('id').limit(1).executeTakeFirst();
    if (!next) return null;
    const now = toIso(clock.now());
    const claimed = await db.updateTable('archive_imports').set({ status: 'running', started_at: now, heartbeat_at: now }).where('id', '=', next.id).where('status', '=', 'queued').executeTakeFirst();
    return Number(claimed.numUpdatedRows) === 1 ? next.id : false;
  }, (id) => run(id));
  const kick = worker.kick;

  async function run(id: string): Promise<void> {
    const r = await row(id);
    // Runs as the system on behalf of the requester, who was authorized when the upload was taken.
    const actor = systemActor(`archive import for ${r.requested_by_label}`);
    try {
      const report = await importer.importFile(actor, {
        format: r.format,
        path: uploadPath(id),
        fileName: r.file_name,
        platformId: r.platform_id,
        accountHandle: r.account_handle,
        onProgress: async (p) => {
          await db.updateTable('archive_imports').set({ done: p.done, total: p.total, records: p.records, heartbeat_at: toIso(clock.now()) }).where('id', '=', id).execute();
        },
      });
      const at = toIso(clock.now());
      await db.transaction().execute(async (tx) => {
        await tx.updateTable('archive_imports').set({ status: 'done', finished_at: at, heartbeat_at: at, records: report.records, added: report.added, skipped: report.skipped, malformed: report.malformed.length, report_json: toJson(report) }).where('id', '=', id).execute();
        await audit.record(tx, actor, { action: 'archive.import_completed', targetType: 'archive_import', targetId: id, targetLabel: r.file_name, after: { records: report.records, added: report.added, skipped: report.skipped, malformed: report.malformed.length, mediaFiles: report.mediaFiles, sha256: report.fileSha256 }, clauses: cite('IV.A.9', 'IV.A.13') });
      });
    } catch (e) {
      await fail(id, r.file_name, isAppError(e) ? e.message : `the import stopped on an internal error (${e instanceof Error ? e.message : String(e)})`);
    } finally {
      await rm(uploadPath(id), { force: true });
    }
  }

  async function fail(id: string, fileName: string, message: string): Promise<void> {
    const at = toIso(clock.now());
    await db.transaction().execute(async (tx) => {
      await tx.updateTable('archive_imports').set({ status: 'failed', finished_at: at, error: message }).where('id', '=', id).where('status', 'in', ['queued', 'running']).execute();
      await audit.record(tx, systemActor('archive imports'), { action: 'archive.import_failed', targetType: 'archive_import', targetId: id, targetLabel: fileName, after: { error: message }, clauses: cite('IV.A.9') });
    });
  }

  /** For the scheduler: an import whose process stopped is marked failed (re-uploading it adds only what is missing), and queued ones run. */
  async function tick(now: Date = clock.now()): Promise<void> {
    const cutoff = toIso(new Date(now.getTime() - IMPORT_STALE_MS));
    const stale = await db.selectFrom('archive_imports').select(['id', 'file_name']).where('status', '=', 'running').where('heartbeat_at', '<', cutoff).execute();
    for (const s of stale) {
      if (worker.busy()) continue; // this process is working on one: its own heartbeat is recent unless it is stuck
      await rm(uploadPath(s.id), { force: true });
      await fail(s.id, s.file_name, 'interrupted: the process running the import stopped; upload the download again (what was imported is kept and skipped)');
    }
    await kick();
  }

  return { upload, list, get, tick, kick };
}

export type ArchiveImportJobs = ReturnType<typeof createArchiveImportJobs>;
