import { describe, expect, it } from 'vitest';
import {
  desktop,
  graphqlIn,
  logIn,
  openPage,
  photographBoth,
  useChromiumPlatform,
} from './browser.js';
import { toConsentPage } from './oauth-consent.js';

const redirectUri = 'http://127.0.0.1:8789/callback';

/** An app's PKCE pair (RFC 7636, S256). */
describe('apps acting for a resident in chromium: registration, consent, connected apps', () => {
  const env = useChromiumPlatform();

  it('registers an app in the back office, lets a resident allow it, and take it back', async () => {
    // The platform admin registers the app.
    const admin = await openPage(env.browser, env.platform, desktop);
    await logIn(admin, env.platform, 'platform@demo.parkeer.nl');
    await admin.goto('/beheer/apps');
    await admin.getByRole('heading', { level: 1, name: 'Partner-apps' }).waitFor();
    await admin.getByLabel('Naam', { exact: true }).fill('ParkeerApp');
    await admin.getByLabel('Gemaakt door').fill('Voorbeeld BV');
    await admin.getByLabel('E-mailadres voor contact').fill('dev@voorbeeld.nl');
    await admin.getByLabel('Terugkeeradressen').fill(redirectUri);
    await admin.getByRole('button', { name: 'Registreren' }).click();
    await admin.getByText(/ParkeerApp is geregistreerd/).waitFor();
    await photographBoth(admin, 'admin-partner-apps');
    const { partnerApps } = await graphqlIn<{ partnerApps: { clientId: string }[] }>(
      admin,
      'query { partnerApps { clientId } }',
    );
    const clientId = partnerApps[0]!.clientId;

    // The app sends a resident who is not logged in to the authorization endpoint: she logs in
    // and lands on the consent page.
    const page = await openPage(env.browser, env.platform);
    const { verifier } = await toConsentPage(
      page,
      env.platform,
      { clientId, redirectUri, scope: 'readParking parkSessions' },
      'anna@demo.parkeer.nl',
    );
    await page.getByText('ParkeerApp wil namens u parkeren.').waitFor();
    await expect(
      page
        .getByRole('listitem')
        .filter({ hasText: /parkeeracties starten/ })
        .count(),
    ).resolves.toBe(1);
    await photographBoth(page, 'app-consent');

    // The browser is sent on to the app's redirect URI (nothing listens there: the app's
    // address with its code is what counts).
    const toApp = page.waitForRequest((request) => request.url().startsWith(redirectUri));
    await page.getByRole('button', { name: 'Toestaan' }).click();
    const callback = new URL((await toApp).url());
    const code = callback.searchParams.get('code');
    expect(callback.searchParams.get('state')).toBe('state-1');
    const tokenResponse = await fetch(new URL('/oauth/token', env.platform.url), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code: code!,
        redirect_uri: redirectUri,
        client_id: clientId,
        code_verifier: verifier,
      }),
    });
    const tokens = (await tokenResponse.json()) as { access_token: string };
    const asApp = (query = 'query { productGroups { __typename } }', variables = {}) =>
      fetch(new URL('/graphql', env.platform.url), {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${tokens.access_token}`,
        },
        body: JSON.stringify({ query, variables }),
      }).then(
        (response) =>
          response.json() as Promise<{ data?: Record<string, any>; errors?: unknown[] }>, // eslint-disable-line @typescript-eslint/no-explicit-any
      );
    expect((await asApp()).errors).toBeUndefined();

    // The app starts a session; her history says which app did.
    const products = await asApp('{ productGroups { products { id kind } } }');
    const permitId = (
      products.data!.productGroups as { products: { id: string; kind: string }[] }[]
    )
      .flatMap((group) => group.products)
      .find((product) => product.kind === 'visitorPermit')!.id;
    const started = await asApp(
      `mutation ($input: StartSessionInput!) { startSession(input: $input) { __typename } }`,
      { input: { permitId, plate: '34-KLM-5', idempotencyKey: 'app-browser-1' } },
    );
    expect(started.data).toEqual({ startSession: { __typename: 'SessionAccepted' } });
    await page.goto(`/producten/${permitId}`);
    await page.getByRole('link', { name: 'Geschiedenis' }).click();
    const row = page.getByTestId('session-history').locator('> li').filter({ hasText: '34-KLM-5' });
    await row.getByText('ParkeerApp (gekoppelde app)').waitFor();
    await photographBoth(page, 'history-started-by-app');

    // Her settings list the app; she takes it back and its token stops.
    await page.goto('/instellingen');
    await page.getByRole('heading', { name: 'Gekoppelde apps' }).waitFor();
    await page.getByText('Laatst gebruikt:').waitFor();
    await photographBoth(page, 'connected-apps');
    await page.getByRole('button', { name: 'Koppeling met ParkeerApp intrekken' }).click();
    await page.getByText('De koppeling met ParkeerApp is ingetrokken.').waitFor();
    await page.getByText('U heeft geen apps gekoppeld.').waitFor();
    expect((await asApp()).errors).toBeDefined();
  });
});
