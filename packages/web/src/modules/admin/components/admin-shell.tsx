import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { matchPath, Navigate, NavLink, Outlet, useLocation } from 'react-router';
import { useQuery } from 'urql';
import type { Language } from '@parkeer/shared/language';
import { currentLanguage, hasBackOfficeStrings, loadBackOfficeStrings } from '../../../app/i18n.js';
import { useSession } from '../../../app/session.js';
import { Loading } from '../../../app/shell/loading.js';
import { useInactivityLogout } from '../../../app/shell/inactivity.js';
import { useLogout } from '../../../app/shell/logout.js';
import { rememberedLogin } from '../../../app/shell/remembered-login.js';
import { adminPages, backOfficeHome, homeOf, pageIsFor } from '../admin-routes.js';
import { AdminMunicipalityQuery } from '../graphql/admin.js';
import '../admin.css';

/**
 * The frame of the back office: the residents' shell in look (header, menu button on phones,
 * side menu on wide screens), with the admin's town in the header and the back office's own
 * menu, made from the route table. Logs out after the login's idle time, as the app does.
 */
export default function AdminShellWithStrings() {
  const { i18n } = useTranslation();
  const language = currentLanguage(i18n);
  // The back office's strings come with it, not with the residents' app, and in the shown
  // language only; another language's come when the interface switches (the initial JS budget).
  const [loaded, setLoaded] = useState<Language | null>(() =>
    hasBackOfficeStrings(i18n, language) ? language : null,
  );
  useEffect(() => {
    if (loaded === language) return;
    let current = true;
    void loadBackOfficeStrings(i18n, language).then(() => {
      if (current) setLoaded(language);
    });
    return () => {
      current = false;
    };
  }, [i18n, language, loaded]);
  return loaded === language ? <AdminShell /> : <Loading />;
}

function AdminShell() {
  const { t } = useTranslation();
  const { t: admin } = useTranslation('admin');
  const { me } = useSession();
  const logout = useLogout();
  const location = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const menuId = useId();
  useEffect(() => setMenuOpen(false), [location.pathname]);
  const logoutIdle = useCallback(() => void logout('inactive'), [logout]);
  useInactivityLogout(Boolean(me) && !rememberedLogin(), logoutIdle);
  const role = me?.role ?? 'municipalAdmin';
  // The platform's admin runs no town: its header says so instead of a town's name.
  const [{ data }] = useQuery({ query: AdminMunicipalityQuery, pause: role === 'platformAdmin' });
  const town = role === 'platformAdmin' ? admin('platform') : data?.adminMunicipality.name;
  const current = adminPages.find((page) => matchPath(page.path, location.pathname));
  if (current && !pageIsFor(current, role)) return <Navigate to={homeOf(role)} replace />;

  return (
    <div className="shell admin-shell">
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header className="shell__header">
        <span className="admin-shell__title">
          <span className="shell__brand">
            {t('appName')} · {admin('backOffice')}
          </span>
          {town && (
            <span className="admin-shell__town" data-testid="admin-town">
              <span className="visually-hidden">{admin('townLabel')}: </span>
              {town}
            </span>
          )}
        </span>
        <button
          type="button"
          className="shell__menu-button"
          aria-expanded={menuOpen}
          aria-controls={menuId}
          onClick={() => setMenuOpen((open) => !open)}
        >
          {menuOpen ? t('closeMenu') : t('menu')}
        </button>
      </header>
      <nav id={menuId} className="shell__nav" data-open={menuOpen} aria-label={t('menu')}>
        <ul>
          {adminPages
            .filter((page) => page.label && pageIsFor(page, role))
            .map((page) => (
              <li key={page.path}>
                {/* The dashboard's path is the prefix of every other: it is active alone. */}
                <NavLink to={page.path} end={page.path === backOfficeHome}>
                  {page.icon && (
                    <span className="admin-shell__icon" aria-hidden="true">
                      {page.icon}
                    </span>
                  )}
                  {t(page.label!)}
                </NavLink>
              </li>
            ))}
          <li>
            <button type="button" className="link-button" onClick={() => void logout()}>
              {t('nav.logout')}
            </button>
          </li>
        </ul>
      </nav>
      <main id="main" className="shell__main admin-shell__main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
