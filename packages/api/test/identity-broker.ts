import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { expect } from 'vitest';
import { forgetDiscoveredBrokers } from '../src/modules/identity/oidc-client.js';
import {
  createTestBroker,
  testBrokerPath,
} from '../src/modules/identity/test-broker/test-broker.js';
import type { TestClient } from './graphql-client.js';
import type { RedirectBrowser } from './oidc-browser.js';

/**
 * The real OpenID Connect test broker (oidc-provider) on loopback, and a browser that logs in
 * through it with DigiD or eHerkenning, for the API tests (docs/rules.md §6).
 */
export const testBrokerClientSecret = 'test-broker-client-secret-0123456789';

export type IdentityKindName = 'digid' | 'eherkenning';

export const setIdentityProviderMutation = `mutation ($input: IdentityProviderInput!) {
  setIdentityProvider(input: $input) { kind configured enabled issuer clientId hasClientSecret minimumAssurance redirectUri }
}`;

/** A town's broker settings as the tests use them: DigiD Machtigen claims, EH2 at least. */
export function brokerProviderInput(
  issuer: string,
  kind: IdentityKindName,
  overrides: Record<string, unknown> = {},
) {
  return {
    kind,
    enabled: true,
    issuer,
    clientId: 'parkeer-test',
    clientSecret: testBrokerClientSecret,
    scopes: kind === 'digid' ? 'openid bsn' : 'openid kvk',
    claims:
      kind === 'digid'
        ? {
            identifier: 'bsn',
            name: 'name',
            representedBsn: 'machtiging.bsn',
            representedName: 'machtiging.name',
            assurance: 'acr',
          }
        : { identifier: 'kvk', name: 'company_name', assurance: 'acr' },
    minimumAssurance: kind === 'digid' ? 'midden' : 'urn:etoegang:core:assurance-class:loa2',
    ...overrides,
  };
}

export interface RunningBroker {
  readonly issuer: string;
  close(): Promise<void>;
}

/**
 * Starts the broker on its own loopback port, as a town's broker is on its own host, with the
 * client `parkeer-test` (and `another-client`) allowed back to each town's callbacks.
 */
export async function startTestBroker(
  apiUrl: string,
  towns: readonly string[] = ['delft', 'oudstad'],
): Promise<RunningBroker> {
  const app = express();
  const server = createHttpServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}${testBrokerPath}`;
  const redirects = towns.flatMap((town) =>
    ['digid', 'eherkenning'].map((kind) => `${apiUrl}/auth/oidc/${town}/${kind}/callback`),
  );
  const { router } = await createTestBroker({
    issuer,
    clients: [
      {
        client_id: 'parkeer-test',
        client_secret: testBrokerClientSecret,
        redirect_uris: redirects,
      },
      {
        client_id: 'another-client',
        client_secret: testBrokerClientSecret,
        redirect_uris: redirects,
      },
    ],
  });
  app.use(testBrokerPath, router);
  forgetDiscoveredBrokers();
  return {
    issuer,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Lets a town's admin offer DigiD and eHerkenning through the broker. */
export async function configureBrokers(
  admin: TestClient,
  issuer: string,
  overrides: Partial<Record<IdentityKindName, Record<string, unknown>>> = {},
): Promise<void> {
  for (const kind of ['digid', 'eherkenning'] as const) {
    const result = await admin.request(setIdentityProviderMutation, {
      input: brokerProviderInput(issuer, kind, overrides[kind]),
    });
    expect(result.errors).toBeUndefined();
  }
}

const onApp = (apiUrl: string) => (next: URL) => next.origin === new URL(apiUrl).origin;
const isCallback = (apiUrl: string) => (next: URL) =>
  onApp(apiUrl)(next) && next.pathname.endsWith('/callback');

/** Start → the broker's page → pick `identity` → the address of the callback (not yet opened). */
export async function toCallback(
  apiUrl: string,
  browser: RedirectBrowser,
  town: string,
  kind: string,
  identity: string,
  returnTo?: string,
): Promise<string> {
  const start = `${apiUrl}/auth/oidc/${town}/${kind}${returnTo ? `?returnTo=${encodeURIComponent(returnTo)}` : ''}`;
  const page = await browser.follow(start, onApp(apiUrl));
  expect(page.response.status).toBe(200);
  const html = await page.response.text();
  expect(html).toContain('TESTOMGEVING');
  const picked = await browser.submit(page.url, html, { identity });
  const location = new URL(picked.headers.get('location')!, page.url).href;
  const callback = await browser.follow(location, isCallback(apiUrl));
  expect(isCallback(apiUrl)(new URL(callback.url))).toBe(true);
  return callback.url;
}

/** The whole flow; the SPA address the browser lands on. */
export async function signIn(
  apiUrl: string,
  browser: RedirectBrowser,
  town: string,
  kind: string,
  identity: string,
  returnTo?: string,
): Promise<URL> {
  const callback = await toCallback(apiUrl, browser, town, kind, identity, returnTo);
  const landed = await browser.follow(
    callback,
    (next) => onApp(apiUrl)(next) && !next.pathname.startsWith('/auth/'),
  );
  return new URL(landed.url);
}
