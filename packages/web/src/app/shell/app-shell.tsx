import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useLocation } from 'react-router';
import { useSession } from '../session.js';
import { useInactivityLogout } from './inactivity.js';
import { rememberedLogin } from './remembered-login.js';
import { useLogout } from './logout.js';
import { ActingForBanner } from '../../modules/auth/components/acting-for-banner.js';

/**
 * The frame of every logged-in page: a header with a menu button on phones, a side menu on
 * wider screens, and the page itself. Logs out after the login's idle time.
 */
export function AppShell() {
  const { t } = useTranslation();
  const { me } = useSession();
  const logout = useLogout();
  const location = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const menuId = useId();
  useEffect(() => setMenuOpen(false), [location.pathname]);
  const menuButton = useRef<HTMLButtonElement>(null);
  // Escape closes the open menu (as a disclosure does) and the keyboard goes back to its button.
  useEffect(() => {
    if (!menuOpen) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setMenuOpen(false);
      menuButton.current?.focus();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [menuOpen]);
  const logoutIdle = useCallback(() => void logout('inactive'), [logout]);
  useInactivityLogout(Boolean(me) && !rememberedLogin(), logoutIdle);

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header className="shell__header">
        <span className="shell__brand">{t('appName')}</span>
        <button
          ref={menuButton}
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
          <li>
            <NavLink to="/producten">{t('nav.products')}</NavLink>
          </li>
          <li>
            <NavLink to="/sessies">{t('nav.sessions')}</NavLink>
          </li>
          <li>
            <NavLink to="/vergunningen">{t('nav.permits')}</NavLink>
          </li>
          <li>
            <NavLink to="/loket">{t('nav.counter')}</NavLink>
          </li>
          <li>
            <NavLink to="/instellingen">{t('nav.settings')}</NavLink>
          </li>
          <li>
            <NavLink to="/over">{t('nav.about')}</NavLink>
          </li>
          <li>
            <button type="button" className="link-button" onClick={() => void logout()}>
              {t('nav.logout')}
            </button>
          </li>
        </ul>
      </nav>
      <main id="main" className="shell__main" tabIndex={-1}>
        <ActingForBanner />
        <Outlet />
      </main>
    </div>
  );
}
