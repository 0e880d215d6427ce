import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig, reloadConfig } from '../src/config/config.js';
import { AuditEntry } from '../src/model/audit-entry.entity.js';
import { Account } from '../src/model/account.entity.js';
import { IdentityLink } from '../src/model/identity-link.entity.js';
import { IdentityLogin } from '../src/model/identity-login.entity.js';
import { limitPolicies } from '../src/modules/rate-limit/limit-policies.js';
import { demoPassword, seedDemo } from '../src/seed/demo-seed.js';
import { createServer, type RunningServer } from '../src/server.js';
import { TestClient } from './graphql-client.js';
import {
  brokerProviderInput,
  configureBrokers,
  setIdentityProviderMutation as setProvider,
  signIn as signInAt,
  startTestBroker,
  testBrokerClientSecret as clientSecret,
  toCallback as toCallbackAt,
  type RunningBroker,
} from './identity-broker.js';
import { loggedIn } from './login.js';
import { RedirectBrowser } from './oidc-browser.js';
import { openTestDatabase, testDialects, type TestDatabase } from './test-databases.js';
import { demoSigningKey } from '../src/modules/oauth/oauth-keys.js';

const dialects = await testDialects();
/** Every test BSN of the broker's people: none may be stored anywhere. */
const testBsns = ['999993653', '999990019', '999991772', '999992223', '999995078'];

const me = `{ me { id email role displayName kvkNumber signIn { method assurance } actingFor { accountId label } } }`;

interface MeAnswer {
  id: string;
  email: string | null;
  role: string;
  displayName: string | null;
  kvkNumber: string | null;
  signIn: { method: string; assurance: string | null };
  actingFor: { accountId: string; label: string } | null;
}

