import { systemActor } from '../../kernel/actor.ts';
import type { Clock } from '../../kernel/clock.ts';
import { toIso } from '../../kernel/codec.ts';
import { conflict, invalidInput } from '../../kernel/errors.ts';
import { isCalendarDate } from '../../kernel/codec.ts';
import type { Db, DialectName, Row } from '../../db/index.ts';
import { localDate, zonedTimeToInstant, type PolicyPack } from '../../policy/index.ts';
import type { AuditService } from '../audit/index.ts';
import { GENESIS_HASH, sealHash } from './chain.ts';
import { toArchiveSeal } from './repo.ts';
import type { ArchiveSeal } from './types.ts';

/** 'YYYY-MM-DD' + n days. */
export function addDays(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** The instant a City calendar day begins. */
export function cityDayStart(pack: PolicyPack, date: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return zonedTimeToInstant(pack.jurisdiction.timeZone, y, m, d, 0, 0);
}

/**
 * Daily seals: each City day's seal records the seq range captured up to the end of that day
 * and the chain head there, and is itself chained to the day before, so a seal cannot be
 * altered, dropped or back-dated without verify seeing it.
 */
export function createSealing(deps: { db: Db; dialect: DialectName; clock: Clock; pack: PolicyPack; audit: AuditService }) {
  const { db, dialect, clock, pack, audit } = deps;
  const system = systemActor('archive');

  const lastSeal = () => db.selectFrom('archive_seals').selectAll().orderBy('date', 'desc').limit(1).executeTakeFirst();

  /** Seals one day, given that every earlier day is sealed. Idempotent: a sealed day is returned as it is. */
  async function sealOne(date: string): Promise<ArchiveSeal> {
    return db.transaction().execute(async (tx) => {
      // The head lock waits for captures in flight, so a capture stamped before midnight is in.
      const headQuery = tx.selectFrom('archive_head').select(['seq']).where('id', '=', 1);
      const head = await (dialect === 'postgres' ? headQuery.forUpdate() : headQuery).executeTakeFirstOrThrow();
      const existing = await tx.selectFrom('archive_seals').selectAll().where('date', '=', date).executeTakeFirst();
      if (existing) return toArchiveSeal(existing);
      const prev = await tx.selectFrom('archive_seals').selectAll().where('date', '<', date).orderBy('date', 'desc').limit(1).executeTakeFirst();
      const firstSeq = prev ? Number(prev.last_seq) + 1 : 1;
      const end = toIso(cityDayStart(pack, addDays(date, 1)));
      // The day's items are the run from firstSeq up to the first one captured after the day
      // ended (a range by seq, so it is found by scanning that day alone).
      const after = await tx.selectFrom('archive_items').select('seq').where('seq', '>=', firstSeq).where('captured_at', '>=', end).orderBy('seq').limit(1).executeTakeFirst();
      const lastSeq = after ? Number(after.seq) - 1 : Number(head.seq);
      let headHash = prev?.head_hash ?? GENESIS_HASH;
      if (lastSeq >= firstSeq) {
        headHash = (await tx.selectFrom('archive_items').select('item_hash').where('seq', '=', lastSeq).executeTakeFirstOrThrow()).item_hash;
      }
      const fields = {
        date,
        first_seq: firstSeq,
        last_seq: lastSeq,
        item_count: lastSeq - firstSeq + 1,
        head_hash: headHash,
        sealed_at: toIso(clock.now()),
        prev_seal_hash: prev?.seal_hash ?? GENESIS_HASH,
      };
      const row: Row<'archive_seals'> = { ...fields, seal_hash: sealHash(fields) };
      await tx.insertInto('archive_seals').values(row).execute();
      await audit.record(tx, system, {
        action: 'archive.sealed',
        targetType: 'archive_seal',
        targetId: date,
        targetLabel: `Archive seal ${date}`,
        after: { firstSeq, lastSeq, count: row.item_count, headHash, sealHash: row.seal_hash },
        clauses: ['IV.A.13'],
      });
      return toArchiveSeal(row);
    });
  }

  /** The day sealing starts from: the day after the last seal, else the first item's day (null when nothing is archived). */
  async function nextToSeal(): Promise<string | null> {
    const prev = await lastSeal();
    if (prev) return addDays(prev.date, 1);
    const first = await db.selectFrom('archive_items').select('captured_at').where('seq', '=', 1).executeTakeFirst();
    return first ? localDate(pack, new Date(first.captured_at)) : null;
  }

  /** Seals a complete City day (and any unsealed day before it). Idempotent. */
  async function seal(date: string): Promise<ArchiveSeal> {
    if (!isCalendarDate(date)) throw invalidInput('date', 'a City calendar date, YYYY-MM-DD');
    const existing = await db.selectFrom('archive_seals').selectAll().where('date', '=', date).executeTakeFirst();
    if (existing) return toArchiveSeal(existing);
    if (date >= localDate(pack, clock.now())) throw conflict(`${date} is not over yet in City time; a day is sealed once it has ended`);
    const start = (await nextToSeal()) ?? date;
    if (date < start) throw conflict(`the archive's seals run from ${start}; ${date} is before them`);
    let out: ArchiveSeal | undefined;
    for (let d = start; d <= date; d = addDays(d, 1)) out = await sealOne(d);
    return out!;
  }

  /** For the scheduler: seals every complete City day not yet sealed. Returns the dates sealed. */
  async function tick(now: Date = clock.now()): Promise<string[]> {
    const start = await nextToSeal();
    if (!start) return [];
    const yesterday = addDays(localDate(pack, now), -1);
    const sealed: string[] = [];
    for (let d = start; d <= yesterday; d = addDays(d, 1)) {
      await sealOne(d);
      sealed.push(d);
    }
    return sealed;
  }

  async function listSeals(limit = 100): Promise<ArchiveSeal[]> {
    return (await db.selectFrom('archive_seals').selectAll().orderBy('date', 'desc').limit(limit).execute()).map(toArchiveSeal);
  }

  return { seal, tick, listSeals };
}
