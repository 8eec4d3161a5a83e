import { authorize } from '../../authz/index.ts';
import type { Actor } from '../../kernel/actor.ts';
import { toIso } from '../../kernel/codec.ts';
import { policyRefusal } from '../../kernel/errors.ts';
import { C } from './clauses.ts';
import type { PeopleInternals } from './internal.ts';
import { peoplePolicy } from './policy.ts';
import { activeDesignationsOf, assignmentsOf, personRow } from './repo.ts';
import type { AuthorizationResult, GatePlatform, UnmetRequirement, WaivedRequirement } from './types.ts';

/** II: "Authorized employee includes the City Manager, Assistant City Manager, Information Technology Manager, Public Information Analyst". */
const AUTHORIZED_BY_DEFINITION = ['city_manager', 'assistant_city_manager', 'it_manager', 'public_information_analyst'] as const;
const DAY_MS = 86_400_000;

/**
 * The authorization gate: may this person post to this platform now? Every unmet requirement is
 * named with its clause; a requirement is waived only by a Council-approved exception recorded
 * for exactly that clause, person/platform and date (VI) — the exceptions register, nothing else.
 */
export function gatePart(x: PeopleInternals) {
  const { db, clock, pack, policyVersions, exceptions } = x;

  function requirement(message: string, ...ids: string[]): UnmetRequirement {
    const clauses = x.cite(...ids);
    return { clause: clauses[0] as string, message, clauses };
  }

  /** IV.C.15(g) with IV.A.18: the acknowledgement must be of the version in force, or of an earlier one still inside the grace period. */
  async function acknowledgementState(personId: string, now: Date): Promise<{ unmet: UnmetRequirement | null; reacknowledgeBy: string | null }> {
    const current = await policyVersions.current();
    const acks = await db
      .selectFrom('acknowledgements as a')
      .innerJoin('policy_versions as v', 'v.id', 'a.policy_version_id')
      .select(['a.policy_version_id as versionId', 'v.recorded_at as versionRecordedAt', 'v.pack_id as packId', 'v.version as version'])
      .where('a.person_id', '=', personId)
      .orderBy('v.recorded_at', 'desc')
      .execute();
    if (acks.some((a) => a.versionId === current.id)) return { unmet: null, reacknowledgeBy: null };
    const latest = acks[0];
    if (!latest) {
      return {
        unmet: requirement(`Has not signed the acknowledgement of the policy (version ${current.version})`, C.acknowledgement, C.attachmentA),
        reacknowledgeBy: null,
      };
    }
    // The grace period runs from the first amendment recorded after the version acknowledged.
    const next = await db
      .selectFrom('policy_versions')
      .select('recorded_at')
      .where('pack_id', '=', latest.packId)
      .where('recorded_at', '>', latest.versionRecordedAt)
      .orderBy('recorded_at')
      .limit(1)
      .executeTakeFirst();
    const amendedAt = new Date(next?.recorded_at ?? current.recordedAt);
    const graceEnds = new Date(amendedAt.getTime() + pack.authorization.reacknowledgementGraceDays * DAY_MS);
    if (now.getTime() < graceEnds.getTime()) return { unmet: null, reacknowledgeBy: toIso(graceEnds) };
    return {
      unmet: requirement(
        `The acknowledgement of version ${latest.version} lapsed on ${toIso(graceEnds).slice(0, 10)} after the policy was amended: sign version ${current.version}`,
        C.acknowledgement,
        C.amendment,
        C.attachmentA,
      ),
      reacknowledgeBy: null,
    };
  }

  /**
   * Call it outside any open transaction: it reads through the database handle and the
   * policy-versions and exceptions modules read through theirs (on SQLite, one connection, a read
   * issued while another transaction holds it would wait forever). Gate first, then write.
   */
  async function checkAuthorization(personId: string, platform: GatePlatform): Promise<AuthorizationResult> {
    const now = clock.now();
    const person = await personRow(db, personId);
    const grants = (await assignmentsOf(db, [personId], x.today())).filter((a) => a.active);
    const unmet: UnmetRequirement[] = [];

    if (person.status === 'suspended' || person.status === 'revoked') {
      unmet.push(requirement(`${person.name}'s access is ${person.status}`, C.violations));
    } else if (person.status === 'departed') {
      unmet.push(requirement(`${person.name} is no longer with the City`, C.employee));
    }
    const member = grants.some((g) => g.role === 'legislative_member');
    if (member) {
      unmet.push(requirement('Members of a legislative body can never be authorized employees', C.legislativeMembers, C.legislativeBody, C.authorizedEmployee));
    }
    if (platform.status !== 'active') {
      unmet.push(requirement(`The platform is ${platform.status.replace(/_/g, ' ')}, not active: only Council-approved, active platforms are used`, C.councilApproval));
    }

    let basis: AuthorizationResult['basis'] = null;
    if (!member && grants.some((g) => (AUTHORIZED_BY_DEFINITION as readonly string[]).includes(g.role))) basis = 'definition';
    else {
      const designations = await activeDesignationsOf(db, personId);
      if (designations.some((d) => d.departmentId === person.department_id && d.platformIds.includes(platform.id))) basis = 'designation';
      else {
        unmet.push(
          requirement(
            'Not designated an authorized employee for this platform by the department head or the City Manager',
            C.onlyAuthorizedPost,
            C.onlyAuthorizedPostOnBehalf,
            C.designation,
          ),
        );
      }
    }

    // Required of every authorized employee, those authorized by definition (II) included.
    const ack = await acknowledgementState(personId, now);
    if (ack.unmet) unmet.push(ack.unmet);
    const done = await db.selectFrom('trainings').select(['kind']).where('person_id', '=', personId).where('platform_type', '=', platform.type.toLowerCase()).execute();
    if (!done.some((t) => t.kind === 'training')) {
      unmet.push(requirement(`Has not completed the City's training for ${platform.type}`, C.training));
    }
    if (!done.some((t) => t.kind === 'provider_terms')) {
      unmet.push(requirement(`Has not acknowledged ${platform.type}'s terms and policies`, C.providerRules, C.providerPolicies));
    }

    const remaining: UnmetRequirement[] = [];
    const waived: WaivedRequirement[] = [];
    for (const u of unmet) {
      let found = null;
      for (const clauseId of u.clauses) {
        found = await exceptions.findActive({ clauseId, personId, platformId: platform.id, on: now });
        if (found) break;
      }
      if (found) waived.push({ ...u, exception: { id: found.id, clauseId: found.clauseId, agendaItem: found.agendaItem, councilApprovedOn: found.councilApprovedOn } });
      else remaining.push(u);
    }
    return {
      personId,
      platformId: platform.id,
      authorized: remaining.length === 0,
      basis,
      unmet: remaining,
      exceptions: waived,
      reacknowledgeBy: ack.reacknowledgeBy,
    };
  }

  async function assertAuthorized(personId: string, platform: GatePlatform): Promise<AuthorizationResult> {
    const r = await checkAuthorization(personId, platform);
    if (!r.authorized) {
      const clauses = [...new Set(r.unmet.flatMap((u) => u.clauses))];
      throw policyRefusal(`Not authorized to post to this platform: ${r.unmet.map((u) => u.message).join('; ')}`, clauses);
    }
    return r;
  }

  /** The gate's answer for a reader allowed to see it. */
  async function authorizationFor(actor: Actor, personId: string, platforms: GatePlatform[]): Promise<AuthorizationResult[]> {
    const person = await personRow(db, personId);
    authorize(peoplePolicy, actor, 'authorization.read', { id: personId, departmentId: person.department_id });
    const out: AuthorizationResult[] = [];
    for (const p of platforms) out.push(await checkAuthorization(personId, p));
    return out;
  }

  return { checkAuthorization, assertAuthorized, authorizationFor };
}
