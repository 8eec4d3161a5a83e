import type { RedactionView } from './types.ts';

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line break. A field a
 * spreadsheet would read as a formula (=, +, -, @, tab, CR at the start) is prefixed with an
 * apostrophe (OWASP CSV injection), so a ground typed by staff can never run as a formula.
 */
export function csvField(v: string | number | null | undefined): string {
  if (v == null) return '';
  let s = String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const LOG_COLUMNS = [
  'request_reference',
  'log_number',
  'redaction_id',
  'archive_item_id',
  'item_kind',
  'type',
  'attachment_id',
  'span_start',
  'span_end',
  'region_x',
  'region_y',
  'region_w',
  'region_h',
  'exemption',
  'citation',
  'ground',
  'status',
  'approved_by',
  'approved_at',
  'redacted_by',
  'redacted_at',
  'withdrawn_by',
  'withdrawn_at',
  'withdrawal_reason',
  'original_sha256',
] as const;

/** The redaction log of a request (withdrawn entries included: the log is kept whole), CRLF line ends. */
export function logCsv(reference: string, log: RedactionView[]): string {
  const rows = log.map((r) => [
    reference,
    r.position,
    r.id,
    r.itemId,
    r.itemKind,
    r.kind,
    r.attachmentId,
    r.span?.start,
    r.span?.end,
    r.region?.x,
    r.region?.y,
    r.region?.w,
    r.region?.h,
    r.exemption,
    r.citation,
    r.ground,
    r.status,
    r.approvedBy?.name,
    r.approvedAt,
    r.redactedBy?.name,
    r.redactedAt,
    r.withdrawnBy?.name,
    r.withdrawnAt,
    r.withdrawalReason,
    r.originalSha256,
  ]);
  return [LOG_COLUMNS.join(','), ...rows.map((r) => r.map(csvField).join(','))].join('\r\n') + '\r\n';
}
