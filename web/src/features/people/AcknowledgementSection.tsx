import { useState, type FormEvent } from 'react';
import { api } from '../../api/client.ts';
import { useSession } from '../../api/session.tsx';
import { useApi, useMutation } from '../../api/useApi.ts';
import type { PersonDetail, PolicyTexts } from '../../api/types.ts';
import { may } from '../../components/abilities.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { TextField } from '../../components/Fields.tsx';
import { formatDate, today } from '../../components/format.ts';
import { Section } from '../../components/Page.tsx';

/** The Attachment A text, from the policy pack's public texts or the person detail payload. */
function attachmentA(texts: PolicyTexts | undefined, person: PersonDetail): { title: string; body: string } | null {
  if (texts?.acknowledgement?.body) return { title: texts.acknowledgement.title, body: texts.acknowledgement.body };
  const a = person.attachmentA;
  if (typeof a === 'string') return { title: 'Employee Acknowledgement', body: a };
  if (a?.body) return { title: a.title ?? 'Employee Acknowledgement', body: a.body };
  return null;
}

/** Attachment A: printed name, typed signature, date, department and title (IV.C.15(g)). */
export function AcknowledgementSection({ person, departmentName, onChange }: { person: PersonDetail; departmentName: string | undefined; onChange: () => void }) {
  const { policy, session } = useSession();
  const texts = useApi<PolicyTexts>('/api/policy/texts');
  const acks = person.acknowledgements ?? [];
  const current = policy?.versionId ? acks.find((a) => a.policyVersionId === policy.versionId) : undefined;
  const isSelf = session.person?.id === person.id;
  const canSign = may(person.abilities, 'acknowledgement.record');
  const [printedName, setPrintedName] = useState(isSelf ? person.name : '');
  const [signature, setSignature] = useState('');
  const [signedOn, setSignedOn] = useState(today());
  const [departmentAndTitle, setDepartmentAndTitle] = useState([departmentName, person.title].filter(Boolean).join(', '));
  const sign = useMutation((body: Record<string, string>) => api.post(`/api/people/${person.id}/acknowledgements`, body));
  const [done, setDone] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await sign.run({ printedName: printedName.trim(), signature: signature.trim(), signedOn, departmentAndTitle: departmentAndTitle.trim() });
    if (r !== undefined) {
      setDone(true);
      setSignature('');
      onChange();
    }
  }

  const text = attachmentA(texts.data, person);
  const err = (f: string) => sign.error?.fieldError(f);
  return (
    <Section title="Policy acknowledgement (Attachment A)" id="acknowledgement">
      {acks.length > 0 && (
        <ul className="usa-list" data-testid="acknowledgements">
          {acks.map((a) => (
            <li key={a.id}>
              Signed by {a.printedName} ({a.departmentAndTitle}) on {formatDate(a.signedOn)}
              {policy?.versionId && a.policyVersionId === policy.versionId ? ' — current policy version' : ' — an earlier policy version'}
            </li>
          ))}
        </ul>
      )}
      {acks.length === 0 && <p>Has not signed the acknowledgement of the current policy (IV.C.15(g)).</p>}
      {done && (
        <div className="usa-alert usa-alert--success usa-alert--slim" role="status">
          <div className="usa-alert__body">
            <p className="usa-alert__text">Acknowledgement recorded.</p>
          </div>
        </div>
      )}
      {canSign && !current && (
        <>
          {text && (
            <div className="crier-policy-text crier-policy-text--boxed margin-y-2" data-testid="attachment-a-text">
              <h3 className="margin-top-0">{text.title}</h3>
              <p>{text.body}</p>
              {policy && (
                <p className="font-sans-3xs">
                  {policy.name}, version {policy.version}
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
      )}
    </Section>
  );
}
