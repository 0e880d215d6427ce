import { lazy, Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { useSession } from '../../../app/session.js';
import { Loading } from '../../../app/shell/loading.js';
import { useLogout } from '../../../app/shell/logout.js';
import { workHome, workRoles } from '../work-roles.js';
import '../work-home.css';

const EnforcementPage = lazy(() => import('../../enforcement/components/enforcement-page.js'));

/**
 * What each role can do now, as catalogue keys: one message each (a list in a catalogue would be
 * read as a compiled message, which is a list too).
 */
const canDo: Record<string, readonly string[]> = {
  enforcement: ['rightCheck', 'token', 'towns'],
  partner: ['token'],
};

/** The officer's and the partner's start: who they are logged in as, and what they can do now. */
export default function WorkHomePage() {
  const { t } = useTranslation();
  const { t: work } = useTranslation('work-home');
  const { me } = useSession();
  const logout = useLogout();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [me?.role]);
  if (me === undefined) return <Loading />;
  if (me === null)
    return <Navigate to={`/inloggen?terug=${encodeURIComponent(workHome)}`} replace />;
  if (!workRoles.includes(me.role)) return <Navigate to="/" replace />;
  // The officer's home is its check screen (docs/rules.md §9), in a chunk of its own.
  if (me.role === 'enforcement') {
    return (
      <Suspense fallback={<Loading />}>
        <EnforcementPage />
      </Suspense>
    );
  }
  const role = 'partner';

  return (
    <div className="public">
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header className="public__header work-home__header">
        <span className="shell__brand">{t('appName')}</span>
        <button type="button" className="link-button" onClick={() => void logout()}>
          {t('nav.logout')}
        </button>
      </header>
      <main id="main" className="public__main" data-testid="work-home" data-role={role}>
        <h1 ref={heading} tabIndex={-1}>
          {work(`${role}.title`)}
        </h1>
        <p>{work('loggedInAs', { email: me.email })}</p>
        <p className="notice">{work(`${role}.coming`)}</p>
        <h2>{work('now')}</h2>
        <ul>
          {(canDo[role] ?? []).map((line) => (
            <li key={line}>{work(`${role}.canDo.${line}`)}</li>
          ))}
        </ul>
      </main>
    </div>
  );
}
