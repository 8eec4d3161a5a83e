import { useApi } from '../../api/useApi.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatDate } from '../../components/format.ts';
import { Loading, Page, Section } from '../../components/Page.tsx';
import { PolicyText } from './PolicyText.tsx';
import type { PolicyVersionInfo } from './types.ts';

interface Disclaimers {
  policy: PolicyVersionInfo;
  recordsDisclaimer: string;
  purposeNotice: string;
  liabilityDisclaimer: string;
  websiteUrl: string;
  privacyPolicyUrl: string;
  termsOfUseUrl: string;
}

/** Public records disclaimer (IV.A.11), purpose notice (IV.C.9), liability disclaimer (IV.C.10), links to terms and privacy (IV.A.15), from the policy in force. */
export function DisclaimersPage() {
  const res = useApi<Disclaimers>('/api/public/disclaimers');
  const t = res.data;
  return (
    <Page title="Disclaimers and notices">
      {res.loading && <Loading />}
      <ErrorAlert error={res.error} />
      {t && (
        <>
          <p className="usa-intro">
            From {t.policy.name}, version {t.policy.version}
            {t.policy.adoptedOn ? `, adopted ${formatDate(t.policy.adoptedOn)}` : ''}.
          </p>
          <Section title="Purpose of the City's social media" id="purpose">
            <PolicyText text={t.purposeNotice} headingLevel={3} />
          </Section>
          <Section title="Public records" id="records">
            <PolicyText text={t.recordsDisclaimer} headingLevel={3} />
          </Section>
          <Section title="Liability" id="liability">
            <PolicyText text={t.liabilityDisclaimer} headingLevel={3} />
          </Section>
          <Section title="The City's website, privacy policy and terms of use" id="website">
            <ul className="usa-list">
              <li>
                Official information is on the City website: <a href={t.websiteUrl}>{t.websiteUrl}</a>
              </li>
              <li>
                <a href={t.privacyPolicyUrl}>Privacy policy</a>
              </li>
              <li>
                <a href={t.termsOfUseUrl}>Terms of use</a>
              </li>
            </ul>
          </Section>
        </>
      )}
    </Page>
  );
}
