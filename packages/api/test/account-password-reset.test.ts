import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword, seedDemo } from '../src/seed/demo-seed.js';
import { Account } from '../src/model/account.entity.js';
import { EmailToken } from '../src/model/email-token.entity.js';
import { emailLinkLifetime, publicAppUrl } from '../src/modules/auth/email-link.js';
import { MailOutbox } from '../src/model/mail-outbox.entity.js';
import { limitPolicies } from '../src/modules/rate-limit/limit-policies.js';
import { createServer, type RunningServer } from '../src/server.js';
import { TestClient } from './graphql-client.js';
import { openTestDatabase, testDialects, type TestDatabase } from './test-databases.js';

const dialects = await testDialects();
const requestReset = 'mutation ($email: String!) { requestPasswordReset(email: $email) }';
const resetPassword = `mutation ($token: String!, $password: String!, $passwordRepeat: String!) {
  resetPassword(token: $token, password: $password, passwordRepeat: $passwordRepeat)
}`;
const login = `mutation ($email: String!, $password: String!) {
  login(input: { email: $email, password: $password }) { me { email } }
}`;
const me = '{ me { email } }';
const checkLink = 'query ($token: String!) { passwordResetLink(token: $token) }';
const passwordResetLimit = limitPolicies.passwordReset.email;

