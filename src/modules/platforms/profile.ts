import type { Actor } from '../../kernel/actor.ts';
import { actorId, actorLabel } from '../../kernel/actor.ts';
import { toFlag, toIso, toJson } from '../../kernel/codec.ts';
import { policyRefusal } from '../../kernel/errors.ts';
import { C } from './clauses.ts';
import { assertCityContacts } from './contacts.ts';
import { authorizePlatform, type PlatformsDeps } from './deps.ts';
import { loadPlatform } from './repo.ts';
import type { Platform, PlatformProfile } from './types.ts';

export interface ProfilePatch {
  profile?: Partial<PlatformProfile>;
  contactEmail?: string | null;
  contactPhone?: string | null;
  /** IV.D.1: set by the IT Manager only. */
  template?: string | null;
  name?: string;
  handle?: string | null;
  url?: string | null;
  /** IV.C.2: the registry keeps each platform's domain name. */
  domain?: string | null;
}

/** Keys of an object whose value differs between two objects (JSON-wise). */
function changedKeys<T extends object>(a: T, b: T): (keyof T)[] {
  return (Object.keys({ ...a, ...b }) as (keyof T)[]).filter((k) => JSON.stringify(a[k] ?? null) !== JSON.stringify(b[k] ?? null));
}

function facts(p: Platform) {
  return { ...p.profile, contactEmail: p.contactEmail, contactPhone: p.contactPhone, template: p.template, name: p.name, handle: p.handle, url: p.url, domain: p.domain };
}

/** Profile facts and comments switch. */
export function createProfileActions(deps: PlatformsDeps) {
  const { db, dialect, clock, pack, audit } = deps;

  async function updateProfile(actor: Actor, id: string, patch: ProfilePatch): Promise<Platform> {
    assertCityContacts(pack, patch);
    return db.transaction().execute(async (tx) => {
      const before = await loadPlatform(tx, dialect, id, true);
      authorizePlatform(actor, 'platform.edit_profile', before);
      if (patch.template !== undefined && (patch.template ?? null) !== before.template) authorizePlatform(actor, 'platform.set_template', before);
      const profile: PlatformProfile = { ...before.profile, ...(patch.profile ?? {}) };
      if (before.commentsEnabled && before.status === 'active' && !profile.commentPolicy) {
        throw policyRefusal('Comments are on: the public comment policy must stay on the profile (turn comments off first)', [C.publicUsePolicy, C.commentPolicyDisplay]);
      }
      const now = toIso(clock.now());
      await tx
        .updateTable('platforms')
        .set({
          profile: toJson(profile),
          ...(patch.contactEmail !== undefined ? { contact_email: patch.contactEmail } : {}),
          ...(patch.contactPhone !== undefined ? { contact_phone: patch.contactPhone } : {}),
          ...(patch.template !== undefined ? { template: patch.template } : {}),
          ...(patch.name !== undefined ? { name: patch.name } : {}),
          ...(patch.handle !== undefined ? { handle: patch.handle } : {}),
          ...(patch.url !== undefined ? { url: patch.url } : {}),
          ...(patch.domain !== undefined ? { domain: patch.domain } : {}),
          updated_at: now,
        })
        .where('id', '=', id)
        .execute();
      const after = await loadPlatform(tx, dialect, id);
      const a = facts(before);
      const b = facts(after);
      const keys = changedKeys(a, b);
      if (keys.length > 0) {
        await audit.record(tx, actor, {
          action: 'platform.profile_updated',
          targetType: 'platform',
          targetId: id,
          targetLabel: after.name,
          before: Object.fromEntries(keys.map((k) => [k, a[k] ?? null])),
          after: Object.fromEntries(keys.map((k) => [k, b[k] ?? null])),
          clauses: clausesFor(keys as string[]),
        });
        await deps.archive?.profileSnapshot(tx, id);
      }
      return after;
    });
  }

  /**
   * IV.A.6: comments are on only with the City Manager's specific, recorded authorization for
   * this platform; the CM or the IT Manager may turn them off (IV.C.15(i)(v)).
   */
  async function setComments(actor: Actor, id: string, input: { enabled: boolean; note?: string | null }): Promise<Platform> {
    return db.transaction().execute(async (tx) => {
      const before = await loadPlatform(tx, dialect, id, true);
      const now = toIso(clock.now());
      if (input.enabled) {
        authorizePlatform(actor, 'platform.enable_comments', before);
        const caps = deps.connectorCapabilities(before.type);
        if (!caps?.hideComment && !caps?.deleteComment) {
          throw policyRefusal(`A ${before.type} platform gives staff no way to hide or remove public comments, so comments cannot be turned on`, [C.removalMechanism, C.commentPolicyDisplay]);
        }
        if (before.status === 'active' && !before.profile.commentPolicy) {
          throw policyRefusal('Put the public comment policy on the profile (text or link) before turning comments on', [C.publicUsePolicy, C.commentPolicyDisplay]);
        }
        await tx
          .updateTable('platforms')
          .set({ comments_enabled: toFlag(true), comments_authorized_by: actorId(actor), comments_authorized_at: now, updated_at: now })
          .where('id', '=', id)
          .execute();
      } else {
        authorizePlatform(actor, 'platform.disable_comments', before);
        await tx
          .updateTable('platforms')
          .set({ comments_enabled: toFlag(false), comments_authorized_by: null, comments_authorized_at: null, updated_at: now })
          .where('id', '=', id)
          .execute();
      }
      const after = await loadPlatform(tx, dialect, id);
      await audit.record(tx, actor, {
        action: input.enabled ? 'platform.comments_enabled' : 'platform.comments_disabled',
        targetType: 'platform',
        targetId: id,
        targetLabel: after.name,
        before: { commentsEnabled: before.commentsEnabled, commentsAuthorizedBy: before.commentsAuthorizedBy, commentsAuthorizedAt: before.commentsAuthorizedAt },
        after: { commentsEnabled: after.commentsEnabled, commentsAuthorizedBy: after.commentsAuthorizedBy, commentsAuthorizedAt: after.commentsAuthorizedAt, authorizedByName: input.enabled ? actorLabel(actor) : null },
        clauses: input.enabled ? [C.oneWay] : [C.oneWay, C.functionality],
        reason: input.note ?? null,
      });
      await deps.archive?.profileSnapshot(tx, id);
      return after;
    });
  }

  return { updateProfile, setComments };
}

const FIELD_CLAUSES: Record<string, string[]> = {
  displayName: [C.councilApprovalAndBranding],
  sealOrLogo: [C.councilApprovalAndBranding],
  brandingText: [C.councilApprovalAndBranding],
  name: [C.councilApprovalAndBranding],
  websiteUrl: [C.linkBack],
  privacyPolicyUrl: [C.privacyAndTerms],
  termsOfUseUrl: [C.privacyAndTerms],
  recordsDisclaimer: [C.recordsDisclaimer],
  publicForumNotice: [C.purposeNotice],
  liabilityDisclaimer: [C.liabilityDisclaimer],
  commentPolicy: [C.publicUsePolicy, C.commentPolicyDisplay],
  contactEmail: [C.cityContacts],
  contactPhone: [C.cityContacts],
  template: [C.template],
  handle: [C.registry],
  url: [C.registry],
  domain: [C.registry],
};

function clausesFor(keys: string[]): string[] {
  return [...new Set(keys.flatMap((k) => FIELD_CLAUSES[k] ?? []))];
}
