import { copyFile, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { authorize } from '../../authz/index.ts';
import type { Db } from '../../db/index.ts';
import { actorId, actorLabel, systemActor, type Actor } from '../../kernel/actor.ts';
import { toIso, toJson } from '../../kernel/codec.ts';
import { serialDrain } from '../../kernel/drain.ts';
import { conflict, invalidInput, isAppError, notFound } from '../../kernel/errors.ts';
import { newId } from '../../kernel/ids.ts';
import { hasClause } from '../../policy/index.ts';
import { ensureDir, removeQuietly } from './files.ts';
import { productionsPolicy } from './policy.ts';
import { CUSTODY_LOG, toJob, type ProductionJob } from './repo.ts';
import type { ProductionsDeps, ProductionsExporter } from './service.ts';
import { PRODUCTION_FORMATS, type ProductionFilterInput, type ProductionFormat, type ProductionProgress } from './types.ts';
import { zipDirectory } from './zip.ts';

export interface StartInput {
  format: string;
  filter?: ProductionFilterInput;
  batesPrefix?: string | null;
}

/** A running job that has not reported for this long was interrupted (the process stopped). */
export const STALE_MS = 15 * 60_000;
/** Days a finished production's file is kept for download unless the deployment says otherwise. */
export const DEFAULT_EXPIRY_DAYS = 30;
const DAY_MS = 86_400_000;

/**
 * Productions started from the UI: queued as a row, run by an in-process worker (one at a time:
 * exports are heavy on two cores), progress written to the row for the progress bar, the result
 * kept under <dataDir>/productions for download until it expires (`expiryDays` after it finished):
 * then the file is removed, audited, and the row, its audit trail and (for a bag) its
 * chain-of-custody log stay.
 */
export function createProductionJobs(deps: ProductionsDeps & { db: Db }, exporter: ProductionsExporter) {
  const { db, clock, pack, audit } = deps;
  const root = join(deps.dataDir, 'productions');
  const cite = (...ids: string[]) => ids.filter((id) => hasClause(pack, id));
  const label = (format: string, id: string) => `${format === 'bagit' ? 'BagIt' : 'WARC'} production ${id.slice(0, 8)}`;
  const expiryDays = deps.expiryDays ?? DEFAULT_EXPIRY_DAYS;
  const job = (r: Parameters<typeof toJob>[0]) => toJob(r, expiryDays);

  async function row(id: string) {
    const r = await db.selectFrom('productions').selectAll().where('id', '=', id).executeTakeFirst();
    if (!r) throw notFound('Production', id);
    return r;
  }

  async function start(actor: Actor, input: StartInput): Promise<ProductionJob> {
    authorize(productionsPolicy, actor, 'productions.create', null);
    if (!PRODUCTION_FORMATS.includes(input.format as ProductionFormat)) throw invalidInput('format', `must be one of ${PRODUCTION_FORMATS.join(', ')}`);
    const batesPrefix = exporter.checkBatesPrefix(input.batesPrefix);
    // Bad filters are refused now, not when the job runs.
    await exporter.checkFilter(actor, input.filter ?? {});
    const id = newId();
    const now = toIso(clock.now());
    await db.transaction().execute(async (tx) => {
      await tx.insertInto('productions').values({ id, format: input.format, filters_json: toJson(input.filter ?? {}), bates_prefix: batesPrefix, status: 'queued', requested_by: actorId(actor), requested_by_label: actorLabel(actor), requested_at: now, started_at: null, heartbeat_at: null, finished_at: null, phase: null, item_count: null, first_bates: null, last_bates: null, result_file: null, result_bytes: null, result_sha256: null, error: null }).execute();
      await audit.record(tx, actor, { action: 'production.requested', targetType: 'production', targetId: id, targetLabel: label(input.format, id), after: { format: input.format, filters: input.filter ?? {}, batesPrefix }, clauses: cite('IV.A.12') });
    });
    void kick();
    return job(await row(id));
  }

  async function list(actor: Actor, limit = 50): Promise<ProductionJob[]> {
    authorize(productionsPolicy, actor, 'productions.read', null);
    const rows = await db.selectFrom('productions').selectAll().orderBy('requested_at', 'desc').orderBy('id').limit(Math.min(Math.max(limit, 1), 200)).execute();
    return rows.map(job);
  }

  async function get(actor: Actor, id: string): Promise<ProductionJob> {
    authorize(productionsPolicy, actor, 'productions.read', null);
    return job(await row(id));
  }

  /** The finished file, for the download route. */
  async function download(actor: Actor, id: string): Promise<{ path: string; fileName: string; contentType: string; bytes: number }> {
    authorize(productionsPolicy, actor, 'productions.read', null);
    const r = await row(id);
    if (r.status === 'expired') throw conflict(`Production ${id} expired on ${r.expired_at}: its file was removed ${expiryDays} days after it was made (the record of it and its custody log are kept); start the production again for a new copy`, cite('IV.A.12'));
    if (r.status !== 'done' || !r.result_file) throw conflict(`Production ${id} is ${r.status}: there is nothing to download yet`);
    const path = join(root, r.result_file);
    const s = await stat(path).catch(() => null);
    if (!s) throw notFound('Production file', r.result_file);
    const fileName = r.result_file.split('/').pop()!;
    return { path, fileName, contentType: r.format === 'bagit' ? 'application/zip' : 'application/warc', bytes: s.size };
  }

  /**
   * The chain-of-custody log of a finished production: who made the copy, when, from what, and
   * its hashes. Kept in the production's folder after the downloadable file expires.
   */
  async function custody(actor: Actor, id: string): Promise<string> {
    authorize(productionsPolicy, actor, 'productions.read', null);
    const r = await row(id);
    if (r.status !== 'done' && r.status !== 'expired') throw conflict(`Production ${id} is ${r.status}: its chain-of-custody log is written when it finishes`);
    const text = await readFile(join(root, id, CUSTODY_LOG), 'utf8').catch(() => null);
    if (text === null) throw notFound('Chain-of-custody log of production', id);
    return text;
  }

  /** Starts the worker if it is idle; resolves when the queue is empty. */
  const worker = serialDrain(async () => {
    const next = await db.selectFrom('productions').select('id').where('status', '=', 'queued').orderBy('requested_at').orderBy('id').limit(1).executeTakeFirst();
    if (!next) return null;
    const now = toIso(clock.now());
    const claimed = await db.updateTable('productions').set({ status: 'running', started_at: now, heartbeat_at: now, phase: 'counting' }).where('id', '=', next.id).where('status', '=', 'queued').executeTakeFirst();
    return Number(claimed.numUpdatedRows) === 1 ? next.id : false;
  }, (id) => run(id));
  const kick = worker.kick;

  async function run(id: string): Promise<void> {
    const r = await row(id);
    const requester = r.requested_by_label;
    // The job runs as the system on behalf of the requester, who was authorized when it was queued.
    const actor = systemActor(`production for ${requester}`);
    const workDir = join(root, id);
    const name = `crier-production-${id.slice(0, 8)}`;
    const onProgress = async (p: ProductionProgress) => {
      await db.updateTable('productions').set({ phase: p.phase, done: p.done, total: p.total, heartbeat_at: toIso(clock.now()) }).where('id', '=', id).execute();
    };
    try {
      await removeQuietly(workDir);
      await ensureDir(workDir);
      const filter = JSON.parse(r.filters_json) as ProductionFilterInput;
      let resultFile: string;
      let result;
      if (r.format === 'bagit') {
        const bag = join(workDir, name);
        result = await exporter.exportBagit(actor, { out: bag, filter, batesPrefix: r.bates_prefix, operator: requester, onProgress, productionId: id });
        await onProgress({ phase: 'packaging', done: result.items, total: result.items });
        await zipDirectory(bag, join(workDir, `${name}.zip`));
        // Kept beside the zip: the custody log outlives the downloadable file when that expires.
        await copyFile(join(bag, 'chain-of-custody.txt'), join(workDir, CUSTODY_LOG));
        await removeQuietly(bag);
        resultFile = `${id}/${name}.zip`;
      } else {
        result = await exporter.exportWarc(actor, { out: join(workDir, `${name}.warc.gz`), filter, batesPrefix: r.bates_prefix, operator: requester, onProgress, productionId: id, gzip: true });
        resultFile = `${id}/${name}.warc.gz`;
        if (result.custodyLog) await writeFile(join(workDir, CUSTODY_LOG), result.custodyLog, 'utf8');
      }
      const bytes = (await stat(join(root, resultFile))).size;
      const finished = toIso(clock.now());
      await db.transaction().execute(async (tx) => {
        await tx.updateTable('productions').set({ status: 'done', phase: null, finished_at: finished, heartbeat_at: finished, done: result.items, total: result.items, item_count: result.items, first_bates: result.firstBates, last_bates: result.lastBates, result_file: resultFile, result_bytes: bytes, result_sha256: result.sha256 }).where('id', '=', id).execute();
        await audit.record(tx, actor, { action: 'production.completed', targetType: 'production', targetId: id, targetLabel: label(r.format, id), after: { items: result.items, firstBates: result.firstBates, lastBates: result.lastBates, file: resultFile, bytes, sha256: result.sha256 }, clauses: cite('IV.A.12') });
      });
    } catch (e) {
      await removeQuietly(workDir);
      await fail(id, r.format, isAppError(e) ? e.message : `the export stopped on an internal error (${e instanceof Error ? e.message : String(e)})`);
    }
  }

  async function fail(id: string, format: string, message: string): Promise<void> {
    const at = toIso(clock.now());
    await db.transaction().execute(async (tx) => {
      await tx.updateTable('productions').set({ status: 'failed', phase: null, finished_at: at, error: message }).where('id', '=', id).where('status', 'in', ['queued', 'running']).execute();
      await audit.record(tx, systemActor('productions'), { action: 'production.failed', targetType: 'production', targetId: id, targetLabel: label(format, id), after: { error: message }, clauses: cite('IV.A.12') });
    });
  }

  /**
   * Removes the files of productions finished more than `expiryDays` ago: the file first, then
   * the row marked expired with its audit event in one transaction (a crash in between leaves the
   * row to the next sweep, which finds the file gone and records it). Returns how many expired.
   */
  async function expire(now: Date = clock.now()): Promise<number> {
    const cutoff = toIso(new Date(now.getTime() - expiryDays * DAY_MS));
    const due = await db.selectFrom('productions').select(['id', 'format', 'result_file', 'result_bytes', 'result_sha256', 'finished_at']).where('status', '=', 'done').where('finished_at', '<', cutoff).orderBy('finished_at').limit(500).execute();
    let expired = 0;
    for (const d of due) {
      if (d.result_file) await rm(join(root, d.result_file), { force: true });
      const at = toIso(now);
      const done = await db.transaction().execute(async (tx) => {
        // Guarded: another Crier process sweeping at the same time records it once.
        const u = await tx.updateTable('productions').set({ status: 'expired', expired_at: at }).where('id', '=', d.id).where('status', '=', 'done').executeTakeFirst();
        if (Number(u.numUpdatedRows) !== 1) return false;
        await audit.record(tx, systemActor('productions'), { action: 'production.expired', targetType: 'production', targetId: d.id, targetLabel: label(d.format, d.id), after: { removedFile: d.result_file, bytes: d.result_bytes == null ? null : Number(d.result_bytes), sha256: d.result_sha256, finishedAt: d.finished_at, expiryDays }, clauses: cite('IV.A.12') });
        return true;
      });
      if (done) expired++;
    }
    return expired;
  }

  /** For the scheduler: a job whose process stopped is marked failed (its partial output removed), expired files are removed, and queued ones run. */
  async function tick(now: Date = clock.now()): Promise<void> {
    await expire(now);
    const cutoff = toIso(new Date(now.getTime() - STALE_MS));
    const stale = await db.selectFrom('productions').select(['id', 'format']).where('status', '=', 'running').where('heartbeat_at', '<', cutoff).execute();
    for (const s of stale) {
      if (worker.busy()) continue; // this process is working on one: its own heartbeat is recent unless it is stuck
      await removeQuietly(join(root, s.id));
      await fail(s.id, s.format, 'interrupted: the process running the export stopped; start the production again');
    }
    await kick();
  }

  return { start, list, get, download, custody, tick, kick, expire };
}

export type ProductionJobs = ReturnType<typeof createProductionJobs>;
