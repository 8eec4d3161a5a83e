import { isCalendarDate } from '../../kernel/codec.ts';
import { invalidInput } from '../../kernel/errors.ts';
import type { Db } from '../../db/index.ts';
import { zonedTimeToInstant, type PolicyPack } from '../../policy/index.ts';
import { isArchiveKind } from '../archive/index.ts';
import type { ProductionFilterInput, ResolvedFilter } from './types.ts';

/** More explicit item ids than this belong in a date or department filter, not a list. */
export const MAX_ITEM_IDS = 10_000;

function dayStart(pack: PolicyPack, date: string, plusDays = 0): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const next = new Date(Date.UTC(y, m - 1, d + plusDays));
  return zonedTimeToInstant(pack.jurisdiction.timeZone, next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate(), 0, 0).toISOString();
}

/** A City date (from its start, or through its end) or an ISO-8601 instant. */
function instant(pack: PolicyPack, value: string, field: string, endOfDay: boolean): string {
  const v = value.trim();
  if (isCalendarDate(v)) return dayStart(pack, v, endOfDay ? 1 : 0);
  const t = Date.parse(v);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(v) || Number.isNaN(t)) throw invalidInput(field, `"${value}" is not a date (YYYY-MM-DD, City time) or an ISO-8601 instant`);
  return new Date(t).toISOString();
}

const clean = (values: string[] | undefined): string[] => [...new Set((values ?? []).map((v) => v.trim()).filter(Boolean))];

/**
 * Checks every filter value against what exists, so a typo is an error naming the value rather
 * than an empty production that looks like "no records".
 */
export async function resolveFilter(db: Db, pack: PolicyPack, input: ProductionFilterInput): Promise<ResolvedFilter> {
  const fromIso = input.from ? instant(pack, input.from, 'from', false) : null;
  const toIso = input.to ? instant(pack, input.to, 'to', true) : null;
  if (fromIso && toIso && fromIso >= toIso) throw invalidInput('to', `must be after from (${input.from})`);

  const kinds = clean(input.kinds);
  const badKind = kinds.find((k) => !isArchiveKind(k));
  if (badKind) throw invalidInput('kinds', `not a kind of archived record: ${badKind}`);

  const platformIds = clean(input.platforms);
  if (platformIds.length) {
    const found = new Set((await db.selectFrom('platforms').select('id').where('id', 'in', platformIds).execute()).map((r) => r.id));
    const missing = platformIds.find((p) => !found.has(p));
    if (missing) throw invalidInput('platforms', `no platform has the id ${missing}`);
  }

  const departments = clean(input.departments);
  const departmentIds: (string | null)[] = [];
  const named = departments.filter((d) => d.toLowerCase() !== 'city');
  if (named.length < departments.length) departmentIds.push(null);
  if (named.length) {
    const rows = await db.selectFrom('departments').select(['id', 'code']).where((eb) => eb.or([eb('id', 'in', named), eb('code', 'in', named)])).execute();
    for (const d of named) {
      const hit = rows.find((r) => r.id === d || r.code === d);
      if (!hit) throw invalidInput('departments', `no department has the id or code ${d} (use "city" for the City's own folder)`);
      departmentIds.push(hit.id);
    }
  }

  const itemIds = clean(input.items);
  if (itemIds.length > MAX_ITEM_IDS) throw invalidInput('items', `at most ${MAX_ITEM_IDS} item ids; filter by date, department or kind instead`);
  for (let i = 0; i < itemIds.length; i += 500) {
    const chunk = itemIds.slice(i, i + 500);
    const found = new Set((await db.selectFrom('archive_items').select('id').where('id', 'in', chunk).execute()).map((r) => r.id));
    const missing = chunk.find((id) => !found.has(id));
    if (missing) throw invalidInput('items', `no archived item has the id ${missing}`);
  }

  let request: ResolvedFilter['request'] = null;
  const wanted = input.request?.trim();
  if (wanted) {
    const r = await db.selectFrom('records_requests').select(['id', 'reference']).where((eb) => eb.or([eb('id', '=', wanted), eb('reference', '=', wanted.toUpperCase())])).executeTakeFirst();
    if (!r) throw invalidInput('request', `no public records request has the id or reference ${wanted}`);
    request = r;
  }

  return { fromIso, toIso, platformIds, departmentIds: [...new Set(departmentIds)], kinds, itemIds, request, given: input };
}

/** One line per filter for the custody log and bag-info ("everything" when there is none). */
export function describeFilter(f: ResolvedFilter): string[] {
  const lines: string[] = [];
  if (f.fromIso) lines.push(`captured from ${f.fromIso} (given: ${f.given.from})`);
  if (f.toIso) lines.push(`captured before ${f.toIso} (given: ${f.given.to})`);
  if (f.platformIds.length) lines.push(`platforms: ${f.platformIds.join(', ')}`);
  if (f.departmentIds.length) lines.push(`departments: ${f.departmentIds.map((d) => d ?? 'city').join(', ')}`);
  if (f.kinds.length) lines.push(`kinds: ${f.kinds.join(', ')}`);
  if (f.itemIds.length) lines.push(`items: ${f.itemIds.length} listed by id`);
  if (f.request) lines.push(`the items collected for public records request ${f.request.reference}`);
  return lines.length ? lines : ['none: every archived item'];
}
