import { parse } from 'csv-parse/sync';
import type { IncomingComment } from '../comments/index.ts';

/** The columns of an export file (docs/comment-import.md), in the order a CSV header may list them. */
export const IMPORT_COLUMNS = ['remote_id', 'post_remote_id', 'parent_remote_id', 'author_handle', 'author_name', 'text', 'created_at', 'edited_at', 'deleted', 'url'] as const;
const REQUIRED_COLUMNS = ['remote_id', 'post_remote_id', 'created_at'] as const;

export type ImportFormat = 'csv' | 'jsonl';
export type ParsedComment = Omit<IncomingComment, 'platformId'>;

export interface ParsedExport {
  rows: { line: number; item: ParsedComment }[];
  /** Lines that could not be read, by their line number in the file (1-based), with why. */
  malformed: { line: number; reason: string }[];
}

export class ExportFileError extends Error {}

/** The format from a file name, when it says: .csv, .jsonl / .ndjson. */
export function formatOfName(name: string): ImportFormat | null {
  if (/\.csv$/i.test(name)) return 'csv';
  if (/\.(jsonl|ndjson)$/i.test(name)) return 'jsonl';
  return null;
}

export function parseExportFile(content: string, format: ImportFormat): ParsedExport {
  return format === 'csv' ? parseCsv(content) : parseJsonLines(content);
}

function parseJsonLines(content: string): ParsedExport {
  const out: ParsedExport = { rows: [], malformed: [] };
  const lines = content.replace(/^\uFEFF/, '').split('\n');
  lines.forEach((raw, i) => {
    const text = raw.replace(/\r$/, '');
    if (!text.trim()) return;
    const line = i + 1;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return out.malformed.push({ line, reason: 'not valid JSON' });
    }
    if (!value || typeof value !== 'object' || Array.isArray(value)) return out.malformed.push({ line, reason: 'not a JSON object' });
    const r = toComment(value as Record<string, unknown>);
    if (typeof r === 'string') out.malformed.push({ line, reason: r });
    else out.rows.push({ line, item: r });
  });
  return out;
}

function parseCsv(content: string): ParsedExport {
  const out: ParsedExport = { rows: [], malformed: [] };
  // The first line of a record: its last line minus the line breaks inside it (leading blank lines aside).
  const firstLine = (lastLine: number, raw: string | undefined) => lastLine - ((raw ?? '').replace(/^[\r\n]+/, '').replace(/\r?\n$/, '').match(/\n/g)?.length ?? 0);
  const records = parse(content, {
    bom: true,
    info: true,
    raw: true,
    relax_column_count: true,
    // A stray quote inside a field is taken as text rather than derailing the rest of the file.
    relax_quotes: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_skip: (err: (Error & { lines?: number }) | undefined, raw?: string) => {
      if (err) out.malformed.push({ line: firstLine(err.lines ?? 0, raw), reason: err.message.replace(/ at line \d+/, '') });
    },
  }) as unknown as { record: string[]; info: { lines: number }; raw: string }[];
  const [head, ...body] = records;
  if (!head) return out;
  const header = head.record.map((h) => h.trim().toLowerCase());
  const missing = REQUIRED_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length) throw new ExportFileError(`The CSV header (line 1) lacks the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}: the first line must name the columns (see docs/comment-import.md)`);
  for (const { record, info, raw } of body) {
    const line = firstLine(info.lines, raw);
    if (record.length !== header.length) {
      out.malformed.push({ line, reason: `has ${record.length} field${record.length === 1 ? '' : 's'}, the header has ${header.length}` });
      continue;
    }
    const row: Record<string, unknown> = {};
    header.forEach((h, i) => (row[h] = record[i]));
    const r = toComment(row);
    if (typeof r === 'string') out.malformed.push({ line, reason: r });
    else out.rows.push({ line, item: r });
  }
  out.malformed.sort((a, b) => a.line - b.line);
  return out;
}

/** One row (JSON object or CSV record by header) as a comment, or why it cannot be one. */
function toComment(row: Record<string, unknown>): ParsedComment | string {
  const str = (k: string): string | null | { bad: string } => {
    const v = row[k];
    if (v === undefined || v === null || v === '') return null;
    if (typeof v === 'string') return v;
    if (typeof v === 'number' && Number.isFinite(v)) return String(v);
    return { bad: `${k} must be text` };
  };
  const fields: Record<string, string | null> = {};
  for (const k of IMPORT_COLUMNS) {
    if (k === 'deleted') continue;
    const v = str(k);
    if (v !== null && typeof v === 'object') return v.bad;
    fields[k] = v;
  }
  for (const k of ['remote_id', 'post_remote_id'] as const) {
    const v = fields[k]?.trim();
    if (!v) return `${k} is missing`;
    if (v.length > 512) return `${k} is longer than 512 characters`;
    fields[k] = v;
  }
  const deleted = flag(row.deleted);
  if (deleted === undefined) return 'deleted must be true or false';
  const createdAt = instant(fields.created_at ?? null);
  if (!fields.created_at) return 'created_at is missing';
  if (!createdAt) return `created_at "${fields.created_at}" is not a date`;
  const editedAt = fields.edited_at ? instant(fields.edited_at) : null;
  if (fields.edited_at && !editedAt) return `edited_at "${fields.edited_at}" is not a date`;
  if (fields.text === null && row.text === undefined && !deleted) return 'text is missing';
  for (const k of ['parent_remote_id', 'author_handle', 'author_name', 'url'] as const) {
    if ((fields[k]?.length ?? 0) > 2048) return `${k} is longer than 2048 characters`;
  }
  return {
    remoteId: fields.remote_id!,
    postRemoteId: fields.post_remote_id!,
    parentRemoteId: fields.parent_remote_id?.trim() || null,
    authorHandle: fields.author_handle?.trim() || null,
    authorName: fields.author_name?.trim() || null,
    text: fields.text ?? '',
    createdAt,
    editedAt,
    deleted,
    url: fields.url?.trim() || null,
    native: row,
  };
}

function flag(v: unknown): boolean | undefined {
  if (v === undefined || v === null || v === '' || v === false || v === 0) return false;
  if (v === true || v === 1) return true;
  if (typeof v !== 'string') return undefined;
  const s = v.trim().toLowerCase();
  if (['true', '1', 'yes', 'y'].includes(s)) return true;
  if (['false', '0', 'no', 'n', ''].includes(s)) return false;
  return undefined;
}

/** An ISO-8601 instant in UTC, from any date the platform's export writes (ISO, with offset, or epoch seconds). */
function instant(v: string | null): string | null {
  if (!v) return null;
  const s = v.trim();
  const ms = /^\d{9,11}$/.test(s) ? Number(s) * 1000 : /^\d{12,14}$/.test(s) ? Number(s) : Date.parse(s.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  if (!Number.isFinite(ms)) return null;
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) || d.getUTCFullYear() < 1990 || d.getUTCFullYear() > 9999 ? null : d.toISOString();
}
