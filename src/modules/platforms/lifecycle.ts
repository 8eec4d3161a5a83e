import type { Actor } from '../../kernel/actor.ts';
import { actorId, actorLabel } from '../../kernel/actor.ts';
import { isCalendarDate, toFlag, toIso, toJson } from '../../kernel/codec.ts';
import { invalidInput, notFound, policyRefusal } from '../../kernel/errors.ts';
import { newId } from '../../kernel/ids.ts';
import { authorize } from '../../authz/index.ts';
import { C } from './clauses.ts';
import { checklistPasses, profileChecklist } from './checklist.ts';
import { assertCityContacts } from './contacts.ts';
import { authorizePlatform, todayIn, type PlatformsDeps } from './deps.ts';
import { platformsPolicy } from './policy.ts';
import { loadPlatform } from './repo.ts';
import { EMPTY_PROFILE, type Platform } from './types.ts';

export interface PlatformRequestInput {
  name: string;
  type: string;
  purpose: string;
  /** The requesting department; null for a City platform. */
  departmentId: string | null;
  handle?: string | null;
  url?: string | null;
  domain?: string | null;
  contactEmail?: string | null;
  contactPhone?: string | null;
}

const snapshot = (p: Platform) => ({ status: p.status, name: p.name, type: p.type, departmentId: p.departmentId });

