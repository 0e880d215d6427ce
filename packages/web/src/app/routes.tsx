import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter, Navigate, Outlet, useLocation } from 'react-router';
import {
  adminPages,
  backOfficeHome,
  backOfficeRoles,
  homeOf,
} from '../modules/admin/admin-routes.js';
import { workHome, workRoles } from '../modules/work-home/work-roles.js';
import {
  addPageStrings,
  addResidentStrings,
  pageStrings,
  residentStrings,
  type OnDemandNamespace,
} from './i18n.js';
import { useSession } from './session.js';
import { AppShell } from './shell/app-shell.js';
import { NotFoundPage } from './shell/not-found-page.js';
import { Loading } from './shell/loading.js';

/**
 * A page loaded when first visited (route-level code splitting), with the residents' pages'
 * strings; with a namespace, its own strings too. Both are fetched beside its code and added
 * before it first renders.
 */
const page =
  (load: () => Promise<{ default: ComponentType }>, namespace?: OnDemandNamespace) => async () => {
    const [module, residents, strings] = await Promise.all([
      load(),
      residentStrings(),
      namespace ? pageStrings(namespace) : Promise.resolve(null),
    ]);
    const Page = module.default;
    function WithStrings() {
      const { i18n } = useTranslation();
      addResidentStrings(i18n, residents);
      if (namespace && strings) addPageStrings(i18n, namespace, strings);
      return <Page />;
    }
    return { Component: WithStrings };
  };

/** A back-office page or its shell: the shell brings the back office's strings itself. */
const backOfficePage = (load: () => Promise<{ default: ComponentType }>) => async () => ({
  Component: (await load()).default,
});

/** To the login page, and back here after. */
function ToLogin() {
  const location = useLocation();
  const back = location.pathname + location.search;
  return <Navigate to={`/inloggen?terug=${encodeURIComponent(back)}`} replace />;
}

/**
 * Logged-in pages: everyone else goes to the login page, and comes back after. A municipal
 * admin works in the back office, an officer or partner on its own start page: neither ever
 * sees a resident's page.
 */
function RequireLogin() {
  const { me } = useSession();
  if (me === undefined) return <Loading />;
  if (me === null) return <ToLogin />;
  if (backOfficeRoles.includes(me.role)) return <Navigate to={homeOf(me.role)} replace />;
  if (workRoles.includes(me.role)) return <Navigate to={workHome} replace />;
  return <AppShell />;
}

/** The back office (its shell is a lazy chunk): admins only; anyone else goes to the start. */
function RequireBackOffice() {
  const { me } = useSession();
  if (me === undefined) return <Loading />;
  if (me === null) return <ToLogin />;
  if (!backOfficeRoles.includes(me.role)) return <Navigate to="/" replace />;
  return <Outlet />;
}

/** Pages without a login: a plain frame. */
function PublicFrame() {
  const { t } = useTranslation();
  return (
    <div className="public">
      <header className="public__header">
        <span className="shell__brand">{t('appName')}</span>
      </header>
      <main id="main" className="public__main">
        <Outlet />
      </main>
    </div>
  );
}

/** The start: the account's start product, else the overview. */
function Home() {
  const { me } = useSession();
  return (
    <Navigate to={me?.startPermitId ? `/producten/${me.startPermitId}` : '/producten'} replace />
  );
}

