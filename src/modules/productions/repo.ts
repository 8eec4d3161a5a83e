import { fromJson } from '../../kernel/codec.ts';
import type { Row } from '../../db/index.ts';
import type { ProductionFilterInput, ProductionFormat } from './types.ts';

/** A production job as the UI shows it. */
export interface ProductionJob {
  id: string;
  format: ProductionFormat;
  filters: ProductionFilterInput;
  batesPrefix: string;
  status: 'queued' | 'running' | 'done' | 'failed' | 'expired';
  requestedBy: string;
  requestedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  phase: string | null;
  total: number;
  done: number;
  /** 0–100, for the progress bar. */
  percent: number;
  items: number | null;
  firstBates: string | null;
  lastBates: string | null;
  fileName: string | null;
  bytes: number | null;
  sha256: string | null;
  error: string | null;
  /** When a finished production's file is (or was) removed. */
  expiresAt: string | null;
  /** When it was removed; the file can no longer be downloaded. */
  expiredAt: string | null;
}

/** A bag's chain-of-custody log, kept in the production's folder after its zip expires. */
export const CUSTODY_LOG = 'chain-of-custody.txt';

export function toJob(r: Row<'productions'>, expiryDays: number): ProductionJob {
  const total = Number(r.total);
  const done = Number(r.done);
  const percent = r.status === 'done' || r.status === 'expired' ? 100 : total > 0 ? Math.min(99, Math.floor((done / total) * 100)) : 0;
  return {
    id: r.id,
    format: r.format as ProductionFormat,
    filters: fromJson<ProductionFilterInput>(r.filters_json) ?? {},
    batesPrefix: r.bates_prefix,
    status: r.status as ProductionJob['status'],
    requestedBy: r.requested_by_label,
    requestedAt: r.requested_at,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    phase: r.phase,
    total,
    done,
    percent,
    items: r.item_count == null ? null : Number(r.item_count),
    firstBates: r.first_bates,
    lastBates: r.last_bates,
    fileName: r.result_file ? r.result_file.split('/').pop()! : null,
    bytes: r.result_bytes == null ? null : Number(r.result_bytes),
    sha256: r.result_sha256,
    error: r.error,
    expiresAt: (r.status === 'done' || r.status === 'expired') && r.finished_at ? new Date(Date.parse(r.finished_at) + expiryDays * 86_400_000).toISOString() : null,
    expiredAt: r.expired_at,
  };
}
