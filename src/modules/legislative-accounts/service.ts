import { abilities, authorize } from '../../authz/index.ts';
import type { Db, Executor } from '../../db/index.ts';
import { actorId, type Actor } from '../../kernel/actor.ts';
import type { Clock } from '../../kernel/clock.ts';
import { toIso } from '../../kernel/codec.ts';
import { conflict, invalidInput, notFound, policyRefusal } from '../../kernel/errors.ts';
import { newId } from '../../kernel/ids.ts';
import { hasClause, localDate, type PolicyPack } from '../../policy/index.ts';
import type { AuditService } from '../audit/index.ts';
import { normalizeHandle } from '../bans/index.ts';
import type { NotificationsService } from '../notifications/index.ts';
import { createLegislativeActivity } from './activity.ts';
import { legislativeAccountsPolicy } from './policy.ts';

export interface LegislativeAccountsDeps {
  db: Db;
  clock: Clock;
  pack: PolicyPack;
  audit: Pick<AuditService, 'record'>;
  /** Flags of members' reactions and responses go to the City Clerk (and the City Attorney). */
  notifications?: Pick<NotificationsService, 'notify'>;
}

export interface LegislativeAccount {
  id: string;
  personId: string;
  personName: string;
  platformId: string;
  platformName: string;
  handle: string;
  createdBy: string;
  createdByName: string | null;
  createdAt: string;
  removedAt: string | null;
}

export interface RegisterInput {
  personId: string;
  platformId: string;
  handle: string;
}

const IV_B = 'IV.B';

/** The known account of a legislative body member with this handle on this platform (for the ingest side), or null. */
export async function legislativeAccountFor(ex: Executor, platformId: string, handle: string): Promise<{ personId: string } | null> {
  const h = normalizeHandle(handle);
  if (!h) return null;
  const row = await ex.selectFrom('legislative_accounts').select('person_id').where('platform_id', '=', platformId).where('handle', '=', h).where('removed_at', 'is', null).limit(1).executeTakeFirst();
  return row ? { personId: row.person_id } : null;
}

function accountQuery(ex: Executor) {
  return ex
    .selectFrom('legislative_accounts as a')
    .innerJoin('persons as p', 'p.id', 'a.person_id')
    .innerJoin('platforms as f', 'f.id', 'a.platform_id')
    .leftJoin('persons as c', 'c.id', 'a.created_by')
    .selectAll('a')
    .select(['p.name as person_name', 'f.name as platform_name', 'c.name as creator_name']);
}

type AccountRow = Awaited<ReturnType<ReturnType<typeof accountQuery>['executeTakeFirstOrThrow']>>;

const toAccount = (r: AccountRow): LegislativeAccount => ({
  id: r.id,
  personId: r.person_id,
  personName: r.person_name,
  platformId: r.platform_id,
  platformName: r.platform_name,
  handle: r.handle,
  createdBy: r.created_by,
  createdByName: r.creator_name,
  createdAt: r.created_at,
  removedAt: r.removed_at,
});

/**
 * Known accounts of legislative body members (IV.B): members "shall not respond to or participate
 * in any postings" on City platforms, so comments from these accounts are flagged and logged.
 * A member is a person holding a legislative body seat (the legislative_member role) or one the
 * Clerk has recorded as notified of the restrictions.
 */
