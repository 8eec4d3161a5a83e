import { useState } from 'react';
import { api } from '../../api/client.ts';
import { useMutation } from '../../api/useApi.ts';
import type { Platform } from '../../api/types.ts';
import { may } from '../../components/abilities.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { TextField } from '../../components/Fields.tsx';
import { formatDateTime } from '../../components/format.ts';

/** Platforms are one-way by default; comments only with the City Manager's recorded authorization (IV.A.6). */
export function CommentsToggle({ platform, onChange }: { platform: Platform; onChange: () => void }) {
  const on = Boolean(platform.commentsEnabled);
  const [note, setNote] = useState('');
  const toggle = useMutation((enabled: boolean) => api.post<unknown>(`/api/platforms/${encodeURIComponent(platform.id)}/comments`, { enabled, note: note.trim() || null }));
  const canChange = on ? may(platform.abilities, 'platform.disable_comments') : may(platform.abilities, 'platform.enable_comments');
  const info = platform as Platform & { commentsAuthorizedAt?: string | null };

  return (
    <>
      <p data-testid="comments-state">
        Public comments are <strong>{on ? 'on' : 'off'}</strong>
        {on && info.commentsAuthorizedAt ? `, authorized by the City Manager on ${formatDateTime(info.commentsAuthorizedAt)}` : on ? '' : ' (one-way platform)'}.
      </p>
      {canChange && (
        <form
          className="usa-form usa-form--large"
          aria-label="Comments"
          onSubmit={(e) => {
            e.preventDefault();
            void toggle.run(!on).then((r) => r !== undefined && onChange());
          }}
        >
          <ErrorAlert error={toggle.error} />
          <TextField id="comments-note" label="Note for the record" value={note} onChange={setNote} hint={on ? 'Why comments are turned off.' : 'The City Manager’s authorization is recorded with this note (IV.A.6).'} />
          <button type="submit" className="usa-button margin-top-2" disabled={toggle.pending}>
            {on ? 'Turn comments off' : 'Authorize comments'}
          </button>
        </form>
      )}
    </>
  );
}
