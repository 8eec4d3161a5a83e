import { useCallback, useState, type FormEvent } from 'react';
import { api } from '../../api/client.ts';
import { useMutation } from '../../api/useApi.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { SelectField, TextAreaField, TextField } from '../../components/Fields.tsx';
import { CHANNELS, type RecordsRequest, type Statutes } from './types.ts';

type Props = { request: RecordsRequest; onDone: () => void };
const post = (id: string, what: string) => (body: object) => api.post(`/api/records-requests/${encodeURIComponent(id)}/${what}`, body);

export function MessageForm({ request, onDone }: Props) {
  const [direction, setDirection] = useState('to_requester');
  const [channel, setChannel] = useState(request.email ? 'email' : 'phone');
  const [body, setBody] = useState('');
  const save = useMutation(useCallback(post(request.id, 'messages'), [request.id]));
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (await save.run({ direction, channel, body })) {
      setBody('');
      onDone();
    }
  }
  return (
    <form className="usa-form usa-form--large" onSubmit={(e) => void submit(e)} aria-label="Add to the dialogue">
      <ErrorAlert error={save.error} />
      <SelectField id="msg-direction" label="Entry" value={direction} onChange={setDirection} options={[{ value: 'to_requester', label: 'Sent to the requester' }, { value: 'from_requester', label: 'Received from the requester' }, { value: 'note', label: 'Staff note (never shown to the requester)' }]} />
      <SelectField id="msg-channel" label="Channel" value={channel} onChange={setChannel} options={CHANNELS} />
      <TextAreaField id="msg-body" label="Text" hint="Kept as written: entries are never edited or deleted." required value={body} onChange={setBody} rows={4} error={save.error?.fieldError('body')} />
      <button type="submit" className="usa-button" disabled={save.pending}>
        Add entry
      </button>
    </form>
  );
}

export function ExtendForm({ request, onDone, statutes }: Props & { statutes: Statutes }) {
  const [ground, setGround] = useState('');
  const [days, setDays] = useState('14');
  const [noticeText, setNotice] = useState('');
  const [declaration, setDeclaration] = useState('');
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const save = useMutation(useCallback(post(request.id, 'extend'), [request.id]));
  const iso = (local: string) => (local ? new Date(local).toISOString() : null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    const body = { ground: ground || null, days: Number(days), noticeText, ...(ground === 'state_of_emergency' ? { declaration } : {}), ...(ground === 'cyberattack' ? { attackStartedAt: iso(start), attackEndedAt: iso(end) } : {}) };
    if (await save.run(body)) onDone();
  }
  const chosen = statutes.grounds.find((g) => g.id === ground);
  const err = save.error;
  return (
    <form className="usa-form usa-form--large" onSubmit={(e) => void submit(e)} aria-label="Extend the determination">
      <ErrorAlert error={err} />
      <SelectField id="ext-ground" label="Ground (Gov. Code 7922.535(c))" required value={ground} onChange={setGround} placeholder="- Select a ground -" options={statutes.grounds.map((g) => ({ value: g.id, label: `${g.label} (${g.citation})` }))} error={err?.fieldError('ground')} />
      {chosen && <p className="usa-hint">{chosen.text}</p>}
      {ground === 'state_of_emergency' && <TextAreaField id="ext-declaration" label="The declaration (who proclaimed it, when, its number)" required value={declaration} onChange={setDeclaration} rows={2} error={err?.fieldError('declaration')} />}
      {ground === 'cyberattack' && (
        <>
          <TextField id="ext-start" type="text" label="Attack began (date and time)" hint="e.g. 2026-11-20T08:00" required value={start} onChange={setStart} error={err?.fieldError('attackStartedAt')} />
          <TextField id="ext-end" type="text" label="Attack ended (date and time)" hint="e.g. 2026-11-22T17:00" required value={end} onChange={setEnd} error={err?.fieldError('attackEndedAt')} />
        </>
      )}
      <TextField id="ext-days" type="number" label="Days (at most 14)" required value={days} onChange={setDays} inputMode="numeric" error={err?.fieldError('days')} />
      <TextAreaField id="ext-notice" label="Written notice to the requester" hint="The reasons and the date a determination is expected. It is kept in the dialogue." required value={noticeText} onChange={setNotice} rows={4} error={err?.fieldError('noticeText')} />
      <button type="submit" className="usa-button" disabled={save.pending}>
        Extend once
      </button>
    </form>
  );
}