export function createLegislativeAccountsService(deps: LegislativeAccountsDeps) {
  const { db, clock, pack, audit } = deps;
  const cite = (...ids: string[]) => ids.filter((id) => hasClause(pack, id));
  const today = () => localDate(pack, clock.now());

  /** People who are (or were recorded as) legislative body members: the choices for registering. */
  async function members(actor: Actor): Promise<{ id: string; name: string }[]> {
    authorize(legislativeAccountsPolicy, actor, 'legislative_account.list', null);
    return memberQuery(db).orderBy('name').execute();
  }

  function memberQuery(ex: Executor) {
    const d = today();
    return ex
      .selectFrom('persons as p')
      .select(['p.id', 'p.name'])
      .where((eb) =>
        eb.or([
          eb.exists(
            eb
              .selectFrom('role_assignments as r')
              .select('r.id')
              .whereRef('r.person_id', '=', 'p.id')
              .where('r.role', '=', 'legislative_member')
              .where('r.revoked_at', 'is', null)
              .where((e) => e.or([e('r.ends_on', 'is', null), e('r.ends_on', '>=', d)])),
          ),
          eb.exists(eb.selectFrom('legislative_notifications as n').select('n.id').whereRef('n.person_id', '=', 'p.id')),
        ]),
      );
  }

  async function list(actor: Actor, options: { includeRemoved?: boolean } = {}): Promise<{ accounts: LegislativeAccount[]; abilities: Record<string, boolean> }> {
    authorize(legislativeAccountsPolicy, actor, 'legislative_account.list', null);
    let q = accountQuery(db).orderBy('p.name').orderBy('f.name').orderBy('a.handle');
    if (!options.includeRemoved) q = q.where('a.removed_at', 'is', null);
    return { accounts: (await q.execute()).map(toAccount), abilities: abilities(legislativeAccountsPolicy, actor, null, ['legislative_account.register', 'legislative_account.remove']) };
  }

  async function register(actor: Actor, input: RegisterInput): Promise<LegislativeAccount> {
    authorize(legislativeAccountsPolicy, actor, 'legislative_account.register', null);
    const handle = normalizeHandle(input.handle);
    if (!handle) throw invalidInput('handle', "give the member's handle on the platform");
    return db.transaction().execute(async (tx) => {
      const person = await tx.selectFrom('persons').select(['id', 'name']).where('id', '=', input.personId).executeTakeFirst();
      if (!person) throw invalidInput('personId', 'no such person');
      const member = await memberQuery(tx).where('p.id', '=', person.id).executeTakeFirst();
      if (!member) throw policyRefusal(`${person.name} is not recorded as a member of a legislative body: record the seat first`, cite(IV_B));
      const platform = await tx.selectFrom('platforms').select(['id', 'name']).where('id', '=', input.platformId).executeTakeFirst();
      if (!platform) throw invalidInput('platformId', 'no such platform');
      const taken = await accountQuery(tx).where('a.platform_id', '=', platform.id).where('a.handle', '=', handle).where('a.removed_at', 'is', null).executeTakeFirst();
      if (taken) throw conflict(`${handle} on ${platform.name} is already registered to ${taken.person_name}`, cite(IV_B));
      const id = newId();
      await tx.insertInto('legislative_accounts').values({ id, person_id: person.id, platform_id: platform.id, handle, created_by: actorId(actor) ?? 'system', created_at: toIso(clock.now()), removed_at: null }).execute();
      await audit.record(tx, actor, { action: 'legislative_account.registered', targetType: 'legislative_account', targetId: id, targetLabel: `${person.name}: ${handle} on ${platform.name}`, after: { personId: person.id, platformId: platform.id, handle }, clauses: cite(IV_B) });
      return toAccount(await accountQuery(tx).where('a.id', '=', id).executeTakeFirstOrThrow());
    });
  }

  async function remove(actor: Actor, id: string, reason: string): Promise<LegislativeAccount> {
    authorize(legislativeAccountsPolicy, actor, 'legislative_account.remove', null);
    const why = reason.trim();
    if (why.length < 3) throw invalidInput('reason', 'say why (for example: term ended, account closed)');
    return db.transaction().execute(async (tx) => {
      const r = await accountQuery(tx).where('a.id', '=', id).executeTakeFirst();
      if (!r) throw notFound('Legislative account', id);
      if (r.removed_at) throw conflict('This account was already removed from the register');
      const now = toIso(clock.now());
      await tx.updateTable('legislative_accounts').set({ removed_at: now }).where('id', '=', id).execute();
      await audit.record(tx, actor, { action: 'legislative_account.removed', targetType: 'legislative_account', targetId: id, targetLabel: `${r.person_name}: ${r.handle} on ${r.platform_name}`, before: { removedAt: null }, after: { removedAt: now }, clauses: cite(IV_B), reason: why });
      return toAccount({ ...r, removed_at: now });
    });
  }

  const activity = createLegislativeActivity(deps);

  return {
    members,
    list,
    register,
    remove,
    accountFor: (platformId: string, handle: string) => legislativeAccountFor(db, platformId, handle),
    /** The guard's log of members' reactions and responses to each other (IV.B). */
    activity: activity.list,
  };
}

export type LegislativeAccountsService = ReturnType<typeof createLegislativeAccountsService>;
