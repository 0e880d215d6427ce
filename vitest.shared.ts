import { defaultClientConditions, defaultServerConditions } from 'vite';

/**
 * Test tooling resolves our packages to their TypeScript sources (the `@parkeer/source` export
 * condition), so no package has to be built before another can be tested.
 */
export const sourceConditions = {
  resolve: { conditions: ['@parkeer/source', ...defaultClientConditions] },
  ssr: { resolve: { conditions: ['@parkeer/source', ...defaultServerConditions] } },
};
