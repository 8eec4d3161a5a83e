import { insertTuples, type DialectName, type Executor, type NewRow } from '../../db/index.ts';

/**
 * The archive's search side rows (archive_search_entries, archive_search_clauses and the FTS5
 * index; read by modules/archive-search), written by captureMany itself on SQLite.
 *
 * The insert trigger of migrations 0013/0018 pulls the same values out of the item's metadata
 * with SQLite's JSON functions, one row at a time: about 50 µs an item, half of what a comment
 * costs to ingest. Here the metadata is parsed once per item in JavaScript and the rows go in as
 * multi-row inserts before the items; the trigger (guarded since migration 0021) then sees the
 * side row there and does nothing. It stays for any other writer of archive_items. The SQL
 * functions the trigger applies to the extracted values (strftime, lower, ltrim, substr) are
 * applied here too, so the rows are the trigger's rows (test/archive-search/side-rows.test.ts
 * holds the two equal). PostgreSQL keeps its trigger: it is not the embedded ingest path.
 */
const TEXT_LIMIT = 250_000;

type JsonObject = Record<string, unknown>;
const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
/**
 * What json_extract gives for a path whose json_type is text, integer or real; null otherwise.
 * An integer is bound as one (better-sqlite3 binds a number as REAL: lower(5.0) is '5.0', not '5').
 */
const scalar = (v: unknown): string | number | bigint | null =>
  typeof v === 'string' ? v : typeof v === 'number' && Number.isFinite(v) ? (Number.isSafeInteger(v) ? BigInt(v) : v) : v instanceof Date ? v.toISOString() : null;

function metadataOf(text: string): JsonObject {
  try {
    const m: unknown = JSON.parse(text);
    return isObject(m) ? m : {};
  } catch {
    return {};
  }
}

/** trim(coalesce(a, '') || ' ' || …): SQLite's trim removes spaces only. */
const joinMeta = (parts: (string | number | bigint | null)[]) => parts.map((p) => (p === null ? '' : String(p))).join(' ').replace(/^ +| +$/g, '');

interface SideRow {
  entry: unknown[];
  clauses: string[];
  fts: unknown[];
}

/**
 * The metadata as captured (the value `row.metadata` was serialized from), read as its stored JSON
 * would read: canonicalJson leaves out undefined members and writes a Date as its ISO text, which
 * `scalar` does too. Parsing the JSON back cost more per comment than building the whole side row.
 */
function metadataValue(value: unknown): JsonObject {
  return isObject(value) && !(value instanceof Date) ? value : {};
}

function sideRow(row: NewRow<'archive_items'>, metadata?: unknown): SideRow {
  const m = metadata === undefined ? metadataOf(row.metadata) : metadataValue(metadata);
  const author = isObject(m.author) ? m.author : {};
  const name = scalar(author.name);
  const handle = scalar(author.handle);
  const decision = scalar(m.decision);
  const clauseList = Array.isArray(m.clauses) ? (m.clauses as unknown[]).map((c) => (c instanceof Date ? c.toISOString() : c)).filter((c): c is string => typeof c === 'string') : [];
  const meta = joinMeta([name, handle, scalar(m.reason), decision, clauseList.length ? clauseList.join(' ') : null]);
  const status = scalar(m.status) ?? decision ?? scalar(m.change);
  return {
    // seq, item_id, created_on_platform_at, author_name, author_handle, author_person_id, status, meta_text, kind, department_id, platform_id, captured_at
    entry: [row.seq, row.id, scalar(m.createdOnPlatformAt), name, handle, scalar(author.personId), status, meta, row.kind, row.department_id ?? null, row.platform_id ?? null, row.captured_at],
    clauses: [...new Set(clauseList)],
    fts: [row.seq, row.rendered_text, meta],
  };
}

const ENTRY_COLUMNS = 'seq, item_id, created_on_platform_at, author_name, author_handle, author_person_id, status, meta_text, kind, department_id, platform_id, captured_at';
const ENTRY_VALUES = "(?, ?, strftime('%Y-%m-%dT%H:%M:%fZ', ?), lower(?), lower(ltrim(?, '@')), ?, ?, ?, ?, ?, ?, ?)";
const FTS_VALUES = `(?, substr(?, 1, ${TEXT_LIMIT}), ?)`;

/**
 * Writes the side rows of items about to be inserted (call before inserting them, in the same
 * transaction). `metadata[k]`, when given, is the value rows[k].metadata was serialized from.
 */
export async function writeSearchRows(tx: Executor, dialect: DialectName, rows: readonly NewRow<'archive_items'>[], metadata?: readonly unknown[]): Promise<void> {
  if (dialect !== 'sqlite' || !rows.length) return;
  const side = rows.map((row, k) => sideRow(row, metadata ? (metadata[k] ?? {}) : undefined));
  await insertTuples(tx, `insert into archive_search_entries (${ENTRY_COLUMNS})`, ENTRY_VALUES, side.map((s) => s.entry));
  const clauses = side.flatMap((s, k) => s.clauses.map((c) => [c, rows[k]!.seq]));
  await insertTuples(tx, 'insert or ignore into archive_search_clauses (clause, seq)', '(?, ?)', clauses);
  await insertTuples(tx, 'insert into archive_search_fts (rowid, body, meta)', FTS_VALUES, side.map((s) => s.fts));
}