describe.each(dialects)('password reset by e-mail link on %s (docs/rules.md §6)', (dialect) => {
  let database: TestDatabase;
  let server: RunningServer;
  let now = new Date('2026-11-23T09:00:00Z');

  beforeAll(async () => {
    database = await openTestDatabase(dialect);
    await seedDemo(database.orm.em.fork(), now);
    // Bram reads English: his mails must be in English.
    await database.orm.em
      .fork()
      .nativeUpdate(Account, { email: 'bram@demo.parkeer.nl' }, { language: 'en' });
    server = await createServer({ port: 0, orm: database.orm, webDist: null, clock: () => now });
  });
  afterAll(async () => {
    await server?.close();
    await database?.dispose();
  });

  const advance = (ms: number) => {
    now = new Date(now.getTime() + ms);
  };
  const mailsTo = (recipient: string) =>
    database.orm.em.fork().find(MailOutbox, { recipient }, { orderBy: { createdAt: 'asc' } });
  /** The token of the newest reset mail to `recipient`, read from the mail's text. */
  const tokenFromLatestMail = async (recipient: string) => {
    const mail = (await mailsTo(recipient)).at(-1);
    const link = new RegExp(`${publicAppUrl()}/wachtwoord-herstellen\\?token=([\\w%-]+)`).exec(
      mail?.text ?? '',
    );
    expect(link, 'a reset link in the mail').not.toBeNull();
    return decodeURIComponent(link![1]!);
  };
  const request = (email: string) => new TestClient(server.url).request(requestReset, { email });
  const reset = (token: string, password: string, passwordRepeat = password) =>
    new TestClient(server.url).request(resetPassword, { token, password, passwordRepeat });
  const check = (token: string) => new TestClient(server.url).request(checkLink, { token });
  const canLogin = async (email: string, password: string) =>
    !(await new TestClient(server.url).request(login, { email, password })).errors;

  it('mails a single link in the account language, stored with the token in one go', async () => {
    const result = await request(' Anna@Demo.Parkeer.nl ');
    expect(result).toMatchObject({ status: 200, data: { requestPasswordReset: true } });
    const [mail, ...more] = await mailsTo('anna@demo.parkeer.nl');
    expect(more).toEqual([]);
    expect(mail!.subject).toBe('Nieuw wachtwoord instellen');
    expect(mail!.text).toContain(`${emailLinkLifetime.passwordReset / 60_000} minuten`);
    expect(mail!.html).toContain('wachtwoord-herstellen?token=');
    const tokens = await database.orm.em
      .fork()
      .find(EmailToken, { email: 'anna@demo.parkeer.nl', purpose: 'passwordReset' });
    expect(tokens).toHaveLength(1);
    // Only the hash is stored: the raw token is in the mail alone.
    expect(mail!.text).not.toContain(tokens[0]!.tokenHash);

    await request('bram@demo.parkeer.nl');
    expect((await mailsTo('bram@demo.parkeer.nl'))[0]!.subject).toBe('Set a new password');
  });

  it('answers an unknown address exactly like a known one, and mails nobody', async () => {
    const before = await database.orm.em.fork().count(MailOutbox, {});
    const unknown = await request('niemand@example.nl');
    const nonsense = await request('geen e-mailadres');
    expect(unknown).toEqual({ status: 200, data: { requestPasswordReset: true } });
    expect(nonsense).toEqual(unknown);
    expect(await database.orm.em.fork().count(MailOutbox, {})).toBe(before);
    expect(await database.orm.em.fork().count(EmailToken, { email: 'niemand@example.nl' })).toBe(0);
  });

  it('sends at most 3 reset mails an hour to one address, still answering true', async () => {
    const email = 'carla@demo.parkeer.nl';
    for (let i = 0; i < passwordResetLimit.points + 2; i++) {
      expect((await request(email)).data).toEqual({ requestPasswordReset: true });
      advance(60_000);
    }
    expect(await mailsTo(email)).toHaveLength(passwordResetLimit.points);
    advance(passwordResetLimit.windowSeconds * 1000);
    await request(email);
    expect(await mailsTo(email)).toHaveLength(passwordResetLimit.points + 1);
  });

  it('refuses a weak or mistyped new password without using the link up', async () => {
    await request('anna@demo.parkeer.nl');
    const token = await tokenFromLatestMail('anna@demo.parkeer.nl');
    const short = await reset(token, 'Kort-1');
    expect(short.errors?.[0]?.extensions.code).toBe('PASSWORD_TOO_SHORT');
    expect(short.errors?.[0]?.extensions.messages).toEqual({
      nl: 'Het wachtwoord moet minstens 10 tekens lang zijn.',
      en: 'The password must be at least 10 characters long.',
    });
    const withEmail = await reset(token, 'anna-wachtwoord-1');
    expect(withEmail.errors?.[0]?.extensions.code).toBe('PASSWORD_CONTAINS_EMAIL');
    const onlyLetters = await reset(token, 'Wachtwoordloos');
    expect(onlyLetters.errors?.[0]?.extensions.code).toBe('PASSWORD_NEEDS_VARIETY');
    const mismatch = await reset(token, 'Nieuw-wachtwoord-1', 'Nieuw-wachtwoord-2');
    expect(mismatch.errors?.[0]?.extensions.code).toBe('PASSWORD_MISMATCH');
    expect(await canLogin('anna@demo.parkeer.nl', demoPassword)).toBe(true);
    expect((await reset(token, 'Nieuw-wachtwoord-1')).data).toEqual({ resetPassword: true });
  });

  it('sets the password, ends the other logins, and works only once', async () => {
    const email = 'bakkerij@demo.parkeer.nl';
    const elsewhere = new TestClient(server.url);
    await elsewhere.request(login, { email, password: demoPassword });
    expect((await elsewhere.request(me)).data).toEqual({ me: { email } });
    await request(email);
    const token = await tokenFromLatestMail(email);
    // Checked when the page opens, twice even: that uses nothing up.
    for (let i = 0; i < 2; i++) {
      expect((await check(token)).data).toEqual({ passwordResetLink: true });
    }

    expect((await reset(token, 'Brood-en-banket-9')).data).toEqual({ resetPassword: true });
    expect(await canLogin(email, demoPassword)).toBe(false);
    expect(await canLogin(email, 'Brood-en-banket-9')).toBe(true);
    expect((await elsewhere.request(me)).data).toEqual({ me: null });

    const again = await reset(token, 'Nog-een-wachtwoord-2');
    expect(again.errors?.[0]?.extensions.code).toBe('LINK_ALREADY_USED');
    expect((await check(token)).errors?.[0]?.extensions.code).toBe('LINK_ALREADY_USED');
    expect(await canLogin(email, 'Brood-en-banket-9')).toBe(true);
  });

  it('keeps the login of the browser that resets its own password', async () => {
    const email = 'anna@demo.parkeer.nl';
    const browser = new TestClient(server.url);
    await browser.request(login, { email, password: 'Nieuw-wachtwoord-1' });
    await request(email);
    const token = await tokenFromLatestMail(email);
    const result = await browser.request(resetPassword, {
      token,
      password: 'Derde-wachtwoord-3',
      passwordRepeat: 'Derde-wachtwoord-3',
    });
    expect(result.data).toEqual({ resetPassword: true });
    expect((await browser.request(me)).data).toEqual({ me: { email } });
  });

  it('voids older reset links of the account once one is used', async () => {
    const email = 'bram@demo.parkeer.nl';
    advance(passwordResetLimit.windowSeconds * 1000);
    await request(email);
    const older = await tokenFromLatestMail(email);
    await request(email);
    const newer = await tokenFromLatestMail(email);
    expect(newer).not.toBe(older);
    expect((await reset(newer, 'Zijn-nieuwe-code-1')).data).toEqual({ resetPassword: true });
    expect((await reset(older, 'Zijn-andere-code-2')).errors?.[0]?.extensions.code).toBe(
      'LINK_ALREADY_USED',
    );
  });

  it('refuses an expired link (by the server clock) and an unknown one', async () => {
    const email = 'carla@demo.parkeer.nl';
    advance(passwordResetLimit.windowSeconds * 1000);
    await request(email);
    const token = await tokenFromLatestMail(email);
    advance(emailLinkLifetime.passwordReset);
    expect((await check(token)).errors?.[0]?.extensions.code).toBe('LINK_EXPIRED');
    const expired = await reset(token, 'Te-laat-gekomen-1');
    expect(expired.errors?.[0]?.extensions.code).toBe('LINK_EXPIRED');
    expect(await canLogin(email, demoPassword)).toBe(true);
    const unknown = await reset('bestaat-niet', 'Te-laat-gekomen-1');
    expect(unknown.errors?.[0]?.extensions.code).toBe('LINK_INVALID');
    const unknownChecked = await check('bestaat-niet');
    expect(unknownChecked.errors?.[0]?.extensions.code).toBe('LINK_INVALID');
    expect(unknownChecked.errors?.[0]?.extensions.messages.nl).toBeTruthy();
  });

  it('limits the checks of reset links per client with RATE_LIMITED', async () => {
    const { points, windowSeconds } = limitPolicies.passwordResetLink.address;
    advance(windowSeconds * 1000);
    for (let i = 0; i < points; i++) {
      expect((await check(`geraden-${i}`)).errors?.[0]?.extensions.code).toBe('LINK_INVALID');
    }
    expect((await check('nog-een')).errors?.[0]?.extensions.code).toBe('RATE_LIMITED');
    advance(windowSeconds * 1000);
    expect((await check('later')).errors?.[0]?.extensions.code).toBe('LINK_INVALID');
  });
});
