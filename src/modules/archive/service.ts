import { authorize } from '../../authz/index.ts';
import type { Actor } from '../../kernel/actor.ts';
import type { Clock } from '../../kernel/clock.ts';
import { isCalendarDate } from '../../kernel/codec.ts';
import { invalidInput, notFound } from '../../kernel/errors.ts';
import type { DatabaseTarget, Db, DialectName } from '../../db/index.ts';
import type { PolicyPack } from '../../policy/index.ts';
import type { AuditService } from '../audit/index.ts';
import { createCapture, createCaptureMany } from './capture.ts';
import { commentRecordsHook } from './comment-records.ts';
import { dispositionsFor } from './disposition.ts';
import { archiveHooks } from './hooks.ts';
import { archivePolicy } from './policy.ts';
import { getItem, listItems, toArchiveItem } from './repo.ts';
import { addDays, cityDayStart, createSealing } from './seal.ts';
import { isArchiveKind, type ArchiveItem } from './types.ts';
import { verifyArchive, type VerifyOptions } from './verify.ts';

export interface ArchiveDeps {
  db: Db;
  dialect: DialectName;
  clock: Clock;
  pack: PolicyPack;
  audit: AuditService;
  /**
   * Where verify's worker threads connect (PostgreSQL needs its URL; a SQLite file is found from
   * the connection). Without it a PostgreSQL archive is walked in one thread.
   */
  database?: DatabaseTarget;
}

export interface ArchiveListFilter {
  kind?: string;
  /** A department id, or 'city' for the City's own folder. */
  department?: string;
  /** A City date (YYYY-MM-DD, from its start) or an ISO instant. */
  from?: string;
  /** A City date (through its end) or an ISO instant (exclusive). */
  to?: string;
  /** Keyset cursor: the `next` of the previous page. */
  after?: number;
  limit?: number;
}

/** Set when the item was destroyed under an approved disposition: its payload is gone. */
export type ArchiveDisposed = { batchId: string; disposedAt: string } | null;

/** An item as readers see it: a destroyed one keeps its place, ids and hashes, never its content. */
export type ArchiveItemView = ArchiveItem & { disposed: ArchiveDisposed };

/** An item in a list: the native payload is left out (it can be large); read the item for it. */
export type ArchiveItemSummary = Omit<ArchiveItemView, 'native'>;

/** What a reader of a destroyed item gets: no native payload, no text, no metadata. */
function asDestroyed(item: ArchiveItem, disposed: ArchiveDisposed): ArchiveItemView {
  return disposed ? { ...item, native: null, renderedText: '', metadata: {}, disposed } : { ...item, disposed: null };
}

export function createArchiveService(deps: ArchiveDeps) {
  const { db, pack } = deps;
  const capture = createCapture(deps);
  const captureMany = createCaptureMany(deps);
  const sealing = createSealing(deps);

  function instant(value: string, field: string, endOfDay: boolean): string {
    if (isCalendarDate(value)) return cityDayStart(pack, endOfDay ? addDays(value, 1) : value).toISOString();
    const t = Date.parse(value);
    if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(t)) throw invalidInput(field, 'a date (YYYY-MM-DD, City time) or an ISO-8601 instant');
    return new Date(t).toISOString();
  }

  /** Keyset-paged, in capture order, for staff with records duties (IV.A.11, IV.A.13). */
  async function list(actor: Actor, filter: ArchiveListFilter = {}): Promise<{ items: ArchiveItemSummary[]; next: number | null }> {
    authorize(archivePolicy, actor, 'archive.read', null);
    if (filter.kind !== undefined && !isArchiveKind(filter.kind)) throw invalidInput('kind', `not a kind of archived record: ${filter.kind}`);
    const limit = Math.min(Math.max(filter.limit ?? 50, 1), 500);
    const rows = await listItems(db, {
      kind: filter.kind,
      department: filter.department,
      fromIso: filter.from ? instant(filter.from, 'from', false) : undefined,
      toIso: filter.to ? instant(filter.to, 'to', true) : undefined,
      after: filter.after,
      limit,
    });
    const disposed = await dispositionsFor(db, rows.map((r) => r.id));
    const items = rows.map((r) => {
      const { native: _native, ...summary } = asDestroyed(toArchiveItem(r), disposed.get(r.id) ?? null);
      return summary;
    });
    return { items, next: rows.length === limit ? Number(rows[rows.length - 1]!.seq) : null };
  }

  async function get(actor: Actor, id: string): Promise<ArchiveItemView> {
    authorize(archivePolicy, actor, 'archive.read', null);
    const row = await getItem(db, id);
    if (!row) throw notFound('Archive item', id);
    const disposed = await dispositionsFor(db, [id]);
    return asDestroyed(toArchiveItem(row), disposed.get(id) ?? null);
  }

  /** Walks the chain and the seals in pages, across worker threads when large (the CLI and jobs call this directly). */
  const verify = (options: VerifyOptions = {}) => verifyArchive(db, { database: deps.database, ...options });

  async function verifyAs(actor: Actor) {
    authorize(archivePolicy, actor, 'archive.verify', null);
    return verify();
  }

  const service = { capture, captureMany, seal: sealing.seal, tick: sealing.tick, listSeals: sealing.listSeals, list, get, verify, verifyAs };
  return { ...service, hooks: { ...archiveHooks({ capture }), commentRecords: commentRecordsHook(captureMany) } };
}

export type ArchiveService = ReturnType<typeof createArchiveService>;