export function createRouter() {
  return createBrowserRouter([
    {
      element: <PublicFrame />,
      children: [
        { path: '/inloggen', lazy: page(() => import('../modules/auth/components/login-page.js')) },
        {
          // A visitor permit's registration number + PIN, without an account (docs/rules.md §6).
          path: '/inloggen-met-pincode',
          lazy: page(
            () => import('../modules/registration/components/registration-page.js'),
            // Its top-up part speaks the top-up pages' words.
            'top-up',
          ),
        },
        {
          path: '/wachtwoord-vergeten',
          lazy: page(() => import('../modules/auth/components/forgot-password-page.js')),
        },
        {
          path: '/wachtwoord-herstellen',
          lazy: page(() => import('../modules/auth/components/reset-password-page.js')),
        },
        {
          path: '/product-koppelen',
          lazy: page(() => import('../modules/coupling/components/coupling-page.js'), 'coupling'),
        },
        {
          path: '/machtiging',
          lazy: page(
            () => import('../modules/delegations/components/accept-delegation-page.js'),
            'delegations',
          ),
        },
        {
          // Demo mode only: the page says so elsewhere (docs/operations.md, Phone line).
          path: '/telefoon',
          lazy: page(
            () => import('../modules/phone-simulator/components/phone-simulator-page.js'),
            'phone-simulator',
          ),
        },
      ],
    },
    {
      path: workHome,
      lazy: page(() => import('../modules/work-home/components/work-home-page.js'), 'work-home'),
    },
    {
      element: <RequireBackOffice />,
      children: [
        {
          lazy: backOfficePage(() => import('../modules/admin/components/admin-shell.js')),
          children: [
            ...adminPages.map(({ path, load }) => ({ path, lazy: backOfficePage(load) })),
            { path: `${backOfficeHome}/*`, element: <NotFoundPage /> },
          ],
        },
      ],
    },
    {
      element: <RequireLogin />,
      children: [
        { path: '/', element: <Home /> },
        {
          path: '/producten',
          lazy: page(() => import('../modules/products/components/products-page.js')),
        },
        {
          path: '/producten/toevoegen',
          lazy: page(() => import('../modules/products/components/add-product-page.js')),
        },
        {
          path: '/producten/:productId',
          lazy: page(() => import('../modules/sessions/components/product-sessions-page.js')),
        },
        {
          path: '/producten/:productId/parkeren',
          lazy: page(() => import('../modules/sessions/components/new-session-page.js')),
        },
        {
          path: '/producten/:productId/opwaarderen',
          lazy: page(() => import('../modules/top-up/components/top-up-page.js'), 'top-up'),
        },
        {
          path: '/opwaarderen/resultaat',
          lazy: page(() => import('../modules/top-up/components/top-up-result-page.js'), 'top-up'),
        },
        {
          path: '/loket',
          lazy: page(() => import('../modules/counter/components/counter-page.js'), 'counter'),
        },
        {
          path: '/loket/aanvraag/:applicationId',
          lazy: page(() => import('../modules/counter/components/application-page.js'), 'counter'),
        },
        {
          path: '/vergunningen',
          lazy: page(() => import('../modules/counter/components/permits-page.js'), 'counter'),
        },
        {
          path: '/verhuizen',
          lazy: page(() => import('../modules/moving/components/move-page.js'), 'moving'),
        },
        {
          path: '/vergunningen/:permitId',
          lazy: page(() => import('../modules/counter/components/permit-page.js'), 'counter'),
        },
        {
          path: '/vergunningen/:permitId/verlengen',
          lazy: page(() => import('../modules/counter/components/renew-page.js'), 'counter'),
        },
        {
          path: '/producten/:productId/favorieten',
          lazy: page(() => import('../modules/favorites/components/favorites-page.js')),
        },
        {
          path: '/producten/:productId/machtigingen',
          lazy: page(
            () => import('../modules/delegations/components/delegations-page.js'),
            'delegations',
          ),
        },
        {
          path: '/producten/:productId/geschiedenis',
          lazy: page(() => import('../modules/history/components/history-page.js'), 'history'),
        },
        {
          path: '/producten/:productId/kentekens',
          lazy: page(() => import('../modules/plates/components/plates-page.js'), 'plates'),
        },
        {
          path: '/producten/:productId/vandaag',
          lazy: page(() => import('../modules/flex/components/flex-page.js'), 'flex'),
        },
        {
          path: '/producten/:productId/aanvragen',
          lazy: page(() => import('../modules/requests/components/requests-page.js')),
        },
        {
          path: '/sessies',
          lazy: page(() => import('../modules/sessions/components/all-sessions-page.js')),
        },
        {
          path: '/instellingen',
          // Its connected apps speak the apps' words.
          lazy: page(() => import('../modules/settings/components/settings-page.js'), 'apps'),
        },
        {
          // An app asks to act for the resident (docs/graphql.md, Acting for a resident).
          path: '/koppelen/:uid',
          lazy: page(() => import('../modules/apps/components/consent-page.js'), 'apps'),
        },
        { path: '/over', lazy: page(() => import('../modules/about/components/about-page.js')) },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}
