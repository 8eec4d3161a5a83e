import type { DialectName, Db } from '../../db/index.ts';
import { fromJson, isCalendarDate } from '../../kernel/codec.ts';
import { invalidInput } from '../../kernel/errors.ts';
import { zonedTimeToInstant, type PolicyPack } from '../../policy/index.ts';
import { parseQuery } from '../archive-search/index.ts';
import { choices as loadChoices, listEntries, type EntryRow } from './repo.ts';
import type { PublishedEntry, ReadingRoomChoices, ReadingRoomFilter, ReadingRoomPage } from './types.ts';

export interface ReadingRoomDeps {
  db: Db;
  dialect: DialectName;
  pack: PolicyPack;
}

const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 100;

function addDay(date: string): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

const encodeCursor = (row: EntryRow) => Buffer.from(JSON.stringify([row.published_at, row.seq])).toString('base64url');

function decodeCursor(value: string): { publishedAt: string; seq: number } {
  const bad = invalidInput('cursor', 'is not the next-page value of a previous page');
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
  } catch {
    throw bad;
  }
  if (!Array.isArray(parsed) || parsed.length !== 2 || typeof parsed[0] !== 'string' || !Number.isSafeInteger(parsed[1])) throw bad;
  return { publishedAt: parsed[0], seq: parsed[1] as number };
}

function toEntry(r: EntryRow): PublishedEntry {
  const meta = fromJson<{ platformIds?: { remoteUrl?: string | null; url?: string | null } }>(r.metadata) ?? {};
  const url = meta.platformIds?.remoteUrl ?? meta.platformIds?.url ?? null;
  return {
    id: r.id,
    source: r.kind === 'imported_post' ? 'imported' : 'post',
    publishedAt: r.published_at,
    platform: r.platform_id ? { id: r.platform_id, name: r.platform_name ?? 'Platform' } : null,
    department: r.department_id ? { id: r.department_id, name: r.department_name ?? 'Department' } : null,
    text: r.rendered_text,
    url: typeof url === 'string' && /^https?:\/\//.test(url) ? url : null,
  };
}

/**
 * The public reading room (SPEC §5, IV.A.11): what the City has published, from the archive,
 * searchable by words with platform, department and date filters. Public: no sign-in, so it
 * shows City posts only — never comments, commenters, decisions or anything later removed.
 */
export function createReadingRoom(deps: ReadingRoomDeps) {
  const { db, dialect, pack } = deps;
  const dayStart = (date: string) => {
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    return zonedTimeToInstant(pack.jurisdiction.timeZone, y, m, d, 0, 0).toISOString();
  };

  async function list(filter: ReadingRoomFilter = {}): Promise<ReadingRoomPage> {
    const limit = Math.min(Math.max(Math.trunc(filter.limit ?? DEFAULT_LIMIT), 1), MAX_LIMIT);
    for (const field of ['from', 'to'] as const) {
      const v = filter[field];
      if (v && !isCalendarDate(v)) throw invalidInput(field, 'a date as YYYY-MM-DD');
    }
    if (filter.from && filter.to && filter.to < filter.from) throw invalidInput('to', 'is before "from"');
    const rows = await listEntries(db, dialect, {
      q: parseQuery(filter.q),
      platform: filter.platform || undefined,
      department: filter.department || undefined,
      fromIso: filter.from ? dayStart(filter.from) : undefined,
      toIso: filter.to ? dayStart(addDay(filter.to)) : undefined,
      after: filter.cursor ? decodeCursor(filter.cursor) : undefined,
      limit: limit + 1,
    });
    const page = rows.slice(0, limit);
    return { entries: page.map(toEntry), next: rows.length > limit ? encodeCursor(page[page.length - 1]!) : null };
  }

  async function choices(): Promise<ReadingRoomChoices> {
    const rows = await loadChoices(db);
    const departments = new Map<string, string>();
    for (const r of rows) if (r.departmentId && r.departmentName) departments.set(r.departmentId, r.departmentName);
    return {
      platforms: rows.map((r) => ({ id: r.id, name: r.name })),
      departments: [...departments].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name)),
    };
  }

  return { list, choices };
}

export type ReadingRoomService = ReturnType<typeof createReadingRoom>;
