import { useEffect, useId, useState, type ChangeEvent } from 'react';
import { useSession } from '../../api/session.tsx';
import { useMutation } from '../../api/useApi.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { getAttachment, uploadFile, type Attachment } from './api.ts';
import { DescribeForm } from './DescribeForm.tsx';

const ACCEPT = 'image/jpeg,image/png,image/gif,image/webp,video/mp4,video/webm,video/quicktime,application/pdf,.vtt,.srt';

/**
 * Attach files to a post: upload (each is scanned for viruses before it is kept, IV.C.15(i)(iii)),
 * then describe each one; what the policy still asks for is listed with its clause.
 */
export function AttachmentPicker({ value, onChange }: { value: string[]; onChange: (ids: string[]) => void }) {
  const { session } = useSession();
  const inputId = useId();
  const [items, setItems] = useState<Record<string, Attachment>>({});
  const upload = useMutation((file: File) => uploadFile(file, session?.csrfToken ?? null));

  useEffect(() => {
    for (const id of value) {
      if (!items[id]) void getAttachment(id).then((a) => setItems((m) => ({ ...m, [a.id]: a })), () => undefined);
    }
  }, [value, items]);

  async function choose(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    const a = await upload.run(file);
    if (a) {
      setItems((m) => ({ ...m, [a.id]: a }));
      onChange([...value, a.id]);
    }
  }

  return (
    <section className="crier-attachments" aria-label="Attachments">
      <div className="usa-form-group">
        <label className="usa-label" htmlFor={inputId}>
          Add a file
        </label>
        <div className="usa-hint" id={`${inputId}-hint`}>
          Images (JPEG, PNG, GIF, WebP), videos (MP4, WebM, QuickTime), PDF, or WebVTT/SRT captions. Each file is scanned for viruses; location data is removed from photos.
        </div>
        <input className="usa-file-input" id={inputId} type="file" accept={ACCEPT} aria-describedby={`${inputId}-hint`} onChange={(e) => void choose(e)} disabled={upload.pending} />
        {upload.pending && <p role="status">Uploading and scanning…</p>}
      </div>
      <ErrorAlert error={upload.error} heading="The file was not attached" />
      <ul className="usa-list usa-list--unstyled">
        {value.map((id) => {
          const a = items[id];
          return (
            <li key={id} className="margin-bottom-3 border-top border-base-lighter padding-top-2">
              {!a ? (
                <p>Loading attachment…</p>
              ) : (
                <>
                  <h3 className="margin-y-1">
                    {a.filename} <span className="usa-tag">{a.kind}</span>
                  </h3>
                  {a.issues.length > 0 ? (
                    <ul className="usa-list" aria-label={`Still needed for ${a.filename}`}>
                      {a.issues.map((i) => (
                        <li key={`${i.clause}-${i.message}`}>
                          <span className="crier-clause-id">{i.clause}</span>: {i.message}
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <p>Ready to post.</p>
                  )}
                  {a.status === 'clean' && a.kind !== 'captions' && <DescribeForm attachment={a} onSaved={(n) => setItems((m) => ({ ...m, [n.id]: n }))} />}
                </>
              )}
              <button type="button" className="usa-button usa-button--unstyled" onClick={() => onChange(value.filter((v) => v !== id))}>
                Remove {a?.filename ?? 'attachment'} from the post
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
