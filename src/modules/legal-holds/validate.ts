import { isCalendarDate } from '../../kernel/codec.ts';
import { invalidInput } from '../../kernel/errors.ts';
import type { Executor } from '../../db/index.ts';
import type { HoldScope, IssueHoldInput } from './types.ts';
import { boundedText as text } from '../../kernel/text.ts';

export { text };

export const LIMITS = { matter: 300, notes: 4_000, reason: 4_000, term: 100, terms: 20, ids: 100 } as const;



const optionalText = (path: string, value: unknown, max: number): string | null => (value == null || (typeof value === 'string' && value.trim() === '') ? null : text(path, value, max));

function date(path: string, value: unknown): string {
  if (typeof value !== 'string' || !isCalendarDate(value)) throw invalidInput(path, 'expected a date as YYYY-MM-DD');
  return value;
}

/** A list of ids that must each name a row of `table`; null/undefined = not limited; [] is refused (it would cover nothing). */
async function ids(tx: Executor, path: string, value: unknown, table: 'platforms' | 'departments', what: string): Promise<string[] | null> {
  if (value == null) return null;
  if (!Array.isArray(value) || value.length === 0) throw invalidInput(path, `a non-empty list of ${what} ids, or leave it out to cover every ${what}`);
  if (value.length > LIMITS.ids) throw invalidInput(path, `at most ${LIMITS.ids} ${what}s`);
  const list = [...new Set(value.map((v, i) => text(`${path}.${i}`, v, 100)))];
  const found = new Set((await tx.selectFrom(table).select('id').where('id', 'in', list).execute()).map((r) => r.id));
  const i = value.findIndex((v) => !found.has(String(v).trim()));
  if (i >= 0) throw invalidInput(`${path}.${i}`, `unknown ${what}: ${String(value[i]).slice(0, 100)}`);
  return list;
}

export interface ValidHold extends HoldScope {
  matter: string;
  custodianId: string;
  notes: string | null;
}

/** Checks a new hold, naming the first field at fault. */
export async function validateHold(tx: Executor, input: IssueHoldInput): Promise<ValidHold> {
  const matter = text('matter', input.matter, LIMITS.matter, 3);
  const custodianId = text('custodianId', input.custodianId, 100);
  const custodian = await tx.selectFrom('persons').select(['id', 'status']).where('id', '=', custodianId).executeTakeFirst();
  if (!custodian) throw invalidInput('custodianId', `unknown person: ${custodianId}`);
  if (custodian.status !== 'active') throw invalidInput('custodianId', `the custodian must be an active person (this one is ${custodian.status})`);
  const fromDate = date('fromDate', input.fromDate);
  const toDate = input.toDate == null || input.toDate === '' ? null : date('toDate', input.toDate);
  if (toDate !== null && toDate < fromDate) throw invalidInput('toDate', `the date range is inverted: ${toDate} is before fromDate ${fromDate}`);
  const platformIds = await ids(tx, 'platformIds', input.platformIds, 'platforms', 'platform');
  const departmentIds = await ids(tx, 'departmentIds', input.departmentIds, 'departments', 'department');
  let searchTerms: string[] | null = null;
  if (input.searchTerms != null) {
    if (!Array.isArray(input.searchTerms)) throw invalidInput('searchTerms', 'a list of words or phrases');
    if (input.searchTerms.length > LIMITS.terms) throw invalidInput('searchTerms', `at most ${LIMITS.terms} terms`);
    searchTerms = [...new Set(input.searchTerms.map((t, i) => text(`searchTerms.${i}`, t, LIMITS.term, 2)))];
    if (searchTerms.length === 0) searchTerms = null;
  }
  return { matter, custodianId, notes: optionalText('notes', input.notes, LIMITS.notes), platformIds, departmentIds, searchTerms, fromDate, toDate };
}