describe.each(dialects)(
  'DigiD and eHerkenning over OpenID Connect on %s (docs/rules.md §6)',
  (dialect) => {
    let database: TestDatabase;
    let api: RunningServer;
    let broker: RunningBroker;
    let issuer: string;
    let admin: TestClient;
    const now = new Date('2026-11-23T09:00:00Z');
    const savedPublicUrl = process.env.PUBLIC_URL;

    const providerInput = (
      kind: 'digid' | 'eherkenning',
      overrides: Record<string, unknown> = {},
    ) => brokerProviderInput(issuer, kind, overrides);

    beforeAll(async () => {
      database = await openTestDatabase(dialect);
      await seedDemo(database.orm.em.fork(), now);
      api = await createServer({ port: 0, orm: database.orm, webDist: null, clock: () => now });
      process.env.PUBLIC_URL = api.url;
      reloadConfig();
      broker = await startTestBroker(api.url);
      issuer = broker.issuer;
      const oudstadAdmin = await loggedIn(api.url, 'beheer@oudstad.demo.parkeer.nl');
      admin = await loggedIn(api.url, 'beheer@delft.demo.parkeer.nl');
      for (const townAdmin of [admin, oudstadAdmin]) await configureBrokers(townAdmin, issuer);
    });

    afterAll(async () => {
      await api?.close();
      await broker?.close();
      await database?.dispose();
      if (savedPublicUrl === undefined) delete process.env.PUBLIC_URL;
      else process.env.PUBLIC_URL = savedPublicUrl;
      reloadConfig();
    });

    beforeEach(async () => {
      // Every test is a fresh client address as far as the login limit goes.
      await database.orm.em.fork().getConnection().execute('delete from rate_limit_counter');
    });

    const onApp = (next: URL) => next.origin === new URL(api.url).origin;
    const toCallback = (
      browser: RedirectBrowser,
      town: string,
      kind: string,
      identity: string,
      returnTo?: string,
    ) => toCallbackAt(api.url, browser, town, kind, identity, returnTo);
    const signIn = (
      browser: RedirectBrowser,
      town: string,
      kind: string,
      identity: string,
      returnTo?: string,
    ) => signInAt(api.url, browser, town, kind, identity, returnTo);

    const meOf = async (browser: RedirectBrowser): Promise<MeAnswer | null> => {
      const result = await new TestClient(api.url, {
        cookie: browser.cookieHeader(api.url),
      }).request<{
        me: MeAnswer | null;
      }>(me);
      expect(result.errors).toBeUndefined();
      return result.data!.me;
    };

    it('logs a resident in with DigiD over the whole code flow and makes an account without a BSN or e-mail address', async () => {
      const browser = new RedirectBrowser();
      const landed = await signIn(browser, 'delft', 'digid', 'digid-anna', '/producten');
      expect(landed.href).toBe(`${api.url}/producten`);
      expect(browser.cookie(api.url, 'parkeer_session')).toMatch(/^[\w-]{40,}$/);
      expect(browser.cookie(api.url, 'parkeer_oidc')).toBeUndefined();
      const viewer = await meOf(browser);
      expect(viewer).toMatchObject({
        email: null,
        role: 'resident',
        displayName: 'Anna de Vries',
        signIn: { method: 'digid', assurance: 'midden' },
        actingFor: null,
      });
      // The authorization request carried PKCE (S256), state and nonce.
      const authorize = new URL(browser.visited.find((url) => url.includes('/auth?'))!);
      expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
      expect(authorize.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
      expect(authorize.searchParams.get('state')).toBeTruthy();
      expect(authorize.searchParams.get('nonce')).toBeTruthy();
      // The login is in the browser's own cookie: a second browser is not logged in.
      expect(await meOf(new RedirectBrowser())).toBeNull();
    });

    it('finds the same account at a second DigiD login, in another town too', async () => {
      const first = await meOf(
        await (async () => {
          const b = new RedirectBrowser();
          await signIn(b, 'delft', 'digid', 'digid-bram');
          return b;
        })(),
      );
      const again = new RedirectBrowser();
      await signIn(again, 'oudstad', 'digid', 'digid-bram');
      expect((await meOf(again))!.id).toBe(first!.id);
      expect(await database.orm.em.fork().count(IdentityLink, { account: first!.id })).toBe(1);
    });

    it('logs a business in with eHerkenning EH2 and keeps its KvK number and name', async () => {
      const browser = new RedirectBrowser();
      await signIn(browser, 'delft', 'eherkenning', 'eh-bakkerij');
      expect(await meOf(browser)).toMatchObject({
        role: 'business',
        kvkNumber: '90000012',
        displayName: 'Bakkerij De Korenschoof B.V.',
        signIn: { method: 'eherkenning', assurance: 'urn:etoegang:core:assurance-class:loa2' },
      });
    });

    it("refuses a login below the town's minimum level of assurance: EH1 for eHerkenning, DigiD basis under midden", async () => {
      const em = database.orm.em.fork();
      const accounts = await em.count(Account);
      for (const [kind, identity] of [
        ['eherkenning', 'eh-kapper-eh1'],
        ['digid', 'digid-eva-basis'],
      ] as const) {
        const browser = new RedirectBrowser();
        const landed = await signIn(browser, 'delft', kind, identity);
        expect(landed.pathname).toBe('/inloggen');
        expect(landed.searchParams.get('fout')).toBe('IDENTITY_ASSURANCE_TOO_LOW');
        expect(await meOf(browser)).toBeNull();
      }
      expect(await em.count(Account)).toBe(accounts);
    });

    it('acts for a represented parent with DigiD Machtigen: the parent is the holder, the carer the actor', async () => {
      const browser = new RedirectBrowser();
      await signIn(browser, 'delft', 'digid', 'digid-carla-machtiging');
      const viewer = (await meOf(browser))!;
      expect(viewer).toMatchObject({ displayName: 'Carla Smit', role: 'resident' });
      expect(viewer.actingFor).toMatchObject({ label: 'Dirk Smit' });
      expect(viewer.actingFor!.accountId).not.toBe(viewer.id);
      const em = database.orm.em.fork();
      const parent = await em.findOneOrFail(Account, { id: viewer.actingFor!.accountId });
      expect(parent).toMatchObject({ role: 'resident', displayName: 'Dirk Smit', email: null });
      expect(await em.count(IdentityLink, { account: parent, kind: 'bsn' })).toBe(1);
      // The same carer again acts for the same parent.
      const again = new RedirectBrowser();
      await signIn(again, 'delft', 'digid', 'digid-carla-machtiging');
      expect((await meOf(again))!.actingFor!.accountId).toBe(parent.id);
    });

    const toApp = (next: URL) => onApp(next) && !next.pathname.startsWith('/auth/');
    const sessionOf = (setCookie: string | null) =>
      /parkeer_session=([^;]+)/.exec(setCookie ?? '')![1]!;

    it('links DigiD to the password account signed in when the login starts, shown in the settings and unlinkable', async () => {
      const browser = new RedirectBrowser();
      browser.setCookie(
        api.url,
        'parkeer_session',
        sessionOf(await loginCookie('carla@demo.parkeer.nl')),
      );
      const passwordLogin = (await meOf(browser))!;
      const landed = await signIn(browser, 'delft', 'digid', 'digid-frank', '/instellingen');
      expect(landed.href).toBe(`${api.url}/instellingen`);
      const viewer = (await meOf(browser))!;
      expect(viewer).toMatchObject({
        id: passwordLogin.id,
        email: 'carla@demo.parkeer.nl',
        signIn: { method: 'digid', assurance: 'midden' },
      });
      const client = new TestClient(api.url, { cookie: browser.cookieHeader(api.url) });
      expect((await client.request('{ identityLinks { kind } }')).data).toEqual({
        identityLinks: [{ kind: 'digid' }],
      });
      // A later DigiD login, signed in or not, comes to this account.
      const later = new RedirectBrowser();
      await signIn(later, 'delft', 'digid', 'digid-frank');
      expect((await meOf(later))!.id).toBe(passwordLogin.id);
      // Nor can this DigiD be linked to another account.
      const other = new RedirectBrowser();
      other.setCookie(
        api.url,
        'parkeer_session',
        sessionOf(await loginCookie('bram@demo.parkeer.nl')),
      );
      const taken = await signIn(other, 'delft', 'digid', 'digid-frank', '/instellingen');
      expect(taken.pathname).toBe('/instellingen');
      expect(taken.searchParams.get('fout')).toBe('IDENTITY_ALREADY_LINKED');
      // It has a password, so it may unlink.
      expect((await client.request('mutation { unlinkIdentity(kind: digid) }')).data).toEqual({
        unlinkIdentity: true,
      });
      expect((await client.request('{ identityLinks { kind } }')).data).toEqual({
        identityLinks: [],
      });
      const again = await client.request('mutation { unlinkIdentity(kind: digid) }');
      expect(again.errors?.[0]?.extensions.code).toBe('IDENTITY_LINK_NOT_FOUND');
    });

    it('never unlinks the only way into an account made by DigiD', async () => {
      const browser = new RedirectBrowser();
      await signIn(browser, 'delft', 'digid', 'digid-anna');
      const client = new TestClient(api.url, { cookie: browser.cookieHeader(api.url) });
      const refused = await client.request('mutation { unlinkIdentity(kind: digid) }');
      expect(refused.errors?.[0]?.extensions.code).toBe('IDENTITY_UNLINK_LAST_LOGIN');
    });

    it('uses a login once: a callback in another browser, a changed state and a replay are refused', async () => {
      const browser = new RedirectBrowser();
      const callback = await toCallback(browser, 'delft', 'digid', 'digid-anna');
      const binding = browser.cookie(api.url, 'parkeer_oidc')!;
      // Opened in another browser (login CSRF: an attacker's callback in the victim's browser).
      const foreign = await new RedirectBrowser().follow(callback, toApp);
      expect(new URL(foreign.url).searchParams.get('fout')).toBe('IDENTITY_LOGIN_EXPIRED');
      // A changed state with the right cookie.
      const tampered = new URL(callback);
      tampered.searchParams.set('state', 'not-the-state');
      const changed = await browser.follow(tampered.href, toApp);
      expect(new URL(changed.url).searchParams.get('fout')).toBe('IDENTITY_LOGIN_FAILED');
      // That try used the pending login up: the right answer now comes too late.
      browser.setCookie(api.url, 'parkeer_oidc', binding);
      const replay = await browser.follow(callback, toApp);
      expect(new URL(replay.url).searchParams.get('fout')).toBe('IDENTITY_LOGIN_EXPIRED');
      expect(await meOf(browser)).toBeNull();
    });

    it("refuses a wrong PKCE verifier, a wrong nonce, a wrong issuer and another client's code (the library's checks)", async () => {
      const em = database.orm.em;
      const attempt = async (spoil: (callback: URL) => Promise<void>) => {
        const browser = new RedirectBrowser();
        const callback = new URL(await toCallback(browser, 'delft', 'digid', 'digid-anna'));
        await spoil(callback);
        const landed = await browser.follow(callback.href, toApp);
        expect(await meOf(browser)).toBeNull();
        return new URL(landed.url).searchParams.get('fout');
      };
      const spoilPending = (change: Partial<IdentityLogin>) => async () => {
        const logins = await em.fork().find(IdentityLogin, {});
        expect(logins).toHaveLength(1);
        await em.fork().nativeUpdate(IdentityLogin, { id: logins[0]!.id }, change);
      };
      expect(await attempt(spoilPending({ codeVerifier: 'x'.repeat(43) }))).toBe(
        'IDENTITY_LOGIN_FAILED',
      );
      expect(await attempt(spoilPending({ nonce: 'another-nonce' }))).toBe('IDENTITY_LOGIN_FAILED');
      expect(
        await attempt(async (callback) => {
          callback.searchParams.set('iss', 'https://broker.example.nl');
        }),
      ).toBe('IDENTITY_LOGIN_FAILED');
      // The code was issued to another client than the one the town now uses.
      expect(
        (
          await admin.request(setProvider, {
            input: providerInput('digid', { clientId: 'another-client' }),
          })
        ).errors,
      ).toBeUndefined();
      try {
        expect(
          await attempt(async () => {
            await admin.request(setProvider, { input: providerInput('digid') });
          }),
        ).toBe('IDENTITY_LOGIN_FAILED');
      } finally {
        await admin.request(setProvider, { input: providerInput('digid') });
      }
    });

    it('sends the browser back to the login page with a code when the person cancels or the town offers no such login', async () => {
      const browser = new RedirectBrowser();
      const page = await browser.follow(`${api.url}/auth/oidc/delft/digid`, onApp);
      const cancelled = await browser.submit(page.url, await page.response.text(), { cancel: '1' });
      const landed = await browser.follow(
        new URL(cancelled.headers.get('location')!, page.url).href,
        toApp,
      );
      expect(new URL(landed.url).searchParams.get('fout')).toBe('IDENTITY_LOGIN_CANCELLED');
      const unknown = await browser.follow(`${api.url}/auth/oidc/nowhere/digid`, () => true);
      expect(new URL(unknown.url).pathname).toBe('/inloggen');
      expect(new URL(unknown.url).searchParams.get('fout')).toBe('IDENTITY_PROVIDER_UNAVAILABLE');
      expect(await unknown.response.text()).not.toMatch(/Error|\bat /);
    });

    it('returns only to a path of this app', async () => {
      for (const returnTo of ['//evil.example/x', 'https://evil.example/', '/\\evil.example']) {
        const browser = new RedirectBrowser();
        const landed = await signIn(browser, 'delft', 'digid', 'digid-anna', returnTo);
        expect(landed.href).toBe(`${api.url}/`);
      }
    });

    it('limits the logins one client starts and answers, then sends it back with RATE_LIMITED', async () => {
      const { points } = limitPolicies.identityLogin.address;
      const browser = new RedirectBrowser();
      for (let i = 0; i < points; i++) {
        const answer = await browser.request(`${api.url}/auth/oidc/nowhere/digid`);
        expect(answer.headers.get('location')).toContain('fout=IDENTITY_PROVIDER_UNAVAILABLE');
      }
      const refused = await browser.request(`${api.url}/auth/oidc/delft/digid`);
      expect(refused.status).toBe(303);
      expect(refused.headers.get('location')).toContain('fout=RATE_LIMITED');
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      const callback = await browser.request(
        `${api.url}/auth/oidc/delft/digid/callback?code=x&state=y`,
      );
      expect(callback.headers.get('location')).toContain('fout=RATE_LIMITED');
    });

    it("lets the town's admin set its brokers, with every problem at once and an audit entry without the secret", async () => {
      const refused = await admin.request(setProvider, {
        input: providerInput('eherkenning', {
          issuer: 'http://broker.example.nl',
          clientId: '',
          scopes: 'kvk',
          claims: { identifier: 'kvk name', assurance: '' },
          minimumAssurance: 'urn:etoegang:core:assurance-class:loa1',
        }),
      });
      expect(refused.errors?.[0]?.extensions.code).toBe('SETTINGS_INVALID');
      expect(refused.errors?.[0]?.extensions.problems?.map((p) => p.path).sort()).toEqual([
        'claims.assurance',
        'claims.identifier',
        'clientId',
        'issuer',
        'minimumAssurance',
        'scopes',
      ]);
      const read = await admin.request(
        '{ identityProviders { kind configured issuer hasClientSecret redirectUri } }',
      );
      expect(JSON.stringify(read.data)).not.toContain(clientSecret);
      expect(read.data).toMatchObject({
        identityProviders: [
          {
            kind: 'digid',
            configured: true,
            hasClientSecret: true,
            redirectUri: `${api.url}/auth/oidc/delft/digid/callback`,
          },
          { kind: 'eherkenning', configured: true },
        ],
      });
      const entries = await database.orm.em
        .fork()
        .find(AuditEntry, { subjectType: 'identityProvider' });
      expect(entries.length).toBeGreaterThan(0);
      expect(JSON.stringify(entries.map((e) => [e.before, e.after]))).not.toContain(clientSecret);
      const resident = await loggedIn(api.url, 'anna@demo.parkeer.nl');
      const forbidden = await resident.request('{ identityProviders { kind } }');
      expect(forbidden.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
      // The login page's list: public, enabled brokers only.
      const options = await new TestClient(api.url).request(
        '{ signInOptions(municipality: "delft") { kind startPath } }',
      );
      expect(options.data).toEqual({
        signInOptions: [
          { kind: 'digid', startPath: '/auth/oidc/delft/digid' },
          { kind: 'eherkenning', startPath: '/auth/oidc/delft/eherkenning' },
        ],
      });
    });

    it('stores no citizen service number anywhere: every table is scanned for the test BSNs', async () => {
      const em = database.orm.em.fork();
      const connection = em.getConnection();
      const tables =
        dialect === 'sqlite'
          ? (
              await connection.execute<{ name: string }[]>(
                "select name from sqlite_master where type = 'table' and name not like 'sqlite_%'",
              )
            ).map((row: { name: string }) => row.name)
          : (
              await connection.execute<{ table_name: string }[]>(
                "select table_name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'",
              )
            ).map((row: { table_name: string }) => row.table_name);
      expect(tables).toContain('identity_link');
      expect(await em.count(IdentityLink, { kind: 'bsn' })).toBeGreaterThanOrEqual(4);
      for (const table of tables) {
        const text = JSON.stringify(await connection.execute(`select * from "${table}"`));
        for (const bsn of testBsns) expect(text, `${table} holds ${bsn}`).not.toContain(bsn);
      }
    });

    async function loginCookie(email: string): Promise<string | null> {
      const client = new TestClient(api.url);
      await client.request(
        'mutation ($e: String!, $p: String!) { login(input: { email: $e, password: $p }) { expiresAt } }',
        { e: email, p: demoPassword },
      );
      return client.lastSetCookie;
    }
  },
);

describe('the test broker and the BSN hash key in production (docs/security.md §Identity)', () => {
  const production = {
    NODE_ENV: 'production',
    DATABASE_URL: 'postgres://parkeer@db/parkeer',
    PUBLIC_URL: 'https://parkeren.example.nl',
    PAYMENT_PROVIDER: 'mollie',
    MOLLIE_API_KEY: 'live_abc',
    IDENTITY_HASH_KEY: 'a-production-key-for-the-bsn-hash-0123456789',
    OAUTH_COOKIE_KEYS: 'a-production-key-for-oauth-cookies-0123456789',
    OAUTH_SIGNING_KEY: demoSigningKey,
  };
  const problems = (env: NodeJS.ProcessEnv) => {
    try {
      loadConfig(env);
      return [];
    } catch (error) {
      return (error as { problems: string[] }).problems;
    }
  };

  it('refuses to start production with the test broker or without its own hash key', () => {
    expect(problems(production)).toEqual([]);
    expect(loadConfig(production).IDENTITY_TEST_BROKER).toBe(false);
    expect(problems({ ...production, IDENTITY_TEST_BROKER: 'true' })).toEqual([
      'IDENTITY_TEST_BROKER: the test DigiD / eHerkenning broker is for demo mode only',
    ]);
    expect(problems({ ...production, IDENTITY_HASH_KEY: '' })).toEqual([
      'IDENTITY_HASH_KEY: production needs its own key for the BSN hash',
    ]);
    expect(problems({ ...production, IDENTITY_HASH_KEY: 'short' })).toEqual([
      'IDENTITY_HASH_KEY: at least 32 characters',
    ]);
    expect(loadConfig({}).IDENTITY_TEST_BROKER).toBe(true);
  });
});
