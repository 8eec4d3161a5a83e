import { createHash } from 'node:crypto';
import { authorize } from '../../authz/index.ts';
import type { Actor } from '../../kernel/actor.ts';
import { toIso } from '../../kernel/codec.ts';
import { conflict, invalidInput } from '../../kernel/errors.ts';
import { newId } from '../../kernel/ids.ts';
import type { PolicyPack } from '../../policy/index.ts';
import { C } from './clauses.ts';
import { actorPersonId, sameName, type PeopleInternals } from './internal.ts';
import { peoplePolicy } from './policy.ts';
import { personRow, toAcknowledgement, toTraining } from './repo.ts';
import type { Acknowledgement, PolicyVersionRef, Training, TrainingKind } from './types.ts';

export interface AcknowledgementInput {
  printedName: string;
  /** The typed name is the signature: it must match the printed name (Att.A). */
  signature: string;
  signedOn: string;
  departmentAndTitle: string;
  /** The version the signer read; refused if the policy was amended meanwhile. */
  policyVersionId?: string;
  /** SHA-256 of the text the signer read; refused if it is not the text of the version in force. */
  textSha256?: string;
}

export interface TrainingInput {
  kind: TrainingKind;
  platformType: string;
  completedOn: string;
  notes?: string | null;
}

export interface AcknowledgementForm {
  policyVersion: { id: string; version: string; recordedAt: string };
  title: string;
  body: string;
  fields: { name: string; signature: string; date: string; departmentAndTitle: string };
  textSha256: string;
  prefill: { printedName: string; departmentAndTitle: string; signedOn: string };
}

/** The exact Attachment A text a signer acknowledges, and its SHA-256 (hex). */
export function acknowledgementText(pack: PolicyPack): { title: string; body: string; sha256: string } {
  const { title, body } = pack.texts.acknowledgement;
  return { title, body, sha256: createHash('sha256').update(body, 'utf8').digest('hex') };
}

const isoOf = (d: string | Date) => (typeof d === 'string' ? d : toIso(d));

export function acknowledgementsPart(x: PeopleInternals) {
  const { db, clock, audit, policyVersions } = x;

  async function versionAndPack(): Promise<{ version: PolicyVersionRef; pack: PolicyPack }> {
    const version = await policyVersions.current();
    const pack = policyVersions.packOf ? await policyVersions.packOf(version.id) : x.pack;
    return { version, pack };
  }

  async function acknowledgementForm(actor: Actor, personId: string): Promise<AcknowledgementForm> {
    const person = await personRow(db, personId);
    authorize(peoplePolicy, actor, 'person.read', { id: personId, departmentId: person.department_id });
    const { version, pack } = await versionAndPack();
    const text = acknowledgementText(pack);
    const dept = person.department_id ? await db.selectFrom('departments').select('name').where('id', '=', person.department_id).executeTakeFirst() : undefined;
    return {
      policyVersion: { id: version.id, version: version.version, recordedAt: isoOf(version.recordedAt) },
      title: text.title,
      body: text.body,
      fields: { ...pack.texts.acknowledgement.fields },
      textSha256: text.sha256,
      prefill: { printedName: person.name, departmentAndTitle: [dept?.name, person.title].filter(Boolean).join(', '), signedOn: x.today() },
    };
  }

  /**
   * IV.C.15(g) and Attachment A: the person signs the acknowledgement of the policy version in
   * force, bound to that version and to the SHA-256 of the exact text acknowledged. The person signs
   * themself; the City Manager or IT Manager may record a signed paper form for them.
   */
  async function acknowledge(actor: Actor, personId: string, input: AcknowledgementInput): Promise<Acknowledgement> {
    // Read before the transaction: the policy-versions module reads through its own handle
    // (on SQLite, a query outside the open transaction would wait for it forever).
    const { version, pack } = await versionAndPack();
    return db.transaction().execute(async (tx) => {
      const person = await personRow(tx, personId);
      authorize(peoplePolicy, actor, 'acknowledgement.record', { id: personId, departmentId: person.department_id });
      const clauses = x.cite(C.acknowledgement, C.attachmentA);
      if (!sameName(input.printedName, person.name)) throw invalidInput('printedName', `must be the name of the person acknowledging (${person.name})`);
      if (!sameName(input.signature, input.printedName)) throw invalidInput('signature', 'the typed signature must match the printed name');
      if (input.signedOn > x.today()) throw invalidInput('signedOn', 'cannot be in the future');
      if (!input.departmentAndTitle.trim()) throw invalidInput('departmentAndTitle', 'required');
      if (input.policyVersionId && input.policyVersionId !== version.id) {
        throw conflict('The policy was amended since this form was opened: read the current version and sign again', x.cite(C.amendment, C.acknowledgement));
      }
      const text = acknowledgementText(pack);
      if (input.textSha256 && input.textSha256.toLowerCase() !== text.sha256) {
        throw conflict('The acknowledgement text signed is not the text of the policy in force: reload the form', clauses);
      }
      const existing = await tx.selectFrom('acknowledgements').select('id').where('person_id', '=', personId).where('policy_version_id', '=', version.id).executeTakeFirst();
      if (existing) throw conflict(`${person.name} has already acknowledged version ${version.version} of the policy`, clauses);
      const row = {
        id: newId(),
        person_id: personId,
        policy_version_id: version.id,
        printed_name: input.printedName.trim(),
        signature: input.signature.trim(),
        signed_on: input.signedOn,
        department_and_title: input.departmentAndTitle.trim(),
        text_sha256: text.sha256,
        recorded_at: toIso(clock.now()),
        recorded_by: actorPersonId(actor),
      };
      await tx.insertInto('acknowledgements').values(row).execute();
      const view = toAcknowledgement(row);
      const onPaper = actorPersonId(actor) !== personId;
      await audit.record(tx, actor, {
        action: onPaper ? 'acknowledgement.paper_recorded' : 'acknowledgement.signed',
        targetType: 'person',
        targetId: personId,
        targetLabel: `${person.name}: acknowledgement of ${pack.name} ${version.version}`,
        after: view,
        clauses,
      });
      return view;
    });
  }

  /** IV.C.6 training, and IV.A.8 / IV.C.4 provider terms reviewed, for a platform type. */
  async function recordTraining(actor: Actor, personId: string, input: TrainingInput): Promise<Training> {
    return db.transaction().execute(async (tx) => {
      const person = await personRow(tx, personId);
      authorize(peoplePolicy, actor, 'training.record', { id: personId, departmentId: person.department_id });
      if (input.completedOn > x.today()) throw invalidInput('completedOn', 'cannot be in the future');
      const row = {
        id: newId(),
        person_id: personId,
        platform_type: input.platformType.trim().toLowerCase(),
        kind: input.kind,
        completed_on: input.completedOn,
        notes: input.notes?.trim() || null,
        recorded_by: actorPersonId(actor),
        recorded_at: toIso(clock.now()),
      };
      await tx.insertInto('trainings').values(row).execute();
      const view = toTraining(row);
      await audit.record(tx, actor, {
        action: input.kind === 'training' ? 'training.recorded' : 'training.provider_terms_recorded',
        targetType: 'person',
        targetId: personId,
        targetLabel: `${person.name}: ${input.kind === 'training' ? 'training' : 'provider terms'} for ${row.platform_type}`,
        after: view,
        clauses: input.kind === 'training' ? x.cite(C.training) : x.cite(C.providerRules, C.providerPolicies),
      });
      return view;
    });
  }

  return { acknowledgementForm, acknowledge, recordTraining, versionAndPack };
}
