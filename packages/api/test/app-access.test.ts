import * as oauth from 'openid-client';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { reloadConfig } from '../src/config/config.js';
import { logger } from '../src/logging/logger.js';
import { oauthKey } from '../src/modules/oauth/oauth-store.js';
import { Topic } from '../src/graphql/pubsub.js';
import { ParkingSession } from '../src/model/parking-session.entity.js';
import { OAuthRecord } from '../src/model/oauth-record.entity.js';
import { useDemoApi } from './demo-api.js';
import { loggedIn } from './login.js';
import { RedirectBrowser } from './oidc-browser.js';
import {
  consentPageOf,
  decide,
  graphqlIn,
  registerPartnerApp,
  residentBrowser,
} from './partner-app.js';
import { testDialects } from './test-databases.js';
import { Stream, until, wsClient } from './ws-client.js';

const dialects = await testDialects();
type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const redirectUri = 'http://127.0.0.1:9/callback';
const startSession = `mutation ($input: StartSessionInput!) { startSession(input: $input) {
  __typename ... on SessionAccepted { session { id plate } } ... on SessionRefused { reason } } }`;

/** An app's bearer request. */
async function asApp(url: string, token: string, query: string, variables = {}) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as {
    data?: Data | null;
    errors?: { extensions: { code: string } }[];
  };
}