/** requested → IT reviewed → council approved → active → terminated (IV.C.14, IV.A.3, IV.A.7). */
export function createLifecycle(deps: PlatformsDeps) {
  const { db, dialect, clock, pack, audit, notifications, connectorCapabilities } = deps;

  /** IV.C.14: a department requests a platform (or the CM / IT / PIA a City one). */
  async function request(actor: Actor, input: PlatformRequestInput): Promise<Platform> {
    authorize(platformsPolicy, actor, 'platform.request', { departmentId: input.departmentId });
    if (!connectorCapabilities(input.type)) throw invalidInput('body.type', `unknown platform type "${input.type}"`);
    assertCityContacts(pack, input);
    return db.transaction().execute(async (tx) => {
      if (input.departmentId !== null) {
        const dept = await tx.selectFrom('departments').select('id').where('id', '=', input.departmentId).executeTakeFirst();
        if (!dept) throw notFound('Department', input.departmentId);
      }
      const now = toIso(clock.now());
      const id = newId();
      await tx
        .insertInto('platforms')
        .values({
          id,
          name: input.name,
          type: input.type,
          department_id: input.departmentId,
          handle: input.handle ?? null,
          url: input.url ?? null,
          domain: input.domain ?? null,
          purpose: input.purpose,
          status: 'requested',
          requested_by: actorId(actor),
          requested_at: now,
          comments_enabled: toFlag(false),
          profile: toJson(EMPTY_PROFILE),
          contact_email: input.contactEmail ?? null,
          contact_phone: input.contactPhone ?? null,
          template: null,
          created_at: now,
          updated_at: now,
        })
        .execute();
      const p = await loadPlatform(tx, dialect, id);
      await notifications.notify(tx, {
        audience: 'role',
        role: 'it_manager',
        kind: 'platform.requested',
        subject: `Platform requested: ${p.name}`,
        body: `${actorLabel(actor)} requested the ${p.type} platform "${p.name}"${p.departmentName ? ` for ${p.departmentName}` : ' for the City'}. Purpose: ${p.purpose}. It awaits IT review.`,
        relatedType: 'platform',
        relatedId: id,
        clauses: [C.departmentRequest],
      });
      await audit.record(tx, actor, {
        action: 'platform.requested',
        targetType: 'platform',
        targetId: id,
        targetLabel: p.name,
        after: { ...snapshot(p), purpose: p.purpose, handle: p.handle, url: p.url, domain: p.domain },
        clauses: [C.departmentRequest],
      });
      return p;
    });
  }

  async function notifyRequester(tx: Parameters<PlatformsDeps['notifications']['notify']>[0], p: Platform, kind: string, subject: string, body: string, clauses: string[]) {
    if (!p.requestedBy) return;
    await notifications.notify(tx, { audience: 'person', personId: p.requestedBy, kind, subject, body, relatedType: 'platform', relatedId: p.id, clauses });
  }

  /** The IT Manager reviews a requested platform; a rejection ends the request. */
  async function itReview(actor: Actor, id: string, input: { decision: 'approve' | 'reject'; notes: string | null; template?: string | null }): Promise<Platform> {
    return db.transaction().execute(async (tx) => {
      const before = await loadPlatform(tx, dialect, id, true);
      authorizePlatform(actor, 'platform.it_review', before);
      if (input.decision === 'reject' && !input.notes?.trim()) throw invalidInput('body.notes', 'say why the request is rejected');
      const status = input.decision === 'approve' ? 'it_reviewed' : 'rejected';
      const now = toIso(clock.now());
      await tx
        .updateTable('platforms')
        .set({
          status,
          it_reviewed_by: actorId(actor),
          it_reviewed_at: now,
          it_review_notes: input.notes ?? null,
          ...(input.template ? { template: input.template } : {}),
          updated_at: now,
        })
        .where('id', '=', id)
        .execute();
      const after = await loadPlatform(tx, dialect, id);
      const clauses = [C.departmentRequest, C.cmItOversight, ...(input.template ? [C.template] : [])];
      await notifyRequester(
        tx,
        after,
        `platform.it_${input.decision === 'approve' ? 'reviewed' : 'rejected'}`,
        `${after.name}: IT review ${input.decision === 'approve' ? 'passed' : 'rejected the request'}`,
        input.decision === 'approve' ? `The IT Manager reviewed "${after.name}". It now needs the City Council's approval.` : `The IT Manager rejected "${after.name}": ${input.notes}`,
        clauses,
      );
      await audit.record(tx, actor, {
        action: input.decision === 'approve' ? 'platform.it_reviewed' : 'platform.it_rejected',
        targetType: 'platform',
        targetId: id,
        targetLabel: after.name,
        before: { status: before.status, template: before.template },
        after: { status: after.status, notes: after.itReviewNotes, template: after.template },
        clauses,
        reason: input.notes ?? null,
      });
      return after;
    });
  }

  /** IV.A.3: the Council's approval, with its date and agenda item number. */
  async function recordCouncilApproval(actor: Actor, id: string, input: { approvedOn: string; agendaItem: string }): Promise<Platform> {
    if (!isCalendarDate(input.approvedOn)) throw invalidInput('body.approvedOn', 'expected a date as YYYY-MM-DD');
    if (input.approvedOn > todayIn(deps)) throw invalidInput('body.approvedOn', 'the Council approval date cannot be in the future');
    return db.transaction().execute(async (tx) => {
      const before = await loadPlatform(tx, dialect, id, true);
      authorizePlatform(actor, 'platform.council_approval', before);
      await tx
        .updateTable('platforms')
        .set({ status: 'council_approved', council_approved_on: input.approvedOn, council_agenda_item: input.agendaItem, updated_at: toIso(clock.now()) })
        .where('id', '=', id)
        .execute();
      const after = await loadPlatform(tx, dialect, id);
      await notifyRequester(tx, after, 'platform.council_approved', `${after.name}: approved by the City Council`, `The City Council approved "${after.name}" on ${input.approvedOn} (agenda item ${input.agendaItem}). It can be activated once its profile checklist passes.`, [C.councilApprovalAndBranding]);
      await audit.record(tx, actor, {
        action: 'platform.council_approved',
        targetType: 'platform',
        targetId: id,
        targetLabel: after.name,
        before: { status: before.status },
        after: { status: after.status, councilApprovedOn: input.approvedOn, councilAgendaItem: input.agendaItem },
        clauses: [C.councilApprovalAndBranding],
      });
      return after;
    });
  }

  /**
   * Activation: only a Council-approved platform whose connector can remove posts
   * (IV.C.15(i)(vi)) and whose profile checklist passes.
   */
  async function activate(actor: Actor, id: string): Promise<Platform> {
    return db.transaction().execute(async (tx) => {
      const before = await loadPlatform(tx, dialect, id, true);
      authorizePlatform(actor, 'platform.activate', before);
      const caps = connectorCapabilities(before.type);
      if (!caps?.deletePost) {
        throw policyRefusal(`A ${before.type} platform gives staff no way to remove posts, so it cannot be used`, [C.removalMechanism]);
      }
      const checklist = profileChecklist(pack, {
        profile: before.profile,
        commentsEnabled: before.commentsEnabled,
        contactEmail: before.contactEmail,
        contactPhone: before.contactPhone,
        template: before.template,
        departmentName: before.departmentName,
      });
      if (!checklistPasses(checklist)) {
        const failing = checklist.filter((i) => !i.ok);
        throw policyRefusal(`The profile checklist does not pass: ${failing.map((i) => `${i.label} (${i.detail})`).join('; ')}`, [...new Set(failing.map((i) => i.clause))]);
      }
      const now = toIso(clock.now());
      await tx.updateTable('platforms').set({ status: 'active', activated_by: actorId(actor), activated_at: now, updated_at: now }).where('id', '=', id).execute();
      const after = await loadPlatform(tx, dialect, id);
      await notifyRequester(tx, after, 'platform.activated', `${after.name} is active`, `"${after.name}" was activated by ${actorLabel(actor)}.`, [C.councilApprovalAndBranding]);
      await audit.record(tx, actor, {
        action: 'platform.activated',
        targetType: 'platform',
        targetId: id,
        targetLabel: after.name,
        before: { status: before.status },
        after: { status: after.status, checklist: checklist.map((i) => ({ id: i.id, ok: i.ok })), canRemovePosts: true },
        clauses: [C.councilApprovalAndBranding, C.removalMechanism, ...new Set(checklist.map((i) => i.clause))].filter((c, i, a) => a.indexOf(c) === i),
      });
      return after;
    });
  }

  /** IV.A.7: the City Manager terminates a platform, with a reason; the Council is notified of it. */
  async function terminate(actor: Actor, id: string, input: { reason: string }): Promise<Platform> {
    if (!input.reason.trim()) throw invalidInput('body.reason', 'a reason is required');
    return db.transaction().execute(async (tx) => {
      const before = await loadPlatform(tx, dialect, id, true);
      authorizePlatform(actor, 'platform.terminate', before);
      const now = toIso(clock.now());
      await tx
        .updateTable('platforms')
        .set({ status: 'terminated', terminated_by: actorId(actor), terminated_at: now, termination_reason: input.reason, updated_at: now })
        .where('id', '=', id)
        .execute();
      const after = await loadPlatform(tx, dialect, id);
      const notice = await notifications.notify(tx, {
        audience: 'council',
        kind: 'platform.terminated',
        subject: `Termination of City social media: ${after.name}`,
        body: `The City Manager (${actorLabel(actor)}) terminated the use of "${after.name}" (${after.type}${after.departmentName ? `, ${after.departmentName}` : ''}) on ${todayIn(deps)}. Reason: ${input.reason}`,
        relatedType: 'platform',
        relatedId: id,
        clauses: [C.termination],
      });
      await audit.record(tx, actor, {
        action: 'platform.terminated',
        targetType: 'platform',
        targetId: id,
        targetLabel: after.name,
        before: { status: before.status },
        after: { status: after.status, councilNotificationId: notice.id },
        clauses: [C.termination],
        reason: input.reason,
      });
      return after;
    });
  }

  return { request, itReview, recordCouncilApproval, activate, terminate };
}
