import { execFile, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reloadConfig } from '../src/config/config.js';
import { Topic } from '../src/graphql/pubsub.js';
import { examplesOf, type GuideExample } from '../src/partner-docs/guide-examples.js';
import { guideNames, partnerGuidesDir } from '../src/partner-docs/partner-docs-site.js';
import { demoPassword } from '../src/seed/demo-seed.js';
import { useDemoApi } from './demo-api.js';
import { differences } from './expected-answer.js';
import { freePort } from './free-port.js';
import { TestClient } from './graphql-client.js';
import { loggedIn } from './login.js';
import { consentInBrowser, registerPartnerApp } from './partner-app.js';
import { testDialects } from './test-databases.js';
import { until } from './ws-client.js';
import { runDueJobs } from '../src/jobs/job-runner.js';
import { consentTo, registerWebhookApp } from './webhook-app.js';
import { connect } from 'node:net';

// Every example of the partner guides (docs/partners/index.md, "How the examples work") run as a
// partner would run it, with the guide's environment variables, against the demo towns.
const dialects = await testDialects();
const run = promisify(execFile);

const guides = readdirSync(partnerGuidesDir)
  .filter((file) => file.endsWith('.md') && file !== 'index.md')
  .map((file) => ({
    file,
    examples: examplesOf(readFileSync(join(partnerGuidesDir, file), 'utf8')),
  }));
const examples = guides.flatMap(({ file, examples: found }) =>
  found.map((example) => ({ file, example })),
);

/** The accounts whose bearer token an example's `token=` attribute names. */
const tokenAccounts: Record<string, string> = {
  enforcement: 'handhaving@demo.parkeer.nl',
  resident: 'anna@demo.parkeer.nl',
};
/**
 * `token=key`: a machine key the town's admin makes for a scan car (docs/partners/credentials.md),
 * in the town the examples check plates in.
 */
const keyTown = {
  admin: 'beheer@oudstad.demo.parkeer.nl',
  scopes: ['rightCheck', 'batchCheck', 'readZones', 'phoneLine'],
};
const tokenKinds = [...Object.keys(tokenAccounts), 'key'];
/**
 * `consent=<account>` (docs/partners/act-for-a-resident.md): an app the platform admin registered
 * asks that account's consent; the example prints the authorization address on stderr, and the
 * test, as the resident in a browser, logs in and allows.
 */
const appScopes = ['readParking', 'parkSessions'];

describe('the partner guides (docs/partners)', () => {
  it('give every guide a runnable example with the answer it must print', () => {
    const without = guides.filter(({ examples: found }) => found.length === 0);
    expect(without.map(({ file }) => file)).toEqual([]);
    const unanswered = examples.filter(({ example }) => example.expected === null);
    expect(unanswered.map(({ example }) => example.name)).toEqual([]);
    for (const { example } of examples) {
      if (example.attributes.token) expect(tokenKinds).toContain(example.attributes.token);
      if (example.attributes.consent) {
        expect(Object.keys(tokenAccounts)).toContain(example.attributes.consent);
      }
    }
  });

  it('link every guide from the index, in the order of its list', async () => {
    const index = readFileSync(join(partnerGuidesDir, 'index.md'), 'utf8');
    const linked = [...new Set([...index.matchAll(/\]\(([a-z0-9-]+)\.md\)/g)].map((m) => m[1]))];
    expect(await guideNames()).toEqual(linked);
    expect([...linked].sort()).toEqual(guides.map(({ file }) => file.slice(0, -3)).sort());
  });
});

