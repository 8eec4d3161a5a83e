import { isCalendarDate } from '../../kernel/codec.ts';
import { invalidInput } from '../../kernel/errors.ts';
import { zonedTimeToInstant, type PolicyPack } from '../../policy/index.ts';
import { isArchiveKind } from '../archive/index.ts';
import type { NormalizedFilters, PersonMatch, SearchFilters } from './types.ts';

const MAX_FILTER = 200;

function addDays(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** A City date (start of that day, or of the next for an inclusive end) or an ISO instant. */
function instant(pack: PolicyPack, value: string, field: string, endOfDay: boolean): string {
  if (isCalendarDate(value)) {
    const [y, m, d] = (endOfDay ? addDays(value, 1) : value).split('-').map(Number) as [number, number, number];
    return zonedTimeToInstant(pack.jurisdiction.timeZone, y, m, d, 0, 0).toISOString();
  }
  const t = Date.parse(value);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(t)) throw invalidInput(field, 'a date (YYYY-MM-DD, City time) or an ISO-8601 instant');
  return new Date(t).toISOString();
}

function text(value: unknown, field: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw invalidInput(field, 'must be text');
  const v = value.trim();
  if (v === '') return undefined;
  if (v.length > MAX_FILTER) throw invalidInput(field, `is longer than ${MAX_FILTER} characters`);
  return v;
}

const person = (v: string): PersonMatch => ({ name: v.toLowerCase(), handle: v.replace(/^@+/, '').toLowerCase(), personId: v });

/** Checks the filters (naming the one at fault) and resolves dates to instants. */
export function normalizeFilters(pack: PolicyPack, f: SearchFilters = {}): NormalizedFilters {
  const kind = text(f.kind, 'kind');
  if (kind !== undefined && !isArchiveKind(kind)) throw invalidInput('kind', `not a kind of archived record: ${kind}`);
  const dateField = f.dateField ?? 'captured';
  if (dateField !== 'captured' && dateField !== 'created') throw invalidInput('dateField', "must be 'captured' or 'created'");
  const from = text(f.from, 'from');
  const to = text(f.to, 'to');
  const fromIso = from ? instant(pack, from, 'from', false) : undefined;
  const toIso = to ? instant(pack, to, 'to', true) : undefined;
  if (fromIso && toIso && fromIso >= toIso) throw invalidInput('to', 'must be after from');
  const author = text(f.author, 'author');
  const commenter = text(f.commenter, 'commenter');
  return {
    platform: text(f.platform, 'platform'),
    department: text(f.department, 'department'),
    kind,
    status: text(f.status, 'status')?.toLowerCase(),
    dateField,
    fromIso,
    toIso,
    author: author ? person(author) : undefined,
    commenter: commenter ? person(commenter) : undefined,
    clause: text(f.clause, 'clause'),
  };
}

/** The filters as given, without empty values (what a saved search keeps). */
export function cleanFilters(f: SearchFilters = {}): SearchFilters {
  const out: SearchFilters = {};
  for (const [k, v] of Object.entries(f) as [keyof SearchFilters, string | undefined][]) {
    if (typeof v === 'string' && v.trim() !== '') (out as Record<string, string>)[k] = v.trim();
  }
  return out;
}
