import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  desktop,
  graphqlIn,
  logIn,
  openPage,
  photographBoth,
  useChromiumPlatform,
} from './browser.js';
import { toConsentPage } from './oauth-consent.js';

const redirectUri = 'http://127.0.0.1:8790/callback';

describe('an app’s webhooks in the back office, in chromium: endpoint, secret, delivery log', () => {
  const env = useChromiumPlatform();
  // The app's endpoint: it is down (500), so the log has a failed attempt to show.
  let receiver: Server;
  let received = 0;
  let receiverUrl: string;
  beforeAll(async () => {
    receiver = createServer((request, response) => {
      request.resume();
      request.on('end', () => {
        received++;
        response.writeHead(500).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
  });
  afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

  it('sets the webhook, shows its secret once, and logs the attempts of a resident’s session', async () => {
    const admin = await openPage(env.browser, env.platform, desktop);
    await logIn(admin, env.platform, 'platform@demo.parkeer.nl');
    await admin.goto('/beheer/apps');
    const { registerPartnerApp } = await graphqlIn<{
      registerPartnerApp: { app: { clientId: string } };
    }>(
      admin,
      `mutation ($input: RegisterPartnerAppInput!) {
        registerPartnerApp(input: $input) { app { clientId } } }`,
      {
        input: {
          name: 'Parkeerwijzer',
          owner: 'Voorbeeld BV',
          contactEmail: 'dev@voorbeeld.nl',
          redirectUris: [redirectUri],
          scopes: ['readParking'],
          kind: 'public',
        },
      },
    );
    await admin.reload();
    await admin.getByText('Webhooks van Parkeerwijzer').click();
    await admin.getByText('Deze app heeft nog geen webhook.').waitFor();
    // A private address is refused with the catalogue's message at the field.
    await admin.getByLabel('Webhookadres').fill('https://10.0.0.8/hooks');
    await admin.getByRole('button', { name: 'Webhook opslaan' }).click();
    await admin
      .getByText(/mag niet naar een intern of privé-adres wijzen/)
      .first()
      .waitFor();
    await admin.getByLabel('Webhookadres').fill(receiverUrl);
    await admin.getByRole('button', { name: 'Webhook opslaan' }).click();
    const secret = await admin.locator('code', { hasText: /^whsec_/ }).textContent();
    expect(secret).toMatch(/^whsec_/);

    // Anna connects the app (consent page), then parks: the event goes to the endpoint.
    const consenting = await openPage(env.browser, env.platform);
    await toConsentPage(
      consenting,
      env.platform,
      { clientId: registerPartnerApp.app.clientId, redirectUri, scope: 'readParking' },
      'anna@demo.parkeer.nl',
    );
    // The browser goes on to the app's redirect URI, where nothing listens; its error page may
    // still be loading, so Anna goes on in a new tab of the same browser (her login's cookies).
    const toApp = consenting.waitForRequest((request) => request.url().startsWith(redirectUri));
    await consenting.getByRole('button', { name: 'Toestaan' }).click();
    await toApp;
    const anna = await consenting.context().newPage();
    anna.setDefaultTimeout(15_000);
    await anna.goto('/');
    const { productGroups } = await graphqlIn<{
      productGroups: { products: { id: string }[] }[];
    }>(anna, 'query { productGroups { products { id } } }');
    const started = await graphqlIn<{ startSession: { __typename: string } }>(
      anna,
      `mutation ($input: StartSessionInput!) { startSession(input: $input) { __typename } }`,
      {
        input: {
          productId: productGroups[0]!.products[0]!.id,
          plate: '12-WHK-3',
          idempotencyKey: randomUUID(),
        },
      },
    );
    expect(started.startSession.__typename).toBe('SessionAccepted');

    // The work queue (every half second here) tries it; the endpoint answers 500.
    await expect.poll(() => received, { timeout: 20_000 }).toBeGreaterThan(0);
    await admin.reload();
    await admin.getByText('Webhooks van Parkeerwijzer').click();
    const log = admin.getByRole('list', { name: 'Recente afleveringen' });
    await log.getByText('sessie gestart (session.started)').waitFor();
    await log
      .getByText(/antwoord 500 in \d+ ms/)
      .first()
      .waitFor();
    await log
      .getByText(/volgende poging/)
      .first()
      .waitFor();
    // The secret is not shown again, and the body (with the plate) never.
    expect(await admin.locator('code', { hasText: /^whsec_/ }).count()).toBe(0);
    expect(await admin.getByText('12WHK3').count()).toBe(0);
    await photographBoth(admin, 'admin-webhooks');
  });
});
