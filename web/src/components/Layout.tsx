import { useEffect, useRef, type ReactNode } from 'react';
import { Link, NavLink, useLocation } from 'react-router-dom';
import { hasRole, useSession } from '../api/session.tsx';
import { useApi } from '../api/useApi.ts';
import { roleLabel } from './format.ts';

const OVERSIGHT = ['city_manager', 'assistant_city_manager', 'it_manager', 'city_clerk', 'city_attorney', 'auditor'];

/** Unread notifications, re-read on each navigation. */
function useUnread(enabled: boolean): number {
  const { pathname } = useLocation();
  const { data, reload } = useApi<{ unread?: number }>(enabled ? '/api/notifications?unread=true&limit=1' : null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (enabled) reload();
  }, [pathname, enabled, reload]);
  return data?.unread ?? 0;
}

function SideNavigation() {
  const { session } = useSession();
  const signedIn = session.authenticated;
  const unread = useUnread(signedIn);
  const items: { to: string; label: string; end?: boolean }[] = signedIn
    ? [
        { to: '/', label: 'Dashboard', end: true },
        { to: '/people', label: 'People' },
        ...(session.roles.some((r) => r.role !== 'legislative_member') ? [{ to: '/posts', label: 'Posts' }] : []),
        { to: '/platforms', label: 'Platforms' },
        { to: '/apps', label: 'Third-party apps' },
        ...(hasRole(session, ...OVERSIGHT, 'department_head', 'public_information_analyst') ? [{ to: '/exceptions', label: 'Council exceptions' }] : []),
        ...(hasRole(session, 'it_manager', 'city_manager') ? [{ to: '/vault', label: 'Credentials' }] : []),
        ...(session.roles.some((r) => r.role !== 'legislative_member') ? [{ to: '/offduty', label: 'Off-duty work' }] : []),
        ...(hasRole(session, 'city_manager', 'assistant_city_manager', 'it_manager', 'public_information_analyst', 'department_head', 'auditor') ? [{ to: '/reviews', label: 'Platform reviews' }] : []),
        ...(hasRole(session, 'moderator', 'public_information_analyst', ...OVERSIGHT) ? [{ to: '/moderation', label: 'Moderation' }] : []),
        ...(hasRole(session, 'moderator', 'public_information_analyst', ...OVERSIGHT) ? [{ to: '/bans', label: 'Bans' }, { to: '/appeals', label: 'Appeals' }, { to: '/legislative-accounts', label: 'Legislative accounts' }] : []),
        ...(hasRole(session, 'public_information_analyst', ...OVERSIGHT) ? [{ to: '/moderation-reports', label: 'Moderation reports' }] : []),
        ...(hasRole(session, 'city_clerk', 'city_attorney', 'city_manager', 'auditor') ? [{ to: '/records-requests', label: 'Records requests' }] : []),
        ...(hasRole(session, 'city_clerk', 'city_attorney', 'auditor', 'city_manager', 'it_manager') ? [{ to: '/archive/search', label: 'Search the archive' }] : []),
        ...(hasRole(session, 'city_clerk', 'city_attorney', 'city_manager', 'auditor', 'it_manager') ? [{ to: '/retention', label: 'Records retention' }] : []),
        ...(session.roles.some((r) => r.role !== 'legislative_member') ? [{ to: '/legal-holds', label: 'Legal holds' }] : []),
        ...(hasRole(session, 'city_clerk', 'city_attorney', 'it_manager') ? [{ to: '/productions', label: 'Productions' }] : []),
        ...(hasRole(session, 'city_clerk', 'it_manager') ? [{ to: '/archive/imports', label: 'Import downloads' }] : []),
        ...(hasRole(session, ...OVERSIGHT) ? [{ to: '/audit', label: 'Audit log' }] : []),
        { to: '/public/policy', label: 'The policy' },
        { to: '/public/comment-policy', label: 'Comment policy' },
        { to: '/public/disclaimers', label: 'Disclaimers' },
        { to: '/public/transparency', label: 'Transparency report' },
        { to: '/public/appeal', label: 'Appeal a decision' },
        { to: '/public/records-request', label: 'Request public records' },
        { to: '/public/reading-room', label: 'Reading room' },
      ]
    : [
        { to: '/sign-in', label: 'Sign in' },
        { to: '/public/policy', label: 'The policy' },
        { to: '/public/comment-policy', label: 'Comment policy' },
        { to: '/public/disclaimers', label: 'Disclaimers' },
        { to: '/public/transparency', label: 'Transparency report' },
        { to: '/public/appeal', label: 'Appeal a decision' },
        { to: '/public/records-request', label: 'Request public records' },
        { to: '/public/reading-room', label: 'Reading room' },
      ];
  return (
    <nav aria-label="Side navigation" className="crier-sidenav">
      <ul className="usa-sidenav">
        {items.map((i) => (
          <li className="usa-sidenav__item" key={i.to}>
            <NavLink to={i.to} end={i.end} className={({ isActive }) => (isActive ? 'usa-current' : '')}>
              {i.label}
              {i.to === '/' && unread > 0 && (
                <span className="usa-tag crier-tag--info margin-left-1">
                  {unread}
                  <span className="usa-sr-only"> unread notification{unread === 1 ? '' : 's'}</span>
                </span>
              )}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function Header() {
  const { session, siteTitle, signOut } = useSession();
  const person = session.person;
  return (
    <header className="usa-header usa-header--basic crier-header">
      <div className="grid-container-widescreen crier-header__inner">
        <div className="usa-logo crier-logo">
          <em className="usa-logo__text">
            <Link to="/" title="Home">
              {siteTitle}
            </Link>
          </em>
        </div>
        {session.authenticated && person && (
          <div className="crier-header__user">
            <span className="crier-header__name" data-testid="signed-in-as">
              <Link to="/account" className="crier-header__account">
                {person.name}
              </Link>
              {session.roles.length > 0 && <span className="crier-header__roles"> · {[...new Set(session.roles.map((r) => roleLabel(r.role)))].join(', ')}</span>}
            </span>
            <button type="button" className="usa-button usa-button--outline usa-button--inverse crier-header__signout" onClick={() => void signOut()}>
              Sign out
            </button>
          </div>
        )}
      </div>
    </header>
  );
}

/** Moves focus to the main heading after a route change, so keyboard and screen-reader users land on the new page. */
function useFocusOnNavigate() {
  const location = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const h1 = document.querySelector<HTMLElement>('main h1');
    if (h1) {
      h1.setAttribute('tabindex', '-1');
      h1.focus({ preventScroll: false });
    }
  }, [location.pathname]);
}

export function Layout({ children }: { children: ReactNode }) {
  const { policy } = useSession();
  useFocusOnNavigate();
  return (
    <>
      <a className="usa-skipnav" href="#main-content">
        Skip to main content
      </a>
      <Header />
      <div className="grid-container-widescreen crier-body">
        <div className="grid-row grid-gap">
          <div className="tablet:grid-col-3 desktop:grid-col-2 padding-bottom-4">
            <SideNavigation />
          </div>
          <main id="main-content" className="tablet:grid-col-9 desktop:grid-col-10 usa-prose-none padding-bottom-8" tabIndex={-1}>
            {children}
          </main>
        </div>
      </div>
      <footer className="usa-footer usa-footer--slim">
        <div className="usa-footer__secondary-section">
          <div className="grid-container-widescreen">
            <p className="crier-footer-text">
              Crier runs this city's official social media under {policy ? <>“{policy.name}”, version {policy.version}</> : 'its council-adopted policy'}.{' '}
              <Link to="/public/comment-policy">Public comment policy</Link> · <Link to="/public/disclaimers">Disclaimers</Link>
            </p>
          </div>
        </div>
      </footer>
    </>
  );
}