describe.each(dialects)('apps acting for a resident (OAuth 2 code + PKCE), %s', (dialect) => {
  const api = useDemoApi(dialect);
  let client: oauth.Configuration;
  let appId: string;
  let clientId: string;
  let annaPermit: string;
  const publicUrlBefore = process.env.PUBLIC_URL;

  beforeAll(async () => {
    // The issuer is PUBLIC_URL + /oauth: this server's address, known once it listens.
    process.env.PUBLIC_URL = api.url;
    reloadConfig();
    const registered = await registerPartnerApp(
      api.url,
      [redirectUri],
      ['readParking', 'parkSessions'],
    );
    appId = registered.id;
    clientId = registered.clientId;
    expect(registered.clientSecret).toBeNull();
    client = await oauth.discovery(new URL(`${api.url}/oauth`), clientId, undefined, oauth.None(), {
      execute: [oauth.allowInsecureRequests],
    });
    annaPermit = await api.permitOf('anna@demo.parkeer.nl');
  });
  afterAll(() => {
    if (publicUrlBefore === undefined) delete process.env.PUBLIC_URL;
    else process.env.PUBLIC_URL = publicUrlBefore;
    reloadConfig();
  });

  /** The app sends the browser to the authorization endpoint; the browser ends on the SPA. */
  async function startAuthorization(
    browser: RedirectBrowser,
    params: Record<string, string> = {},
    app: oauth.Configuration = client,
  ): Promise<{ uid: string; verifier: string; state: string }> {
    const verifier = oauth.randomPKCECodeVerifier();
    const state = oauth.randomState();
    const url = oauth.buildAuthorizationUrl(app, {
      redirect_uri: redirectUri,
      scope: 'readParking parkSessions',
      code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      ...params,
    });
    const uid = await consentPageOf(browser, url.href);
    return { uid, verifier, state };
  }

  /** After the consent: the browser follows to the app's redirect URI, which holds the code. */
  async function toApp(browser: RedirectBrowser, redirectTo: string): Promise<URL> {
    const { url } = await browser.follow(new URL(redirectTo, api.url).href, (next) =>
      next.href.startsWith(redirectUri),
    );
    return new URL(url);
  }

  /** Anna allows `app`: the address the browser brings back, with what the app keeps. */
  async function consented(app: oauth.Configuration = client) {
    const browser = await residentBrowser(api.url, 'anna@demo.parkeer.nl');
    const { uid, verifier, state } = await startAuthorization(browser, {}, app);
    const callback = await toApp(browser, await decide(browser, api.url, uid, true));
    return { callback, checks: { pkceCodeVerifier: verifier, expectedState: state } };
  }

  /** Anna allows `app`, and the app exchanges the code: its tokens. */
  async function connected(app: oauth.Configuration = client) {
    const { callback, checks } = await consented(app);
    return oauth.authorizationCodeGrant(app, callback, checks);
  }

  const readParking = `query { productGroups { __typename } }`;

  it('connects an app: consent, code + PKCE, a session on the partner channel, refresh, revoke', async () => {
    const browser = await residentBrowser(api.url, 'anna@demo.parkeer.nl');
    const { uid, verifier, state } = await startAuthorization(browser);

    const asked = await graphqlIn(
      browser,
      api.url,
      `query ($uid: String!) { appAuthorization(uid: $uid) { app { name owner } redirectHost scopes } }`,
      { uid },
    );
    expect(asked.errors).toBeUndefined();
    expect(asked.data!.appAuthorization).toEqual({
      app: { name: 'ParkeerApp', owner: 'Voorbeeld BV' },
      redirectHost: '127.0.0.1:9',
      scopes: ['readParking', 'parkSessions'],
    });

    const decided = await graphqlIn(
      browser,
      api.url,
      `mutation ($uid: String!) { decideAppAuthorization(uid: $uid, allow: true) { redirectTo } }`,
      { uid },
    );
    expect(decided.errors).toBeUndefined();
    const callback = await toApp(browser, decided.data!.decideAppAuthorization.redirectTo);
    const tokens = await oauth.authorizationCodeGrant(client, callback, {
      pkceCodeVerifier: verifier,
      expectedState: state,
    });
    expect(tokens.refresh_token).toBeTruthy();
    expect(tokens.scope?.split(' ').sort()).toEqual(['parkSessions', 'readParking']);

    const started = await asApp(api.url, tokens.access_token, startSession, {
      input: { productId: annaPermit, plate: 'GB-123-K', idempotencyKey: `app-${dialect}` },
    });
    expect(started.errors).toBeUndefined();
    expect(started.data!.startSession.__typename).toBe('SessionAccepted');
    const session = await api
      .em()
      .findOneOrFail(ParkingSession, { id: started.data!.startSession.session.id });
    expect(session.channel).toBe('partner');
    // The holder's history names the app that started it; what the holder starts names none.
    const anna = await loggedIn(api.url, 'anna@demo.parkeer.nl');
    await anna.request(startSession, {
      input: { productId: annaPermit, plate: 'GB-124-K', idempotencyKey: `own-${dialect}` },
    });
    const history = await anna.request<Data>(
      `query ($id: ID!) { sessionHistory(permitId: $id, first: 10) {
        edges { node { plate startedByApp } } } }`,
      { id: annaPermit },
    );
    const byPlate = Object.fromEntries(
      history.data!.sessionHistory.edges.map(({ node }: Data) => [node.plate, node.startedByApp]),
    );
    expect(byPlate).toMatchObject({ GB123K: 'ParkeerApp', GB124K: null });

    // A refresh token is used once and replaced; the new access token works.
    const refreshed = await oauth.refreshTokenGrant(client, tokens.refresh_token!);
    expect(refreshed.refresh_token).not.toBe(tokens.refresh_token);
    const read = await asApp(
      api.url,
      refreshed.access_token,
      `query { productGroups { __typename } }`,
    );
    expect(read.errors).toBeUndefined();

    // The resident's settings list the app; revoking it stops its tokens at once.
    const listed = await anna.request<Data>(
      `query { connectedApps { app { id name } scopes connectedAt lastUsedAt } }`,
    );
    expect(listed.data!.connectedApps).toEqual([
      {
        app: { id: appId, name: 'ParkeerApp' },
        scopes: ['readParking', 'parkSessions'],
        connectedAt: api.now.toISOString(),
        lastUsedAt: api.now.toISOString(),
      },
    ]);
    const revoked = await anna.request<Data>(
      `mutation ($id: ID!) { revokeConnectedApp(appId: $id) }`,
      { id: appId },
    );
    expect(revoked.data).toEqual({ revokeConnectedApp: true });
    const after = await asApp(
      api.url,
      refreshed.access_token,
      `query { productGroups { __typename } }`,
    );
    expect(after.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
    await expect(oauth.refreshTokenGrant(client, refreshed.refresh_token!)).rejects.toMatchObject({
      error: 'invalid_grant',
    });
    expect(await api.em().count(OAuthRecord, { grantKey: { $ne: null } })).toBe(0);
  });

  it('keeps a token to its scopes and to the resident’s own products', async () => {
    const browser = await residentBrowser(api.url, 'anna@demo.parkeer.nl');
    const { uid, verifier, state } = await startAuthorization(browser, { scope: 'readParking' });
    const decided = await graphqlIn(
      browser,
      api.url,
      `mutation ($uid: String!) { decideAppAuthorization(uid: $uid, allow: true) { redirectTo } }`,
      { uid },
    );
    const tokens = await oauth.authorizationCodeGrant(
      client,
      await toApp(browser, decided.data!.decideAppAuthorization.redirectTo),
      { pkceCodeVerifier: verifier, expectedState: state },
    );
    const outside = await asApp(api.url, tokens.access_token, startSession, {
      input: { productId: annaPermit, plate: 'GB-123-K', idempotencyKey: `scope-${dialect}` },
    });
    expect(outside.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    const settings = await asApp(
      api.url,
      tokens.access_token,
      `query { connectedApps { scopes } }`,
    );
    expect(settings.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    // Over graphql-ws the same token follows the resident's sessions live.
    const ws = wsClient(api.url, { bearer: tokens.access_token });
    const events = new Stream(ws, `subscription { sessionEvents { kind session { plate } } }`, {});
    try {
      await until(
        () => api.pubSub.listeners(Topic.SessionEvents, annaPermit) > 0,
        'the subscription',
      );
      const anna = await loggedIn(api.url, 'anna@demo.parkeer.nl');
      await anna.request(startSession, {
        input: { productId: annaPermit, plate: 'XX-999-X', idempotencyKey: `live-${dialect}` },
      });
      expect((await events.nth(0)).data).toEqual({
        sessionEvents: { kind: 'started', session: { plate: 'XX999X' } },
      });
    } finally {
      await events.close();
      await ws.dispose();
    }
    const carlaPermit = await api.permitOf('carla@demo.parkeer.nl');
    const foreign = await asApp(
      api.url,
      tokens.access_token,
      `query ($id: ID!) { product(id: $id) { id } }`,
      { id: carlaPermit },
    );
    expect(foreign.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
  });

  it('refuses an authorization without PKCE, with a wrong verifier, redirect URI or scope', async () => {
    const browser = await residentBrowser(api.url, 'anna@demo.parkeer.nl');
    const noPkce = new URL(`${api.url}/oauth/auth`);
    noPkce.search = new URLSearchParams({
      client_id: clientId,
      response_type: 'code',
      redirect_uri: redirectUri,
      scope: 'readParking',
    }).toString();
    const refusedPkce = await browser.follow(noPkce.href, (next) =>
      next.href.startsWith(redirectUri),
    );
    expect(new URL(refusedPkce.url).searchParams.get('error')).toBe('invalid_request');

    const wrongRedirect = await browser.request(
      oauth.buildAuthorizationUrl(client, {
        redirect_uri: 'http://127.0.0.1:9/elsewhere',
        scope: 'readParking',
        code_challenge: await oauth.calculatePKCECodeChallenge(oauth.randomPKCECodeVerifier()),
        code_challenge_method: 'S256',
      }).href,
    );
    expect(wrongRedirect.status).toBe(400);
    expect(await wrongRedirect.json()).toMatchObject({ error: 'invalid_redirect_uri' });

    const notAllowed = await browser.follow(
      oauth.buildAuthorizationUrl(client, {
        redirect_uri: redirectUri,
        scope: 'manageFavorites',
        code_challenge: await oauth.calculatePKCECodeChallenge(oauth.randomPKCECodeVerifier()),
        code_challenge_method: 'S256',
      }).href,
      (next) => next.href.startsWith(redirectUri),
    );
    expect(new URL(notAllowed.url).searchParams.get('error')).toBe('invalid_scope');

    const { uid, state } = await startAuthorization(browser);
    const decided = await graphqlIn(
      browser,
      api.url,
      `mutation ($uid: String!) { decideAppAuthorization(uid: $uid, allow: true) { redirectTo } }`,
      { uid },
    );
    const callback = await toApp(browser, decided.data!.decideAppAuthorization.redirectTo);
    await expect(
      oauth.authorizationCodeGrant(client, callback, {
        pkceCodeVerifier: oauth.randomPKCECodeVerifier(),
        expectedState: state,
      }),
    ).rejects.toMatchObject({ error: 'invalid_grant' });
  });

  it('sends a denial back to the app, and lets only the starting browser’s resident consent', async () => {
    const browser = await residentBrowser(api.url, 'anna@demo.parkeer.nl');
    const { uid } = await startAuthorization(browser);
    // Someone else's browser (or login) that got the link finds nothing.
    const carla = await residentBrowser(api.url, 'carla@demo.parkeer.nl');
    const stranger = await graphqlIn(
      carla,
      api.url,
      `query ($uid: String!) { appAuthorization(uid: $uid) { scopes } }`,
      { uid },
    );
    expect(stranger.errors?.[0]?.extensions.code).toBe('APP_AUTHORIZATION_NOT_FOUND');

    const denied = await graphqlIn(
      browser,
      api.url,
      `mutation ($uid: String!) { decideAppAuthorization(uid: $uid, allow: false) { redirectTo } }`,
      { uid },
    );
    const callback = await toApp(browser, denied.data!.decideAppAuthorization.redirectTo);
    expect(callback.searchParams.get('error')).toBe('access_denied');
  });

  it('lets no admin consent, and sends a browser without a login to the login page first', async () => {
    const admin = await residentBrowser(api.url, 'beheer@delft.demo.parkeer.nl');
    const { uid } = await startAuthorization(admin);
    const refused = await graphqlIn(
      admin,
      api.url,
      `mutation ($uid: String!) { decideAppAuthorization(uid: $uid, allow: true) { redirectTo } }`,
      { uid },
    );
    expect(refused.errors?.[0]?.extensions.code).toBe('FORBIDDEN');

    const anonymous = new RedirectBrowser();
    const verifier = oauth.randomPKCECodeVerifier();
    const { url } = await anonymous.follow(
      oauth.buildAuthorizationUrl(client, {
        redirect_uri: redirectUri,
        scope: 'readParking',
        code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
      }).href,
      (next) => next.pathname === '/inloggen',
    );
    expect(new URL(url).searchParams.get('terug')).toMatch(/^\/oauth\/interaction\//);
  });

  it('ends the consent when the app calls logout with its token, and completes its subscriptions', async () => {
    const tokens = await connected();
    const ws = wsClient(api.url, { bearer: tokens.access_token });
    const events = new Stream(ws, `subscription { sessionEvents { kind } }`, {});
    try {
      await until(
        () => api.pubSub.listeners(Topic.SessionEvents, annaPermit) > 0,
        'the subscription',
      );
      const out = await asApp(api.url, tokens.access_token, `mutation { logout }`);
      expect(out).toEqual({ data: { logout: true } });
      expect(await events.completed()).toEqual([]);
    } finally {
      await events.close();
      await ws.dispose();
    }
    const after = await asApp(api.url, tokens.access_token, readParking);
    expect(after.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
    await expect(oauth.refreshTokenGrant(client, tokens.refresh_token!)).rejects.toMatchObject({
      error: 'invalid_grant',
    });
    const anna = await loggedIn(api.url, 'anna@demo.parkeer.nl');
    expect((await anna.request<Data>(`query { connectedApps { scopes } }`)).data).toEqual({
      connectedApps: [],
    });
    // Anna's own login is untouched.
    expect((await anna.request<Data>(readParking)).errors).toBeUndefined();
  });

  it('completes the app’s subscriptions when the resident disconnects it', async () => {
    const tokens = await connected();
    const ws = wsClient(api.url, { bearer: tokens.access_token });
    const events = new Stream(ws, `subscription { balanceEvents { permitId } }`, {});
    try {
      await until(
        () => api.pubSub.listeners(Topic.BalanceEvents, annaPermit) > 0,
        'the subscription',
      );
      const anna = await loggedIn(api.url, 'anna@demo.parkeer.nl');
      const revoked = await anna.request<Data>(
        `mutation ($id: ID!) { revokeConnectedApp(appId: $id) }`,
        { id: appId },
      );
      expect(revoked.data).toEqual({ revokeConnectedApp: true });
      expect(await events.completed()).toEqual([]);
    } finally {
      await events.close();
      await ws.dispose();
    }
  });

  it('refuses a used code or refresh token again and ends the consent they came from', async () => {
    const { callback, checks } = await consented();
    const tokens = await oauth.authorizationCodeGrant(client, callback, checks);
    await expect(oauth.authorizationCodeGrant(client, callback, checks)).rejects.toMatchObject({
      error: 'invalid_grant',
    });
    const afterCode = await asApp(api.url, tokens.access_token, readParking);
    expect(afterCode.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');

    const again = await connected();
    const refreshed = await oauth.refreshTokenGrant(client, again.refresh_token!);
    expect((await asApp(api.url, refreshed.access_token, readParking)).errors).toBeUndefined();
    await expect(oauth.refreshTokenGrant(client, again.refresh_token!)).rejects.toMatchObject({
      error: 'invalid_grant',
    });
    const afterRefresh = await asApp(api.url, refreshed.access_token, readParking);
    expect(afterRefresh.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
    await expect(oauth.refreshTokenGrant(client, refreshed.refresh_token!)).rejects.toMatchObject({
      error: 'invalid_grant',
    });
  });

  it('answers an expired access token UNAUTHENTICATED, and its refresh token still refreshes', async () => {
    const tokens = await connected();
    // Ten minutes pass on the wall clock, which the tokens' lifetimes run on.
    await api
      .em()
      .nativeUpdate(
        OAuthRecord,
        { model: 'AccessToken', key: oauthKey(tokens.access_token) },
        { expiresAt: new Date(Date.now() - 1000) },
      );
    const expired = await asApp(api.url, tokens.access_token, readParking);
    expect(expired.data).toBeNull();
    expect(expired.errors?.[0]).toMatchObject({
      message: 'U bent niet ingelogd.',
      extensions: {
        code: 'UNAUTHENTICATED',
        messages: { nl: 'U bent niet ingelogd.', en: 'You are not logged in.' },
      },
    });
    const refreshed = await oauth.refreshTokenGrant(client, tokens.refresh_token!);
    expect((await asApp(api.url, refreshed.access_token, readParking)).errors).toBeUndefined();
  });

  it('lets a confidential app exchange a code only with its secret, which it never logs or stores', async () => {
    const lines: string[] = [];
    const levels = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'] as const;
    const spies = levels.map((level) =>
      vi.spyOn(logger, level).mockImplementation(((...args: unknown[]) => {
        lines.push(JSON.stringify(args, (_k, v: unknown) => (v instanceof Error ? String(v) : v)));
      }) as never),
    );
    try {
      const server = await registerPartnerApp(
        api.url,
        [redirectUri],
        ['readParking', 'parkSessions'],
        {
          name: 'ParkeerServer',
          kind: 'confidential',
        },
      );
      const secret = server.clientSecret!;
      expect(secret).toMatch(/^\S{40,}$/);
      const withSecret = await oauth.discovery(
        new URL(`${api.url}/oauth`),
        server.clientId,
        undefined,
        oauth.ClientSecretBasic(secret),
        { execute: [oauth.allowInsecureRequests] },
      );
      /** The token endpoint as an app calls it, with HTTP Basic when it sends a secret. */
      const tokenEndpoint = async (form: Record<string, string>, sent: string | null) => {
        const basic = Buffer.from(`${server.clientId}:${sent}`).toString('base64');
        const response = await fetch(`${api.url}/oauth/token`, {
          method: 'POST',
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            ...(sent === null ? {} : { authorization: `Basic ${basic}` }),
          },
          body: new URLSearchParams(sent === null ? { ...form, client_id: server.clientId } : form),
        });
        return { status: response.status, body: (await response.json()) as Data };
      };
      const codeOf = async () => {
        const { callback, checks } = await consented(withSecret);
        return {
          grant_type: 'authorization_code',
          code: callback.searchParams.get('code')!,
          redirect_uri: redirectUri,
          code_verifier: checks.pkceCodeVerifier,
        };
      };

      for (const sent of [`${secret.slice(0, -1)}x`, '', null]) {
        const refused = await tokenEndpoint(await codeOf(), sent);
        expect(refused).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
      }
      const exchanged = await tokenEndpoint(await codeOf(), secret);
      expect(exchanged.status).toBe(200);
      const tokens = exchanged.body as { access_token: string; refresh_token: string };
      expect((await asApp(api.url, tokens.access_token, readParking)).errors).toBeUndefined();
      const refresh = { grant_type: 'refresh_token', refresh_token: tokens.refresh_token };
      expect(await tokenEndpoint(refresh, 'wrong')).toMatchObject({
        status: 401,
        body: { error: 'invalid_client' },
      });
      // openid-client, as a confidential app would use it, refreshes with the secret.
      const refreshed = await oauth.refreshTokenGrant(withSecret, tokens.refresh_token);
      expect((await asApp(api.url, refreshed.access_token, readParking)).errors).toBeUndefined();

      const stored = JSON.stringify([
        await api.em().getConnection().execute('select * from partner_app'),
        await api.em().getConnection().execute('select * from oauth_record'),
      ]);
      for (const text of [stored, ...lines]) expect(text).not.toContain(secret);
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });
});
