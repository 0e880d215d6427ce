import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { sourceConditions } from '../../vitest.shared.js';
import { icuCatalogues } from './build/icu-catalogues.js';
import { initialSizeReport } from './build/initial-size.js';

const apiUrl = 'http://localhost:4000';

export default defineConfig({
  // Our packages are bundled from their TypeScript sources: no prior build of shared/domain needed.
  ...sourceConditions,
  plugins: [react(), icuCatalogues(), initialSizeReport()],
  server: {
    // Same origin in development as in production, where the API serves the built SPA.
    proxy: {
      '/graphql': { target: apiUrl, ws: true },
      // DigiD / eHerkenning start and callback, and the demo's test broker.
      '/auth/oidc': apiUrl,
      '/test-idp': apiUrl,
      // Demo mode: the phone simulator page's endpoint.
      '/demo/phone': apiUrl,
      // The partner documentation the API serves.
      '/docs': apiUrl,
    },
  },
  preview: {
    proxy: {
      '/graphql': { target: apiUrl, ws: true },
      '/auth/oidc': apiUrl,
      '/test-idp': apiUrl,
      '/demo/phone': apiUrl,
      '/docs': apiUrl,
    },
  },
});
