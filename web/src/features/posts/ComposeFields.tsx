import { TextField } from '../../components/Fields.tsx';
import { useSession } from '../../api/session.tsx';

export interface ScheduleDraft {
  scheduledFor: string;
  emergency: boolean;
  releaseUrl: string;
  releasedAt: string;
}

/**
 * When the post goes out (a City wall-clock time), and the emergency section: IV.A.5 lets
 * emergency information be posted only after the City's emergency system has released it.
 */
export function ScheduleFields({ value, onChange, errorOf }: { value: ScheduleDraft; onChange: (v: ScheduleDraft) => void; errorOf: (field: string) => string | undefined }) {
  const { policy } = useSession();
  const zone = policy?.jurisdiction?.timeZone ?? 'the City’s time zone';
  const set = (patch: Partial<ScheduleDraft>) => onChange({ ...value, ...patch });
  return (
    <>
      <div className={`usa-form-group${errorOf('scheduledFor') ? ' usa-form-group--error' : ''}`}>
        <label className="usa-label" htmlFor="post-schedule">
          Publish at (optional)
        </label>
        <span className="usa-hint" id="post-schedule-hint">
          City time ({zone}). Leave empty to publish as soon as it is approved and reviewed; posts go out in business hours (IV.C.15(e)).
        </span>
        {errorOf('scheduledFor') && (
          <span className="usa-error-message" id="post-schedule-error" role="alert">
            {errorOf('scheduledFor')}
          </span>
        )}
        <input
          className="usa-input"
          id="post-schedule"
          type="datetime-local"
          value={value.scheduledFor}
          aria-describedby={`post-schedule-hint${errorOf('scheduledFor') ? ' post-schedule-error' : ''}`}
          onChange={(e) => set({ scheduledFor: e.target.value })}
        />
      </div>

      <fieldset className="usa-fieldset margin-top-3" aria-describedby="emergency-explain">
        <legend className="usa-legend">Emergency information</legend>
        <p className="usa-hint" id="emergency-explain">
          IV.A.5: emergency information is posted only after the City’s emergency notification system has released it — give where and when it was released.
        </p>
        <div className="usa-checkbox">
          <input className="usa-checkbox__input" id="post-emergency" type="checkbox" checked={value.emergency} onChange={(e) => set({ emergency: e.target.checked })} />
          <label className="usa-checkbox__label" htmlFor="post-emergency">
            This is emergency information
          </label>
        </div>
        {value.emergency && (
          <>
            <TextField id="post-release-url" label="Release URL" type="url" required value={value.releaseUrl} onChange={(v) => set({ releaseUrl: v })} error={errorOf('releaseUrl')} hint="The emergency system’s published release." />
            <div className={`usa-form-group${errorOf('releasedAt') ? ' usa-form-group--error' : ''}`}>
              <label className="usa-label" htmlFor="post-released-at">
                Released at
              </label>
              <span className="usa-hint" id="post-released-at-hint">
                City time ({zone}).
              </span>
              {errorOf('releasedAt') && (
                <span className="usa-error-message" id="post-released-at-error" role="alert">
                  {errorOf('releasedAt')}
                </span>
              )}
              <input
                className="usa-input"
                id="post-released-at"
                type="datetime-local"
                required
                value={value.releasedAt}
                aria-describedby={`post-released-at-hint${errorOf('releasedAt') ? ' post-released-at-error' : ''}`}
                onChange={(e) => set({ releasedAt: e.target.value })}
              />
            </div>
          </>
        )}
      </fieldset>
    </>
  );
}
