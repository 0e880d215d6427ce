import { expect } from 'vitest';
import { authorizationServer } from '../src/modules/oauth/authorization-server.js';
import { OAuthRecord } from '../src/model/oauth-record.entity.js';
import { Account } from '../src/model/account.entity.js';
import type { DemoApi } from './demo-api.js';
import type { TestClient } from './graphql-client.js';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export const allWebhookEvents = [
  'sessionStarted',
  'sessionChanged',
  'sessionStopped',
  'balanceChanged',
];

/** A registered app with a webhook subscription, as the platform admin sets them up. */
export interface WebhookApp {
  readonly appId: string;
  readonly clientId: string;
  readonly subscriptionId: string;
  /** The signing secret, as the answer that made the subscription showed it (once). */
  readonly secret: string;
}

export async function registerWebhookApp(
  platform: TestClient,
  url: string,
  eventTypes: readonly string[] = allWebhookEvents,
): Promise<WebhookApp> {
  const registered = await platform.request<Data>(
    `mutation ($input: RegisterPartnerAppInput!) {
      registerPartnerApp(input: $input) { app { id clientId } } }`,
    {
      input: {
        name: 'Parkeerwijzer',
        owner: 'Voorbeeld BV',
        contactEmail: 'dev@voorbeeld.nl',
        redirectUris: ['http://127.0.0.1:9/callback'],
        scopes: ['readParking', 'parkSessions'],
        kind: 'confidential',
      },
    },
  );
  expect(registered.errors).toBeUndefined();
  const { id: appId, clientId } = registered.data!.registerPartnerApp.app;
  const saved = await platform.request<Data>(
    `mutation ($input: WebhookSubscriptionInput!) {
      saveWebhookSubscription(input: $input) { secret subscription { id } } }`,
    { input: { appId, url, eventTypes } },
  );
  expect(saved.errors).toBeUndefined();
  const { secret, subscription } = saved.data!.saveWebhookSubscription;
  return { appId, clientId, subscriptionId: subscription.id, secret };
}

/**
 * The resident's consent as the consent page leaves it (app-consent.service.ts): a grant of the
 * authorization server for the app with these scopes. The OAuth dance itself is app-access.test.ts's.
 */
export async function consentTo(
  api: DemoApi,
  clientId: string,
  email: string,
  scopes = 'openid readParking parkSessions',
): Promise<void> {
  const em = api.em();
  const account = await em.findOneOrFail(Account, { email });
  const provider = authorizationServer(em);
  const grant = new provider.Grant({ accountId: account.id, clientId });
  grant.addOIDCScope(scopes);
  await grant.save();
  // The store keeps the grant's resident, which webhooks find their consents by.
  expect(await em.count(OAuthRecord, { model: 'Grant', accountId: account.id, clientId })).toBe(1);
}

/** Pauses the subscription so later tests' runs of the work queue leave it alone. */
export async function pauseWebhooks(
  platform: TestClient,
  app: WebhookApp,
  url: string,
): Promise<void> {
  const paused = await platform.request(
    `mutation ($input: WebhookSubscriptionInput!) {
      saveWebhookSubscription(input: $input) { subscription { disabled } } }`,
    { input: { appId: app.appId, url, eventTypes: allWebhookEvents, disabled: true } },
  );
  expect(paused.errors).toBeUndefined();
}
