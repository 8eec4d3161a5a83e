import { authorize } from '../../authz/index.ts';
import type { RowUpdate } from '../../db/index.ts';
import { actorId, type Actor } from '../../kernel/actor.ts';
import { isCalendarDate, toIso, toJson } from '../../kernel/codec.ts';
import { conflict } from '../../kernel/errors.ts';
import { localDate } from '../../policy/index.ts';
import { C } from './clauses.ts';
import type { AttachmentsDeps } from './deps.ts';
import { invalidField } from './errors.ts';
import { attachmentsPolicy } from './policy.ts';
import { loadRow, toViews, type AttachmentRow } from './repo.ts';
import { altTextProblem, isCityWebsiteUrl } from './requirements.ts';
import type { AttachmentView, DescribeInput } from './types.ts';

export const resourceOf = (r: AttachmentRow) => ({ departmentId: r.department_id, uploadedBy: r.uploaded_by });

/**
 * Describe an attachment: alt text and captions (IV.A.9), the City-website copy of a video
 * (IV.D.5), the public-event attestation for photos (IV.D.7(b)), ownership and permission
 * (IV.D.6(e)), and use of the City seal or logo with its authorization (IV.D.7(c)).
 */
export function createDescribe(deps: AttachmentsDeps) {
  const { db, clock, pack, audit } = deps;

  async function describe(actor: Actor, id: string, input: DescribeInput): Promise<AttachmentView> {
    return db.transaction().execute(async (tx) => {
      const row = await loadRow(tx, id);
      authorize(attachmentsPolicy, actor, 'attachment.describe', resourceOf(row));
      if (row.status === 'quarantined') throw conflict(`${row.filename} is quarantined (the virus scanner found ${row.scan_signature}): it cannot be described or posted`, [C.antivirus]);
      const set: RowUpdate<'attachments'> = {};
      const clauses = new Set<string>();
      const now = clock.now();

      if (input.altText !== undefined) {
        if (input.altText === null) set.alt_text = null;
        else {
          const problem = altTextProblem(input.altText, row.filename);
          if (problem) throw invalidField('altText', problem, [C.accessibility]);
          set.alt_text = input.altText.trim();
        }
        clauses.add(C.accessibility);
      }

      if (input.captions !== undefined) {
        if (row.kind !== 'video') throw invalidField('captions', 'captions are recorded for videos only');
        set.caption_text = null;
        set.caption_file_id = null;
        if (input.captions?.kind === 'embedded') {
          const note = input.captions.note.trim();
          if (note.length < 3) throw invalidField('captions.note', 'say how the captions are carried in the video (e.g. "open captions burned in")', [C.accessibility]);
          set.caption_text = note;
        } else if (input.captions?.kind === 'file') {
          const file = await tx.selectFrom('attachments').select(['id', 'kind', 'status']).where('id', '=', input.captions.fileId).executeTakeFirst();
          if (!file || file.kind !== 'captions') throw invalidField('captions.fileId', 'not an uploaded WebVTT or SRT caption file', [C.accessibility]);
          if (file.status !== 'clean') throw invalidField('captions.fileId', 'that caption file is quarantined', [C.antivirus]);
          set.caption_file_id = file.id;
        }
        clauses.add(C.accessibility);
      }

      if (input.cityWebsiteUrl !== undefined) {
        if (row.kind !== 'video') throw invalidField('cityWebsiteUrl', 'the City-website copy is recorded for videos only');
        const url = input.cityWebsiteUrl?.trim() || null;
        if (url && !isCityWebsiteUrl(pack, url)) throw invalidField('cityWebsiteUrl', `must be an address on the City's website (${pack.jurisdiction.cityDomains.join(', ')})`, [C.videoOnWebsite]);
        set.city_website_url = url;
        clauses.add(C.videoOnWebsite);
      }

      if (input.photoAttestation !== undefined) {
        if (row.kind !== 'image') throw invalidField('photoAttestation', 'the public-event attestation is for photos and images only');
        set.photo_at_public_event = input.photoAttestation === null ? null : input.photoAttestation.atPublicSocialEvent ? 1 : 0;
        set.photo_attested_by = input.photoAttestation === null ? null : actorId(actor);
        set.photo_attested_at = input.photoAttestation === null ? null : toIso(now);
        clauses.add(C.publicEventPhotos);
      }

      if (input.ownership !== undefined || input.permission !== undefined) {
        const ownership = input.ownership !== undefined ? input.ownership : row.ownership;
        if (ownership === 'third_party') {
          const p = input.permission !== undefined ? input.permission : row.permission_json ? JSON.parse(row.permission_json) : null;
          if (!p) throw invalidField('permission', 'content the City does not own needs a permission record: who granted it, when, and for what', [C.permission]);
          if (!p.grantedBy?.trim() || p.grantedBy.trim().length < 2) throw invalidField('permission.grantedBy', 'name who granted permission', [C.permission]);
          if (!isCalendarDate(p.grantedOn ?? '')) throw invalidField('permission.grantedOn', 'a date as YYYY-MM-DD', [C.permission]);
          if (p.grantedOn > localDate(pack, now)) throw invalidField('permission.grantedOn', 'permission must already have been granted (the date is in the future)', [C.permission]);
          if (!p.scope?.trim() || p.scope.trim().length < 3) throw invalidField('permission.scope', 'say what the permission covers (e.g. "City social media, 2026")', [C.permission]);
          set.permission_json = toJson({ grantedBy: p.grantedBy.trim(), grantedOn: p.grantedOn, scope: p.scope.trim(), reference: p.reference?.trim() || null });
        } else {
          if (input.permission) throw invalidField('permission', 'a permission record is for content the City does not own (ownership third_party)');
          set.permission_json = null;
        }
        set.ownership = ownership;
        clauses.add(C.permission);
      }

      if (input.usesCitySeal !== undefined || input.sealAuthorization !== undefined) {
        const uses = input.usesCitySeal !== undefined ? input.usesCitySeal : row.uses_city_seal == null ? null : Number(row.uses_city_seal) === 1;
        const auth = (input.sealAuthorization !== undefined ? input.sealAuthorization : row.seal_authorization)?.trim() || null;
        if (uses === true && (!auth || auth.length < 3)) throw invalidField('sealAuthorization', 'use of the City seal or logo needs an authorization: give its reference (e.g. the approving memo)', [C.sealOrLogo]);
        if (uses !== true && input.sealAuthorization) throw invalidField('sealAuthorization', 'an authorization is recorded only when the file shows the City seal or logo');
        set.uses_city_seal = uses === null ? null : uses ? 1 : 0;
        set.seal_authorization = uses ? auth : null;
        clauses.add(C.sealOrLogo);
      }

      if (!Object.keys(set).length) return (await toViews(tx, [row]))[0]!;
      set.updated_at = toIso(now);
      await tx.updateTable('attachments').set(set).where('id', '=', id).execute();
      const after = await loadRow(tx, id);
      const changed = Object.fromEntries(Object.keys(set).filter((k) => k !== 'updated_at').map((k) => [k, after[k as keyof AttachmentRow]]));
      const before = Object.fromEntries(Object.keys(changed).map((k) => [k, row[k as keyof AttachmentRow]]));
      await audit.record(tx, actor, { action: 'attachment.described', targetType: 'attachment', targetId: id, targetLabel: row.filename, before, after: changed, clauses: [...clauses] });
      await deps.archive?.attachment(tx, id);
      return (await toViews(tx, [after]))[0]!;
    });
  }

  return { describe };
}
