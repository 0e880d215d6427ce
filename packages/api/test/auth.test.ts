import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword, seedDemo } from '../src/seed/demo-seed.js';
import { sessionLifetime } from '../src/modules/auth/session-lifetime.js';
import { createServer, type RunningServer } from '../src/server.js';
import { TestClient } from './graphql-client.js';
import { openTestDatabase, testDialects, type TestDatabase } from './test-databases.js';

const dialects = await testDialects();
const login = `mutation ($email: String!, $password: String!, $remember: Boolean) {
  login(input: { email: $email, password: $password, remember: $remember }) { me { email role language } expiresAt }
}`;
const me = '{ me { email role } }';

describe.each(dialects)('accounts and login on %s (docs/rules.md §6)', (dialect) => {
  let database: TestDatabase;
  let server: RunningServer;
  let now = new Date('2026-11-23T09:00:00Z');

  beforeAll(async () => {
    database = await openTestDatabase(dialect);
    await seedDemo(database.orm.em.fork(), now);
    server = await createServer({ port: 0, orm: database.orm, webDist: null, clock: () => now });
  });
  afterAll(async () => {
    await server?.close();
    await database?.dispose();
  });

  const advance = (ms: number) => {
    now = new Date(now.getTime() + ms);
  };

  it('logs in with e-mail and password into an HttpOnly SameSite cookie and knows the viewer', async () => {
    const client = new TestClient(server.url);
    const result = await client.request(login, {
      email: ' Anna@Demo.Parkeer.nl ',
      password: demoPassword,
    });
    expect(result.errors).toBeUndefined();
    expect(result.data).toMatchObject({
      login: { me: { email: 'anna@demo.parkeer.nl', role: 'resident' } },
    });
    expect(client.lastSetCookie).toMatch(/^parkeer_session=[\w-]{40,};/);
    expect(client.lastSetCookie).toMatch(/HttpOnly/);
    expect(client.lastSetCookie).toMatch(/SameSite=Lax/);
    expect(client.lastSetCookie).not.toMatch(/Expires/);
    expect((await client.request(me)).data).toEqual({
      me: { email: 'anna@demo.parkeer.nl', role: 'resident' },
    });
    expect((await new TestClient(server.url).request(me)).data).toEqual({ me: null });
  });

  it('refuses a wrong password or an unknown account alike, in Dutch and English', async () => {
    const wrong = await new TestClient(server.url).request(login, {
      email: 'anna@demo.parkeer.nl',
      password: 'not-the-password',
    });
    const unknown = await new TestClient(server.url, {
      'accept-language': 'en-GB,en;q=0.9',
    }).request(login, {
      email: 'nobody@demo.parkeer.nl',
      password: demoPassword,
    });
    expect(wrong.errors?.[0]?.extensions.code).toBe('LOGIN_FAILED');
    expect(wrong.errors?.[0]?.message).toBe('Het e-mailadres of het wachtwoord klopt niet.');
    expect(unknown.errors?.[0]?.extensions.code).toBe('LOGIN_FAILED');
    expect(unknown.errors?.[0]?.message).toBe('The e-mail address or the password is not correct.');
    expect(unknown.errors?.[0]?.extensions.messages.nl).toBe(wrong.errors?.[0]?.message);
    expect(wrong.status).toBe(200);
  });

  it('logs out: the cookie is cleared and the session no longer works', async () => {
    const client = new TestClient(server.url);
    await client.request(login, { email: 'bram@demo.parkeer.nl', password: demoPassword });
    const stolenCookie = client.lastSetCookie!.split(';')[0]!;
    expect((await client.request('mutation { logout }')).data).toEqual({ logout: true });
    expect(client.lastSetCookie).toMatch(/parkeer_session=;/);
    const replay = new TestClient(server.url, { cookie: stolenCookie });
    expect((await replay.request(me)).data).toEqual({ me: null });
  });

  it('ends a short login after inactivity but keeps a remembered one', async () => {
    const short = new TestClient(server.url);
    const remembered = new TestClient(server.url);
    await short.request(login, { email: 'carla@demo.parkeer.nl', password: demoPassword });
    const result = await remembered.request(login, {
      email: 'carla@demo.parkeer.nl',
      password: demoPassword,
      remember: true,
    });
    expect(remembered.lastSetCookie).toMatch(/Expires=/);
    expect(
      new Date((result.data as { login: { expiresAt: string } }).login.expiresAt).getTime(),
    ).toBe(now.getTime() + sessionLifetime.remember.absolute);
    advance(sessionLifetime.short.idle - 60_000);
    expect((await short.request(me)).data).toEqual({
      me: { email: 'carla@demo.parkeer.nl', role: 'resident' },
    });
    advance(sessionLifetime.short.idle - 60_000); // active a moment ago, so still in
    expect((await short.request(me)).data).not.toEqual({ me: null });
    advance(sessionLifetime.short.idle);
    expect((await short.request(me)).data).toEqual({ me: null });
    expect((await remembered.request(me)).data).toEqual({
      me: { email: 'carla@demo.parkeer.nl', role: 'resident' },
    });
  });

  it('answers an operation that needs a login with UNAUTHENTICATED', async () => {
    const result = await new TestClient(server.url).request('mutation { logout }');
    expect(result.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
    expect(result.errors?.[0]?.extensions.messages).toEqual({
      nl: 'U bent niet ingelogd.',
      en: 'You are not logged in.',
    });
  });

  it('answers a malformed request with BAD_USER_INPUT and never a stack trace', async () => {
    const client = new TestClient(server.url);
    for (const query of [
      'mutation { login(input: { email: "a" }) { expiresAt } }',
      '{ me { nope } }',
      '{ me ',
    ]) {
      const result = await client.request(query);
      expect(result.status, query).toBe(400);
      const [error] = result.errors ?? [];
      expect(error?.extensions.code, query).toBe('BAD_USER_INPUT');
      expect(error?.extensions.detail, query).toBeTruthy();
      expect(JSON.stringify(result), query).not.toMatch(/stacktrace|at .*\.js:\d+/);
    }
  });

  it('hands apps and scan cars a bearer token that works without cookies until it is revoked', async () => {
    const client = new TestClient(server.url);
    const issued = await client.request<{
      createAccessToken: { token: string; me: { role: string } };
    }>(
      'mutation ($email: String!, $password: String!) { createAccessToken(email: $email, password: $password) { token expiresAt me { role } } }',
      { email: 'handhaving@demo.parkeer.nl', password: demoPassword },
    );
    expect(client.lastSetCookie).toBeNull();
    const { token, me: issuedTo } = issued.data!.createAccessToken;
    expect(issuedTo.role).toBe('enforcement');
    const app = new TestClient(server.url, { authorization: `Bearer ${token}` });
    expect((await app.request(me)).data).toEqual({
      me: { email: 'handhaving@demo.parkeer.nl', role: 'enforcement' },
    });
    // A token is not a cookie: sent as one it is nobody.
    const asCookie = new TestClient(server.url, { cookie: `parkeer_session=${token}` });
    expect((await asCookie.request(me)).data).toEqual({ me: null });
    expect((await app.request('mutation { logout }')).data).toEqual({ logout: true });
    expect((await app.request(me)).data).toEqual({ me: null });
    const wrong = await client.request(
      'mutation { createAccessToken(email: "handhaving@demo.parkeer.nl", password: "nope") { token } }',
    );
    expect(wrong.errors?.[0]?.extensions.code).toBe('LOGIN_FAILED');
  });
});
