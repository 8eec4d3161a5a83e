import type { Row } from '../../db/index.ts';
import { fromJson } from '../../kernel/codec.ts';
import type { ImportFormat, ImportReport } from './types.ts';

/** An import started from the web app, as the UI shows it. */
export interface ImportJob {
  id: string;
  format: ImportFormat;
  platformId: string | null;
  accountHandle: string | null;
  fileName: string;
  bytes: number;
  sha256: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  requestedBy: string;
  requestedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** 0–100, for the progress bar (bytes of the files being imported read). */
  percent: number;
  records: number;
  added: number;
  skipped: number;
  malformed: number;
  error: string | null;
  /** The full report (parts, outcomes and problems with their positions), on a single import's view. */
  report?: ImportReport | null;
}

export function toImportJob(r: Row<'archive_imports'>, withReport = false): ImportJob {
  const total = Number(r.total);
  const done = Number(r.done);
  return {
    id: r.id,
    format: r.format as ImportFormat,
    platformId: r.platform_id,
    accountHandle: r.account_handle,
    fileName: r.file_name,
    bytes: Number(r.file_bytes),
    sha256: r.file_sha256,
    status: r.status as ImportJob['status'],
    requestedBy: r.requested_by_label,
    requestedAt: r.requested_at,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    percent: r.status === 'done' ? 100 : total > 0 ? Math.min(99, Math.floor((done / total) * 100)) : 0,
    records: Number(r.records),
    added: Number(r.added),
    skipped: Number(r.skipped),
    malformed: Number(r.malformed),
    error: r.error,
    ...(withReport ? { report: fromJson<ImportReport>(r.report_json) ?? null } : {}),
  };
}
