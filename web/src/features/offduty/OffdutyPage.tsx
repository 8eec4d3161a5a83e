import { hasRole, useSession } from '../../api/session.tsx';
import { Page } from '../../components/Page.tsx';
import { MyOffduty } from './MyOffduty.tsx';
import { SupervisorView } from './SupervisorView.tsx';

/** Off-duty work (IV.C.15(e)(i)(A)–(C)): my sessions and requests; for supervisors, decisions and the department log. */
export function OffdutyPage() {
  const { session } = useSession();
  const staff = session.roles.some((r) => r.role !== 'legislative_member' && r.role !== 'auditor');
  const supervises = hasRole(session, 'department_head', 'city_manager', 'assistant_city_manager', 'auditor');
  return (
    <Page title="Off-duty work" lead="Posting, checking or answering City social media off duty for more than a few minutes must be pre-authorized and logged.">
      {staff && <MyOffduty />}
      {supervises && <SupervisorView />}
    </Page>
  );
}
