import { useState, type FormEvent } from 'react';
import { api } from '../../api/client.ts';
import { useCityDate, useSession } from '../../api/session.tsx';
import { useApi, useMutation } from '../../api/useApi.ts';
import type { AcknowledgementFormInfo, PersonDetail, PolicyTexts } from '../../api/types.ts';
import { may } from '../../components/abilities.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { TextField } from '../../components/Fields.tsx';
import { formatDate } from '../../components/format.ts';
import { Section } from '../../components/Page.tsx';

/**
 * The Attachment A text the person signs: the acknowledgement form of the version in force
 * (with its hash, so the server can check the text signed is the text in force), else the
 * policy pack's public texts, else the person detail payload.
 */
function attachmentA(form: AcknowledgementFormInfo | undefined, texts: PolicyTexts | undefined, person: PersonDetail): { title: string; body: string } | null {
  if (form?.body) return { title: form.title, body: form.body };
  if (texts?.acknowledgement?.body) return { title: texts.acknowledgement.title, body: texts.acknowledgement.body };
  const a = person.attachmentA;
  if (typeof a === 'string') return { title: 'Employee Acknowledgement', body: a };
  if (a?.body) return { title: a.title ?? 'Employee Acknowledgement', body: a.body };
  return null;
}

/** Attachment A: printed name, typed signature, date, department and title (IV.C.15(g)). */
export function AcknowledgementSection({ person, departmentName, onChange }: { person: PersonDetail; departmentName: string | undefined; onChange: () => void }) {
  const { policy } = useSession();
  const canSign = may(person.abilities, 'acknowledgement.record');
  const form = useApi<AcknowledgementFormInfo>(canSign ? `/api/people/${encodeURIComponent(person.id)}/acknowledgement-form` : null);
  const texts = useApi<PolicyTexts>(form.error ? '/api/policy/texts' : null);
  const acks = person.acknowledgements ?? [];
  const currentVersionId = form.data?.policyVersion?.id ?? policy?.versionId;
  const current = currentVersionId ? acks.find((a) => a.policyVersionId === currentVersionId) : undefined;

  return (
    <Section title="Policy acknowledgement (Attachment A)" id="acknowledgement">
      {acks.length > 0 ? (
        <ul className="usa-list" data-testid="acknowledgements">
          {acks.map((a) => (
            <li key={a.id}>
              Signed by {a.printedName} ({a.departmentAndTitle}) on {formatDate(a.signedOn)}
              {currentVersionId ? (a.policyVersionId === currentVersionId ? ' — the policy in force' : ' — an earlier version of the policy') : ''}
            </li>
          ))}
        </ul>
      ) : (
        <p>Has not signed the acknowledgement of the policy (IV.C.15(g)).</p>
      )}
      {canSign && !current && (form.data || form.error) && (
        <SignForm
          key={form.data?.textSha256 ?? 'fallback'}
          person={person}
          form={form.data}
          text={attachmentA(form.data, texts.data, person)}
          fallbackDepartmentAndTitle={[departmentName, person.title].filter(Boolean).join(', ')}
          onSigned={onChange}
        />
      )}
    </Section>
  );
}

function SignForm({
  person,
  form,
  text,
  fallbackDepartmentAndTitle,
  onSigned,
}: {
  person: PersonDetail;
  form: AcknowledgementFormInfo | undefined;
  text: { title: string; body: string } | null;
  fallbackDepartmentAndTitle: string;
  onSigned: () => void;
}) {
  const { policy, session } = useSession();
  const isSelf = session.person?.id === person.id;
  const [printedName, setPrintedName] = useState(form?.prefill.printedName ?? (isSelf ? person.name : ''));
  const [signature, setSignature] = useState('');
  const [signedOn, setSignedOn] = useCityDate(form?.prefill.signedOn);
  const [departmentAndTitle, setDepartmentAndTitle] = useState(form?.prefill.departmentAndTitle ?? fallbackDepartmentAndTitle);
  const sign = useMutation((body: Record<string, string>) => api.post(`/api/people/${encodeURIComponent(person.id)}/acknowledgements`, body));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const body: Record<string, string> = { printedName: printedName.trim(), signature: signature.trim(), signedOn, departmentAndTitle: departmentAndTitle.trim() };
    if (form?.textSha256) body.textSha256 = form.textSha256;
    const r = await sign.run(body);
    if (r !== undefined) onSigned();
  }

  const err = (f: string) => sign.error?.fieldError(f);
  const version = form?.policyVersion.version ?? policy?.version;
  return (
    <>
      {text && (
        <div className="crier-policy-text crier-policy-text--boxed margin-y-2" data-testid="attachment-a-text">
          <h3 className="margin-top-0">{text.title}</h3>
          <p>{text.body}</p>
          {policy && (
            <p className="font-sans-3xs">
              {policy.name}
              {version ? `, version ${version}` : ''}
            </p>
          )}
        </div>
      )}
      <form className="usa-form usa-form--large" onSubmit={(e) => void submit(e)} noValidate aria-label="Sign the acknowledgement">
        <ErrorAlert error={sign.error} />
        <TextField id="ack-printed-name" label="Printed name" value={printedName} onChange={setPrintedName} required error={err('printedName')} />
        <TextField
          id="ack-signature"
          label="Signature (type your full name)"
          value={signature}
          onChange={setSignature}
          required
          hint="Typing your name here is your signature."
          error={err('signature')}
        />
        <TextField id="ack-date" label="Date" type="date" value={signedOn} onChange={setSignedOn} required error={err('signedOn')} />
        <TextField id="ack-department-title" label="Department and title" value={departmentAndTitle} onChange={setDepartmentAndTitle} required error={err('departmentAndTitle')} />
        <button type="submit" className="usa-button margin-top-3" disabled={sign.pending}>
          Sign acknowledgement
        </button>
      </form>
    </>
  );
}
