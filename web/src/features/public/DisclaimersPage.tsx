import { useApi } from '../../api/useApi.ts';
import { useSession } from '../../api/session.tsx';
import type { PolicyTexts } from '../../api/types.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading, Page, Section } from '../../components/Page.tsx';
import { PolicyText } from './PolicyText.tsx';

/** Public records disclaimer (IV.A.11), purpose notice (IV.C.9), liability disclaimer (IV.C.10), links to terms and privacy (IV.A.15). */
export function DisclaimersPage() {
  const texts = useApi<PolicyTexts>('/api/policy/texts');
  const { policy } = useSession();
  const t = texts.data;
  const site = policy?.jurisdiction?.websiteUrl;
  return (
    <Page title="Disclaimers and notices">
      {texts.loading && <Loading />}
      <ErrorAlert error={texts.error} />
      {t?.purposeNotice && (
        <Section title="Purpose of the City's social media" id="purpose">
          <PolicyText text={t.purposeNotice} headingLevel={3} />
        </Section>
      )}
      {t?.recordsDisclaimer && (
        <Section title="Public records" id="records">
          <PolicyText text={t.recordsDisclaimer} headingLevel={3} />
        </Section>
      )}
      {t?.liabilityDisclaimer && (
        <Section title="Liability" id="liability">
          <PolicyText text={t.liabilityDisclaimer} headingLevel={3} />
        </Section>
      )}
      {site && (
        <Section title="The City's website" id="website">
          <p>
            Official information is on the City website: <a href={site}>{site}</a>.
          </p>
        </Section>
      )}
    </Page>
  );
}
