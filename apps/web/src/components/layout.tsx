/** The frame around every signed-in screen: header with user and language, navigation, content. */
import { NavLink, Outlet } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { isPlannerRole, useSession } from '../auth/session.tsx';
import { LanguageSwitch } from './language-switch.tsx';

const plannerLinks = [
  { to: '/rooster', key: 'nav.roster' },
  { to: '/optimaliseren', key: 'nav.optimise' },
  { to: '/publiceren', key: 'nav.publish' },
  { to: '/verlofaanvragen', key: 'nav.leaveRequests' },
  { to: '/wijkzorg', key: 'nav.homecare' },
  { to: '/capaciteit', key: 'nav.capacity' },
  { to: '/inzicht', key: 'nav.insight' },
] as const;

const staffLinks = [
  { to: '/mijn/rooster', key: 'nav.myRoster' },
  { to: '/mijn/wensen', key: 'nav.wishes' },
  { to: '/mijn/verlof', key: 'nav.leave' },
  { to: '/mijn/agenda', key: 'nav.calendar' },
  { to: '/mijn/melden', key: 'nav.flag' },
] as const;

export function Layout() {
  const { t } = useTranslation();
  const { user, logout } = useSession();
  const planner = isPlannerRole(user);
  const links = planner ? plannerLinks : staffLinks;
  return (
    <div className={planner ? 'shell shell-planner' : 'shell shell-staff'}>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="topbar">
        <div className="brand">
          <svg viewBox="0 0 32 32" width="24" height="24" aria-hidden="true">
            <rect width="32" height="32" rx="6" fill="currentColor" />
            <path d="M8 9h16v3H8zm0 6h10v3H8zm0 6h13v3H8z" fill="#fff" />
          </svg>
          <span>{t('app.name')}</span>
        </div>
        <nav aria-label={t('app.mainNav')} className="mainnav">
          <ul>
            {links.map((link) => (
              <li key={link.to}>
                <NavLink to={link.to}>{t(link.key)}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="topbar-end">
          <LanguageSwitch />
          {user && (
            <span className="user" title={user.email}>
              {user.name} <span className="role">· {t(`role.${user.role}`)}</span>
            </span>
          )}
          <button type="button" className="btn btn-ghost" onClick={() => void logout()}>
            {t('app.logout')}
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