export function ReviewForm({ request, onDone }: Props) {
  const [outcome, setOutcome] = useState('concur');
  const [note, setNote] = useState('');
  const save = useMutation(useCallback(post(request.id, 'review'), [request.id]));
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (await save.run({ outcome, note })) onDone();
  }
  return (
    <form className="usa-form usa-form--large" onSubmit={(e) => void submit(e)} aria-label="City Attorney review">
      <ErrorAlert error={save.error} />
      <SelectField id="rev-outcome" label="Review" value={outcome} onChange={setOutcome} options={[{ value: 'concur', label: 'Concur' }, { value: 'changes_requested', label: 'Changes requested' }]} />
      <TextAreaField id="rev-note" label="Note" required value={note} onChange={setNote} rows={3} error={save.error?.fieldError('note')} />
      <button type="submit" className="usa-button" disabled={save.pending}>
        Record review
      </button>
    </form>
  );
}

type Item = { item: string; exemption: string; explanation: string };

export function DetermineForm({ request, onDone, statutes }: Props & { statutes: Statutes }) {
  const [outcome, setOutcome] = useState('disclose_full');
  const [reasons, setReasons] = useState('');
  const [production, setProduction] = useState('');
  const [items, setItems] = useState<Item[]>([]);
  const save = useMutation(useCallback(post(request.id, 'determine'), [request.id]));
  const withholding = outcome === 'disclose_part' || outcome === 'deny';
  const setItem = (i: number, k: keyof Item) => (v: string) => setItems((xs) => xs.map((x, j) => (j === i ? { ...x, [k]: v } : x)));
  async function submit(e: FormEvent) {
    e.preventDefault();
    const body = { outcome, reasons, estimatedProductionOn: production || null, withheld: withholding ? items.map((x) => ({ item: x.item, exemption: x.exemption, explanation: x.explanation || null })) : [] };
    if (await save.run(body)) onDone();
  }
  const err = save.error;
  return (
    <form className="usa-form usa-form--large" onSubmit={(e) => void submit(e)} aria-label="Determination">
      <ErrorAlert error={err} />
      <SelectField id="det-outcome" label="Determination" value={outcome} onChange={setOutcome} options={statutes.outcomes.map((o) => ({ value: o.id, label: o.label }))} />
      <TextAreaField id="det-reasons" label="Reasons (for the requester)" required value={reasons} onChange={setReasons} rows={4} error={err?.fieldError('reasons')} />
      <TextField id="det-production" type="date" label="Estimated production date" hint="Required when records will be produced." value={production} onChange={setProduction} error={err?.fieldError('estimatedProductionOn')} />
      {withholding && (
        <fieldset className="usa-fieldset margin-top-2">
          <legend className="usa-legend">Records withheld, each with its exemption</legend>
          {items.map((x, i) => (
            <div key={i} className="margin-top-2">
              <TextField id={`det-item-${i}`} label={`Record ${i + 1}`} required value={x.item} onChange={setItem(i, 'item')} error={err?.fieldError(`body.withheld.${i}.item`)} />
              <SelectField id={`det-ex-${i}`} label={`Exemption for record ${i + 1}`} required value={x.exemption} onChange={setItem(i, 'exemption')} options={statutes.exemptions.map((ex) => ({ value: ex.id, label: `${ex.citation}: ${ex.label}` }))} />
              <TextField id={`det-expl-${i}`} label={`Explanation for record ${i + 1} (optional)`} value={x.explanation} onChange={setItem(i, 'explanation')} />
            </div>
          ))}
          <button type="button" className="usa-button usa-button--outline margin-top-2" onClick={() => setItems((xs) => [...xs, { item: '', exemption: statutes.exemptions[0]?.id ?? '', explanation: '' }])}>
            Add a withheld record
          </button>
        </fieldset>
      )}
      <button type="submit" className="usa-button margin-top-2" disabled={save.pending}>
        Record determination
      </button>
    </form>
  );
}

export function CloseForm({ request, onDone }: Props) {
  const [note, setNote] = useState('');
  const save = useMutation(useCallback(post(request.id, 'close'), [request.id]));
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (await save.run({ note })) onDone();
  }
  return (
    <form className="usa-form usa-form--large" onSubmit={(e) => void submit(e)} aria-label="Close the request">
      <ErrorAlert error={save.error} />
      <TextAreaField id="close-note" label="How it ended (e.g. records produced by email on …)" required value={note} onChange={setNote} rows={2} error={save.error?.fieldError('note')} />
      <button type="submit" className="usa-button" disabled={save.pending}>
        Close request
      </button>
    </form>
  );
}
