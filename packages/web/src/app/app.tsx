import { useMemo } from 'react';
import { I18nextProvider } from 'react-i18next';
import { RouterProvider } from 'react-router';
import { createI18n } from './i18n.js';
import { createRouter } from './routes.js';
import { SessionProvider } from './session.js';
import { DemoBanner } from './shell/demo-banner.js';
import './theme.css';

export function App() {
  const i18n = useMemo(() => createI18n(), []);
  const router = useMemo(() => createRouter(), []);
  return (
    <I18nextProvider i18n={i18n}>
      <SessionProvider>
        <DemoBanner />
        <RouterProvider router={router} />
      </SessionProvider>
    </I18nextProvider>
  );
}
