import { storableText } from '../../kernel/text.ts';
import { canonicalJson } from '../../kernel/canonical-json.ts';
import type { Clock } from '../../kernel/clock.ts';
import { toIso } from '../../kernel/codec.ts';
import { AppError } from '../../kernel/errors.ts';
import { newId, newSortableId } from '../../kernel/ids.ts';
import { insertRows, type DialectName, type Executor, type NewRow } from '../../db/index.ts';
import { retentionMemo, type PolicyPack } from '../../policy/index.ts';
import { itemHash, sha256 } from './chain.ts';
import { writeSearchRows } from './search-rows.ts';
import { toArchiveItem } from './repo.ts';
import { ARCHIVE_KINDS, EXCLUDED_FIELDS, EXCLUDED_TABLES, isArchiveKind, type ArchiveItem, type CaptureInput } from './types.ts';

const excludedFields = new Set<string>(EXCLUDED_FIELDS);

/** Refusal for a capture that must not happen (a programming error in the caller, so it aborts the write). */
const refuse = (message: string) => new AppError('invalid_input', `archive: ${message}`, { fields: [{ path: 'capture', message }] });

/** A field name that only a vault envelope or a mail row carries, anywhere in the value, or null. */
function excludedField(value: unknown, depth = 0): string | null {
  if (depth > 30 || value === null || typeof value !== 'object') return null;
  for (const [k, v] of Object.entries(value)) {
    if (excludedFields.has(k)) return k;
    const found = excludedField(v, depth + 1);
    if (found) return found;
  }
  return null;
}

function validate(input: CaptureInput): void {
  if (!input || typeof input !== 'object') throw refuse('nothing to capture');
  const table = (input as { sourceTable?: unknown }).sourceTable;
  if (typeof table === 'string' && (EXCLUDED_TABLES as readonly string[]).includes(table)) {
    throw refuse(`records from ${table} are never archived (credential secrets and mail bodies stay out of the archive and every export)`);
  }
  if (typeof input.kind !== 'string' || !isArchiveKind(input.kind)) throw refuse(`"${String(input.kind)}" is not a kind of record the archive keeps`);
  if (typeof table === 'string' && table !== ARCHIVE_KINDS[input.kind].table) throw refuse(`a ${input.kind} comes from ${ARCHIVE_KINDS[input.kind].table}, not ${table}`);
  if (typeof input.sourceId !== 'string' || input.sourceId.length === 0) throw refuse('sourceId is required');
  if (typeof input.renderedText !== 'string') throw refuse('renderedText must be text');
  const field = excludedField(input.native) ?? excludedField(input.metadata);
  if (field) throw refuse(`the payload carries "${field}", a field of credential secrets or mail; those are never archived`);
}

type CaptureDeps = { dialect: DialectName; clock: Clock; pack: PolicyPack };

/** What capture() and captureMany() share: building a chained row, and locking the head. */
function chainWriter(deps: CaptureDeps) {
  const { dialect, pack } = deps;
  /** retain_until for many items: the time-zone arithmetic once per quarter hour of creation, not per item. */
  const retainUntil = retentionMemo(pack);

  /** The row for one input, chained after `prevHash` at `seq`. */
  function chained(input: CaptureInput, now: Date, seq: number, prevHash: string, id: string = newId()): NewRow<'archive_items'> {
    const created = input.createdAt ? new Date(input.createdAt) : now;
    const category = ARCHIVE_KINDS[input.kind].retention;
    const native = canonicalJson(input.native ?? null);
    const fields = {
      id,
      kind: input.kind,
      source_id: input.sourceId,
      department_id: input.departmentId ?? null,
      platform_id: input.platformId ?? null,
      native,
      // Rendered text is for reading: NUL and unpaired surrogates (not storable on PostgreSQL) become U+FFFD; the native payload keeps the original, escaped.
      rendered_text: storableText(input.renderedText),
      metadata: canonicalJson(input.metadata ?? {}),
      content_sha256: sha256(native),
      captured_at: toIso(now),
      retention_category: category,
      retain_until: retainUntil(category, Number.isNaN(created.getTime()) ? now : created),
      prev_hash: prevHash,
    };
    return { seq, ...fields, item_hash: itemHash(fields) };
  }

  async function lockHead(tx: Executor) {
    const headQuery = tx.selectFrom('archive_head').select(['seq', 'hash']).where('id', '=', 1);
    return (dialect === 'postgres' ? headQuery.forUpdate() : headQuery).executeTakeFirstOrThrow();
  }

  return { chained, lockHead };
}

export function createCapture(deps: CaptureDeps) {
  const { clock } = deps;
  const { chained, lockHead } = chainWriter(deps);

  /**
   * Appends one record to the archive. Call it with the transaction of the write it records:
   * if that write rolls back, so does the capture, and a refused capture aborts the write.
   * On PostgreSQL the head row is locked so concurrent writers get consecutive seqs.
   */
  async function capture(tx: Executor, input: CaptureInput): Promise<ArchiveItem> {
    validate(input);
    const now = clock.now();
    const head = await lockHead(tx);
    const row = chained(input, now, Number(head.seq) + 1, head.hash);
    await tx.insertInto('archive_items').values(row).execute();
    await tx.updateTable('archive_head').set({ seq: row.seq, hash: row.item_hash }).where('id', '=', 1).execute();
    return toArchiveItem(row);
  }

  return capture;
}

export function createCaptureMany(deps: CaptureDeps) {
  const { clock, dialect } = deps;
  const { chained, lockHead } = chainWriter(deps);

  /**
   * Appends many records in the given order, as capture() would one by one (same rows, same
   * chain): the head is locked once, the rows are chained in memory and written in multi-row
   * inserts (their search side rows first: search-rows.ts), and the head moves once. Every input
   * is checked before anything is written.
   */
  async function captureMany(tx: Executor, inputs: readonly CaptureInput[]): Promise<NewRow<'archive_items'>[]> {
    if (!inputs.length) return [];
    for (const input of inputs) validate(input);
    const now = clock.now();
    const head = await lockHead(tx);
    let seq = Number(head.seq);
    let prev = head.hash;
    const rows = inputs.map((input) => {
      // Ids in seq order: a batch appends to the id index rather than touching a page per item.
      const row = chained(input, now, ++seq, prev, newSortableId());
      prev = row.item_hash;
      return row;
    });
    await writeSearchRows(tx, dialect, rows, inputs.map((input) => input.metadata));
    await insertRows(tx, dialect, 'archive_items', rows);
    await tx.updateTable('archive_head').set({ seq, hash: prev }).where('id', '=', 1).execute();
    return rows;
  }

  return captureMany;
}
