import { createHmac, randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { reloadConfig } from '../src/config/config.js';
import { runDueJobs } from '../src/jobs/job-runner.js';
import { WebhookDelivery } from '../src/model/webhook-delivery.entity.js';
import { webhookRetryPolicy } from '../src/jobs/job-policies.js';
import { useDemoApi } from './demo-api.js';
import type { TestClient } from './graphql-client.js';
import { loggedIn } from './login.js';
import { testDialects } from './test-databases.js';
import { consentTo, pauseWebhooks, registerWebhookApp, type WebhookApp } from './webhook-app.js';
import { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver.js';

const dialects = await testDialects();
type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const startSession = `mutation ($input: StartSessionInput!) { startSession(input: $input) {
  __typename ... on SessionAccepted { session { id } } } }`;
const deliveriesQuery = `query ($appId: ID!) { webhookSubscription(appId: $appId) {
  url deliveries { id type status attempts attemptLog { statusCode error nextAttemptAt } } } }`;

/** The Standard Webhooks signature, computed here as the specification describes it. */
function specSignature(secret: string, id: string, timestamp: string, body: string): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  return `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
}

describe.each(dialects)('outbound webhooks (docs/partners/webhooks.md) on %s', (dialect) => {
  const api = useDemoApi(dialect);
  let platform: TestClient;
  let receiver: WebhookReceiver;
  let app: WebhookApp;
  let anna: TestClient;
  let annaPermit: string;
  const publicUrlBefore = process.env.PUBLIC_URL;

  beforeAll(async () => {
    // The authorization server's issuer is this server's address.
    process.env.PUBLIC_URL = api.url;
    reloadConfig();
    platform = await loggedIn(api.url, 'platform@demo.parkeer.nl');
    anna = await loggedIn(api.url, 'anna@demo.parkeer.nl');
    annaPermit = await api.permitOf('anna@demo.parkeer.nl');
  });
  afterAll(() => {
    if (publicUrlBefore === undefined) delete process.env.PUBLIC_URL;
    else process.env.PUBLIC_URL = publicUrlBefore;
    reloadConfig();
  });

  /** Each test its own app, endpoint and consent of Anna's. */
  async function arrange(eventTypes?: string[]) {
    receiver = await startWebhookReceiver();
    app = await registerWebhookApp(platform, receiver.url, eventTypes);
    await consentTo(api, app.clientId, 'anna@demo.parkeer.nl');
  }
  afterEach(async () => {
    if (app) await pauseWebhooks(platform, app, receiver.url);
    await receiver?.close();
  });

  const park = async (client: TestClient, productId: string, plate = 'WH-12-AB') => {
    const started = await client.request<Data>(startSession, {
      input: { productId, plate, idempotencyKey: randomUUID() },
    });
    expect(started.errors).toBeUndefined();
    expect(started.data!.startSession.__typename).toBe('SessionAccepted');
    return started.data!.startSession.session.id as string;
  };
  const stopAll = async (client: TestClient, sessionId: string) => {
    const stopped = await client.request(
      'mutation ($id: ID!) { stopSession(sessionId: $id) { __typename } }',
      { id: sessionId },
    );
    expect(stopped.errors).toBeUndefined();
  };
  const runQueue = () => runDueJobs(api.orm, { now: api.now, random: () => 0 });
  const deliveriesOf = (subscriptionId: string) =>
    api.em().find(WebhookDelivery, { subscriptionId }, { orderBy: { sequence: 'asc' } });

  it('signs each event as the Standard Webhooks specification has it, in the order they happened', async () => {
    await arrange();
    const sessionId = await park(anna, annaPermit);
    await runQueue();
    await stopAll(anna, sessionId);
    await runQueue();

    const bodies = receiver.received.map((request) => JSON.parse(request.body) as Data);
    expect(bodies.map((body) => body.type)).toEqual([
      'session.started',
      'balance.changed',
      'session.stopped',
      'balance.changed',
    ]);
    for (const { headers, body } of receiver.received) {
      const id = headers['webhook-id'] as string;
      const timestamp = headers['webhook-timestamp'] as string;
      expect(JSON.parse(body).id).toBe(id);
      // Seconds on the wall clock, which receivers hold it against (not the tests' clock).
      expect(Math.abs(Number(timestamp) - Date.now() / 1000)).toBeLessThan(60);
      expect(headers['webhook-signature']).toBe(specSignature(app.secret, id, timestamp, body));
    }
    // The same field names as the GraphQL events (SessionEvent, BalanceEvent).
    const [started, balance] = bodies;
    expect(started!.data.kind).toBe('started');
    expect(started!.data.session).toMatchObject({
      id: sessionId,
      permitId: annaPermit,
      plate: 'WH12AB',
    });
    expect(balance!.data).toMatchObject({ permitId: annaPermit, productId: annaPermit });
    expect(bodies[3]!.data.balance.amount).toBe(await api.balanceOf(annaPermit));
    expect(app.secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
  });

  it('sends only the event types asked for, only for residents who consented with readParking', async () => {
    await arrange(['sessionStarted']);
    const bram = await loggedIn(api.url, 'bram@demo.parkeer.nl');
    const bramPermit = await api.permitOf('bram@demo.parkeer.nl');
    await park(bram, bramPermit, 'WH-34-CD');
    // Bram lets another app park for him but not see his parking: parkSessions only.
    const other = await registerWebhookApp(platform, receiver.url, ['sessionStarted']);
    await consentTo(api, other.clientId, 'bram@demo.parkeer.nl', 'openid parkSessions');
    await park(bram, bramPermit, 'WH-35-CD');
    await park(anna, annaPermit, 'WH-36-CD');
    await runQueue();

    expect(await deliveriesOf(other.subscriptionId)).toEqual([]);
    await pauseWebhooks(platform, other, receiver.url);
    const sent = receiver.received.map((request) => JSON.parse(request.body) as Data);
    expect(sent.map((body) => [body.type, body.data.session.permitId])).toEqual([
      ['session.started', annaPermit],
    ]);
  });

  it('stops at once when the resident disconnects the app, also for events not yet sent', async () => {
    await arrange();
    receiver.answers = [503];
    await park(anna, annaPermit, 'WH-40-EF');
    await runQueue();
    expect(receiver.received).toHaveLength(1);

    const revoked = await anna.request('mutation ($id: ID!) { revokeConnectedApp(appId: $id) }', {
      id: app.appId,
    });
    expect(revoked.errors).toBeUndefined();
    await park(anna, annaPermit, 'WH-41-EF');
    api.now = new Date(api.now.getTime() + webhookRetryPolicy.capMs);
    await runQueue();

    expect(receiver.received).toHaveLength(1);
    const statuses = (await deliveriesOf(app.subscriptionId)).map((d) => [d.type, d.status]);
    expect(statuses).toEqual([
      ['session.started', 'cancelled'],
      ['balance.changed', 'cancelled'],
    ]);
  });

  it('tries a failed event again after a backoff, keeping the later ones waiting behind it', async () => {
    await arrange();
    receiver.answers = [500];
    await park(anna, annaPermit, 'WH-50-GH');
    await runQueue();
    await runQueue();
    expect(receiver.received).toHaveLength(1);
    const [first] = await deliveriesOf(app.subscriptionId);
    expect(first!.nextAttemptAt!.getTime()).toBe(api.now.getTime() + webhookRetryPolicy.baseMs);

    api.now = new Date(api.now.getTime() + webhookRetryPolicy.baseMs);
    await runQueue();
    const types = receiver.received.map((request) => JSON.parse(request.body).type);
    expect(types).toEqual(['session.started', 'session.started', 'balance.changed']);
    const delivered = await deliveriesOf(app.subscriptionId);
    expect(delivered.map((d) => d.status)).toEqual(['delivered', 'delivered']);
    expect(delivered[0]!.attemptLog.map((attempt) => attempt.statusCode)).toEqual([500, 204]);
    expect(delivered[0]!.attemptLog[0]!.error).toBe('answered 500');
  });

  it('gives an event up after the last attempt, goes on with the next, and sends it again when asked', async () => {
    await arrange(['sessionStarted', 'sessionStopped']);
    receiver.answers = Array<number>(webhookRetryPolicy.maxAttempts).fill(500);
    const sessionId = await park(anna, annaPermit, 'WH-60-JK');
    await stopAll(anna, sessionId);
    for (let attempt = 0; attempt < webhookRetryPolicy.maxAttempts; attempt++) {
      await runQueue();
      api.now = new Date(api.now.getTime() + webhookRetryPolicy.capMs);
    }
    await runQueue();
    const [given, next] = await deliveriesOf(app.subscriptionId);
    expect(given!.status).toBe('failed');
    expect(given!.attemptLog).toHaveLength(webhookRetryPolicy.maxAttempts);
    expect(given!.attemptLog.at(-1)!.nextAttemptAt).toBeNull();
    expect(next!.status).toBe('delivered');

    const again = await platform.request<Data>(
      'mutation ($id: ID!) { redeliverWebhook(deliveryId: $id) { status attempts } }',
      { id: given!.id },
    );
    expect(again.data!.redeliverWebhook).toEqual({ status: 'pending', attempts: 0 });
    await runQueue();
    const types = receiver.received.map((request) => JSON.parse(request.body).type);
    expect(types.at(-1)).toBe('session.started');
    expect((await deliveriesOf(app.subscriptionId))[0]!.status).toBe('delivered');
    // A delivered one is not sent again.
    const twice = await platform.request(
      'mutation ($id: ID!) { redeliverWebhook(deliveryId: $id) { status } }',
      {
        id: given!.id,
      },
    );
    expect(twice.errors?.[0]?.extensions?.code).toBe('WEBHOOK_NOT_FAILED');
  });

  it('shows the delivery log to the platform admin only', async () => {
    await arrange(['sessionStarted']);
    receiver.answers = [500];
    await park(anna, annaPermit, 'WH-70-LM');
    await runQueue();
    const log = await platform.request<Data>(deliveriesQuery, { appId: app.appId });
    expect(log.errors).toBeUndefined();
    expect(log.data!.webhookSubscription.deliveries).toEqual([
      {
        id: expect.any(String),
        type: 'sessionStarted',
        status: 'pending',
        attempts: 1,
        attemptLog: [{ statusCode: 500, error: 'answered 500', nextAttemptAt: expect.any(String) }],
      },
    ]);
    for (const email of ['anna@demo.parkeer.nl', 'beheer@oudstad.demo.parkeer.nl']) {
      const other = await loggedIn(api.url, email);
      const denied = await other.request(deliveriesQuery, { appId: app.appId });
      expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(denied.data?.webhookSubscription ?? null).toBeNull();
    }
  });

  it('refuses endpoints outside https or on internal addresses, and rotates the secret', async () => {
    await arrange(['sessionStarted']);
    const save = (url: string) =>
      platform.request<Data>(
        `mutation ($input: WebhookSubscriptionInput!) {
          saveWebhookSubscription(input: $input) { secret } }`,
        { input: { appId: app.appId, url, eventTypes: ['sessionStarted'] } },
      );
    for (const url of [
      'http://parkeerwijzer.example/hooks',
      'ftp://127.0.0.1/x',
      'https://10.1.2.3/hooks',
      'https://169.254.169.254/latest/meta-data',
      'https://[fd00::1]/hooks',
      'not a url',
    ]) {
      const refused = await save(url);
      expect(refused.errors?.[0]?.extensions?.code, url).toBe('SETTINGS_INVALID');
      expect(refused.errors?.[0]?.extensions?.problems, url).toEqual([
        expect.objectContaining({ code: 'WEBHOOK_URL_NOT_ALLOWED', path: 'url' }),
      ]);
    }
    // A change keeps the secret (none in the answer); rotating makes a new one that signs.
    expect((await save(receiver.url)).data!.saveWebhookSubscription.secret).toBeNull();
    const rotated = await platform.request<Data>(
      'mutation ($id: ID!) { rotateWebhookSecret(appId: $id) { secret } }',
      { id: app.appId },
    );
    const secret = rotated.data!.rotateWebhookSecret.secret as string;
    expect(secret).not.toBe(app.secret);
    await park(anna, annaPermit, 'WH-80-NP');
    await runQueue();
    const [{ headers, body }] = receiver.received as [(typeof receiver.received)[number]];
    expect(headers['webhook-signature']).toBe(
      specSignature(
        secret,
        headers['webhook-id'] as string,
        headers['webhook-timestamp'] as string,
        body,
      ),
    );
  });
});