describe.each(dialects)('the partner guides’ examples on %s', (dialect) => {
  const phoneToken = randomBytes(16).toString('hex');
  const publicUrlBefore = process.env.PUBLIC_URL;
  beforeAll(() => {
    process.env.PHONE_WEBHOOK_TOKEN = phoneToken;
    reloadConfig();
  });
  afterAll(() => {
    delete process.env.PHONE_WEBHOOK_TOKEN;
    if (publicUrlBefore === undefined) delete process.env.PUBLIC_URL;
    else process.env.PUBLIC_URL = publicUrlBefore;
    reloadConfig();
  });
  const api = useDemoApi(dialect);
  const app = { clientId: '', redirectUri: '' };
  const tokens: Record<string, string> = {};
  let productId: string;
  // The examples' working folder, inside node_modules so that a Node example's imports resolve.
  let workDir: string;
  let webhookPort = 0;
  let webhookSecret = '';

  beforeAll(async () => {
    workDir = mkdtempSync(
      join(fileURLToPath(new URL('../../../node_modules/', import.meta.url)), '.docs-examples-'),
    );
    for (const [name, email] of Object.entries(tokenAccounts)) {
      const issued = await new TestClient(api.url).request<{
        createAccessToken: { token: string };
      }>(
        'mutation ($email: String!, $password: String!) { createAccessToken(email: $email, password: $password) { token } }',
        { email, password: demoPassword },
      );
      expect(issued.errors).toBeUndefined();
      tokens[name] = issued.data!.createAccessToken.token;
    }
    const admin = await loggedIn(api.url, keyTown.admin);
    const key = await admin.request<{ createPartnerKey: { secret: string } }>(
      'mutation ($input: CreatePartnerKeyInput!) { createPartnerKey(input: $input) { secret } }',
      { input: { partnerName: 'Scan BV', label: 'Scan car 1', scopes: keyTown.scopes } },
    );
    expect(key.errors).toBeUndefined();
    tokens.key = key.data!.createPartnerKey.secret;
    productId = await api.permitOf(tokenAccounts.resident!);
    // The authorization server's issuer is PUBLIC_URL + /oauth: this server, known once it listens.
    process.env.PUBLIC_URL = api.url;
    reloadConfig();
    app.redirectUri = `http://127.0.0.1:${await freePort()}/callback`;
    app.clientId = (await registerPartnerApp(api.url, [app.redirectUri], appScopes)).clientId;
  });
  afterAll(() => {
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  const environment = (example: GuideExample): NodeJS.ProcessEnv => ({
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    PARKEER_URL: api.url,
    PARKEER_TOKEN: tokens[example.attributes.token ?? ''] ?? '',
    PARKEER_EMAIL: tokenAccounts.enforcement,
    PARKEER_PASSWORD: demoPassword,
    PARKEER_PRODUCT_ID: productId,
    PARKEER_PHONE_TOKEN: phoneToken,
    PARKEER_WEBHOOK_PORT: String(webhookPort),
    PARKEER_WEBHOOK_SECRET: webhookSecret,
    PARKEER_CLIENT_ID: app.clientId,
    PARKEER_REDIRECT_URI: app.redirectUri,
  });

  /** The example running; its promise gives what it printed on stdout. */
  const execute = (example: GuideExample): ReturnType<typeof run> & { child: ChildProcess } => {
    const options = { cwd: workDir, env: environment(example), timeout: 30_000 };
    if (example.language === 'sh') {
      return run('bash', ['-e', '-o', 'pipefail', '-c', example.code], options);
    }
    const script = join(workDir, `${example.name}.mjs`);
    writeFileSync(script, example.code);
    return run(process.execPath, [script], options);
  };

  /** What happens while an example with `event=session` waits: a session of its permit starts. */
  const causeSessionEvent = async () => {
    await until(() => api.pubSub.listeners(Topic.SessionEvents, productId) > 0, 'the example');
    const resident = new TestClient(api.url, { authorization: `Bearer ${tokens.resident}` });
    const started = await resident.request(
      'mutation ($input: StartSessionInput!) { startSession(input: $input) { __typename } }',
      { input: { productId, plate: '56-PRT-7', idempotencyKey: randomUUID() } },
    );
    expect(started.errors).toBeUndefined();
  };

  /**
   * What happens while an example with `event=webhook` listens: once its receiver accepts
   * connections, a session of the resident starts, and the work queue runs (as the worker would
   * every second) until the example has printed its event and ended.
   */
  const causeWebhook = async (output: Promise<unknown>) => {
    let ended = false;
    void output.finally(() => (ended = true)).catch(() => {});
    await until(() => listening, 'the receiver');
    const started = await new TestClient(api.url, {
      authorization: `Bearer ${tokens.resident}`,
    }).request<{ startSession: { __typename: string } }>(
      'mutation ($input: StartSessionInput!) { startSession(input: $input) { __typename } }',
      // Not the plate of the other examples' sessions, which may still run.
      { input: { productId, plate: '56-WHK-7', idempotencyKey: randomUUID() } },
    );
    expect(started.data?.startSession.__typename, JSON.stringify(started)).toBe('SessionAccepted');
    for (let pass = 0; pass < 50 && !ended; pass++) {
      await runDueJobs(api.orm, { now: api.now });
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  /**
   * docs/partners/webhooks.md: an app whose endpoint is the example's receiver on a free port,
   * connected by the resident whose token the examples use. Made just before the example, so
   * the sessions other examples started are not its events.
   */
  const arrangeWebhookApp = async () => {
    webhookPort = await freePort();
    const platform = await loggedIn(api.url, 'platform@demo.parkeer.nl');
    const app = await registerWebhookApp(platform, `http://127.0.0.1:${webhookPort}/webhooks`, [
      'sessionStarted',
    ]);
    webhookSecret = app.secret;
    await consentTo(api, app.clientId, tokenAccounts.resident!);
  };
  let listening = false;
  const watchPort = async () => {
    listening = false;
    for (let tries = 0; tries < 100 && !listening; tries++) {
      listening = await accepts(webhookPort);
      if (!listening) await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  /** What happens when an example with `consent=` prints the authorization address: consent. */
  const consentWhenAsked = async (child: ChildProcess, email: string) => {
    const address = await new Promise<string>((resolve) => {
      let printed = '';
      child.stderr!.on('data', (chunk: Buffer) => {
        printed += chunk.toString();
        // A whole line: a chunk may end in the middle of the address.
        const found = /(https?:\/\/\S+\/oauth\/auth\?\S+)\r?\n/.exec(printed)?.[1];
        if (found) resolve(found);
      });
    });
    await consentInBrowser(api.url, email, address);
  };

  it.each(examples)('$file: $example.name prints the answer shown', async ({ example }) => {
    if (example.attributes.event === 'webhook') await arrangeWebhookApp();
    const running = execute(example);
    const output = running.then(
      ({ stdout }) => String(stdout),
      (error: Error & { stdout?: string; stderr?: string }) => {
        throw new Error(`${error.message}\nstdout: ${error.stdout}\nstderr: ${error.stderr}`);
      },
    );
    if (example.attributes.event === 'session') await causeSessionEvent();
    if (example.attributes.event === 'webhook') {
      await watchPort();
      await causeWebhook(output);
    }
    const consenting = example.attributes.consent;
    // An example that ends without asking fails on its own answer, not by waiting for the address.
    if (consenting) {
      await Promise.race([consentWhenAsked(running.child, tokenAccounts[consenting]!), output]);
    }
    const printed = await output;
    expect(differences(example.expected!, printed), printed).toEqual([]);
  });
});

/** Whether something accepts connections on the loopback port. */
function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
