import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { hasRole, useSession } from '../../api/session.tsx';
import { useApi, useMutation } from '../../api/useApi.ts';
import { ClauseList } from '../../components/ClauseList.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatDateTime } from '../../components/format.ts';
import { Loading, Page } from '../../components/Page.tsx';
import { saveSettings, SETTINGS_PATH } from './api.ts';
import { sectionVGrounds } from './highlight.ts';
import type { ModerationSettings } from './types.ts';
import './moderation.css';

/**
 * The City Manager's moderation settings: which Section V clauses may hide a comment before a
 * human looks (never V.4, a moderator's judgement), and whether a removal needs two moderators.
 */
export function ModerationSettingsPage() {
  const { session, policy } = useSession();
  const isCityManager = hasRole(session, 'city_manager');
  const grounds = useMemo(() => sectionVGrounds(policy?.clauses), [policy]);
  const { data, error, loading, reload } = useApi<ModerationSettings>(SETTINGS_PATH);
  const [auto, setAuto] = useState<string[]>([]);
  const [twoPerson, setTwoPerson] = useState(false);
  const [saved, setSaved] = useState(false);
  const save = useMutation(saveSettings);

  useEffect(() => {
    if (!data) return;
    setAuto(data.autoHideClauses);
    setTwoPerson(data.twoPersonRule);
  }, [data]);

  const toggle = (id: string) => {
    setSaved(false);
    setAuto((a) => (a.includes(id) ? a.filter((c) => c !== id) : [...a, id]));
  };

  return (
    <Page title="Moderation settings">
      <p>
        <Link to="/moderation">Back to the moderation queue</Link>
      </p>
      <ErrorAlert error={error} />
      {loading && !data ? (
        <Loading />
      ) : data ? (
        <>
          <p data-testid="settings-updated">{data.updatedAt ? `Last changed ${formatDateTime(data.updatedAt)}.` : 'Never changed: nothing is hidden automatically and one moderator decides.'}</p>
          {isCityManager ? (
            <form
              className="usa-form usa-form--large"
              aria-label="Moderation settings"
              onSubmit={(e) => {
                e.preventDefault();
                setSaved(false);
                void save.run({ autoHideClauses: auto, twoPersonRule: twoPerson }).then((r) => {
                  if (r) {
                    setSaved(true);
                    reload();
                  }
                });
              }}
            >
              <ErrorAlert error={save.error} />
              <fieldset className="usa-fieldset">
                <legend className="usa-legend usa-legend--large">Hide automatically</legend>
                <p className="usa-hint" id="auto-hint">
                  A comment with a blocking finding under a ticked clause is hidden as it arrives, then waits in the queue for a moderator to confirm or restore it. V.4 (demonstrably false) is always a moderator’s judgement.
                </p>
                {grounds.map((g) => {
                  const id = `auto-${g.id.replace(/\W/g, '-')}`;
                  const never = g.id === 'V.4';
                  return (
                    <div className="usa-checkbox" key={g.id}>
                      <input className="usa-checkbox__input" id={id} type="checkbox" checked={auto.includes(g.id)} disabled={never} onChange={() => toggle(g.id)} aria-describedby="auto-hint" />
                      <label className="usa-checkbox__label" htmlFor={id}>
                        <span className="crier-clause-id">{g.id}</span> — {g.title}
                        {never && ' (moderators only)'}
                      </label>
                    </div>
                  );
                })}
              </fieldset>
              <fieldset className="usa-fieldset margin-top-3">
                <legend className="usa-legend usa-legend--large">Two-person rule</legend>
                <div className="usa-checkbox">
                  <input className="usa-checkbox__input" id="two-person" type="checkbox" checked={twoPerson} onChange={(e) => { setSaved(false); setTwoPerson(e.target.checked); }} aria-describedby="two-person-hint" />
                  <label className="usa-checkbox__label" htmlFor="two-person">
                    A removal needs a second moderator
                  </label>
                </div>
                <p className="usa-hint" id="two-person-hint">
                  A removal citing a clause not on the automatic list takes effect only once a different moderator confirms it.
                </p>
              </fieldset>
              <button type="submit" className="usa-button margin-top-3" disabled={save.pending}>
                Save settings
              </button>
              <p role="status" className="margin-top-1" data-testid="settings-saved">
                {saved ? 'Settings saved.' : ''}
              </p>
            </form>
          ) : (
            <>
              <h2>Hidden automatically</h2>
              <ClauseList ids={data.autoHideClauses} />
              <h2>Two-person rule</h2>
              <p>{data.twoPersonRule ? 'On: a removal needs a second moderator.' : 'Off: one moderator decides.'}</p>
              <p>Only the City Manager changes these settings.</p>
            </>
          )}
        </>
      ) : null}
    </Page>
  );
}
